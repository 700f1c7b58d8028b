import type { Metadata } from 'next';
import { requireUser } from '@/lib/server/auth';
import { canManageMeetings } from '@/lib/authorization';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { requirePageAccess } from '@/lib/server/page-access';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'New meeting' };

export default async function NewMeetingPage() {
  const user = await requireUser();
  await requirePageAccess(user, canManageMeetings(user), 'Meetings are planned and recorded by the chair’s staff and administrators.');
  return (
    <>
      <Breadcrumbs trail={[{ href: '/meetings', label: 'Meetings' }]} />
      <h1>New meeting</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        Plan a meeting: its date, chair and place, the reporting cutoff for agencies, and the agenda. The outcome is recorded after
        it is held.
      </p>
      <MeetingForm mode="create" />
    </>
  );
}
