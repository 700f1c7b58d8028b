import { z } from 'zod';
import { MEETING_DOCUMENT_KINDS } from '@/lib/domain';
import { DOCUMENT_FORMATS } from '@/lib/meeting-documents';
import { routeId } from './common';
import { text } from './text';

/** `/api/meetings/:id/documents/:kind`, the kind as stored: `fact_sheet` or `chair_statement`. */
export const meetingDocumentParams = z.object({ id: routeId, kind: z.enum(MEETING_DOCUMENT_KINDS) });

export const meetingDocumentQuery = z.strictObject({
  format: z.enum(DOCUMENT_FORMATS, { error: `format must be one of ${DOCUMENT_FORMATS.join(', ')}.` }).optional().describe('Download the document as a file (docx, md or html) instead of JSON.'),
});

const version = z.number({ error: 'Send the version you edited.' }).int('Send the version you edited.').min(0, 'Send the version you edited.');

export const saveMeetingDocumentSchema = z.strictObject({
  body: text({ multiline: true, error: 'The text must be text.' })
    .min(1, 'Write the document’s text, or redraft it from the record.')
    .max(100_000, 'Keep the document to 100,000 characters or fewer.'),
  version,
});
export type SaveMeetingDocumentBody = z.input<typeof saveMeetingDocumentSchema>;

export const redraftMeetingDocumentSchema = z.strictObject({ version });
export type RedraftMeetingDocumentBody = z.input<typeof redraftMeetingDocumentSchema>;
