import { getMeetingDocument, redraftMeetingDocument, saveMeetingDocument } from '@/db/queries/meeting-documents';
import { canManageMeetings } from '@/lib/authorization';
import { DOCUMENT_CONTENT_TYPES, documentFileName, parseDocument, toHtml, type DocumentFormat } from '@/lib/meeting-documents';
import { toDocx } from '@/lib/meeting-documents-docx';
import { apiRoute } from '@/lib/server/handler';
import { meetingDocumentParams, meetingDocumentQuery, redraftMeetingDocumentSchema, saveMeetingDocumentSchema } from '@/lib/validations/meeting-documents';

// Drafts are pre-publication: the chair's staff and administrators only, to read as to write.
const allow = canManageMeetings;

/** The document as JSON, or with `?format=` as a file to download. */
export const GET = apiRoute({ params: meetingDocumentParams, query: meetingDocumentQuery, allow }, async ({ user, params, query }) => {
  const document = getMeetingDocument(user, params.id, params.kind);
  if (!query.format) return document;
  return new Response(await fileOf(document.body, query.format), {
    headers: {
      'Content-Type': DOCUMENT_CONTENT_TYPES[query.format],
      'Content-Disposition': `attachment; filename="${documentFileName(document.meeting.date, params.kind, query.format)}"`,
      'X-Content-Type-Options': 'nosniff',
      // An HTML download opened in the browser runs nothing and reaches nothing.
      'Content-Security-Policy': 'sandbox; default-src \'none\'',
    },
  });
});

async function fileOf(body: string, format: DocumentFormat): Promise<BodyInit> {
  if (format === 'md') return body;
  const model = parseDocument(body);
  if (format === 'html') return toHtml(model);
  return new Uint8Array(await toDocx(model));
}

export const PUT = apiRoute({ params: meetingDocumentParams, body: saveMeetingDocumentSchema, allow }, ({ user, params, body }) =>
  saveMeetingDocument(user, params.id, params.kind, body),
);

export const DELETE = apiRoute({ params: meetingDocumentParams, body: redraftMeetingDocumentSchema, allow }, ({ user, params, body }) =>
  redraftMeetingDocument(user, params.id, params.kind, body),
);
