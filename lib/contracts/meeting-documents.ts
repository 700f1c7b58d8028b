/**
 * A meeting's public document as the data layer returns it and the page and endpoint hand on.
 * Instants are epoch milliseconds.
 */
import type { MeetingDocumentKind } from '@/lib/domain';

export type MeetingDocumentView = {
  meeting: { id: number; title: string; date: string };
  kind: MeetingDocumentKind;
  /** The text as edited (see lib/meeting-documents.ts for its form), or the draft from the record. */
  body: string;
  /** Send it back to save or redraft; 0 before the document was ever saved. */
  version: number;
  /** False while the text is drafted from the record as it stands now. */
  edited: boolean;
  updatedAt: number | null;
  updatedBy: string | null;
};
