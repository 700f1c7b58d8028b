/**
 * A deliverable's optional measure: what is counted (e.g. "investigators trained"), the unit when
 * the count is not of things (e.g. hours), a target and the count so far. When a deliverable has
 * one, its progress is not typed: the server computes it from the count on every write (create,
 * edit, progress update), so the stored progress that boards, lists and charts read always agrees
 * with the count. Pure, so the server, the forms and the board's optimistic cards share it.
 */
import type { Status } from './domain';
import { formatNumber } from './format';

export type Measure = { label: string; unit: string | null; target: number; actual: number };

/** The measure as the deliverables table stores it, in four nullable columns. */
export type MeasureColumns = {
  measureLabel: string | null;
  measureUnit: string | null;
  measureTarget: number | null;
  measureActual: number | null;
};

/** The stored columns as one measure, or null when the deliverable has none (no target). */
export function measureOf(row: MeasureColumns): Measure | null {
  if (row.measureTarget === null || row.measureTarget <= 0 || !row.measureLabel) return null;
  return { label: row.measureLabel, unit: row.measureUnit || null, target: row.measureTarget, actual: row.measureActual ?? 0 };
}

/** The measure as the four columns store it; null clears them. */
export function measureColumns(measure: Measure | null): MeasureColumns {
  return {
    measureLabel: measure?.label ?? null,
    measureUnit: measure?.unit ?? null,
    measureTarget: measure?.target ?? null,
    measureActual: measure?.actual ?? null,
  };
}

/**
 * round(count / target × 100), at most 100. A count short of its target never reads 100%
 * (1,199 of 1,200 is 99%, not a rounded 100%), so 100% always means the target was reached.
 */
export function progressFromCount(actual: number, target: number): number {
  const percent = Math.min(100, Math.round((actual / target) * 100));
  return percent === 100 && actual < target ? 99 : percent;
}

/**
 * The progress a deliverable stores after a write. A completed one is at 100% (even when its count
 * fell short: the card still shows the count); otherwise a measured one follows its count, and an
 * unmeasured one keeps the progress typed for it.
 */
export function progressFor(status: Status, measure: Pick<Measure, 'actual' | 'target'> | null, typed: number): number {
  if (status === 'completed') return 100;
  if (measure) return progressFromCount(measure.actual, measure.target);
  return typed;
}

/** What the numbers count, as it reads after them: "investigators trained", or "hours (training delivered)" with a unit. */
export function countedAs(measure: Pick<Measure, 'label' | 'unit'>): string {
  return measure.unit ? `${measure.unit} (${measure.label})` : measure.label;
}

/** "640 of 1,200 investigators trained"; with a unit, "640 of 1,200 hours (training delivered)". */
export function measureSummary(measure: Pick<Measure, 'label' | 'unit' | 'actual' | 'target'>): string {
  return `${formatNumber(measure.actual)} of ${formatNumber(measure.target)} ${countedAs(measure)}`;
}

/** A count alone, as an update recorded it: "640 investigators trained" ("count 640" once the measure is gone). */
export function countSummary(actual: number, measure: Pick<Measure, 'label' | 'unit'> | null): string {
  return measure ? `${formatNumber(actual)} ${countedAs(measure)}` : `count ${formatNumber(actual)}`;
}
