import type { Metadata } from 'next';
import { listAgencies } from '@/db/queries/agencies';
import { getDeliverableSummary } from '@/db/queries/deliverables';
import { getNextMeeting } from '@/db/queries/meetings';
import { listRecentUpdates } from '@/db/queries/progress-updates';
import { listStatistics } from '@/db/queries/statistics';
import { requireUser } from '@/lib/server/auth';
import { daysBetween, todayIso } from '@/lib/dates';
import { PILLARS, PILLAR_LABELS, STATUSES, type Status } from '@/lib/domain';
import { formatCalendarDate, formatDays, formatNumber, formatObservationPeriod, formatObservationValue, formatPercent } from '@/lib/format';
import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { PillarStatusChart } from '@/components/charts/lazy';
import { LocalTime } from '@/components/ui/local-time';
import { PillarStatusTable } from '@/components/ui/pillar-status-table';
import { DataTable } from '@/components/ui/data-table';
import { ReminderNotices } from '@/components/meetings/reminder-notices';
import { listOpenReminders } from '@/db/queries/reminders';
import { recordVersion } from '@/db/queries/until-change';
import { cacheLife } from 'next/cache';

export const metadata: Metadata = { title: 'Overview' };

/** Indicators shown on the overview, in this order (seeds/data/statistics.ts). */
const HEADLINE_INDICATORS = [
  'us-hotline-cases',
  'us-hhs-certified-foreign-victims',
  'global-victims',
  'global-illicit-profits',
];
const SHARE_BY_TYPE = 'us-hhs-certified-by-type';

export default async function OverviewPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Overview</h1>
      {user.role === 'official' && user.agencyId ? <ReminderNotices reminders={listOpenReminders(user.agencyId)} /> : null}
      <OverviewPanels record={recordVersion()} today={todayIso()} />
    </>
  );
}

/**
 * The panels are the same for every signed-in user: rendered once per state of the record (and
 * day), then kept. `record` is only part of the key.
 */
async function OverviewPanels({ today }: { record: string; today: string }) {
  'use cache';
  cacheLife('max');
  const summary = getDeliverableSummary();
  const agencies = listAgencies();
  const nextMeeting = getNextMeeting();
  const recent = listRecentUpdates(8);
  const allStatistics = listStatistics();
  const statistics = HEADLINE_INDICATORS.flatMap((key) => allStatistics.filter((s) => s.key === key));
  const sharesByType = allStatistics.find((s) => s.key === SHARE_BY_TYPE)?.observations ?? [];
  const sharesFor = (ageGroup: string | null, period: string) =>
    sharesByType
      .filter((o) => o.ageGroup === ageGroup && o.period === period)
      .map((o) => `${formatNumber(o.value)}% ${o.traffickingType === 'both' ? 'both sex and labor' : o.traffickingType}`)
      .join(', ');

  const countOf = (pillar: string, status: Status) =>
    summary.byPillarAndStatus.find((r) => r.pillar === pillar && r.status === status)?.count ?? 0;
  const statusTotal = (status: Status) => PILLARS.reduce((n, p) => n + countOf(p, status), 0);
  const completed = statusTotal('completed');
  const atRiskOrBlocked = statusTotal('at_risk') + statusTotal('blocked');

  // Each card opens the deliverables list filtered to the same deliverables (the agencies card, the agencies).
  const headline = [
    { label: 'Deliverables', value: formatNumber(summary.total), href: '/deliverables' },
    {
      label: 'Completed',
      value: summary.total ? formatPercent(completed / summary.total) : '—',
      detail: `${formatNumber(completed)} of ${formatNumber(summary.total)}`,
      href: '/deliverables?status=completed',
    },
    { label: 'At risk or blocked', value: formatNumber(atRiskOrBlocked), href: '/deliverables?status=at_risk,blocked&sort=concern' },
    { label: 'Stale (no update in 90 days)', value: formatNumber(summary.stale), href: '/deliverables?stale=true&sort=concern' },
    { label: 'Overdue', value: formatNumber(summary.overdue), href: '/deliverables?overdue=true&sort=concern' },
    { label: 'Member agencies', value: formatNumber(agencies.length), href: '/agencies' },
  ];

  return (
    <>
      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading" className="usa-sr-only">
          Headline numbers
        </h2>
        <ul className="usa-card-group" data-testid="headline-numbers">
          {headline.map((item) => (
            <li key={item.label} className="usa-card tablet:grid-col-4 desktop:grid-col-2">
              <div className="usa-card__container">
                <div className="usa-card__body padding-y-2">
                  <Link href={item.href} className="pitf-stat-link">
                    <span className="pitf-stat">{item.value}</span>
                    <span className="pitf-stat-label">{item.label}</span>
                  </Link>
                  {item.detail ? <p className="pitf-stat-label text-base">{item.detail}</p> : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="next-meeting-heading" className="margin-top-4">
        <h2 id="next-meeting-heading">Next meeting</h2>
        {nextMeeting ? (
          <div className="usa-summary-box" data-testid="next-meeting">
            <div className="usa-summary-box__body">
              <h3 className="usa-summary-box__heading">
                <a className="usa-summary-box__link" href={`/meetings/${nextMeeting.id}`}>
                  {nextMeeting.title}
                </a>
              </h3>
              <div className="usa-summary-box__text">
                <ul className="usa-list">
                  <li>
                    {formatCalendarDate(nextMeeting.date)}
                    {nextMeeting.location ? `, ${nextMeeting.location}` : ''} (in {formatDays(daysBetween(today, nextMeeting.date))})
                  </li>
                  {nextMeeting.reportingCutoff ? (
                    <li>
                      Reporting cutoff {formatCalendarDate(nextMeeting.reportingCutoff)}:{' '}
                      <strong>
                        {daysBetween(today, nextMeeting.reportingCutoff) >= 0
                          ? `${formatDays(daysBetween(today, nextMeeting.reportingCutoff))} left`
                          : `passed ${formatDays(daysBetween(today, nextMeeting.reportingCutoff))} ago`}
                      </strong>
                    </li>
                  ) : null}
                  <li>
                    Agency reports: {formatNumber(nextMeeting.approved)} of {formatNumber(nextMeeting.memberAgencies)} approved,{' '}
                    {formatNumber(nextMeeting.submitted)} awaiting review, {formatNumber(nextMeeting.inProgress)} in draft
                  </li>
                </ul>
              </div>
            </div>
          </div>
        ) : (
          <p>No meeting is planned yet.</p>
        )}
      </section>

      <section aria-labelledby="pillars-heading" className="margin-top-4">
        <h2 id="pillars-heading">Deliverables by pillar and status</h2>
        <p className="margin-top-0">
          Each bar is a pillar, split by status; the table below holds the same numbers.{' '}
          <Link href="/pillars" className="usa-link">
            More charts on the pillars page
          </Link>
          .
        </p>
        <div data-testid="overview-pillar-chart">
          <PillarStatusChart
            height={240}
            data={PILLARS.map((pillar) => ({
              label: PILLAR_LABELS[pillar],
              ...(Object.fromEntries(STATUSES.map((s) => [s, countOf(pillar, s)])) as Record<Status, number>),
            }))}
          />
        </div>
        <PillarStatusTable
          rows={summary.byPillarAndStatus}
          caption="Number of deliverables in each pillar, by status"
          testId="pillar-status-table"
          variant="page"
        />
      </section>

      <div className="grid-row grid-gap-lg margin-top-4">
        <section aria-labelledby="statistics-heading" className="desktop:grid-col-6">
          <h2 id="statistics-heading">Key statistics</h2>
          <DataTable
            caption="Key statistics with their period and source"
            scroll="Key statistics"
            stacked="cells"
            testId="key-statistics"
            rows={statistics.flatMap((indicator) => indicator.observations.map((o) => ({ indicator, o })))}
            rowKey={({ o }) => o.id}
            columns={[
              {
                header: 'Statistic',
                rowHeader: true,
                cell: ({ indicator, o }) => {
                  const shares = o.ageGroup ? sharesFor(o.ageGroup, o.period) : '';
                  return (
                    <>
                      {indicator.name}
                      {o.ageGroup ? `, ${o.ageGroup === 'adult' ? 'adults' : 'children'}` : ''} ({formatObservationPeriod(o)})
                      {shares ? <div className="text-normal font-sans-2xs">{shares}</div> : null}
                    </>
                  );
                },
              },
              {
                header: 'Figure',
                numeric: true,
                className: 'text-bold',
                cell: ({ indicator, o }) => <span className="text-no-wrap">{formatObservationValue(o.value, indicator.unit, o.qualifier)}</span>,
              },
              {
                header: 'Source',
                cell: ({ o }) => (
                  <>
                    <a className="usa-link" href={o.source.url} rel="noreferrer">
                      {o.source.title}
                    </a>
                    {o.source.publishedOn ? `, ${formatCalendarDate(o.source.publishedOn)}` : ''}
                  </>
                ),
              },
            ]}
          />
        </section>

        <section aria-labelledby="recent-heading" className="desktop:grid-col-6">
          <h2 id="recent-heading">Recent updates</h2>
          {recent.length === 0 ? (
            <p>No progress updates yet.</p>
          ) : (
            <ul className="usa-list usa-list--unstyled" data-testid="recent-updates">
              {recent.map((u) => (
                <li key={u.id} className="border-bottom-1px border-base-lighter padding-y-1">
                  <div className="text-bold">
                    {u.agency}:{' '}
                    <Link href={`/deliverables/${u.deliverableId}`} className="usa-link">
                      {u.deliverableTitle}
                    </Link>
                  </div>
                  <div>
                    <StatusBadge status={u.status} /> · {formatNumber(u.progress)}% ·{' '}
                    <LocalTime value={u.createdAt} />
                    {u.author ? ` · ${u.author}` : ''}
                  </div>
                  {u.note ? <p className="margin-y-05 text-base-dark">{u.note}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
