import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { listDeliverables } from './deliverables';
import { deliverablesCsv, EXPORT_COLUMNS } from './deliverables-export';

describe('deliverables CSV export', () => {
  it('holds exactly the rows of every page of the list, in its order', () => {
    const csv = deliverablesCsv({ agency: 'dhs' });
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\ufeff/, '').trim()).data;
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const list = listDeliverables({ agency: 'dhs', page: 1, pageSize: 200 });
    expect(list.total).toBeGreaterThan(0);
    expect(rows.map((r) => Number(r[0]))).toEqual(list.items.map((d) => d.id));
    expect(rows.every((r) => r[1] === 'dhs' && r.length === EXPORT_COLUMNS.length)).toBe(true);
  });

  it('writes instants as ISO 8601 UTC and flags as true or false', () => {
    const [, ...rows] = Papa.parse<string[]>(deliverablesCsv({}).replace(/^\ufeff/, '').trim(), { header: false }).data;
    const at = EXPORT_COLUMNS.indexOf('last_update_at');
    const stale = EXPORT_COLUMNS.indexOf('stale');
    expect(rows.some((r) => r[at] !== '')).toBe(true);
    for (const row of rows) {
      if (row[at]) expect(row[at]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(['true', 'false']).toContain(row[stale]);
    }
  });
});
