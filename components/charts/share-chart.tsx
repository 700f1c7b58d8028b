'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ShareDatum = { label: string; labor: number; sex: number; both: number; unknown: number };

const SEGMENTS = [
  { key: 'labor', name: 'Labor trafficking', fill: '#005ea2' },
  { key: 'sex', name: 'Sex trafficking', fill: '#b50909' },
  { key: 'both', name: 'Both sex and labor', fill: '#6b3a8a' },
  { key: 'unknown', name: 'Unknown', fill: '#71767a' },
] as const;

/** Stacked 100 % bars (horizontal): each group's shares by type of trafficking, every segment labelled. */
export default function ShareChart({ data }: { data: ShareDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height={90 + data.length * 60}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fill: '#1b1b1b' }} />
        <YAxis type="category" dataKey="label" width={80} tick={{ fill: '#1b1b1b' }} />
        <Tooltip formatter={(v: unknown) => `${String(v)}%`} />
        <Legend />
        {SEGMENTS.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="share" fill={s.fill} isAnimationActive={false}>
            <LabelList dataKey={s.key} position="center" fill="#ffffff" formatter={(v: unknown) => (Number(v) >= 5 ? `${String(v)}%` : '')} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
