import Link from 'next/link';
import type { Briefing } from '@/db/queries/briefing';
import { STATUSES } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatNumber } from '@/lib/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
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
              <table className="usa-table usa-table--borderless usa-table--compact pitf-keep-together" data-testid="briefing-ledger-counts">
                <caption className="text-left">Commitments by status now</caption>
                <thead>
                  <tr>
                    <th scope="col">Status now</th>
                    <th scope="col" className="text-right">
                      Commitments
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {STATUSES.filter((s) => ledger.byStatus[s] > 0).map((s) => (
                    <tr key={s}>
                      <th scope="row">
                        <StatusBadge status={s} />
                      </th>
                      <td className="text-right">{formatNumber(ledger.byStatus[s])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ScrollRegion label="Commitments from the previous meeting">
                <table className="usa-table usa-table--borderless usa-table--compact usa-table--stacked-header width-full" data-testid="briefing-ledger-table">
                  <caption className="text-left">Each commitment with its status now, blocked and at risk first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Commitment</th>
                      <th scope="col">Agency</th>
                      <th scope="col">Status now</th>
                      <th scope="col" className="text-right">
                        Progress
                      </th>
                      <th scope="col">Due</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ledger.commitments.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <Link href={`/deliverables/${c.id}`} className="usa-link">
                            {c.title}
                          </Link>
                        </th>
                        <td data-label="Agency">{c.agency}</td>
                        <td data-label="Status now">
                          <StatusBadge status={c.status} />
                          {c.statusReason && (c.status === 'at_risk' || c.status === 'blocked') ? (
                            <div className="font-sans-2xs">Reason: {c.statusReason}</div>
                          ) : null}
                        </td>
                        <td data-label="Progress" className="text-right">
                          {formatNumber(c.progress)}%
                        </td>
                        <td data-label="Due" className="text-no-wrap">
                          {formatCalendarDate(c.dueOn)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
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
