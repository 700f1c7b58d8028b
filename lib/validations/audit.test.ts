import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/errors';
import { auditExportQuery, auditListQuery } from './audit';

const errorsOf = (input: Record<string, string>) => {
  const parsed = auditListQuery.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('the audit log’s filters', () => {
  it('accepts every filter, and treats a blank one as absent', () => {
    const parsed = auditListQuery.parse({ actor: '4', agency: 'dhs', entity: 'deliverable', entityId: '12', action: 'deliverable.update', from: '2026-01-01', to: '2026-01-31', page: '2', pageSize: '200' });
    expect(parsed).toMatchObject({ actor: 4, page: 2, pageSize: 200, from: '2026-01-01' });
    expect(auditListQuery.parse({ actor: '', agency: '', from: ' ', to: '', tz: '' })).toEqual({ page: 1, pageSize: 50, tz: 'America/New_York' });
  });

  it('names a date that is not a real calendar date', () => {
    expect(Object.keys(errorsOf({ from: '2026-02-30' }))).toEqual(['from']);
    expect(Object.keys(errorsOf({ to: 'yesterday' }))).toEqual(['to']);
  });

  it('names to when it comes before from, and entityId without an entity', () => {
    expect(errorsOf({ from: '2026-03-02', to: '2026-03-01' })).toEqual({ to: ['to must be on or after from.'] });
    expect(auditListQuery.safeParse({ from: '2026-03-01', to: '2026-03-01' }).success).toBe(true);
    expect(Object.keys(errorsOf({ entityId: '12' }))).toEqual(['entityId']);
  });

  it('refuses pages over 200 events and names every bad field at once', () => {
    expect(Object.keys(errorsOf({ pageSize: '201', actor: 'me', action: 'DROP TABLE' })).sort()).toEqual(['action', 'actor', 'pageSize']);
  });

  it('has no paging in the export', () => {
    expect(auditExportQuery.parse({ page: '3', entity: 'deliverable' })).toEqual({ entity: 'deliverable', tz: 'America/New_York' });
  });

  it('takes the reader’s time zone by its IANA name, and names one it does not know', () => {
    expect(auditListQuery.parse({ tz: 'asia/tokyo' }).tz).toBe('Asia/Tokyo');
    expect(auditListQuery.parse({ tz: 'UTC' }).tz).toBe('UTC');
    expect(errorsOf({ tz: 'Mars/Olympus_Mons', from: '2026-02-30' })).toEqual({
      from: ['from must be a real calendar date as YYYY-MM-DD.'],
      tz: ['tz must be a time zone name, e.g. America/New_York.'],
    });
  });
});
