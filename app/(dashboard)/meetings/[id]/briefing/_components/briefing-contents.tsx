import type { BriefingAgency } from '@/db/queries/briefing';
import { formatCount } from '@/lib/format';

/** The sections before the agencies', in the order printed; the contents lists them with the agencies'. */
const FRONT_SECTIONS = [
  { id: 'readiness-heading', title: 'Readiness summary' },
  { id: 'agenda-heading', title: 'Agenda' },
  { id: 'pillars-heading', title: 'Deliverables by pillar and status' },
  { id: 'coverage-heading', title: 'Plan coverage' },
  { id: 'ledger-heading', title: 'Accountability ledger' },
  { id: 'awards-heading', title: 'Awards presented' },
] as const;

/**
 * The contents. Chromium cannot print the page a link leads to (no target-counter()), so the
 * contents numbers the sections instead; each entry links to its section, on screen and in the PDF.
 */
export function BriefingContents({ reporting, nothingToReport }: { reporting: BriefingAgency[]; nothingToReport: BriefingAgency[] }) {
  return (
    <nav aria-labelledby="contents-heading" className="margin-top-4 pitf-briefing__contents" data-testid="briefing-contents">
      <h2 id="contents-heading">Contents</h2>
      <ol className="usa-list">
        {FRONT_SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className="usa-link">
              {s.title}
            </a>
          </li>
        ))}
        <li>
          Agencies
          <ol className="usa-list">
            {reporting.map((a) => (
              <li key={a.slug}>
                <a href={`#agency-${a.slug}`} className="usa-link">
                  {a.name} ({a.abbreviation})
                </a>
              </li>
            ))}
            {nothingToReport.length ? (
              <li>
                <a href="#nothing-to-report-heading" className="usa-link">
                  Agencies with nothing to report
                </a>{' '}
                ({formatCount(nothingToReport.length, 'agency', 'agencies')})
              </li>
            ) : null}
          </ol>
        </li>
      </ol>
    </nav>
  );
}
