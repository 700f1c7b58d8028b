import { asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { indicators, observations, sources } from '../schema';

export type ObservationRow = {
  id: number;
  period: string;
  value: number;
  ageGroup: string | null;
  traffickingType: string | null;
  category: string | null;
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
