import type { listRemindersSent } from '@/db/queries/reminders';
import { formatNumber } from '@/lib/format';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';

/** For the chair's staff: the reminders already sent for this meeting, and how many officials each reached. */
export function RemindersSent({ sent, mailServer }: { sent: ReturnType<typeof listRemindersSent>; mailServer: boolean }) {
  return (
    <section aria-labelledby="reminders-sent-heading" className="margin-top-4">
      <h2 id="reminders-sent-heading">Reminders sent</h2>
      {sent.length === 0 ? (
        <p data-testid="reminders-sent">No reminder has been sent for this meeting.</p>
      ) : (
        <DataTable
          caption="Reminders sent, newest first"
          scroll="Reminders sent for this meeting"
          compact
          testId="reminders-sent"
          rows={sent}
          rowKey={(r) => r.id}
          rowTestId={(r) => `reminder-sent-${r.agencySlug}`}
          columns={[
            { header: 'Sent', cell: (r) => <LocalTime value={r.sentAt} /> },
            { header: 'By', cell: (r) => r.sentBy ?? 'Unknown' },
            { header: 'To', cell: (r) => r.agencyName },
            { header: 'Message', style: { whiteSpace: 'pre-wrap' }, cell: (r) => r.message },
            {
              header: 'Officials notified',
              cell: (r) =>
                r.notified === 0
                  ? 'None: the agency has no active official'
                  : mailServer
                    ? `${formatNumber(r.notified)} (${formatNumber(r.emailed)} e-mailed so far)`
                    : `${formatNumber(r.notified)} (in the app; no mail server is configured)`,
            },
          ]}
        />
      )}
    </section>
  );
}
