import type { Metadata } from 'next';
import { listAgencies } from '@/db/queries/agencies';
import { auditFilterErrors, listAuditActions, listAuditActors, listAuditEntities, listAuditEvents } from '@/db/queries/audit-log';
import { fieldErrors, type FieldErrors } from '@/lib/errors';
import { requireUser } from '@/lib/server/auth';
import { canViewAuditLog } from '@/lib/authorization';
import { TASK_FORCE_TIME_ZONE, canonicalTimeZone, isTimeZone } from '@/lib/dates';
import { formatNumber } from '@/lib/format';
import { requirePageAccess } from '@/lib/server/page-access';
import { auditListQuery } from '@/lib/validations/audit';
import { Pagination } from '@/components/ui/pagination';
import { AUDIT_FILTER_LABELS, AuditFilters } from './_components/audit-filters';
import { AuditTable } from './_components/audit-table';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;
const PATH = '/admin/audit';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requireUser();
  await requirePageAccess(user, canViewAuditLog(user), 'Only administrators can read the audit log.');

  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.trim()])
      .filter(([k, v]) => k !== 'pageSize' && v !== undefined && v !== ''),
  ) as Record<string, string>;
  const parsed = auditListQuery.safeParse({ ...raw, pageSize: String(PAGE_SIZE) });
  const errors: FieldErrors = parsed.success ? (auditFilterErrors(parsed.data) ?? {}) : fieldErrors(parsed.error);
  const valid = parsed.success && Object.keys(errors).length === 0;
  const result = valid ? listAuditEvents(parsed.data) : null;
  const choices = {
    actors: listAuditActors(),
    agencies: listAgencies({ includeRetired: true }),
    entities: listAuditEntities(),
    actions: listAuditActions(),
  };

  const pageHref = (page: number) => {
    const params = new URLSearchParams(raw);
    if (page > 1) params.set('page', String(page));
    else params.delete('page');
    return params.size ? `${PATH}?${params}` : PATH;
  };
  const exportParams = new URLSearchParams(raw);
  exportParams.delete('page');
  // The zone the dates were counted in: the one sent, when it is one, else the task force's.
  const zone = parsed.success ? parsed.data.tz : raw.tz && isTimeZone(raw.tz) ? canonicalTimeZone(raw.tz) : TASK_FORCE_TIME_ZONE;

  return (
    <>
      <h1>Audit log</h1>
      <p className="usa-intro font-sans-md margin-top-0 measure-5">
        Every change, sign-in and refused request, newest first, with who did it and what changed from what to what.
      </p>
      <p className="margin-top-0" data-testid="time-note">
        The from and to dates are whole days in the time zone {zone}, your browser’s when you filter; times in the table are shown
        in your own time zone.
      </p>

      {!valid ? (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert" data-testid="filter-errors">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Correct these filters to see events:</p>
            <ul className="usa-list">
              {Object.entries(errors).map(([field, messages]) => (
                <li key={field}>
                  <strong>{AUDIT_FILTER_LABELS[field] ?? field}</strong>: {messages[0]}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <AuditFilters values={raw} errors={errors} choices={choices} zone={zone} />

      {result ? (
        <>
          <div className="display-flex flex-justify flex-align-center flex-wrap margin-top-3">
            <p className="margin-0" role="status" data-testid="result-count">
              {formatNumber(result.total)} {result.total === 1 ? 'event' : 'events'}
              {result.pageCount > 1 ? `, page ${result.page} of ${formatNumber(result.pageCount)}` : ''}
            </p>
            <a className="usa-link" href={`/api/admin/audit/export.csv${exportParams.size ? `?${exportParams}` : ''}`}>
              Export CSV
            </a>
          </div>
          {result.items.length === 0 ? <p data-testid="audit-empty">No events match these filters.</p> : <AuditTable items={result.items} />}
          <Pagination label="Pages of audit events" page={result.page} pageCount={result.pageCount} href={pageHref} />
        </>
      ) : null}
    </>
  );
}
