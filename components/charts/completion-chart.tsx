'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SERIES_COLOURS } from './palette';

export type CompletionDatum = { month: string; completed: number; inProgress: number };

/** Two lines over the months: completed (solid, round dots) and in progress (dashed, square dots). */
export default function CompletionChart({ data }: { data: CompletionDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fill: '#1b1b1b' }} minTickGap={24} />
        <YAxis allowDecimals={false} tick={{ fill: '#1b1b1b' }} />
        <Tooltip />
        <Legend />
        <Line type="stepAfter" dataKey="completed" name="Completed" stroke={SERIES_COLOURS.completed} strokeWidth={3} dot={{ r: 3 }} isAnimationActive={false} />
        <Line
          type="stepAfter"
          dataKey="inProgress"
          name="In progress"
          stroke={SERIES_COLOURS.inProgress}
          strokeWidth={3}
          strokeDasharray="6 4"
          dot={{ r: 3, strokeWidth: 2, fill: '#ffffff' }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
