import Link from 'next/link';
import type { getAccountabilityLedger } from '@/db/queries/readiness';
import { STATUSES } from '@/lib/domain';
import { formatMeetingDate, formatNumber } from '@/lib/format';
import { LedgerTable } from '@/components/meetings/ledger-table';
import { StatusBadge } from '@/components/ui/status-badge';

/** The commitments announced at the previous meeting of this kind, and where they stand now. */
export function AccountabilityLedger({ ledger }: { ledger: ReturnType<typeof getAccountabilityLedger> }) {
  return (
    <section aria-labelledby="ledger-heading" className="margin-top-4">
      <h2 id="ledger-heading">Accountability ledger</h2>
      {ledger.previousMeeting ? (
        <>
          <p className="margin-top-0">
            Commitments announced at {ledger.previousMeeting.title} ({formatMeetingDate(ledger.previousMeeting)}), and where they
            stand now.
          </p>
          {ledger.total ? (
            <>
              <ul className="usa-list usa-list--unstyled pitf-ledger-counts" data-testid="ledger-counts" aria-label="Commitments by status now">
                {STATUSES.filter((s) => ledger.byStatus[s] > 0).map((s) => (
                  <li key={s}>
                    <StatusBadge status={s} /> {formatNumber(ledger.byStatus[s])}
                  </li>
                ))}
              </ul>
              <LedgerTable commitments={ledger.commitments} testId="ledger" />
              {ledger.total > ledger.commitments.length ? (
                <p data-testid="ledger-more">
                  Showing the first {formatNumber(ledger.commitments.length)} of {formatNumber(ledger.total)}.{' '}
                  <Link href={`/deliverables?meeting=${ledger.previousMeeting.id}&sort=concern`} className="usa-link">
                    All {formatNumber(ledger.total)} commitments in the deliverables list
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <p data-testid="ledger">No commitments are recorded as announced at that meeting.</p>
          )}
        </>
      ) : (
        <p data-testid="ledger">There is no earlier meeting of this kind on record.</p>
      )}
    </section>
  );
}
