import Link from 'next/link';
import type { Briefing, BriefingAgency } from '@/db/queries/briefing';
import { todayIso } from '@/lib/dates';
import { PILLAR_LABELS, READINESS_LABELS, reportStateLabel, STATUSES, STATUS_LABELS } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatNumber } from '@/lib/format';
import { ProgressBar } from '@/components/ui/progress-bar';
import { measureSummary } from '@/lib/measures';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';

/** The day an instant falls on for the task force (Washington, D.C.), as "Mar 3, 2026". */
const dayOf = (ms: number) => formatCalendarDate(todayIso(new Date(ms)));

/** What holds the agency's report up, in words; empty when nothing does. */
function outstanding(r: NonNullable<BriefingAgency['readiness']>): string[] {
  return [
    r.missingUpdate ? `${formatCount(r.missingUpdate, 'open deliverable has', 'open deliverables have')} no update this cycle` : null,
    r.withoutReason ? `${formatCount(r.withoutReason, 'deliverable is', 'deliverables are')} at risk or blocked without a reason` : null,
    r.overdue ? `${formatCount(r.overdue, 'deliverable is', 'deliverables are')} overdue` : null,
    r.stale ? `${formatCount(r.stale, 'deliverable is', 'deliverables are')} stale (no update in 90 days)` : null,
  ].filter((line): line is string => line !== null);
}

/**
 * One agency's section, starting on a new printed page: its readiness and the reasons, its report,
 * what changed since the last meeting, and the deliverables it leads most in need of attention.
 */
export function AgencySection({ agency, since, latest }: { agency: BriefingAgency; since: string; latest: Briefing['latest'] }) {
  const { readiness, report, deliverables, byStatus, change } = agency;
  const statusCounts = STATUSES.filter((st) => byStatus[st] > 0)
    .map((st) => `${formatNumber(byStatus[st])} ${STATUS_LABELS[st].toLowerCase()}`)
    .join(', ');
  const reasons = readiness ? outstanding(readiness) : [];
  const headingId = `agency-${agency.slug}`;
  return (
    <section className="pitf-briefing__agency" aria-labelledby={headingId} data-testid="briefing-agency">
      <h2 id={headingId} tabIndex={-1}>
        {agency.name} <span className="text-base-dark">({agency.abbreviation})</span>
      </h2>
      {readiness ? (
        <>
          <p className="margin-bottom-1">
            Readiness: <strong data-testid="agency-readiness">{READINESS_LABELS[readiness.readiness]}</strong>
            {agency.atCutoff ? ` (at the reporting cutoff: ${READINESS_LABELS[agency.atCutoff].toLowerCase()})` : ''}
            {readiness.atRiskOrBlocked ? `; ${formatCount(readiness.atRiskOrBlocked, 'deliverable', 'deliverables')} at risk or blocked` : ''}.
          </p>
          {reasons.length ? (
            <ul className="usa-list margin-top-0">
              {reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <p className="margin-top-0">Nothing outstanding on its open deliverables.</p>
          )}
        </>
      ) : null}

      <h3>Report for this meeting</h3>
      <p data-testid="agency-report-status">
        Report status: <strong>{reportStateLabel(report.state)}</strong>
        {report.submittedAt ? <> (submitted {dayOf(report.submittedAt)})</> : null}
      </p>
      {report.statement.trim() ? <blockquote className="pitf-statement">{report.statement}</blockquote> : <p>No statement written yet.</p>}
      {report.reviewerComment ? (
        <p>
          Reviewer’s comment: <span className="pitf-statement-inline">{report.reviewerComment}</span>
        </p>
      ) : null}

      <h3>What changed since the last meeting</h3>
      <p className="margin-bottom-0">{since}</p>
      <ul className="usa-list margin-top-1">
        <li>{formatCount(change.updates, 'progress update', 'progress updates')}</li>
        <li>{formatCount(change.completed, 'deliverable', 'deliverables')} completed</li>
        <li>{formatCount(change.created, 'new deliverable', 'new deliverables')}</li>
        <li>{formatCount(change.nowAtRiskOrBlocked, 'deliverable', 'deliverables')} now at risk or blocked</li>
      </ul>

      <h3>Deliverables</h3>
      {deliverables.total ? (
        <p data-testid="agency-deliverable-counts">
          {formatCount(deliverables.total, 'deliverable', 'deliverables')} led: {statusCounts}.
          {deliverables.total > deliverables.items.length
            ? ` The ${formatNumber(deliverables.items.length)} most in need of attention are listed: blocked, at risk, then the rest still open, overdue first.`
            : null}
        </p>
      ) : null}
      {deliverables.items.length ? (
        <DataTable
          caption={`Deliverables led by ${agency.name}`}
          scroll={`Deliverables led by ${agency.name}`}
          compact
          stacked="header"
          className="pitf-briefing__deliverables"
          rows={deliverables.items}
          rowKey={(d) => d.id}
          columns={[
            {
              header: 'Deliverable',
              rowHeader: true,
              cell: (d) => (
                <>
                  <Link href={`/deliverables/${d.id}`} className="usa-link">
                    {d.title}
                  </Link>
                  {d.stale ? <span className="pitf-flag pitf-flag--stale">Stale</span> : null}
                </>
              ),
            },
            { header: 'Pillar', cell: (d) => PILLAR_LABELS[d.pillar] },
            {
              header: 'Status',
              cell: (d) => (
                <>
                  <StatusBadge status={d.status} />
                  {d.statusReason && (d.status === 'at_risk' || d.status === 'blocked') ? (
                    <div className="font-sans-2xs">Reason: {d.statusReason}</div>
                  ) : null}
                </>
              ),
            },
            {
              header: 'Progress',
              className: 'pitf-briefing__progress',
              cell: (d) => (
                <>
                  <ProgressBar value={d.progress} />
                  {d.measure ? <div className="font-sans-2xs">{measureSummary(d.measure)}</div> : null}
                </>
              ),
            },
            {
              header: 'Due',
              className: 'text-no-wrap',
              cell: (d) => (
                <>
                  {formatCalendarDate(d.dueOn)}
                  {d.overdue ? <span className="pitf-flag pitf-flag--overdue">Overdue</span> : null}
                </>
              ),
            },
            {
              header: 'Latest update',
              cell: (d) => {
                const update = latest.get(d.id);
                return update ? (
                  <>
                    <span className="text-no-wrap">{dayOf(update.createdAt)}</span>
                    {update.note.trim() ? <>: {update.note}</> : null}
                  </>
                ) : (
                  'No update yet'
                );
              },
            },
          ]}
        />
      ) : (
        <p>{agency.name} leads no deliverable on record.</p>
      )}
      {deliverables.total > deliverables.items.length ? (
        <p data-testid="agency-deliverables-more">
          All {formatNumber(deliverables.total)}:{' '}
          <a href={`/deliverables?agency=${agency.slug}&sort=concern`} className="usa-link pitf-print-href">
            the deliverables list for {agency.abbreviation}
          </a>
          .
        </p>
      ) : null}
    </section>
  );
}

/**
 * The agencies with nothing to report (see hasNothingToReport in db/queries/briefing.ts), named
 * together on one printed page instead of a page of zeros each.
 */
export function NothingToReport({ agencies, since }: { agencies: BriefingAgency[]; since: Briefing['previousMeeting'] }) {
  return (
    <section className="pitf-briefing__agency" aria-labelledby="nothing-to-report-heading" data-testid="briefing-nothing-to-report">
      <h2 id="nothing-to-report-heading" tabIndex={-1}>
        Agencies with nothing to report
      </h2>
      <p>
        {formatCount(agencies.length, 'agency leads', 'agencies lead')} no deliverable on record, recorded no progress update, completion or
        new deliverable {since ? `since ${since.title} (${formatCalendarDate(since.date)})` : 'since this meeting was planned'}, and{' '}
        {agencies.length === 1 ? 'has' : 'have'} not begun a report for this meeting:
      </p>
      <ul className="usa-list" data-testid="nothing-to-report-agencies">
        {agencies.map((a) => (
          <li key={a.slug} id={`agency-${a.slug}`}>
            {a.name} ({a.abbreviation})
            {a.readiness ? ` — readiness: ${READINESS_LABELS[a.readiness.readiness].toLowerCase()}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
