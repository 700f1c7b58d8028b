'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SERIES_COLOURS } from './palette';

export type ChangeDatum = { label: string; a: number; b: number };

/** Grouped bars per pillar: completed deliverables as of meeting A (grey) and as of meeting B (blue), labelled. */
export default function ChangeChart({ data, labelA, labelB }: { data: ChangeDatum[]; labelA: string; labelB: string }) {
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: '#1b1b1b' }} />
        <YAxis allowDecimals={false} tick={{ fill: '#1b1b1b' }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="a" name={labelA} fill={SERIES_COLOURS.a} isAnimationActive={false}>
          <LabelList dataKey="a" position="top" fill="#1b1b1b" />
        </Bar>
        <Bar dataKey="b" name={labelB} fill={SERIES_COLOURS.b} isAnimationActive={false}>
          <LabelList dataKey="b" position="top" fill="#1b1b1b" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
