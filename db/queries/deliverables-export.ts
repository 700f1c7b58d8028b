/**
 * Every deliverable matching a list's filters, unpaged, as CSV (`GET /api/export/deliverables.csv`).
 * One query with the same WHERE and order as listDeliverables, so the file holds exactly the rows
 * the list shows across all its pages, streamed a chunk of rows at a time (csv-stream.ts).
 * Supporting agencies come from a correlated subquery, not one query per row.
 *
 * To add a column: select it here, then add it to EXPORT_COLUMNS and to the row in
 * deliverablesCsv, in the same position.
 */
import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { CsvCell } from '@/lib/csv';
import { getDb } from '../index';
import { agencies, deliverables, napActions, pillars, planObjectives } from '../schema';
import { streamCsv } from './csv-stream';
import { filterConditions, lookUpFilterReferences, type DeliverableFilters } from './deliverable-filters';
import { overdueCondition, staleCondition } from './sql-words';

export type ExportFilters = Omit<DeliverableFilters, 'page' | 'pageSize'>;

export const EXPORT_COLUMNS = [
  'id',
  'lead_agency',
  'supporting_agencies',
  'pillar',
  'title',
  'description',
  'status',
  'progress',
  'due_on',
  'overdue',
  'stale',
  'last_update_at',
  'announced_at_meeting_id',
  'funding_usd',
  'nap_action',
  // The plan objective it serves (empty when not yet mapped): its id, as the import reads it, and its title.
  'objective_id',
  'objective',
  'status_reason',
  // The measure, under the names the import reads, so that an exported row imports as it was.
  'measure_label',
  'measure_unit',
  'measure_target',
  'measure_actual',
] as const;

function exportQuery(f: ExportFilters) {
  const db = getDb();
  const refs = lookUpFilterReferences(db, f);
  return db
    .select({
      id: deliverables.id,
      leadAgency: agencies.slug,
      supportingAgencies: sql<string | null>`(
        SELECT group_concat(sa.slug, ';' ORDER BY sa.slug)
        FROM deliverable_supporters ds JOIN agencies sa ON sa.id = ds.agency_id
        WHERE ds.deliverable_id = ${deliverables.id})`,
      pillar: pillars.slug,
      title: deliverables.title,
      description: deliverables.description,
      status: deliverables.status,
      progress: deliverables.progress,
      dueOn: deliverables.dueOn,
      overdue: overdueCondition(),
      stale: staleCondition(),
      lastUpdateAt: deliverables.lastUpdateAt,
      announcedAtMeetingId: deliverables.announcedAtMeetingId,
      fundingUsd: deliverables.fundingUsd,
      napAction: napActions.code,
      objectiveId: deliverables.objectiveId,
      objective: planObjectives.title,
      statusReason: deliverables.statusReason,
      measureLabel: deliverables.measureLabel,
      measureUnit: deliverables.measureUnit,
      measureTarget: deliverables.measureTarget,
      measureActual: deliverables.measureActual,
    })
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .leftJoin(napActions, eq(napActions.id, deliverables.napActionId))
    .leftJoin(planObjectives, eq(planObjectives.id, deliverables.objectiveId))
    .where(filterConditions(f, refs))
    .orderBy(asc(agencies.slug), asc(pillars.position), asc(deliverables.id))
    .toSQL();
}

/** The export as a CSV stream: a header row, then one row per deliverable; instants in ISO 8601 UTC. */
export function deliverablesCsv(f: ExportFilters): ReadableStream<Uint8Array> {
  return streamCsv(EXPORT_COLUMNS, exportQuery(f), exportCells);
}

/** A row as the query selects it (raw SQLite values), as the file writes it. */
function exportCells(row: unknown[]): CsvCell[] {
  const [id, leadAgency, supportingAgencies, pillar, title, description, status, progress, dueOn, overdue, stale, lastUpdateAt, ...rest] = row;
  return [
    id,
    leadAgency,
    supportingAgencies ?? '',
    pillar,
    title,
    description,
    status,
    progress,
    dueOn,
    Boolean(overdue),
    Boolean(stale),
    typeof lastUpdateAt === 'number' ? new Date(lastUpdateAt).toISOString() : null,
    ...rest,
  ] as CsvCell[];
}
