'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STATUSES, STATUS_LABELS } from '@/lib/domain';
import { STATUS_COLOURS } from './palette';

export type PillarStatusDatum = { label: string } & Record<(typeof STATUSES)[number], number>;

/** Stacked bars: one bar per pillar, one segment per status, each segment labelled with its count. */
export default function PillarStatusChart({ data, height = 320 }: { data: PillarStatusDatum[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: '#1b1b1b' }} />
        <YAxis allowDecimals={false} tick={{ fill: '#1b1b1b' }} />
        <Tooltip />
        <Legend />
        {STATUSES.map((status) => (
          <Bar key={status} dataKey={status} name={STATUS_LABELS[status]} stackId="status" fill={STATUS_COLOURS[status]} isAnimationActive={false}>
            <LabelList dataKey={status} position="center" fill="#ffffff" formatter={(v: unknown) => (Number(v) > 0 ? String(v) : '')} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
