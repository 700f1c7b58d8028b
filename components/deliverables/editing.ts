/**
 * What the two forms of a deliverable's page share: the deliverable as the page hands it on (its
 * last update as epoch ms), a refused save's conflict, and how numbers typed into text boxes are read.
 */
import type { DeliverableDetail } from '@/lib/contracts/deliverables';

export type EditableDeliverable = Omit<DeliverableDetail, 'lastUpdateAt'> & { lastUpdateAt: number | null };

/** A save refused because someone else saved first: what this user sent, the record now, and how to send it again. */
export type Conflict = { mine: Record<string, unknown>; theirs: EditableDeliverable | null; retry: (version: number) => void };

/**
 * Numbers typed into a text box: NaN for anything that is not one, so the server names the field.
 * Counts may be typed with thousands separators ("1,200").
 */
export function toNumber(text: string, { grouped = false } = {}): number {
  const trimmed = grouped ? text.replace(/[,\s]/g, '') : text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}
