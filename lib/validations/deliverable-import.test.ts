import { describe, expect, it } from 'vitest';
import { importReport, MAX_IMPORT_ROWS, readDeliverableImport, type ImportRow } from './deliverable-import';

function rowsOf(csv: string): ImportRow[] {
  const result = readDeliverableImport(csv, 'dhs');
  if (!result.ok) throw new Error(`expected rows, got: ${result.message}`);
  return result.rows;
}

function fileProblemOf(csv: string): string {
  const result = readDeliverableImport(csv, 'dhs');
  if (result.ok) throw new Error('expected a problem with the file');
  return result.message;
}

describe('reading an import file', () => {
  it('maps headers whatever their case, order and spacing', () => {
    const [row] = rowsOf(
      'PILLAR, Title ,Due On,Supporting_Agencies,FUNDING_USD,nap-action,Announced_At_Meeting_Id,Description\n' +
        'Prevention,Train screeners,2027-06-30,DOJ; hhs,"$1,500,000",1.3.2,4,Screening at ports of entry\n',
    );
    expect(row!.errors).toEqual({});
    expect(row!.input).toEqual({
      leadAgency: 'dhs',
      title: 'Train screeners',
      pillar: 'prevention',
      description: 'Screening at ports of entry',
      dueOn: '2027-06-30',
      supportingAgencies: ['doj', 'hhs'],
      announcedAtMeetingId: 4,
      fundingUsd: 1_500_000,
      napAction: '1.3.2',
      objectiveId: null,
      measure: null,
    });
  });

  it('leaves optional cells empty as no value', () => {
    const [row] = rowsOf('title,pillar,due_on,funding_usd,supporting_agencies\nA title,protection,,,\n');
    expect(row!.input).toMatchObject({ dueOn: null, fundingUsd: null, supportingAgencies: [], description: '' });
  });

  it('reports every error of every row with the row number a spreadsheet shows', () => {
    const rows = rowsOf(
      [
        'title,pillar,due_on,funding_usd,description',
        'Good one,prevention,2027-01-31,100,',
        ',pillars,2027-02-30,-5,',
        'A title,protection,,,"A description over',
        'two lines"',
        '',
        'Another,partnership,31/12/2027,1.5,"a, b"',
      ].join('\n'),
    );
    // The description over two lines is one spreadsheet row (4); the blank row 5 is skipped but counted.
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 6]);
    expect(rows[0]!.errors).toEqual({});
    expect(rows[1]!.errors).toEqual({
      title: ['Enter a title.'],
      pillar: [expect.stringContaining('Choose one of prevention')],
      due_on: ['Enter a real calendar date as YYYY-MM-DD.'],
      funding_usd: ['Funding cannot be negative.'],
    });
    expect(rows[1]!.input).toBeNull();
    expect(rows[2]!.input?.description).toBe('A description over\ntwo lines');
    expect(rows[2]!.errors).toEqual({});
    expect(Object.keys(rows[3]!.errors).sort()).toEqual(['due_on', 'funding_usd']);
    expect(importReport(rows)).toMatchObject({ valid: 2, invalid: 2 });
  });

  it('names a row with more cells than the header has columns', () => {
    const [row] = rowsOf('title,pillar\nA,prevention,extra\n');
    expect(row!.errors._).toEqual([expect.stringContaining('3 cells but the header names 2 columns')]);
  });

  it('reads back a title that an export neutralised', () => {
    const [row] = rowsOf("title,pillar\n\"'=1+1\",prevention\n");
    expect(row!.input?.title).toBe('=1+1');
  });

  it('refuses an empty file, a missing header and a header without deliverables', () => {
    expect(fileProblemOf('')).toMatch(/empty/);
    expect(fileProblemOf('\n\n  \n')).toMatch(/empty/);
    expect(fileProblemOf('Train screeners,prevention\n')).toMatch(/first row must be the header row/);
    expect(fileProblemOf('title,pillar\n')).toMatch(/no deliverables/);
  });

  it('names missing, unknown and repeated columns', () => {
    const result = readDeliverableImport('title,status,Title\nA,done,B\n', 'dhs');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields.csv).toEqual([
      'The header row is missing the required column pillar.',
      expect.stringContaining('Unknown column: status.'),
      'Each column may appear once; repeated: title.',
    ]);
  });

  it('refuses a title that runs over two lines, naming the line break', () => {
    const [row] = rowsOf('title,pillar\n"A title over\ntwo lines",protection\n');
    expect(row!.errors).toEqual({ title: ['Keep this to one line: remove the line break at position 13.'] });
    expect(row!.input).toBeNull();
  });

  it('refuses control, text-direction and zero-width characters in any text cell, by column', () => {
    const [row] = rowsOf('title,pillar,description\n"Train\u0000 screeners",prevention,"Ports\u202e of entry"\n');
    expect(row!.errors).toEqual({
      title: ['Remove the control character at position 6.'],
      description: ['Remove the text-direction control character at position 6.'],
    });
    const [hidden] = rowsOf('title,pillar\nTrain\u200bscreeners,prevention\n');
    expect(hidden!.errors).toEqual({ title: ['Remove the invisible zero-width character at position 6.'] });
  });

  it('reads a meeting id of digits only, and names "1e1", "4.0" or "four" as a mistake', () => {
    expect(rowsOf('title,pillar,announced_at_meeting_id\nA,prevention,12\n')[0]!.input?.announcedAtMeetingId).toBe(12);
    for (const cell of ['1e1', '4.0', 'four', '-3', 'true']) {
      const [row] = rowsOf(`title,pillar,announced_at_meeting_id\nA,prevention,${cell}\n`);
      expect(row!.errors).toEqual({ announced_at_meeting_id: ['Enter the meeting’s id as a whole number, e.g. 4.'] });
      expect(row!.references.announcedAtMeetingId).toBeNull();
    }
  });

  it('refuses a due date before 1900 or after 2100', () => {
    const rows = rowsOf('title,pillar,due_on\nA,prevention,1899-12-31\nB,prevention,2101-01-01\nC,prevention,2100-12-31\n');
    expect(rows.map((r) => r.errors)).toEqual([
      { due_on: ['Enter a date between 1900 and 2100.'] },
      { due_on: ['Enter a date between 1900 and 2100.'] },
      {},
    ]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Deliverable ${i},prevention`);
    expect(fileProblemOf(['title,pillar', ...rows].join('\n'))).toMatch(/501 deliverables; import at most 500/);
    expect(rowsOf(['title,pillar', ...rows.slice(1)].join('\n'))).toHaveLength(MAX_IMPORT_ROWS);
  });
});
