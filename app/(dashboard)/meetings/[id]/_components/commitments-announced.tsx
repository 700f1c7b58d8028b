import Link from 'next/link';
import type { MeetingCommitments } from '@/lib/contracts/meetings';
import { PILLARS, PILLAR_LABELS, STATUSES } from '@/lib/domain';
import { formatCalendarDate, formatNumber } from '@/lib/format';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';

/** The deliverables announced at this meeting, counted by their status now and listed by pillar. */
export function CommitmentsAnnounced({ meetingId, planned, announced }: { meetingId: number; planned: boolean; announced: MeetingCommitments }) {
  return (
    <section aria-labelledby="commitments-heading" className="margin-top-4">
      <h2 id="commitments-heading">Commitments announced at this meeting</h2>
      {announced.total ? (
        <>
          <ul className="usa-list usa-list--unstyled pitf-ledger-counts" data-testid="commitments-counts" aria-label="Commitments by status now">
            {STATUSES.filter((s) => announced.byStatus[s] > 0).map((s) => (
              <li key={s}>
                <StatusBadge status={s} /> {formatNumber(announced.byStatus[s])}
              </li>
            ))}
          </ul>
          {PILLARS.filter((p) => announced.commitments.some((c) => c.pillar === p)).map((p) => (
            <section key={p} aria-labelledby={`commitments-${p}`}>
              <h3 id={`commitments-${p}`}>{PILLAR_LABELS[p]}</h3>
              <DataTable
                caption={`Commitments under ${PILLAR_LABELS[p]} announced at this meeting, by agency, with their status now`}
                scroll={`Commitments under ${PILLAR_LABELS[p]}`}
                compact
                testId={`commitments-${p}`}
                rows={announced.commitments.filter((c) => c.pillar === p)}
                rowKey={(c) => c.id}
                columns={[
                  {
                    header: 'Agency',
                    cell: (c) => (
                      <Link href={`/agencies/${c.agencySlug}`} className="usa-link">
                        {c.agency}
                      </Link>
                    ),
                  },
                  {
                    header: 'Commitment',
                    rowHeader: true,
                    cell: (c) => (
                      <Link href={`/deliverables/${c.id}`} className="usa-link">
                        {c.title}
                      </Link>
                    ),
                  },
                  { header: 'Status now', cell: (c) => <StatusBadge status={c.status} /> },
                  { header: 'Progress', numeric: true, cell: (c) => `${formatNumber(c.progress)}%` },
                  { header: 'Due', cell: (c) => formatCalendarDate(c.dueOn) },
                ]}
              />
            </section>
          ))}
          {announced.total > announced.commitments.length ? (
            <p data-testid="commitments-more">
              Showing the first {formatNumber(announced.commitments.length)} of {formatNumber(announced.total)}.{' '}
              <Link href={`/deliverables?meeting=${meetingId}`} className="usa-link">
                All {formatNumber(announced.total)} commitments in the deliverables list
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <p data-testid="commitments-counts">
          {planned ? 'The commitments announced here are recorded with the meeting’s outcome.' : 'No commitment is recorded as announced at this meeting.'}
        </p>
      )}
    </section>
  );
}
