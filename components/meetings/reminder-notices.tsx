import Link from 'next/link';
import type { OpenReminder } from '@/lib/contracts/meetings';
import { formatCalendarDate } from '@/lib/format';
import { LocalTime } from '@/components/ui/local-time';

/**
 * The chair's reminders to an agency, shown to its officials until the agency's report for that
 * meeting is submitted.
 */
export function ReminderNotices({ reminders, onMeetingPage = false }: { reminders: OpenReminder[]; onMeetingPage?: boolean }) {
  if (reminders.length === 0) return null;
  const Heading = onMeetingPage ? 'h3' : 'h2';
  return (
    <div className="usa-site-alert usa-site-alert--info margin-y-2" data-testid="reminder-notices">
      {reminders.map((r) => (
        <div key={r.id} className="usa-alert usa-alert--info">
          <div className="usa-alert__body">
            <Heading className="usa-alert__heading font-sans-md">
              {onMeetingPage ? (
                'Reminder from the chair’s staff'
              ) : (
                <>
                  Reminder for <Link href={`/meetings/${r.meetingId}#report`}>{r.meetingTitle}</Link>
                </>
              )}
            </Heading>
            <p className="usa-alert__text">
              {r.message}
              <br />
              <span className="font-sans-2xs">
                From {r.sentBy ?? 'the chair’s staff'}, <LocalTime value={r.sentAt} />
                {r.reportingCutoff ? ` · reporting cutoff ${formatCalendarDate(r.reportingCutoff)}` : ''}
              </span>
            </p>
          </div>
        </div>
      ))}
    </div>
  );
}
