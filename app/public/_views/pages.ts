/**
 * The public record's pages, each a function of one release (never of the live record). They are
 * rendered once per release and path and then served from memory (./cache.ts).
 */
import { html, type Html } from '@/lib/html';
import { STATUSES, STATUS_LABELS, type PillarSlug, type Status } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatInstant, formatNumber } from '@/lib/format';
import { measureSummary } from '@/lib/measures';
import { STATUS_EXPLANATIONS, countStatuses, type PublicDeliverable, type PublicRelease, type ReleaseSummary, type StatusCounts } from '@/lib/public-record';
import { statusBadge, table } from './layout';

export type View = { title: string; body: Html };

const releaseLine = (r: { number: number; asOf: string; publishedAt: number }) =>
  html`Release ${r.number}: the record as of ${formatCalendarDate(r.asOf)} (published ${formatInstant(r.publishedAt, 'UTC')})`;

const downloads = (n: number) =>
  html`<p>Download release ${n}: <a class="usa-link" href="/public/releases/${n}/deliverables.csv">deliverables as CSV</a> · <a class="usa-link" href="/public/releases/${n}/deliverables.json">the whole release as JSON</a></p>`;

/** The status columns of a summary table, then the total and average progress. */
function countColumns<Row>(counts: (row: Row) => StatusCounts) {
  return [
    ...STATUSES.map((s) => ({ header: STATUS_LABELS[s], numeric: true, cell: (row: Row) => formatNumber(counts(row)[s]) })),
    { header: 'Total', numeric: true, cell: (row: Row) => formatNumber(counts(row).total) },
    // No deliverable, no average: a dash rather than a 0% nobody earned.
    { header: 'Average progress', numeric: true, cell: (row: Row) => (counts(row).total ? `${counts(row).averageProgress}%` : '—') },
  ];
}

// The chart's colours; the legend pairs each with its symbol and words, and the table below the
// chart gives every figure, so no status is told by colour alone.
const STATUS_FILL: Record<Status, string> = {
  not_started: '#71767a',
  in_progress: '#005ea2',
  at_risk: '#c05600',
  blocked: '#b50909',
  completed: '#216e1f',
};

/** Horizontal bars, one per row, split by status: drawn as SVG in the page, no script needed. */
function statusBars(rows: readonly { label: string; counts: StatusCounts }[], title: string): Html {
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const labelWidth = 150;
  const barsWidth = 520;
  const barHeight = 26;
  const gap = 12;
  const height = rows.length * (barHeight + gap);
  const bars = rows.map((row, i) => {
    const y = i * (barHeight + gap);
    let x = labelWidth;
    const segments = STATUSES.filter((s) => row.counts[s] > 0).map((s) => {
      const width = (row.counts[s] / max) * barsWidth;
      const segment = html`<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${barHeight}" fill="${STATUS_FILL[s]}"><title>${row.label}: ${formatNumber(row.counts[s])} ${STATUS_LABELS[s].toLowerCase()}</title></rect>`;
      x += width;
      return segment;
    });
    return html`<text x="${labelWidth - 8}" y="${y + barHeight / 2}" text-anchor="end" dominant-baseline="middle">${row.label}</text>${segments}<text x="${(x + 6).toFixed(1)}" y="${y + barHeight / 2}" dominant-baseline="middle">${formatNumber(row.counts.total)}</text>`;
  });
  return html`<figure class="pub-chart">
<svg role="img" aria-label="${title}. The table below gives every figure." viewBox="0 0 ${labelWidth + barsWidth + 50} ${height}" width="${labelWidth + barsWidth + 50}" height="${height}">${bars}</svg>
<figcaption><ul class="pub-legend">${STATUSES.map((s) => html`<li><span class="pub-swatch pub-swatch--${s}" aria-hidden="true"></span>${statusBadge(s)}</li>`)}</ul></figcaption>
</figure>`;
}

export function nothingPublished(): View {
  return {
    title: 'Nothing published yet',
    body: html`<h1>Nothing has been published yet</h1>
<p class="usa-intro">The task force has not yet published a release of its record. When it does, this site will show what member agencies committed to under the National Action Plan and how far they have come.</p>
<p><a class="usa-link" href="/public/statuses">What the statuses will mean</a></p>`,
  };
}

function pillarName(release: PublicRelease, slug: PillarSlug): string {
  const p = release.snapshot.pillars.find((x) => x.slug === slug);
  return p ? (p.longName && p.longName !== p.name ? `${p.name}: ${p.longName}` : p.name) : slug;
}

/** Progress by pillar and by objective: /public for the latest release, /public/releases/n for any. */
export function progressView(release: PublicRelease, { latest }: { latest: boolean }): View {
  const { snapshot } = release;
  const items = snapshot.deliverables;
  const byPillar = snapshot.pillars.map((p) => ({ pillar: p, counts: countStatuses(items.filter((d) => d.pillar === p.slug)) }));
  const plan = snapshot.plan;
  const objectiveSections = snapshot.pillars.map((p) => {
    const rows = snapshot.objectives
      .filter((o) => o.pillar === p.slug)
      .map((o) => ({ title: o.title, counts: countStatuses(items.filter((d) => d.objectiveId === o.id)) }));
    const unmapped = items.filter((d) => d.pillar === p.slug && d.objectiveId === null);
    if (unmapped.length) rows.push({ title: 'Not tied to an objective', counts: countStatuses(unmapped) });
    return html`<h3>${pillarName(release, p.slug)}</h3>${table({
      caption: `${p.name}: deliverables by objective and status`,
      columns: [{ header: 'Objective', rowHeader: true, cell: (r: (typeof rows)[number]) => r.title }, ...countColumns((r: (typeof rows)[number]) => r.counts)],
      rows,
    })}`;
  });
  const heading = latest ? 'Progress on the National Action Plan' : `Release ${release.number}`;
  return {
    title: latest ? 'Progress' : `Release ${release.number}`,
    body: html`<h1>${heading}</h1>
<p class="usa-intro" data-testid="release-line">${releaseLine(release)}</p>
${release.note ? html`<p>${release.note}</p>` : ''}
${plan ? html`<p>${plan.title}, adopted ${formatCalendarDate(plan.adoptedOn)}${plan.source ? html` (<a class="usa-link" href="${plan.source.url}" rel="noreferrer">${plan.source.title}</a>)` : ''}. ${formatCount(items.length, 'deliverable')} published by their agencies in this release.</p>` : ''}
${downloads(release.number)}
<h2>By pillar</h2>
${statusBars(
  byPillar.map((r) => ({ label: r.pillar.name, counts: r.counts })),
  'Bar chart: published deliverables by pillar, each bar split by status',
)}
${table({
  caption: 'Published deliverables by pillar and status',
  columns: [{ header: 'Pillar', rowHeader: true, cell: (r: (typeof byPillar)[number]) => pillarName(release, r.pillar.slug) }, ...countColumns((r: (typeof byPillar)[number]) => r.counts)],
  rows: byPillar,
  testId: 'by-pillar',
})}
<h2>By objective</h2>
<p>The plan’s objectives are listed in the order of the plan’s summary; they are not numbered.</p>
${objectiveSections}
${latest ? '' : html`<h2>Deliverables in this release</h2>${deliverableTable(items, `Every deliverable in release ${release.number}`, { linked: false })}`}
<p><a class="usa-link" href="/public/agencies">Progress by agency</a> · <a class="usa-link" href="/public/statuses">What the statuses mean</a></p>`,
  };
}

function deliverableTable(items: readonly PublicDeliverable[], caption: string, { linked = true }: { linked?: boolean } = {}): Html {
  return table({
    caption,
    testId: 'deliverables',
    columns: [
      { header: 'Deliverable', rowHeader: true, cell: (d: PublicDeliverable) => (linked ? html`<a class="usa-link" href="/public/deliverables/${d.id}">${d.title}</a>` : d.title) },
      { header: 'Lead agency', cell: (d) => d.leadAgency.abbreviation },
      { header: 'Pillar', cell: (d) => d.pillar.charAt(0).toUpperCase() + d.pillar.slice(1) },
      { header: 'Status', cell: (d) => statusBadge(d.status) },
      { header: 'Progress', numeric: true, cell: (d) => `${d.progress}%` },
      { header: 'Due', cell: (d) => formatCalendarDate(d.dueOn) },
    ],
    rows: items,
  });
}

type AgencyRow = { slug: string; name: string; abbreviation: string; led: PublicDeliverable[]; supported: number };

function agencyRows(release: PublicRelease): AgencyRow[] {
  const rows = new Map<string, AgencyRow>();
  const row = (a: { slug: string; name: string; abbreviation: string }) => {
    let r = rows.get(a.slug);
    if (!r) rows.set(a.slug, (r = { ...a, led: [], supported: 0 }));
    return r;
  };
  for (const d of release.snapshot.deliverables) {
    row(d.leadAgency).led.push(d);
    for (const s of d.supportingAgencies) row(s).supported += 1;
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function agenciesView(release: PublicRelease): View {
  const rows = agencyRows(release);
  return {
    title: 'By agency',
    body: html`<h1>Progress by agency</h1>
<p class="usa-intro">${releaseLine(release)}</p>
${table({
  caption: 'Published deliverables by lead agency and status',
  testId: 'by-agency',
  columns: [
    { header: 'Agency', rowHeader: true, cell: (r: AgencyRow) => html`<a class="usa-link" href="/public/agencies/${r.slug}">${r.name} (${r.abbreviation})</a>` },
    ...countColumns((r: AgencyRow) => countStatuses(r.led)),
    { header: 'Supports', numeric: true, cell: (r) => formatNumber(r.supported) },
  ],
  rows,
})}`,
  };
}

export function agencyView(release: PublicRelease, slug: string): View | null {
  const row = agencyRows(release).find((r) => r.slug === slug);
  if (!row) return null;
  const supported = release.snapshot.deliverables.filter((d) => d.supportingAgencies.some((a) => a.slug === slug));
  const counts = countStatuses(row.led);
  return {
    title: row.name,
    body: html`<nav class="usa-breadcrumb" aria-label="Breadcrumbs"><ol class="usa-breadcrumb__list"><li class="usa-breadcrumb__list-item"><a class="usa-breadcrumb__link" href="/public/agencies">By agency</a></li><li class="usa-breadcrumb__list-item usa-current" aria-current="page">${row.abbreviation}</li></ol></nav>
<h1>${row.name}</h1>
<p class="usa-intro">${releaseLine(release)}</p>
${table({ caption: `${row.abbreviation}: deliverables it leads, by status`, columns: countColumns(() => counts), rows: [row] })}
<h2>Deliverables ${row.abbreviation} leads</h2>
${row.led.length ? deliverableTable(row.led, `Deliverables ${row.abbreviation} leads`) : html`<p>None published.</p>`}
<h2>Deliverables ${row.abbreviation} supports</h2>
${supported.length ? deliverableTable(supported, `Deliverables ${row.abbreviation} supports`) : html`<p>None published.</p>`}`,
  };
}

export function deliverableView(release: PublicRelease, id: number): View | null {
  const d = release.snapshot.deliverables.find((x) => x.id === id);
  if (!d) return null;
  const objective = d.objectiveId !== null ? release.snapshot.objectives.find((o) => o.id === d.objectiveId) : undefined;
  return {
    title: d.title,
    body: html`<nav class="usa-breadcrumb" aria-label="Breadcrumbs"><ol class="usa-breadcrumb__list"><li class="usa-breadcrumb__list-item"><a class="usa-breadcrumb__link" href="/public/agencies/${d.leadAgency.slug}">${d.leadAgency.abbreviation}</a></li><li class="usa-breadcrumb__list-item usa-current" aria-current="page">Deliverable ${d.id}</li></ol></nav>
<h1>${d.title}</h1>
<p class="font-sans-lg" data-testid="public-status">${statusBadge(d.status)} · ${d.progress}% complete</p>
<p>${releaseLine(release)}</p>
<dl class="usa-list usa-list--unstyled" data-testid="public-details">
<dt class="text-bold">Lead agency</dt><dd class="margin-left-0 margin-bottom-1"><a class="usa-link" href="/public/agencies/${d.leadAgency.slug}">${d.leadAgency.name}</a></dd>
<dt class="text-bold">Supporting agencies</dt><dd class="margin-left-0 margin-bottom-1">${d.supportingAgencies.length ? d.supportingAgencies.map((a, i) => html`${i ? ', ' : ''}<a class="usa-link" href="/public/agencies/${a.slug}">${a.name}</a>`) : 'None'}</dd>
<dt class="text-bold">Pillar</dt><dd class="margin-left-0 margin-bottom-1">${pillarName(release, d.pillar)}</dd>
<dt class="text-bold">Objective</dt><dd class="margin-left-0 margin-bottom-1">${objective ? objective.title : 'Not tied to an objective'}</dd>
<dt class="text-bold">Status</dt><dd class="margin-left-0 margin-bottom-1">${STATUS_LABELS[d.status]}: ${STATUS_EXPLANATIONS[d.status]}</dd>
<dt class="text-bold">Measure</dt><dd class="margin-left-0 margin-bottom-1">${d.measure ? measureSummary(d.measure) : 'None set'}</dd>
<dt class="text-bold">Due</dt><dd class="margin-left-0 margin-bottom-1">${formatCalendarDate(d.dueOn)}</dd>
<dt class="text-bold">Announced at</dt><dd class="margin-left-0 margin-bottom-1">${d.announcedAt ? `${d.announcedAt.title} (${formatCalendarDate(d.announcedAt.date)})` : 'Not recorded'}</dd>
<dt class="text-bold">Source</dt><dd class="margin-left-0 margin-bottom-1">${d.source ? html`<a class="usa-link" href="${d.source.url}" rel="noreferrer">${d.source.title}</a>, ${d.source.publisher}${d.source.date ? `, ${formatCalendarDate(d.source.date)}` : ''}` : 'Reported by the agency'}</dd>
</dl>`,
  };
}

export function releasesView(list: readonly ReleaseSummary[]): View {
  return {
    title: 'Releases',
    body: html`<h1>Releases</h1>
<p class="usa-intro">Each release is the record as of its date, as the task force published it. A release never changes; a later one replaces it as the current record.</p>
${table({
  caption: 'Every release, newest first',
  testId: 'releases',
  columns: [
    { header: 'Release', rowHeader: true, cell: (r: ReleaseSummary) => html`<a class="usa-link" href="/public/releases/${r.number}">Release ${r.number}</a>` },
    { header: 'Record as of', cell: (r) => formatCalendarDate(r.asOf) },
    { header: 'Published', cell: (r) => formatInstant(r.publishedAt, 'UTC') },
    { header: 'Deliverables', numeric: true, cell: (r) => formatNumber(r.deliverableCount) },
    { header: 'Note', cell: (r) => r.note || '—' },
    { header: 'Downloads', cell: (r) => html`<a class="usa-link" href="/public/releases/${r.number}/deliverables.csv">CSV<span class="usa-sr-only"> of release ${r.number}</span></a>, <a class="usa-link" href="/public/releases/${r.number}/deliverables.json">JSON<span class="usa-sr-only"> of release ${r.number}</span></a>` },
  ],
  rows: list,
})}`,
  };
}

export function statusesView(): View {
  return {
    title: 'What the statuses mean',
    body: html`<h1>What the statuses mean</h1>
<p class="usa-intro">Each deliverable’s status is set by the agency that leads it, when it reports its progress.</p>
<dl>${STATUSES.map((s) => html`<dt class="margin-top-2">${statusBadge(s)}</dt><dd class="margin-left-0">${STATUS_EXPLANATIONS[s]}</dd>`)}</dl>
<p>Progress is the share of the work done, from 0% to 100%. Where a deliverable has a measure (for example, investigators trained against a target), its progress follows the count.</p>
<p>A deliverable an agency withdraws leaves the record; releases already published keep it as it stood.</p>`,
  };
}

export function notFoundView(): View {
  return { title: 'Page not found', body: html`<h1>Page not found</h1><p>This page is not part of the public record. <a class="usa-link" href="/public">Go to the public record</a>.</p>` };
}

