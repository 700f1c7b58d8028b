'use client';

import type { DeliverableDetail } from '@/lib/contracts/deliverables';
import { STATUS_LABELS, type Status } from '@/lib/domain';
import { measureSummary, type Measure } from '@/lib/measures';

type Theirs = Omit<DeliverableDetail, 'lastUpdateAt'> & { lastUpdateAt: number | string | null };

const LABELS: Record<string, string> = {
  status: 'Status',
  progress: 'Progress (%)',
  measureActual: 'Count so far',
  measure: 'Measure',
  reason: 'Reason',
  note: 'Note',
  title: 'Title',
  description: 'Description',
  pillar: 'Pillar',
  leadAgency: 'Lead agency',
  supportingAgencies: 'Supporting agencies',
  announcedAtMeetingId: 'Announced at (meeting id)',
  dueOn: 'Due date',
  fundingUsd: 'Funding (USD)',
  napAction: 'NAP priority action',
  objectiveId: 'Objective of the plan (id)',
};

/** What the current record holds for a field the user tried to change. */
function theirValue(theirs: Theirs, key: string): unknown {
  switch (key) {
    case 'reason':
      return theirs.statusReason;
    case 'note':
      return '(their note is in the update history)';
    case 'leadAgency':
      return theirs.leadAgency.slug;
    case 'supportingAgencies':
      return theirs.supportingAgencies.map((a) => a.slug);
    case 'announcedAtMeetingId':
      return theirs.announcedAt?.id ?? null;
    case 'napAction':
      return theirs.napAction?.code ?? null;
    case 'objectiveId':
      return theirs.objective?.id ?? null;
    case 'measureActual':
      return theirs.measure?.actual ?? null;
    default:
      return (theirs as unknown as Record<string, unknown>)[key];
  }
}

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'status') return STATUS_LABELS[value as Status] ?? String(value);
  if (key === 'measureActual' && typeof value === 'number') return value.toLocaleString('en-US');
  if (key === 'measure' && typeof value === 'object') {
    const m = value as Measure;
    return typeof m.target === 'number' && typeof m.actual === 'number' ? measureSummary(m) : JSON.stringify(value);
  }
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  return String(value);
}

/**
 * Shown when the server answers 409: someone changed the deliverable after this page loaded.
 * Their version and this user's attempted change side by side; keep theirs, or re-apply mine on
 * top of it (nothing is lost either way: their change is already saved).
 */
export function ConflictView({
  what,
  mine,
  theirs,
  onKeepTheirs,
  onReapply,
}: {
  what: 'update' | 'edit';
  mine: Record<string, unknown>;
  theirs: Theirs | null;
  onKeepTheirs: () => void;
  onReapply: () => void;
}) {
  const keys = Object.keys(mine).filter((k) => k !== 'version' && k in LABELS);
  return (
    <div className="usa-alert usa-alert--warning margin-bottom-3" role="alert" data-testid="conflict-view">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">Someone else changed this deliverable</h3>
        <p className="usa-alert__text">
          Your {what === 'update' ? 'progress update' : 'edit'} was not saved, because the deliverable changed after you opened
          this page. Compare, then keep their version or apply yours on top of it.
        </p>
        <table className="usa-table usa-table--borderless usa-table--compact margin-y-2">
          <caption className="usa-sr-only">Their version beside your change</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Their version (saved)</th>
              <th scope="col">Your change (not saved)</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key}>
                <th scope="row">{LABELS[key]}</th>
                <td data-testid={`theirs-${key}`}>{theirs ? show(key, theirValue(theirs, key)) : 'unknown'}</td>
                <td data-testid={`mine-${key}`}>{show(key, mine[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
          <button type="button" className="usa-button" onClick={onReapply} disabled={!theirs}>
            Apply my {what === 'update' ? 'update' : 'changes'} on top
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={onKeepTheirs}>
            Keep their version
          </button>
        </div>
      </div>
    </div>
  );
}
