/**
 * Importing an agency's deliverables from CSV rows already read by
 * lib/validations/deliverable-import.ts: the reference checks, the preview, and the commit.
 *
 * A commit is all or nothing: the reference checks run again inside the one synchronous
 * transaction that inserts every row (each through insertDeliverable, with its own audit event),
 * so a row that fails, even because something changed since the preview, rolls back them all.
 */
import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { DomainError, invalid } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import { importReport, ROW_ERROR_KEY, type ImportReport, type ImportRow } from '@/lib/validations/deliverable-import';
import { getDb, type DbOrTx } from '../index';
import { agencies, meetings, napActions, pillars, planObjectives } from '../schema';
import { insertDeliverable } from './deliverable-writes';

/**
 * Names, on each row, every supporting agency, meeting and NAP action that does not exist, and an
 * objective that does not exist, is retired or is under another pillar (even on a row with other
 * errors), in a few queries for the whole file, not a few per row. Rows with an error lose their input.
 */
export function checkImportReferences(db: DbOrTx, rows: ImportRow[]): void {
  const refs = rows.map((r) => r.references);
  const slugs = [...new Set(refs.flatMap((r) => r.supportingAgencies))];
  const meetingIds = [...new Set(refs.flatMap((r) => (r.announcedAtMeetingId === null ? [] : [r.announcedAtMeetingId])))];
  const codes = [...new Set(refs.flatMap((r) => (r.napAction === null ? [] : [r.napAction])))];

  const objectiveIds = [...new Set(refs.flatMap((r) => (r.objectiveId === null ? [] : [r.objectiveId])))];
  const knownObjectives = new Map(
    (objectiveIds.length
      ? db
          .select({ id: planObjectives.id, pillar: pillars.slug, title: planObjectives.title, retiredAt: planObjectives.retiredAt })
          .from(planObjectives)
          .innerJoin(pillars, eq(pillars.id, planObjectives.pillarId))
          .where(inArray(planObjectives.id, objectiveIds))
          .all()
      : []
    ).map((o) => [o.id, o]),
  );

  const knownSlugs = new Set(
    slugs.length ? db.select({ slug: agencies.slug }).from(agencies).where(inArray(agencies.slug, slugs)).all().map((a) => a.slug) : [],
  );
  const knownMeetings = new Set(
    meetingIds.length ? db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.id, meetingIds)).all().map((m) => m.id) : [],
  );
  const knownCodes = new Set(
    codes.length ? db.select({ code: napActions.code }).from(napActions).where(inArray(napActions.code, codes)).all().map((n) => n.code) : [],
  );

  for (const row of rows) {
    const { supportingAgencies, announcedAtMeetingId, napAction } = row.references;
    const unknownAgencies = [...new Set(supportingAgencies)].filter((s) => !knownSlugs.has(s));
    if (unknownAgencies.length) {
      row.errors.supporting_agencies = [
        `No agency has the short name${unknownAgencies.length > 1 ? 's' : ''} ${unknownAgencies.map((s) => `"${s}"`).join(', ')}.`,
      ];
    }
    if (announcedAtMeetingId !== null && !knownMeetings.has(announcedAtMeetingId)) {
      row.errors.announced_at_meeting_id = [`No meeting has the id ${announcedAtMeetingId}.`];
    }
    if (napAction !== null && !knownCodes.has(napAction)) {
      row.errors.nap_action = [`The plan has no priority action ${napAction} on record.`];
    }
    const { objectiveId, pillar } = row.references;
    if (objectiveId !== null) {
      const objective = knownObjectives.get(objectiveId);
      if (!objective) row.errors.objective_id = [`No objective of the plan has the id ${objectiveId}.`];
      else if (objective.retiredAt !== null) row.errors.objective_id = [`The objective “${objective.title}” is retired.`];
      else if (pillar !== null && objective.pillar !== pillar) {
        row.errors.objective_id = [`The objective “${objective.title}” is under the ${objective.pillar} pillar, not ${pillar}.`];
      }
    }
    if (Object.keys(row.errors).length) row.input = null;
  }
}

export function previewDeliverableImport(rows: ImportRow[]): ImportReport {
  checkImportReferences(getDb(), rows);
  return importReport(rows);
}

/** The answer to a commit with any bad row: the whole report, and nothing written. */
function rejected(rows: ImportRow[]): DomainError {
  const report = importReport(rows);
  return invalid(`${report.invalid} of ${report.rows.length} rows have errors; nothing was imported.`, undefined, { extra: { ...report } });
}

/** Inserts every row or none. Answers the new ids in the file's order. */
export function commitDeliverableImport(user: SessionUser, rows: ImportRow[]): { count: number; ids: number[] } {
  const ids = getDb().transaction((tx) => {
    checkImportReferences(tx, rows);
    if (rows.some((r) => !r.input)) throw rejected(rows);
    return rows.map((row) => {
      try {
        return insertDeliverable(tx, user, row.input!);
      } catch (error) {
        // insertDeliverable re-checks the lead agency and the user's right to it.
        if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
        row.errors[ROW_ERROR_KEY] = [error.message, ...Object.values(error.fields ?? {}).flat()];
        row.input = null;
        throw rejected(rows);
      }
    });
  });
  return { count: ids.length, ids };
}
