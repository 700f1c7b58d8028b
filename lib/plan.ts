/**
 * The plan's vocabulary, pure: how an objective is named, and what a priority action's code must
 * look like (pillar.objective.action, its first number the pillar's place among the four).
 */
import { PILLARS, type PillarSlug } from './domain';

/** An objective's name as people read it: its number when a source states one. */
export function objectiveName(o: { number: number | null; title: string }): string {
  return o.number === null ? o.title : `${o.number}. ${o.title}`;
}

/** digits.digits.digits, as the plan numbers its priority actions (e.g. 1.3.2). */
export const ACTION_CODE_PATTERN = /^\d{1,2}\.\d{1,2}\.\d{1,2}$/;

/** The pillar a code's first number names (1 prevention … 4 partnership), or null. */
export function pillarOfCode(code: string): PillarSlug | null {
  const first = Number(code.split('.')[0]);
  return PILLARS[first - 1] ?? null;
}
