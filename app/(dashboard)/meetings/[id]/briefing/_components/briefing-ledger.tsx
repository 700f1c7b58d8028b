import type { Briefing } from '@/db/queries/briefing';
import { STATUSES } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatNumber } from '@/lib/format';
import { DataTable } from '@/components/ui/data-table';
import { LedgerTable } from '@/components/meetings/ledger-table';
import { StatusBadge } from '@/components/ui/status-badge';

/**
 * The accountability ledger, as on the meeting page: the commitments announced at the previous
 * meeting of this kind, counted by their status now, and listed, those in trouble first.
 */
export function BriefingLedger({ ledger }: { ledger: Briefing['ledger'] }) {
  const { previousMeeting } = ledger;
  return (
    <section aria-labelledby="ledger-heading" className="margin-top-4" data-testid="briefing-ledger">
      <h2 id="ledger-heading">Accountability ledger</h2>
      {!previousMeeting ? (
        <p>There is no earlier meeting of this kind on record.</p>
      ) : (
        <>
          <p>
            Commitments announced at {previousMeeting.title} ({formatCalendarDate(previousMeeting.date)}), and where they stand now:{' '}
            {ledger.total ? formatCount(ledger.total, 'commitment', 'commitments') : 'none is recorded as announced there'}.
          </p>
          {ledger.total ? (
            <>
              <DataTable
                caption="Commitments by status now"
                showCaption
                compact
                fullWidth={false}
                className="pitf-keep-together"
                testId="briefing-ledger-counts"
                rows={STATUSES.filter((s) => ledger.byStatus[s] > 0)}
                rowKey={(s) => s}
                columns={[
                  { header: 'Status now', rowHeader: true, cell: (s) => <StatusBadge status={s} /> },
                  { header: 'Commitments', numeric: true, cell: (s) => formatNumber(ledger.byStatus[s]) },
                ]}
              />
              <LedgerTable commitments={ledger.commitments} book testId="briefing-ledger-table" />
              {ledger.total > ledger.commitments.length ? (
                <p>
                  The first {formatNumber(ledger.commitments.length)} of {formatNumber(ledger.total)} are listed; all of them:{' '}
                  <a href={`/deliverables?meeting=${previousMeeting.id}&sort=concern`} className="usa-link pitf-print-href">
                    the deliverables list for that meeting
                  </a>
                  .
                </p>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
