/**
 * Reading a CSV file of new deliverables for one agency: the header, then each row checked with
 * the same schema as `POST /api/deliverables`. Pure (no database): the reference checks (do the
 * agencies, meeting and NAP action exist?) happen in db/queries/deliverables-import.ts.
 *
 * Errors are keyed by the CSV column the user typed in (`due_on`, not `dueOn`), and every error
 * of every row is reported, with the row number a spreadsheet shows (the header is row 1).
 * To accept a new column: add it to IMPORT_COLUMNS, map it in rowInput and in COLUMN_OF_FIELD.
 */
import { z } from 'zod';
import { fieldErrors, type FieldErrors } from '@/lib/errors';
import { isBlank, parseCsv, unneutralise, type CsvRecord } from '@/lib/csv';
import { slug } from './common';
import { createDeliverableSchema, type CreateDeliverableInput } from './deliverables';

export const IMPORT_COLUMNS = [
  'title',
  'pillar',
  'description',
  'due_on',
  'supporting_agencies',
  'announced_at_meeting_id',
  'funding_usd',
  'nap_action',
  'objective_id',
  'measure_label',
  'measure_unit',
  'measure_target',
  'measure_actual',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['title', 'pillar'];
export const MAX_IMPORT_ROWS = 500;

export const IMPORT_MODES = ['preview', 'commit'] as const;

export const deliverableImportRequest = z.strictObject({
  csv: z.string({ error: 'Send the file’s text as csv.' }),
  mode: z.enum(IMPORT_MODES, { error: 'mode must be preview or commit.' }),
});
export type DeliverableImportBody = z.input<typeof deliverableImportRequest>;

/** What the user sees for one row: its number, its title as typed, and every problem by column. */
export type ImportRowReport = { line: number; title: string; errors: FieldErrors };
/**
 * The names a row refers to, each one kept when it is well formed even if another cell of the row
 * is not, so that the reference checks can name every error of the row at once.
 */
export type ImportReferences = {
  supportingAgencies: string[];
  announcedAtMeetingId: number | null;
  napAction: string | null;
  /** The row's pillar and objective, to check the objective is under the pillar. */
  pillar: string | null;
  objectiveId: number | null;
};

/** A row with the input it becomes when it has no errors. */
export type ImportRow = ImportRowReport & { input: CreateDeliverableInput | null; references: ImportReferences };

export type ImportReport = { rows: ImportRowReport[]; valid: number; invalid: number };

/** A problem with the file as a whole (nothing to check row by row). */
export type ImportFileProblem = { message: string; fields: FieldErrors };

export type ReadImportResult = { ok: true; rows: ImportRow[] } | ({ ok: false } & ImportFileProblem);

/** The column each schema field comes from, for error messages. */
const COLUMN_OF_FIELD: Record<string, ImportColumn> = {
  title: 'title',
  pillar: 'pillar',
  description: 'description',
  dueOn: 'due_on',
  supportingAgencies: 'supporting_agencies',
  announcedAtMeetingId: 'announced_at_meeting_id',
  fundingUsd: 'funding_usd',
  napAction: 'nap_action',
  objectiveId: 'objective_id',
  measure: 'measure_label',
  'measure.label': 'measure_label',
  'measure.unit': 'measure_unit',
  'measure.target': 'measure_target',
  'measure.actual': 'measure_actual',
};

/** Where a row's problem that belongs to no one column is reported. */
export const ROW_ERROR_KEY = '_';

/** "Due On", "due-on" and "DUE_ON" all name due_on. */
export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const fileProblem = (message: string, problems: string[] = [message]): ReadImportResult => ({
  ok: false,
  message,
  fields: { csv: problems },
});

export function readDeliverableImport(csv: string, leadAgency: string): ReadImportResult {
  const { records, problems } = parseCsv(csv);
  const header = records[0];
  if (!header || records.every((r) => isBlank(r.cells))) {
    return fileProblem('The file is empty: it needs a header row and one row per deliverable.');
  }
  if (isBlank(header.cells)) {
    return fileProblem('The first row is empty: it must be the header row naming the columns (title, pillar, …).');
  }
  const headerProblem = problems.find((p) => p.line === header.line);
  if (headerProblem) return fileProblem(`The header row cannot be read. ${headerProblem.message}`);

  const columns = header.cells.map(normaliseColumnName);
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = columns.filter((c) => c !== '' && !known.has(c));
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  const duplicated = [...new Set(columns.filter((c, i) => c !== '' && columns.indexOf(c) !== i))];
  if (missing.length === REQUIRED_IMPORT_COLUMNS.length && unknown.length === columns.filter((c) => c !== '').length) {
    return fileProblem(
      `The first row must be the header row naming the columns; it has none of the required columns (${REQUIRED_IMPORT_COLUMNS.join(', ')}).`,
    );
  }
  const headerProblems = [
    ...(missing.length ? [`The header row is missing the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`] : []),
    ...(unknown.length
      ? [`Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The columns are ${IMPORT_COLUMNS.join(', ')}.`]
      : []),
    ...(duplicated.length ? [`Each column may appear once; repeated: ${duplicated.join(', ')}.`] : []),
  ];
  if (headerProblems.length) return fileProblem(`The header row has problems: ${headerProblems.join(' ')}`, headerProblems);

  const dataRecords = records.slice(1).filter((r) => !isBlank(r.cells));
  if (dataRecords.length === 0) {
    return fileProblem('The file has a header row but no deliverables below it.');
  }
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    return fileProblem(
      `The file has ${dataRecords.length} deliverables; import at most ${MAX_IMPORT_ROWS} at a time (split the file).`,
    );
  }

  const rows = dataRecords.map((record) => readRow(record, columns, leadAgency));
  for (const problem of problems) {
    const row = rows.find((r) => r.line === problem.line);
    if (row) {
      (row.errors[ROW_ERROR_KEY] ??= []).push(problem.message);
      row.input = null;
    }
  }
  return { ok: true, rows };
}

function readRow(record: CsvRecord, columns: string[], leadAgency: string): ImportRow {
  const errors: FieldErrors = {};
  const cells: Partial<Record<ImportColumn, string>> = {};
  record.cells.forEach((raw, index) => {
    const column = columns[index];
    const value = unneutralise(raw).trim();
    if (column) cells[column as ImportColumn] = value;
    else if (value !== '') {
      (errors[ROW_ERROR_KEY] ??= []).push(
        index >= columns.length
          ? `This row has ${record.cells.length} cells but the header names ${columns.length} columns; remove the extra cells.`
          : `Column ${index + 1} has a value but no name in the header row.`,
      );
    }
  });
  // Several extra cells give the same message once.
  if (errors[ROW_ERROR_KEY]) errors[ROW_ERROR_KEY] = [...new Set(errors[ROW_ERROR_KEY])];

  const raw = rowInput(cells, leadAgency);
  const parsed = createDeliverableSchema.safeParse(raw);
  if (!parsed.success) {
    for (const [path, messages] of Object.entries(fieldErrors(parsed.error))) {
      const field = Object.hasOwn(COLUMN_OF_FIELD, path) ? path : path.split('.')[0]!;
      const column = Object.hasOwn(COLUMN_OF_FIELD, field) ? COLUMN_OF_FIELD[field]! : ROW_ERROR_KEY;
      errors[column] = [...new Set([...(errors[column] ?? []), ...messages])];
    }
  }
  // Every cell is text: the JSON body's "not text" would puzzle someone filling in a spreadsheet.
  if (typeof raw.announcedAtMeetingId === 'string') errors.announced_at_meeting_id = ['Enter the meeting’s id as a whole number, e.g. 4.'];
  if (typeof raw.objectiveId === 'string') errors.objective_id = ['Enter the objective’s id as a whole number (Administration → Plan lists them), or leave it empty.'];
  const title = cells.title ?? '';
  return {
    line: record.line,
    title,
    errors,
    input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null,
    references: wellFormedReferences(raw),
  };
}

function wellFormedReferences(raw: Record<string, unknown>): ImportReferences {
  const { shape } = createDeliverableSchema;
  const agencies = shape.supportingAgencies.safeParse(raw.supportingAgencies);
  const meeting = shape.announcedAtMeetingId.safeParse(raw.announcedAtMeetingId);
  const napAction = shape.napAction.safeParse(raw.napAction);
  const pillar = shape.pillar.safeParse(raw.pillar);
  const objective = shape.objectiveId.safeParse(raw.objectiveId);
  return {
    supportingAgencies: agencies.success ? agencies.data : [],
    announcedAtMeetingId: meeting.success ? meeting.data : null,
    napAction: napAction.success ? napAction.data : null,
    pillar: pillar.success ? pillar.data : null,
    objectiveId: objective.success ? objective.data : null,
  };
}

const blankToNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

/** The cells as createDeliverableSchema wants them; anything unreadable is passed on for zod to name. */
function rowInput(cells: Partial<Record<ImportColumn, string>>, leadAgency: string): Record<string, unknown> {
  const input: Record<string, unknown> = {
    leadAgency,
    title: cells.title ?? '',
    pillar: cells.pillar ? cells.pillar.toLowerCase() : undefined,
    dueOn: blankToNull(cells.due_on),
    announcedAtMeetingId: meetingIdValue(cells.announced_at_meeting_id),
    fundingUsd: fundingValue(cells.funding_usd),
    napAction: blankToNull(cells.nap_action),
    objectiveId: meetingIdValue(cells.objective_id),
    supportingAgencies: (cells.supporting_agencies ?? '')
      .split(';')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== ''),
  };
  if (cells.description) input.description = cells.description;
  input.measure = measureValue(cells);
  return input;
}

/**
 * The four measure cells as one measure: none when all are empty, else each cell for the schema to
 * check (what is counted and a target are required; an empty count so far is 0).
 */
function measureValue(cells: Partial<Record<ImportColumn, string>>): unknown {
  const { measure_label: label = '', measure_unit: unit = '', measure_target: target = '', measure_actual: actual = '' } = cells;
  if (!label && !unit && !target && !actual) return null;
  return { label, unit: unit || null, target: countValue(target), actual: actual === '' ? 0 : countValue(actual) };
}

/** "1,200" as a spreadsheet may format it reads as 1200; an empty cell is missing; anything else goes to zod as typed. */
function countValue(cell: string): unknown {
  if (cell === '') return undefined;
  const plain = cell.replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : cell;
}

/**
 * A cell is text, so the meeting's (or objective's) id is read from it here (the schema takes a JSON number): only
 * digits, so that "1e1" or "4.0" is named as a mistake rather than read as meeting 10 or 4.
 */
function meetingIdValue(cell: string | undefined): unknown {
  if (cell === undefined || cell === '') return null;
  return /^\d{1,15}$/.test(cell) ? Number(cell) : cell;
}

/** "$1,500,000" as a spreadsheet may format it reads as 1500000; anything else goes to zod as typed. */
function fundingValue(cell: string | undefined): unknown {
  if (cell === undefined || cell === '') return null;
  const plain = cell.replace(/^\$/, '').replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : cell;
}

/** The report the API answers with: every row, and how many can be imported. */
export function importReport(rows: ImportRow[]): ImportReport {
  const order = (key: string) => (key === ROW_ERROR_KEY ? -1 : IMPORT_COLUMNS.indexOf(key as ImportColumn));
  // Errors in the order of the columns, the row's own problems first.
  const sorted = (errors: FieldErrors) => Object.fromEntries(Object.entries(errors).sort(([a], [b]) => order(a) - order(b)));
  const report = rows.map(({ line, title, errors }) => ({ line, title, errors: sorted(errors) }));
  const invalid = report.filter((r) => Object.keys(r.errors).length > 0).length;
  return { rows: report, valid: report.length - invalid, invalid };
}

/** The header row of a file ready to fill in. */
export const IMPORT_TEMPLATE_HEADER = IMPORT_COLUMNS.join(',');

/** `/api/agencies/:slug/import`: a slug that cannot be one is a 404, like an unknown one. */
export const agencyImportParams = z.object({ slug });
