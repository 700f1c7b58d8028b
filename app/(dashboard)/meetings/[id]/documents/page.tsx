import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getMeetingDocument } from '@/db/queries/meeting-documents';
import { canManageMeetings } from '@/lib/authorization';
import { MEETING_DOCUMENT_KINDS } from '@/lib/domain';
import { formatMeetingDate } from '@/lib/format';
import { requireUser } from '@/lib/server/auth';
import { requirePageAccess } from '@/lib/server/page-access';
import { DocumentEditor } from '@/components/meeting-documents/document-editor';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { getRequestedMeeting } from '../_lib/requested-meeting';

export const metadata: Metadata = { title: 'Public documents' };

type Props = { params: Promise<{ id: string }> };

export default async function MeetingDocumentsPage({ params }: Props) {
  const user = await requireUser();
  const meeting = getRequestedMeeting((await params).id);
  if (!meeting) notFound();
  await requirePageAccess(user, canManageMeetings(user), 'A meeting’s public documents are drafted by the chair’s staff and administrators.');
  const documents = MEETING_DOCUMENT_KINDS.map((kind) => getMeetingDocument(user, meeting.id, kind));
  return (
    <>
      <Breadcrumbs trail={[{ href: '/meetings', label: 'Meetings' }, { href: `/meetings/${meeting.id}`, label: meeting.title }]} current="Public documents" />
      <h1>Public documents</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        {meeting.title}, {formatMeetingDate(meeting)}
      </p>
      <p className="measure-6">
        The fact sheet lists the commitments announced at the meeting by pillar, the work completed since the previous meeting and the
        figures with their sources; the chair’s statement gives the Department of State’s own commitments and the awards presented. Both are
        drafted from the record’s public fields only — never status reasons, progress notes, agencies’ reports or readiness. Edit the
        text, save it, and download it for publication.
      </p>
      {documents.map((document) => (
        <DocumentEditor key={document.kind} document={document} />
      ))}
    </>
  );
}
