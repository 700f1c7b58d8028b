import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getRequestedMeeting } from './_lib/requested-meeting';
import {
  getAccountabilityLedger,
  getChangesSinceLastMeeting,
  getCommitmentsAnnouncedAt,
  getReadiness,
  getReadinessSnapshots,
} from '@/db/queries/readiness';
import { listOpenReminders, listRemindersSent } from '@/db/queries/reminders';
import { ReminderNotices } from '@/components/meetings/reminder-notices';
import { getReport } from '@/db/queries/reports';
import { requireUser } from '@/lib/server/auth';
import { mailConfig } from '@/lib/env';
import { canEditAgencyReport, canManageMeetings, canReviewReports, canSendReminders } from '@/lib/authorization';
import { formatCalendarDate } from '@/lib/format';
import { ReportPanel } from '@/components/meetings/report-panel';
import { ReminderForm } from '@/components/meetings/reminder-form';
import { FocusOnHash } from '@/components/ui/focus';
import { AccountabilityLedger } from './_components/accountability-ledger';
import { AwardsPresented } from './_components/awards-presented';
import { ChangesSinceLastMeeting } from './_components/changes-since-last-meeting';
import { CommitmentsAnnounced } from './_components/commitments-announced';
import { MeetingOverview } from './_components/meeting-overview';
import { ReadinessSection } from './_components/readiness-section';
import { RemindersSent } from './_components/reminders-sent';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { recordVersion } from '@/db/queries/until-change';
import { todayIso } from '@/lib/dates';
import { cacheLife } from 'next/cache';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meeting = getRequestedMeeting((await params).id);
  return { title: meeting ? meeting.title : 'Meeting not found' };
}

export default async function MeetingPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const meeting = getRequestedMeeting((await params).id);
  if (!meeting) notFound();
  const readiness = getReadiness(meeting.id)!;
  const record = recordVersion();
  const today = todayIso();
  const planned = meeting.status === 'planned';

  // The report shown below the matrix: the official's own, or the one the chair chose to review.
  const requested = (await searchParams).agency;
  const requestedSlug = Array.isArray(requested) ? requested[0] : requested;
  const reviewing = canReviewReports(user);
  const reportSlug =
    user.role === 'official' ? user.agencySlug : reviewing || user.role === 'admin' ? (requestedSlug ?? null) : null;
  const reportAgency = readiness.agencies.find((a) => a.slug === reportSlug) ?? null;
  const report = reportAgency ? getReport(meeting.id, reportAgency.slug) : null;

  return (
    <>
      <Breadcrumbs
        trail={[{ href: '/meetings', label: 'Meetings' }]}
        current={formatCalendarDate(meeting.date, meeting.datePrecision as 'day' | 'month')}
      />
      <h1 className="margin-top-1">{meeting.title}</h1>
      <div className="display-flex flex-wrap" style={{ gap: '0.5rem 1.5rem' }}>
        <Link href={`/meetings/${meeting.id}/briefing`} className="usa-link">
          Briefing book
        </Link>
        {canManageMeetings(user) ? (
          <Link href={`/meetings/${meeting.id}/documents`} className="usa-link">
            Fact sheet and chair’s statement
          </Link>
        ) : null}
        {canManageMeetings(user) ? (
          <Link href={`/meetings/${meeting.id}/edit`} className="usa-link">
            {meeting.status === 'cancelled' ? 'Reinstate the meeting' : planned ? 'Edit, postpone or cancel the meeting, or record its outcome' : 'Edit meeting'}
          </Link>
        ) : null}
      </div>

      {meeting.status === 'cancelled' ? (
        <div className="usa-alert usa-alert--warning margin-top-2" data-testid="meeting-cancelled">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">This meeting is cancelled</h2>
            <p className="usa-alert__text">
              The reason given: {meeting.cancelledReason} No report is due for it; the next meeting of its kind takes up the reporting cycle.
            </p>
          </div>
        </div>
      ) : null}

      <KeptReadiness id={meeting.id} reviewing={reviewing} record={record} today={today} />

      {report && reportAgency ? (
        <section aria-labelledby="report-heading" className="margin-top-4" id="report">
          <h2 id="report-heading" tabIndex={-1}>
            Report of {report.agency.name}
          </h2>
          <FocusOnHash hash="report" targetId="report-heading" />
          {planned && user.role === 'official' && user.agencyId === reportAgency.agencyId ? (
            <ReminderNotices onMeetingPage reminders={listOpenReminders(reportAgency.agencyId).filter((r) => r.meetingId === meeting.id)} />
          ) : null}
          <ReportPanel
            meetingId={meeting.id}
            report={report}
            canEdit={planned && canEditAgencyReport(user, reportAgency.agencyId)}
            canReview={planned && reviewing}
          />
        </section>
      ) : null}

      {planned && canSendReminders(user) ? (
        <section aria-labelledby="reminders-heading" className="margin-top-4">
          <h2 id="reminders-heading">Send a reminder</h2>
          <ReminderForm
            meetingId={meeting.id}
            agencies={readiness.agencies.map((a) => ({ slug: a.slug, name: a.name, ready: a.readiness !== 'not_started' && a.readiness !== 'in_progress' }))}
          />
        </section>
      ) : null}

      {canSendReminders(user) ? <RemindersSent sent={listRemindersSent(meeting.id)} mailServer={mailConfig() !== null} /> : null}

      <KeptMeetingRecord id={meeting.id} record={record} today={today} />
    </>
  );
}

type Kept = { id: number; record: string; today: string };

/**
 * The meeting's overview and readiness matrix, rendered once per state of the record, day, and
 * whether the viewer reviews reports (part of the key: the matrix links reports for reviewers),
 * then kept. `record` and `today` are only part of the key.
 */
async function KeptReadiness({ id, reviewing }: Kept & { reviewing: boolean }) {
  'use cache';
  cacheLife('max');
  const meeting = getRequestedMeeting(String(id))!;
  const readiness = getReadiness(meeting.id)!;
  return (
    <>
      <MeetingOverview meeting={meeting} daysToCutoff={readiness.daysToCutoff} />
      <ReadinessSection meeting={meeting} readiness={readiness} kept={getReadinessSnapshots(meeting.id)} reviewing={reviewing} />
    </>
  );
}

/** What changed since the last meeting, the commitments, the ledger and the awards: the same for everyone, kept likewise. */
async function KeptMeetingRecord({ id }: Kept) {
  'use cache';
  cacheLife('max');
  const meeting = getRequestedMeeting(String(id))!;
  const planned = meeting.status === 'planned';
  const changes = new Map(getChangesSinceLastMeeting(meeting.id).map((c) => [c.agencyId, c]));
  return (
    <>
      <ChangesSinceLastMeeting agencies={getReadiness(meeting.id)!.agencies} changes={changes} />
      <CommitmentsAnnounced meetingId={meeting.id} planned={planned} announced={getCommitmentsAnnouncedAt(meeting.id)} />
      <AccountabilityLedger ledger={getAccountabilityLedger(meeting.id)} />
      <AwardsPresented awards={meeting.awards} planned={planned} />
    </>
  );
}
