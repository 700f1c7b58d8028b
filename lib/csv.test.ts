import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvLine, parseCsv, toCsv, unneutralise } from './csv';

describe('writing CSV', () => {
  it('quotes cells holding commas, double quotes or line breaks, and doubles the quotes', () => {
    const text = toCsv(['a', 'b', 'c'], [['one, two', 'she said "yes"', 'line 1\nline 2']], { bom: false });
    expect(text).toBe('a,b,c\r\n"one, two","she said ""yes""","line 1\nline 2"\r\n');
    expect(Papa.parse(text.trim()).data).toEqual([['a', 'b', 'c'], ['one, two', 'she said "yes"', 'line 1\nline 2']]);
  });

  it('neutralises cells that a spreadsheet would run as formulae', () => {
    const cells = ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    const [, row] = Papa.parse<string[]>(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [cells], { bom: false }).trim()).data;
    expect(row).toEqual(cells.map((c) => `'${c}`));
  });

  it('neutralises a formula that continues on a second line', () => {
    const [, row] = Papa.parse<string[]>(toCsv(['a'], [['=1+1\nmore']], { bom: false }).trim()).data;
    expect(row).toEqual(["'=1+1\nmore"]);
  });

  it('leaves numbers, booleans and ordinary text alone and writes nothing for null', () => {
    expect(toCsv(['n', 'b', 't', 'e'], [[-5, true, 'a - b = c', null]], { bom: false })).toBe('n,b,t,e\r\n-5,true,a - b = c,\r\n');
  });

  it('writes one record at a time the same way, neutralised and quoted', () => {
    expect(csvLine(['=1+1', 'a,b', 7, null])).toBe(`"'=1+1","a,b",7,\r\n`);
    expect(toCsv(['a', 'b'], [['x', '@y']], { bom: false })).toBe(csvLine(['a', 'b']) + csvLine(['x', '@y']));
  });

  it('starts with a byte-order mark so Excel reads UTF-8', () => {
    expect(toCsv(['a'], [['’']]).startsWith('\ufeffa\r\n')).toBe(true);
  });

  it('can undo the neutralising apostrophe, and only that', () => {
    expect(unneutralise("'=1+1")).toBe('=1+1');
    expect(unneutralise("'quoted'")).toBe("'quoted'");
    expect(unneutralise('plain')).toBe('plain');
  });
});

describe('reading CSV', () => {
  it('numbers records as spreadsheet rows, a quoted line break staying in one row', () => {
    const { records } = parseCsv('h1,h2\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n');
    expect(records).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['1', 'two\nlines'] },
      { line: 3, cells: [''] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('reads what it wrote', () => {
    const rows = [['x, y', '"q"', '=f()', 'multi\nline']];
    const { records } = parseCsv(toCsv(['a', 'b', 'c', 'd'], rows));
    expect(records.map((r) => r.cells.map(unneutralise))).toEqual([['a', 'b', 'c', 'd'], ...rows]);
  });

  it('names a quote that is never closed', () => {
    const { problems } = parseCsv('a,b\n1,"open\n2,3\n');
    expect(problems).toEqual([{ line: 2, message: expect.stringContaining('quoted cell is not closed') }]);
  });
});
