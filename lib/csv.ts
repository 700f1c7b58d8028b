/**
 * CSV in and out, through papaparse. Pure: used by route handlers, the import check and tests.
 *
 * Writing neutralises formulae: a cell that starts with = + - @, a tab or a carriage return is
 * written with a leading apostrophe, so a spreadsheet shows it as text instead of running it.
 * papaparse's own default pattern (`/^[=+\-@\t\r].*$/`) misses a cell that continues on a second
 * line, so we pass one that only looks at the first character.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark. */
export const BYTE_ORDER_MARK = '\ufeff';

export type CsvCell = string | number | boolean | null | undefined;

/** A header row and the data rows, quoted where needed, lines ending in CRLF (RFC 4180). */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[], { bom = true } = {}): string {
  const body = Papa.unparse(
    { fields: [...fields], data: rows.map((row) => [...row]) },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
  return `${bom ? BYTE_ORDER_MARK : ''}${body}\r\n`;
}

/**
 * One record and its CRLF, neutralised like toCsv's cells: for a file written a row at a time
 * (a streamed export), after a header written with csvLine too (and the byte-order mark first).
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${Papa.unparse([[...cells]], { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false })}\r\n`;
}

/** Undoes toCsv's neutralising apostrophe, so an exported cell comes back as it was stored. */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export type CsvRecord = {
  /** The row number a spreadsheet shows: the first record is 1, whatever its cells hold. */
  line: number;
  cells: string[];
};

export type ParsedCsv = { records: CsvRecord[]; problems: { line: number; message: string }[] };

/**
 * Every record of a comma-separated text with its spreadsheet row number. A quoted cell may hold
 * line breaks and still counts as one row. Line endings are normalised first, so a file saved on
 * Windows and text pasted into a browser read the same.
 */
export function parseCsv(text: string): ParsedCsv {
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(normalised, { delimiter: ',', newline: '\n', quoteChar: '"', skipEmptyLines: false });
  // A final line break ends the last record; it does not start an empty one.
  const data = result.data.length > 0 && normalised.endsWith('\n') && isBlank(result.data.at(-1)!) ? result.data.slice(0, -1) : result.data;
  return {
    records: data.map((cells, index) => ({ line: index + 1, cells })),
    problems: result.errors.map((error) => ({
      line: (error.row ?? 0) + 1,
      message: error.code === 'MissingQuotes' ? 'A quoted cell is not closed: add the missing double quote (").' : error.message,
    })),
  };
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
