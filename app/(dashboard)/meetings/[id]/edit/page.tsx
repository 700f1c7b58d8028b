import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listAgencies } from '@/db/queries/agencies';
import { listCommitmentChoices } from '@/db/queries/meeting-options';
import { requireUser } from '@/lib/server/auth';
import { canManageMeetings } from '@/lib/authorization';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { requirePageAccess } from '@/lib/server/page-access';
import { MeetingScheduleActions, ReinstateMeeting } from '@/components/meetings/meeting-schedule-actions';
import { getRequestedMeeting } from '../_lib/requested-meeting';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Edit meeting' };

type Props = { params: Promise<{ id: string }> };

export default async function EditMeetingPage({ params }: Props) {
  const user = await requireUser();
  const meeting = getRequestedMeeting((await params).id);
  if (!meeting) notFound();
  await requirePageAccess(user, canManageMeetings(user), 'Meetings are planned and recorded by the chair’s staff and administrators.');
  return (
    <>
      <Breadcrumbs trail={[{ href: '/meetings', label: 'Meetings' }, { href: `/meetings/${meeting.id}`, label: meeting.title }]} />
      <h1>Edit meeting</h1>
      {meeting.status === 'cancelled' ? (
        <>
          <p className="usa-intro font-sans-md margin-top-0">{meeting.title}</p>
          <div className="usa-alert usa-alert--warning usa-alert--slim" data-testid="meeting-cancelled">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                This meeting is cancelled. The reason given: {meeting.cancelledReason} To change it, reinstate it first; everyone is
                told that it is back on.
              </p>
            </div>
          </div>
          <ReinstateMeeting meeting={meeting} />
        </>
      ) : (
        <>
          <p className="usa-intro font-sans-md margin-top-0">{meeting.title}</p>
          <MeetingForm
            mode="edit"
            meeting={meeting}
            commitmentChoices={listCommitmentChoices(meeting.commitments)}
            agencies={listAgencies().map((a) => ({ slug: a.slug, name: a.name }))}
          />
          {meeting.status === 'planned' ? <MeetingScheduleActions meeting={meeting} /> : null}
        </>
      )}
    </>
  );
}
