import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { invalid, forbidden, notFound } from '@/lib/errors';
import { canEditStatistics, type SessionUser } from '@/lib/authorization';
import type { CreateObservationInput, UpdateObservationInput } from '@/lib/validations/statistics';
import { getDb, type Tx } from '../index';
import { indicators, observations, sources } from '../schema';
import { recordAudit } from './audit';

export type ObservationRow = {
  id: number;
  period: string;
  value: number;
  ageGroup: string | null;
  traffickingType: string | null;
  category: string | null;
  qualifier: string | null;
  publishedYear: number | null;
  note: string | null;
  source: { title: string; publisher: string; publishedOn: string | null; url: string };
};

/** Every indicator with its observations and each observation's source, in display order. */
export function listStatistics() {
  const db = getDb();
  const rows = db
    .select({
      indicatorId: indicators.id,
      key: indicators.key,
      name: indicators.name,
      description: indicators.description,
      unit: indicators.unit,
      scope: indicators.scope,
      observationId: observations.id,
      period: observations.period,
      value: observations.value,
      ageGroup: observations.ageGroup,
      traffickingType: observations.traffickingType,
      category: observations.category,
      qualifier: observations.qualifier,
      publishedYear: observations.publishedYear,
      note: observations.note,
      sourceTitle: sources.title,
      sourcePublisher: sources.publisher,
      sourcePublishedOn: sources.publishedOn,
      sourceUrl: sources.url,
    })
    .from(indicators)
    .leftJoin(observations, eq(observations.indicatorId, indicators.id))
    .leftJoin(sources, eq(sources.id, observations.sourceId))
    .orderBy(asc(indicators.position), asc(indicators.id), asc(observations.period), asc(observations.id))
    .all();

  const byIndicator = new Map<
    number,
    { key: string; name: string; description: string; unit: string; scope: string; observations: ObservationRow[] }
  >();
  for (const row of rows) {
    let indicator = byIndicator.get(row.indicatorId);
    if (!indicator) {
      indicator = {
        key: row.key,
        name: row.name,
        description: row.description,
        unit: row.unit,
        scope: row.scope,
        observations: [],
      };
      byIndicator.set(row.indicatorId, indicator);
    }
    if (row.observationId !== null && row.value !== null && row.period !== null) {
      indicator.observations.push({
        id: row.observationId,
        period: row.period,
        value: row.value,
        ageGroup: row.ageGroup,
        traffickingType: row.traffickingType,
        category: row.category,
        qualifier: row.qualifier,
        publishedYear: row.publishedYear,
        note: row.note,
        source: {
          title: row.sourceTitle ?? '',
          publisher: row.sourcePublisher ?? '',
          publishedOn: row.sourcePublishedOn,
          url: row.sourceUrl ?? '',
        },
      });
    }
  }
  return [...byIndicator.values()];
}

export function listSources() {
  return getDb()
    .select({ id: sources.id, title: sources.title, publishedOn: sources.publishedOn, url: sources.url })
    .from(sources)
    .orderBy(asc(sources.title))
    .all();
}

export function getObservation(id: number) {
  return getDb().select().from(observations).where(eq(observations.id, id)).get() ?? null;
}

function checkReferences(tx: Tx, unit: string, indicatorId: number, sourceId: number | undefined) {
  const indicator = tx.select().from(indicators).where(eq(indicators.id, indicatorId)).get()!;
  const fields: Record<string, string[]> = {};
  if (indicator.unit !== unit) fields.unit = [`“${indicator.name}” is counted in ${indicator.unit}, not ${unit}.`];
  if (sourceId !== undefined && !tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId)).get()) {
    fields.sourceId = [`No source document has the id ${sourceId}.`];
  }
  if (Object.keys(fields).length) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
}

/** An admin adds a figure to an indicator; the change and its audit event commit together. */
export function createObservation(user: SessionUser, input: CreateObservationInput) {
  if (!canEditStatistics(user)) throw forbidden('Only administrators change statistics.');
  return getDb().transaction((tx) => {
    const indicator = tx.select().from(indicators).where(eq(indicators.key, input.indicator)).get();
    if (!indicator) throw invalid('Invalid input: indicator.', { indicator: [`No indicator is called "${input.indicator}".`] });
    checkReferences(tx, input.unit, indicator.id, input.sourceId);
    const now = new Date();
    const { indicator: _key, unit: _unit, ...values } = input;
    const row = tx.insert(observations).values({ ...values, indicatorId: indicator.id, createdAt: now, updatedAt: now }).returning().get();
    recordAudit(tx, { actor: { id: user.id, email: user.email }, action: 'observation.create', entity: 'observation', entityId: row.id, after: input, at: now });
    return row;
  });
}

/** An admin corrects a figure; before and after go to the audit trail. */
export function updateObservation(user: SessionUser, input: UpdateObservationInput) {
  if (!canEditStatistics(user)) throw forbidden('Only administrators change statistics.');
  return getDb().transaction((tx) => {
    const current = tx.select().from(observations).where(eq(observations.id, input.id)).get();
    if (!current) throw notFound('The observation');
    checkReferences(tx, input.unit, current.indicatorId, input.sourceId);
    const { id, unit: _unit, ...changes } = input;
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const merged = { ...current, ...set };
    const indicator = tx.select().from(indicators).where(eq(indicators.id, current.indicatorId)).get()!;
    if (indicator.unit === 'percent' && merged.value > 100) {
      throw invalid('Invalid input: value.', { value: ['A percentage is at most 100.'] });
    }
    if (merged.publishedYear !== null && merged.publishedYear < Number(merged.period.slice(0, 4))) {
      throw invalid('Invalid input: publishedYear.', { publishedYear: ['An estimate cannot be published before the period it describes.'] });
    }
    const now = new Date();
    const row = tx.update(observations).set({ ...set, updatedAt: now }).where(eq(observations.id, id)).returning().get();
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, current[k as keyof typeof current]]));
    recordAudit(tx, { actor: { id: user.id, email: user.email }, action: 'observation.update', entity: 'observation', entityId: id, before, after: set, at: now });
    return row;
  });
}
