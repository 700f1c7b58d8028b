import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { listDeliverables } from './deliverables';
import { deliverablesCsv, EXPORT_COLUMNS } from './deliverables-export';

const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe('deliverables CSV export', () => {
  it('holds exactly the rows of every page of the list, in its order', async () => {
    const csv = await read(deliverablesCsv({ agency: 'dhs' }));
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\ufeff/, '').trim()).data;
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const list = listDeliverables({ agency: 'dhs', page: 1, pageSize: 200 });
    expect(list.total).toBeGreaterThan(0);
    expect(rows.map((r) => Number(r[0]))).toEqual(list.items.map((d) => d.id));
    expect(rows.every((r) => r[1] === 'dhs' && r.length === EXPORT_COLUMNS.length)).toBe(true);
  });

  it('writes instants as ISO 8601 UTC and flags as true or false', async () => {
    const [, ...rows] = Papa.parse<string[]>((await read(deliverablesCsv({}))).replace(/^\ufeff/, '').trim(), { header: false }).data;
    const at = EXPORT_COLUMNS.indexOf('last_update_at');
    const stale = EXPORT_COLUMNS.indexOf('stale');
    expect(rows.some((r) => r[at] !== '')).toBe(true);
    for (const row of rows) {
      if (row[at]) expect(row[at]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(['true', 'false']).toContain(row[stale]);
    }
  });

  it('writes each column from its own field, as the list shows it', async () => {
    const [header, ...rows] = Papa.parse<string[]>((await read(deliverablesCsv({}))).replace(/^\ufeff/, '').trim()).data;
    const items = new Map<number, ReturnType<typeof listDeliverables>['items'][number]>();
    const pages = Math.ceil(listDeliverables({ page: 1, pageSize: 1 }).total / 200);
    for (let page = 1; page <= pages; page++) {
      for (const d of listDeliverables({ page, pageSize: 200 }).items) items.set(d.id, d);
    }
    const cell = (row: string[], column: (typeof EXPORT_COLUMNS)[number]) => row[header!.indexOf(column)];
    const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    expect(rows.length).toBe(items.size);
    for (const row of rows) {
      const d = items.get(Number(cell(row, 'id')))!;
      expect({
        id: d.id,
        title: cell(row, 'title'),
        status: cell(row, 'status'),
        progress: cell(row, 'progress'),
        due: cell(row, 'due_on'),
        meeting: cell(row, 'announced_at_meeting_id'),
        funding: cell(row, 'funding_usd'),
        nap: cell(row, 'nap_action'),
        reason: cell(row, 'status_reason'),
        overdue: cell(row, 'overdue'),
        stale: cell(row, 'stale'),
        lead: cell(row, 'lead_agency'),
        pillar: cell(row, 'pillar'),
        lastUpdate: cell(row, 'last_update_at'),
      }).toEqual({
        id: d.id,
        title: d.title,
        status: d.status,
        progress: text(d.progress),
        due: text(d.dueOn),
        meeting: text(d.announcedAtMeetingId),
        funding: text(d.fundingUsd),
        nap: text(d.napAction),
        reason: text(d.statusReason),
        overdue: String(d.overdue),
        stale: String(d.stale),
        lead: d.leadAgency,
        pillar: d.pillar,
        lastUpdate: d.lastUpdateAt === null ? '' : new Date(d.lastUpdateAt).toISOString(),
      });
    }
    expect(rows.some((r) => cell(r, 'funding_usd') !== '')).toBe(true);
    expect(rows.some((r) => cell(r, 'supporting_agencies')!.includes(';'))).toBe(true);
  });
});
