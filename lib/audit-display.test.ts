import { describe, expect, it } from 'vitest';
import { actionLabel, auditExportFileName, changeLines, describeAction, entityHref, entityLabel } from './audit-display';
import { sessionProblemMessage } from './session-messages';

describe('an audit event in words', () => {
  it('says a progress update that moved the status is a status change, and one that did not is a progress update', () => {
    expect(describeAction('deliverable.progress_update', { status: 'at_risk' }, { status: 'in_progress' })).toBe('status changed');
    expect(describeAction('deliverable.progress_update', { status: 'in_progress' }, { status: 'in_progress' })).toBe('progress updated');
    expect(describeAction('sign_in.failure', null, { reason: 'wrong_password' })).toBe('sign-in failed');
  });

  it('reads an action or entity it has no label for from its name', () => {
    expect(actionLabel('user.role_change')).toBe('user role change');
    expect(entityLabel('agency_report')).toBe('agency report');
    expect(entityLabel('working_group')).toBe('working group');
  });

  it('links deliverables and meetings to their pages, and nothing else', () => {
    expect(entityHref('deliverable', '12')).toBe('/deliverables/12');
    expect(entityHref('meeting', '3')).toBe('/meetings/3');
    expect(entityHref('agency_report', '3')).toBeNull();
    expect(entityHref('request', 'GET /admin/audit')).toBeNull();
    expect(entityHref('deliverable', null)).toBeNull();
  });
});

describe('the change of an audit event, field by field', () => {
  it('shows an update as before → after for the fields that changed, statuses and progress in words', () => {
    const lines = changeLines(
      { status: 'at_risk', progress: 40, statusReason: 'Vendor protest.' },
      { status: 'in_progress', progress: 40, statusReason: null, note: 'Contract signed.' },
    );
    expect(lines).toEqual([
      { field: 'status', before: 'At risk', after: 'In progress' },
      { field: 'reason', before: 'Vendor protest.', after: '(none)' },
      { field: 'note', after: 'Contract signed.' },
    ]);
  });

  it('lists the values a creation set and the reason of a refusal', () => {
    expect(changeLines(null, { title: 'Train officers', supportingAgencies: ['dol', 'hhs'], dueOn: null, description: '', measure: null })).toEqual([
      { field: 'title', after: 'Train officers' },
      { field: 'supporting agencies', after: 'dol, hhs' },
    ]);
    expect(changeLines(null, { reason: 'Only administrators can read the audit log.' })).toEqual([
      { field: 'reason', after: 'Only administrators can read the audit log.' },
    ]);
  });

  it('shortens a long text and shows nothing when nothing was recorded', () => {
    const [line] = changeLines({ statement: 'a' }, { statement: 'b'.repeat(1000) });
    expect(line!.after).toHaveLength(240);
    expect(line!.after.endsWith('…')).toBe(true);
    expect(changeLines(null, null)).toEqual([]);
  });

  it('reads a name like an Object member as a name, never as the member', () => {
    expect(actionLabel('constructor')).toBe('constructor');
    expect(entityLabel('toString')).toBe('to string');
    expect(changeLines({ status: 'constructor' }, { status: 'valueOf' })).toEqual([{ field: 'status', before: 'constructor', after: 'valueOf' }]);
    expect(sessionProblemMessage('toString')).toBeNull();
    expect(sessionProblemMessage('idle')).toContain('30 minutes');
  });
});

describe('the audit export’s file name', () => {
  // 02:00 UTC on 3 December is still 2 December in New York, already 3 December in Tokyo.
  const now = new Date('2026-12-03T02:00:00Z');

  it('names the days the filter covers, as the reader counts them', () => {
    expect(auditExportFileName({ from: '2026-12-01', to: '2026-12-03', tz: 'America/New_York' }, now)).toBe('audit-2026-12-01-to-2026-12-03.csv');
    expect(auditExportFileName({ from: '2026-12-01', to: '2026-12-01', tz: 'Asia/Tokyo' }, now)).toBe('audit-2026-12-01.csv');
  });

  it('runs an open range to today in the reader’s zone', () => {
    expect(auditExportFileName({ from: '2026-12-01', tz: 'America/New_York' }, now)).toBe('audit-2026-12-01-to-2026-12-02.csv');
    expect(auditExportFileName({ from: '2026-12-01', tz: 'Asia/Tokyo' }, now)).toBe('audit-2026-12-01-to-2026-12-03.csv');
    expect(auditExportFileName({ to: '2026-11-30', tz: 'Asia/Tokyo' }, now)).toBe('audit-until-2026-11-30.csv');
    expect(auditExportFileName({ tz: 'America/New_York' }, now)).toBe('audit-until-2026-12-02.csv');
  });
});
