/**
 * The public record (/public and everything under it): no sign-in, no session read, no JavaScript.
 *
 * Why a route handler writing HTML, not Next pages: a Next page carries inline scripts that the
 * app's Content-Security-Policy admits only with a per-request nonce, and HTML with a nonce cannot
 * be cached; and a page prerendered by `next build` (which runs without the server's database)
 * would freeze "nothing published yet". These pages change only when a release is published, so
 * each is rendered once per release and path (app/public/_views/cache.ts) and answered from
 * memory, under a policy that allows no script at all. proxy.ts lets /public through untouched.
 */
import { getRelease, latestReleaseKey, listReleases, releaseKey } from '@/db/queries/releases';
import { toCsv } from '@/lib/csv';
import { STATUS_LABELS } from '@/lib/domain';
import { releaseNumber } from '@/lib/validations/releases';
import { cached, forgetOtherGenerations, kept, type Kept, type Rendered } from '../_views/cache';
import { uswdsAsset } from '../_views/assets';
import { publicPage } from '../_views/layout';
import {
  agenciesView,
  agencyView,
  deliverableView,
  notFoundView,
  nothingPublished,
  progressView,
  releasesView,
  statusesView,
  type View,
} from '../_views/pages';

export const dynamic = 'force-dynamic';

const POLICY = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HTML = 'text/html; charset=utf-8';

function page(path: string, view: View | null, status = 200): Omit<Rendered, 'etag'> {
  const shown = view ?? notFoundView();
  return { status: view ? status : 404, type: HTML, body: publicPage({ title: shown.title, path, body: shown.body }) };
}

const SEGMENT = /^[a-z0-9.-]{1,60}$/i;

/** The headers this route gives a page (Next adds the security headers of next.config.js). */
function headersOf(rendered: Kept): Record<string, string> {
  return {
    'content-type': rendered.type,
    'content-security-policy': POLICY,
    // Revalidated on every use: the same address shows the next release once it is published.
    'cache-control': 'public, no-cache',
    etag: rendered.etag,
    ...(rendered.filename ? { 'content-disposition': `attachment; filename="${rendered.filename}"` } : {}),
  };
}

function respond(request: Request, rendered: Kept): Response {
  const headers = new Headers(headersOf(rendered));
  if (rendered.status === 200 && request.headers.get('if-none-match') === rendered.etag) return new Response(null, { status: 304, headers });
  return new Response(rendered.bytes, { status: rendered.status, headers });
}

function deliverablesCsv(n: number): Omit<Rendered, 'etag'> {
  const release = getRelease(n)!;
  const objectives = new Map(release.snapshot.objectives.map((o) => [o.id, o.title]));
  const rows = release.snapshot.deliverables.map((d) => [
    d.id,
    d.title,
    d.pillar,
    d.objectiveId !== null ? (objectives.get(d.objectiveId) ?? '') : '',
    d.leadAgency.abbreviation,
    d.supportingAgencies.map((a) => a.abbreviation).join('; '),
    STATUS_LABELS[d.status],
    d.progress,
    d.measure?.label ?? '',
    d.measure?.unit ?? '',
    d.measure?.target ?? '',
    d.measure?.actual ?? '',
    d.dueOn ?? '',
    d.announcedAt?.title ?? '',
    d.announcedAt?.date ?? '',
    d.source?.title ?? '',
    d.source?.publisher ?? '',
    d.source?.date ?? '',
    d.source?.url ?? '',
  ]);
  const fields = ['id', 'title', 'pillar', 'objective', 'lead_agency', 'supporting_agencies', 'status', 'progress', 'measure_label', 'measure_unit', 'measure_target', 'measure_actual', 'due_on', 'announced_at', 'announced_on', 'source_title', 'source_publisher', 'source_date', 'source_url'];
  return { status: 200, type: 'text/csv; charset=utf-8', body: toCsv(fields, rows), filename: `pitf-release-${n}-deliverables.csv` };
}

function releaseJson(n: number): Omit<Rendered, 'etag'> {
  const { number, asOf, publishedAt, note, snapshot } = getRelease(n)!;
  return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify({ release: number, asOf, publishedAt, note, ...snapshot }, null, 1), filename: `pitf-release-${n}.json` };
}

/** Pages of one numbered release: frozen, so their key is the release's own. */
function releaseRoute(path: string, rest: string[]): Kept | null {
  const parsed = releaseNumber.safeParse(rest[0]);
  const key = parsed.success ? releaseKey(parsed.data) : null;
  if (!key) return null;
  const n = key.number;
  const prefix = `release:${n}:${key.publishedAt}:`;
  if (rest.length === 1) return cached(prefix + 'view', () => page(path, progressView(getRelease(n)!, { latest: false })));
  if (rest.length === 2 && rest[1] === 'deliverables.csv') return cached(prefix + 'csv', () => deliverablesCsv(n));
  if (rest.length === 2 && rest[1] === 'deliverables.json') return cached(prefix + 'json', () => releaseJson(n));
  return null;
}

/** Pages of the latest release: keyed by it, so a new release replaces them. */
function latestRoute(path: string, parts: string[]): Kept | null {
  const latest = latestReleaseKey();
  const prefix = latest ? `latest:${latest.number}:${latest.publishedAt}:` : 'latest:none:';
  forgetOtherGenerations(prefix);
  const key = prefix + parts.join('/');
  const [first, second, ...more] = parts;
  if (first === 'statuses' && parts.length === 1) return cached(key, () => page(path, statusesView()));
  if (first === 'releases' && parts.length === 1) {
    return cached(key, () => page(path, latest ? releasesView(listReleases()) : nothingPublished()));
  }
  if (!latest) {
    // Before any release every address of the record says so (an unknown one is still a 404).
    const known = parts.length === 0 || (first === 'agencies' && parts.length <= 2) || (first === 'deliverables' && parts.length === 2);
    return known ? cached(key, () => page(path, nothingPublished())) : null;
  }
  const release = () => getRelease(latest.number)!;
  if (parts.length === 0) return cached(key, () => page(path, progressView(release(), { latest: true })));
  if (first === 'agencies' && parts.length === 1) return cached(key, () => page(path, agenciesView(release())));
  if (first === 'agencies' && parts.length === 2 && more.length === 0) return cached(key, () => page(path, agencyView(release(), second!)));
  if (first === 'deliverables' && parts.length === 2 && /^\d{1,12}$/.test(second!)) {
    return cached(key, () => page(path, deliverableView(release(), Number(second))));
  }
  return null;
}

/**
 * The key a page of the record is kept under, read from the database as GET reads it (one row by
 * its unique index), or null for an address whose answer is never kept (the stylesheet and fonts,
 * an address no page has). Mirrors releaseRoute and latestRoute.
 */
function keyOf(parts: string[]): string | null {
  if (parts[0] === 'assets' || !parts.every((p) => SEGMENT.test(p))) return null;
  if (parts[0] === 'releases' && parts.length >= 2) {
    const parsed = releaseNumber.safeParse(parts[1]);
    const key = parsed.success ? releaseKey(parsed.data) : null;
    if (!key) return null;
    const prefix = `release:${key.number}:${key.publishedAt}:`;
    if (parts.length === 2) return prefix + 'view';
    if (parts.length === 3 && parts[2] === 'deliverables.csv') return prefix + 'csv';
    if (parts.length === 3 && parts[2] === 'deliverables.json') return prefix + 'json';
    return null;
  }
  return generation() + parts.join('/');
}

/** What every answer of the record depends on besides its address: the latest release, if any. */
function generation(): string {
  const latest = latestReleaseKey();
  return latest ? `latest:${latest.number}:${latest.publishedAt}:` : 'latest:none:';
}

/**
 * Addresses answered 404 under the current generation, with their page, so that the same question
 * is answered from memory too (`missing(parts)` below) until another release is published. Any
 * address may be asked for, so there is a bound, and these never push out the pages of the record.
 */
const MISSING_LIMIT = 500;
const missingPages = new Map<string, Kept>();
let missingGeneration = '';

/** `rendered` was rendered under `rendering`, the generation read before rendering it. */
function rememberMissing(rendering: string, path: string, rendered: Kept): void {
  if (rendering !== missingGeneration) {
    missingPages.clear();
    missingGeneration = rendering;
  }
  if (missingPages.size >= MISSING_LIMIT) missingPages.delete(missingPages.keys().next().value!);
  missingPages.set(path, rendered);
}

function missing(parts: string[]): Kept | null {
  if (generation() !== missingGeneration) return null;
  return missingPages.get(`/public${parts.length ? `/${parts.join('/')}` : ''}`) ?? null;
}

/**
 * For scripts/server.mjs: a page of the record already rendered for the release that is current
 * now, answered from memory before Next handles the request (Next's own handling costs more than
 * the page). The key is read from the database on every call, so a page of an earlier release is
 * never answered; an address not rendered yet for this key is null, and Next renders it as usual.
 * An address already answered 404 under the current release is answered the same way.
 */
type PublicRecordFastPath = {
  page(parts: string[]): { status: number; headers: Record<string, string>; bytes: Uint8Array; etag: string } | null;
};
(globalThis as { [key: symbol]: PublicRecordFastPath })[Symbol.for('pitf.publicRecord')] = {
  page(parts) {
    const key = keyOf(parts);
    const kept200 = key ? kept(key) : null;
    const found = kept200 && kept200.status === 200 ? kept200 : parts[0] === 'assets' ? null : missing(parts);
    return found ? { status: found.status, headers: headersOf(found), bytes: found.bytes, etag: found.etag } : null;
  },
};

export async function GET(request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  const parts = (await params).path ?? [];
  const path = `/public${parts.length ? `/${parts.join('/')}` : ''}`;
  if (parts[0] === 'assets' && parts[1] === 'uswds') {
    const asset = uswdsAsset(parts.slice(2).join('/'));
    if (!asset) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(new Uint8Array(asset.body), { headers: { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400' } });
  }
  const rendering = generation();
  let rendered: Kept | null = null;
  if (parts.every((p) => SEGMENT.test(p))) {
    rendered = parts[0] === 'releases' && parts.length >= 2 ? releaseRoute(path, parts.slice(1)) : latestRoute(path, parts);
  }
  const answer = rendered ?? cached('not-found', () => page('/public/not-found', null));
  if (answer.status === 404 && parts.every((p) => SEGMENT.test(p))) rememberMissing(rendering, path, answer);
  return respond(request, answer);
}
