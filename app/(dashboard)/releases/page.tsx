import type { Metadata } from 'next';
import Link from 'next/link';
import { listReleases, previewNextRelease } from '@/db/queries/releases';
import { requireUser } from '@/lib/server/auth';
import { canPublishRelease } from '@/lib/authorization';
import { STATUS_LABELS } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatNumber } from '@/lib/format';
import { refusePage } from '@/lib/server/page-access';
import type { ReleaseDiff, ReleaseSummary } from '@/lib/public-record';
import { DataTable } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import { PublishReleaseForm } from '@/components/public-record/publish-release-form';

export const metadata: Metadata = { title: 'Releases of the public record' };

/** How many added, removed or changed deliverables the preview lists by name. */
const LISTED = 50;

type Changed = ReleaseDiff['changed'][number];

/**
 * The chair's staff's page for the public record: the releases so far, and what the next one
 * would hold (how many deliverables their agencies marked publishable, by agency, and what
 * changed since the last release), with the button that publishes it.
 */
export default async function ReleasesPage() {
  const user = await requireUser();
  if (!canPublishRelease(user)) return refusePage(user, 'Releases of the public record are published by the chair’s staff.');
  const releases = listReleases();
  const preview = previewNextRelease();
  const { added, removed, changed } = preview.changes;

  return (
    <>
      <h1>Releases of the public record</h1>
      <p className="usa-intro measure-5">
        A release freezes the public fields of the deliverables their agencies marked publishable, as they stand today, and
        shows them at{' '}
        <Link href="/public" className="usa-link">
          /public
        </Link>{' '}
        to anyone, without signing in. Releases are never edited: the next one replaces it as the current record.
      </p>

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">The next release</h2>
        <p data-testid="next-count">
          {formatCount(preview.count, 'deliverable')} marked publishable by {formatCount(preview.byAgency.length, 'agency', 'agencies')}
          {preview.last ? `; since release ${preview.last.number}: ${added.length} added, ${removed.length} removed, ${changed.length} changed status or progress.` : '.'}
        </p>
        {preview.byAgency.length ? (
          <DataTable
            caption="Publishable deliverables by lead agency"
            showCaption
            testId="next-by-agency"
            columns={[
              { header: 'Agency', rowHeader: true, cell: (a) => `${a.name} (${a.abbreviation})` },
              { header: 'Deliverables', numeric: true, cell: (a) => formatNumber(a.count) },
            ]}
            rows={preview.byAgency}
            rowKey={(a) => a.slug}
          />
        ) : (
          <p>No agency has marked a deliverable publishable yet: a release now would publish an empty record.</p>
        )}
        <ChangeList title={preview.last ? `Added since release ${preview.last.number}` : 'In the first release'} items={added} testId="next-added" />
        {preview.last ? <ChangeList title={`Removed since release ${preview.last.number}`} items={removed} testId="next-removed" /> : null}
        {preview.last && changed.length ? (
          <DataTable
            caption={`Changed status or progress since release ${preview.last.number} (${formatNumber(changed.length)})`}
            showCaption
            testId="next-changed"
            columns={[
              { header: 'Deliverable', rowHeader: true, cell: (c: Changed) => <Link href={`/deliverables/${c.id}`}>{c.title}</Link> },
              { header: 'Then', cell: (c) => `${STATUS_LABELS[c.before.status]}, ${c.before.progress}%` },
              { header: 'Now', cell: (c) => `${STATUS_LABELS[c.after.status]}, ${c.after.progress}%` },
            ]}
            rows={changed.slice(0, LISTED)}
            rowKey={(c) => c.id}
          />
        ) : null}
        <PublishReleaseForm nextNumber={(releases[0]?.number ?? 0) + 1} />
      </section>

      <section aria-labelledby="published-heading" className="margin-top-4">
        <h2 id="published-heading">Published</h2>
        {releases.length ? (
          <DataTable
            caption="Releases published so far, newest first"
            testId="releases-published"
            columns={[
              { header: 'Release', rowHeader: true, cell: (r: ReleaseSummary) => <a href={`/public/releases/${r.number}`} className="usa-link">Release {r.number}</a> },
              { header: 'Record as of', cell: (r) => formatCalendarDate(r.asOf) },
              { header: 'Published', cell: (r) => <LocalTime value={r.publishedAt} /> },
              { header: 'Deliverables', numeric: true, cell: (r) => formatNumber(r.deliverableCount) },
              { header: 'Note', cell: (r) => r.note || '—' },
            ]}
            rows={releases}
            rowKey={(r) => r.number}
          />
        ) : (
          <p>Nothing has been published yet.</p>
        )}
      </section>
    </>
  );
}

function ChangeList({ title, items, testId }: { title: string; items: { id: number; title: string }[]; testId: string }) {
  if (!items.length) return null;
  return (
    <>
      <h3>
        {title} ({formatNumber(items.length)})
      </h3>
      <ul data-testid={testId}>
        {items.slice(0, LISTED).map((d) => (
          <li key={d.id}>
            <Link href={`/deliverables/${d.id}`}>{d.title}</Link>
          </li>
        ))}
        {items.length > LISTED ? <li>and {formatNumber(items.length - LISTED)} more</li> : null}
      </ul>
    </>
  );
}
