import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAgencyBySlug } from '@/db/queries/agencies';
import { listMeetings } from '@/db/queries/meetings';
import { listObjectives } from '@/db/queries/plan';
import { objectiveName } from '@/lib/plan';
import { DeliverableImportForm } from '@/components/deliverables/deliverable-import-form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requireUser } from '@/lib/server/auth';
import { canCreateDeliverable } from '@/lib/authorization';
import { requirePageAccess } from '@/lib/server/page-access';
import { PILLARS, PILLAR_LABELS } from '@/lib/domain';
import { formatCalendarDate } from '@/lib/format';
import { IMPORT_TEMPLATE_HEADER, MAX_IMPORT_ROWS } from '@/lib/validations/deliverable-import';
import { DESCRIPTION_MAX, MEASURE_LABEL_MAX, MEASURE_UNIT_MAX, TITLE_MAX } from '@/lib/validations/deliverables';

export const metadata: Metadata = { title: 'Import deliverables' };

type Props = { params: Promise<{ slug: string }> };

const COLUMN_HELP: { column: string; required: boolean; what: string }[] = [
  { column: 'title', required: true, what: `What the agency commits to do, up to ${TITLE_MAX} characters.` },
  { column: 'pillar', required: true, what: `One of ${PILLARS.join(', ')}.` },
  { column: 'description', required: false, what: `More detail, up to ${DESCRIPTION_MAX.toLocaleString('en-US')} characters.` },
  { column: 'due_on', required: false, what: 'The due date as YYYY-MM-DD, e.g. 2027-06-30.' },
  { column: 'supporting_agencies', required: false, what: 'Other agencies’ short names separated by semicolons, e.g. doj;hhs.' },
  { column: 'announced_at_meeting_id', required: false, what: 'The number of the meeting it was announced at (listed below).' },
  { column: 'funding_usd', required: false, what: 'Funding in whole US dollars, e.g. 1500000.' },
  { column: 'nap_action', required: false, what: 'The National Action Plan priority action it serves, e.g. 1.3.2.' },
  { column: 'objective_id', required: false, what: 'The number of the plan objective it serves, under its pillar (listed below); empty is not yet mapped.' },
  {
    column: 'measure_label',
    required: false,
    what: `What it counts toward a target, written to follow a number, e.g. investigators trained (up to ${MEASURE_LABEL_MAX} characters). Needs measure_target.`,
  },
  { column: 'measure_unit', required: false, what: `Only when the count is not a number of what is counted, e.g. hours (up to ${MEASURE_UNIT_MAX} characters).` },
  { column: 'measure_target', required: false, what: 'The target, a whole number above zero, e.g. 1200. Needs measure_label.' },
  { column: 'measure_actual', required: false, what: 'The count so far, a whole number; empty is 0. Needs a target.' },
];

// The template is the header row alone; the byte-order mark makes Excel read it as UTF-8.
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${IMPORT_TEMPLATE_HEADER}\r\n`)}`;

export default async function ImportDeliverablesPage({ params }: Props) {
  const user = await requireUser();
  const { slug } = await params;
  const agency = getAgencyBySlug(slug);
  if (!agency) notFound();

  await requirePageAccess(user, canCreateDeliverable(user, agency.id), `Only ${agency.name} officials and administrators can add its deliverables.`);

  const meetings = listMeetings({ page: 1, pageSize: 20 }).items;

  return (
    <>
      <h1>Import deliverables for {agency.name}</h1>
      <p className="usa-intro">
        Add up to {MAX_IMPORT_ROWS} new {agency.abbreviation} deliverables at once from a spreadsheet saved as CSV.
        Check the file first: every row is checked, and nothing is imported unless every row is right.
      </p>
      <p>
        <a className="usa-link" href={TEMPLATE_HREF} download="deliverables-import-template.csv">
          Download a template
        </a>{' '}
        (a CSV file with the header row). The first row must name the columns, in any order; only title and pillar
        are required. Each imported deliverable starts as not started at 0% (with a measure, at the share of its target
        the count so far reaches); report progress on it afterwards. A file exported from the deliverables list keeps
        these columns under the same names: delete its other columns (id, lead_agency, status, …) to import it.
      </p>

      <section aria-labelledby="columns-heading">
        <h2 id="columns-heading">Columns</h2>
        <ScrollRegion label="Import columns">
          <table className="usa-table usa-table--borderless usa-table--stacked">
            <caption className="usa-sr-only">The columns an import file may have</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Required</th>
                <th scope="col">What to enter</th>
              </tr>
            </thead>
            <tbody>
              {COLUMN_HELP.map((c) => (
                <tr key={c.column}>
                  <th scope="row">
                    <code>{c.column}</code>
                  </th>
                  <td data-label="Required">{c.required ? 'Yes' : 'No'}</td>
                  <td data-label="What to enter">{c.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <details className="margin-top-2">
          <summary>Meeting numbers for announced_at_meeting_id</summary>
          <ul className="usa-list">
            {meetings.map((m) => (
              <li key={m.id}>
                <strong>{m.id}</strong>: {m.title}, {formatCalendarDate(m.date, m.datePrecision === 'month' ? 'month' : 'day')}
              </li>
            ))}
          </ul>
        </details>
        <details className="margin-top-2">
          <summary>Objective numbers for objective_id</summary>
          <ul className="usa-list">
            {listObjectives().map((o) => (
              <li key={o.id}>
                <strong>{o.id}</strong>: {objectiveName(o)} ({PILLAR_LABELS[o.pillar]})
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="import-heading" className="margin-top-4">
        <h2 id="import-heading">Your file</h2>
        <DeliverableImportForm agencySlug={agency.slug} agencyAbbreviation={agency.abbreviation} />
      </section>
    </>
  );
}
