import Link from 'next/link';
import type { AuditEventItem } from '@/db/queries/audit-log';
import { changeLines, describeAction, entityHref, entityLabel } from '@/lib/audit-display';
import { LocalTime } from '@/components/ui/local-time';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** One row per event: when, who, what, on which record, for which agency, and the change itself. */
export function AuditTable({ items }: { items: AuditEventItem[] }) {
  return (
    <ScrollRegion label="Audit events">
      <table className="usa-table usa-table--borderless width-full pitf-audit-table" data-testid="audit-table">
        <caption className="usa-sr-only">Audit events matching the filters, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Agency</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} data-testid={`audit-event-${e.id}`}>
              <th scope="row" className="text-normal">
                <LocalTime value={e.at} />
              </th>
              <td>
                {e.actorName ? (
                  <>
                    {e.actorName}
                    <br />
                  </>
                ) : null}
                <span className="pitf-audit-email">{e.actorEmail ?? 'system'}</span>
              </td>
              <td>{describeAction(e.action, e.before, e.after)}</td>
              <td>
                <EntityCell entity={e.entity} entityId={e.entityId} />
              </td>
              <td>{e.agencyAbbreviation ?? '—'}</td>
              <td>
                <ChangeList before={e.before} after={e.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function EntityCell({ entity, entityId }: { entity: string; entityId: string | null }) {
  const text = entityId ? `${entityLabel(entity)} ${entityId}` : entityLabel(entity);
  const href = entityHref(entity, entityId);
  return href ? (
    <Link href={href} className="usa-link">
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
}

function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const lines = changeLines(before, after);
  if (lines.length === 0) return <>—</>;
  return (
    <ul className="usa-list usa-list--unstyled pitf-audit-change">
      {lines.map((line, i) => (
        <li key={i}>
          <span className="text-bold">{line.field}:</span>{' '}
          {line.before !== undefined ? (
            <>
              {line.before} <span aria-hidden="true">→</span>
              <span className="usa-sr-only">changed to</span> {line.after}
            </>
          ) : (
            line.after
          )}
        </li>
      ))}
    </ul>
  );
}
