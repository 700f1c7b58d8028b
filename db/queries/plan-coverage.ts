/**
 * Coverage of the National Action Plan: for each active objective and priority action, the
 * agencies serving it and its deliverables by status; the gaps (objectives and actions no
 * deliverable serves, deliverables serving no objective); and the agency × objective matrix.
 *
 * Only counted deliverables take part (a withdrawn one leaves every figure, as everywhere). An
 * objective or action counts as served when at least one open or completed deliverable serves it.
 * A deliverable serves a priority action when it names it (`nap_action_id`) and serves the
 * action's objective, or no objective at all; one under a retired objective counts nowhere until
 * it is mapped again.
 *
 * Reads go through the (objective, status, lead agency) index: the counts by status and agency
 * from the index alone; staleness and actions from the rows the index finds. On 10,000
 * deliverables it takes about a tenth of a second, so the result is remembered until a table it
 * reads changes, and for a minute at most (staleness moves with time).
 */
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { PILLARS, STATUSES, type PillarSlug, type Status } from '@/lib/domain';
import type { ActionCoverage, CoverageAgency, ObjectiveCoverage, PlanCoverage, ServingAgency, StatusMix } from '@/lib/contracts/plan-coverage';
import { getDb } from '../index';
import { agencies, deliverableSupporters, deliverables, napActionSupporters, napActions, pillars, planObjectives, plans } from '../schema';
import { counted, staleCondition } from './sql-words';
import { untilChange } from './until-change';

/** The statuses still to be done: the stale count reads only their index entries' rows. */
const OPEN = STATUSES.filter((s) => s !== 'completed');

const emptyMix = (): StatusMix => ({ ...(Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>), total: 0 });

/** Agencies by count, most first, then by name. */
function serving(counts: Map<number, number>, agencyOf: Map<number, CoverageAgency>): ServingAgency[] {
  return [...counts]
    .flatMap(([id, n]) => {
      const agency = agencyOf.get(id);
      return agency ? [{ ...agency, deliverables: n }] : [];
    })
    .sort((a, b) => b.deliverables - a.deliverables || a.name.localeCompare(b.name));
}

const bump = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** The plan the coverage is of: the one adopted last (plans have no change counter, so this is read apart). */
function getCurrentPlan(): PlanCoverage['plan'] {
  return getDb().select({ key: plans.key, title: plans.title, adoptedOn: plans.adoptedOn }).from(plans).orderBy(desc(plans.adoptedOn), desc(plans.id)).limit(1).get() ?? null;
}

export function getPlanCoverage(now = Date.now()): PlanCoverage {
  return { ...coverageOfRecord(now), plan: getCurrentPlan() };
}

const coverageOfRecord = untilChange(
  ['agencies', 'deliverable_supporters', 'deliverables', 'nap_action_supporters', 'nap_actions', 'pillars', 'plan_objectives'],
  computeCoverage,
  (now: number = Date.now()) => String(Math.floor(now / 60_000)),
);

function computeCoverage(now: number = Date.now()): Omit<PlanCoverage, 'plan'> {
  const db = getDb();
  const pillarRows = db.select({ id: pillars.id, slug: pillars.slug, name: pillars.name, longName: pillars.longName }).from(pillars).orderBy(asc(pillars.position)).all();
  const pillarOf = new Map(pillarRows.map((p) => [p.id, p.slug as PillarSlug]));
  const agencyRows = db.select({ id: agencies.id, slug: agencies.slug, abbreviation: agencies.abbreviation, name: agencies.name, retiredAt: agencies.retiredAt }).from(agencies).all();
  const agencyOf = new Map(agencyRows.map((a) => [a.id, { slug: a.slug, abbreviation: a.abbreviation, name: a.name }]));

  const pillarOrder = new Map(PILLARS.map((p, i) => [p, i]));
  const objectiveRows = db
    .select({ id: planObjectives.id, key: planObjectives.key, number: planObjectives.number, title: planObjectives.title, pillarId: planObjectives.pillarId, position: planObjectives.position })
    .from(planObjectives)
    .where(isNull(planObjectives.retiredAt))
    .all()
    .map((o) => ({ ...o, pillar: pillarOf.get(o.pillarId)! }))
    .sort((a, b) => pillarOrder.get(a.pillar)! - pillarOrder.get(b.pillar)! || a.position - b.position || a.id - b.id);
  const activeObjectives = db.select({ id: planObjectives.id }).from(planObjectives).where(isNull(planObjectives.retiredAt));

  // Each active objective's deliverables by status and lead agency: the index alone.
  const byStatus = db
    .select({ objectiveId: deliverables.objectiveId, status: deliverables.status, agencyId: deliverables.leadAgencyId, n: sql<number>`count(*)` })
    .from(deliverables)
    .where(and(inArray(deliverables.objectiveId, activeObjectives), counted()))
    .groupBy(deliverables.objectiveId, deliverables.status, deliverables.leadAgencyId)
    .all();
  // Open ones not updated for 90 days: the rows the index finds for the open statuses.
  const staleRows = db
    .select({ objectiveId: deliverables.objectiveId, n: sql<number>`count(*)` })
    .from(deliverables)
    .where(and(inArray(deliverables.objectiveId, activeObjectives), inArray(deliverables.status, OPEN), staleCondition(now)))
    .groupBy(deliverables.objectiveId)
    .all();
  // Counted deliverables without an objective, by lead agency: the index alone.
  const unmappedRows = db
    .select({ agencyId: deliverables.leadAgencyId, n: sql<number>`count(*)` })
    .from(deliverables)
    .where(and(isNull(deliverables.objectiveId), counted()))
    .groupBy(deliverables.leadAgencyId)
    .all();
  // The deliverables serving each action: those under the action's objective that name it, found
  // through the objective's index entries, and those that name it without serving any objective.
  const actionServed = [
    ...db
      .select({ actionId: napActions.id, status: deliverables.status, agencyId: deliverables.leadAgencyId, n: sql<number>`count(*)` })
      .from(napActions)
      .innerJoin(deliverables, and(eq(deliverables.objectiveId, napActions.objectiveId), eq(deliverables.napActionId, napActions.id)))
      .where(and(isNull(napActions.retiredAt), counted()))
      .groupBy(napActions.id, deliverables.status, deliverables.leadAgencyId)
      .all(),
    ...db
      .select({ actionId: sql<number>`${deliverables.napActionId}`, status: deliverables.status, agencyId: deliverables.leadAgencyId, n: sql<number>`count(*)` })
      .from(deliverables)
      .where(and(isNull(deliverables.objectiveId), isNotNull(deliverables.napActionId), counted()))
      .groupBy(deliverables.napActionId, deliverables.status, deliverables.leadAgencyId)
      .all(),
  ];
  // Supporting agencies of each active objective's deliverables (not counting a lead supporting its own).
  const supportRows = db
    .select({ objectiveId: deliverables.objectiveId, agencyId: deliverableSupporters.agencyId, n: sql<number>`count(*)` })
    .from(deliverables)
    .innerJoin(deliverableSupporters, eq(deliverableSupporters.deliverableId, deliverables.id))
    .where(and(inArray(deliverables.objectiveId, activeObjectives), counted(), sql`${deliverableSupporters.agencyId} <> ${deliverables.leadAgencyId}`))
    .groupBy(deliverables.objectiveId, deliverableSupporters.agencyId)
    .all();

  const mix = new Map<number, StatusMix>();
  const leads = new Map<number, Map<number, number>>();
  const supporters = new Map<number, Map<number, number>>();
  const stale = new Map<number, number>();
  for (const r of byStatus) {
    const id = r.objectiveId!;
    const m = mix.get(id) ?? emptyMix();
    m[r.status as Status] += r.n;
    m.total += r.n;
    mix.set(id, m);
    if (!leads.has(id)) leads.set(id, new Map());
    bump(leads.get(id)!, r.agencyId, r.n);
  }
  for (const r of supportRows) {
    if (!supporters.has(r.objectiveId!)) supporters.set(r.objectiveId!, new Map());
    bump(supporters.get(r.objectiveId!)!, r.agencyId, r.n);
  }
  for (const r of staleRows) bump(stale, r.objectiveId!, r.n);

  const actionRows = db
    .select({ id: napActions.id, code: napActions.code, title: napActions.title, pillarId: napActions.pillarId, objectiveId: napActions.objectiveId, leadAgencyId: napActions.leadAgencyId })
    .from(napActions)
    .where(isNull(napActions.retiredAt))
    .orderBy(asc(napActions.code))
    .all();
  const actionSupport = db.select({ actionId: napActionSupporters.actionId, agencyId: napActionSupporters.agencyId }).from(napActionSupporters).all();
  const actionMix = new Map<number, StatusMix>();
  const actionLeads = new Map<number, Map<number, number>>();
  for (const r of actionServed) {
    const m = actionMix.get(r.actionId) ?? emptyMix();
    m[r.status as Status] += r.n;
    m.total += r.n;
    actionMix.set(r.actionId, m);
    if (!actionLeads.has(r.actionId)) actionLeads.set(r.actionId, new Map());
    bump(actionLeads.get(r.actionId)!, r.agencyId, r.n);
  }
  const actionsPerObjective = new Map<number, number>();
  for (const a of actionRows) if (a.objectiveId !== null) bump(actionsPerObjective, a.objectiveId, 1);

  const objectives: ObjectiveCoverage[] = objectiveRows.map((o) => ({
    id: o.id,
    key: o.key,
    number: o.number,
    title: o.title,
    pillar: o.pillar,
    position: o.position,
    statuses: mix.get(o.id) ?? emptyMix(),
    stale: stale.get(o.id) ?? 0,
    leads: serving(leads.get(o.id) ?? new Map(), agencyOf),
    supporters: serving(supporters.get(o.id) ?? new Map(), agencyOf),
    actions: actionsPerObjective.get(o.id) ?? 0,
  }));
  const actions: ActionCoverage[] = actionRows.map((a) => ({
    id: a.id,
    code: a.code,
    title: a.title,
    pillar: pillarOf.get(a.pillarId)!,
    objectiveId: a.objectiveId,
    planLead: a.leadAgencyId !== null ? (agencyOf.get(a.leadAgencyId) ?? null) : null,
    planSupporters: actionSupport.filter((s) => s.actionId === a.id).flatMap((s) => agencyOf.get(s.agencyId) ?? []),
    statuses: actionMix.get(a.id) ?? emptyMix(),
    leads: serving(actionLeads.get(a.id) ?? new Map(), agencyOf),
  }));

  const unmappedByAgency = new Map<number, number>();
  for (const r of unmappedRows) bump(unmappedByAgency, r.agencyId, r.n);
  const unmapped = serving(unmappedByAgency, agencyOf);

  // Every active agency has a row, those serving no objective included: an empty row is a finding too.
  const matrix = agencyRows
    .filter((a) => a.retiredAt === null)
    .map((a) => {
      const led = objectives.map((o) => leads.get(o.id)?.get(a.id) ?? 0);
      const supported = objectives.map((o) => supporters.get(o.id)?.get(a.id) ?? 0);
      return { agency: agencyOf.get(a.id)!, led, supported, total: led.reduce((s, n) => s + n, 0) };
    })
    .sort((x, y) => x.agency.name.localeCompare(y.agency.name));

  const served = objectives.filter((o) => o.statuses.total > 0).length;
  const actionsServed = actions.filter((a) => a.statuses.total > 0).length;
  return {
    pillars: pillarRows.map((p) => ({ slug: p.slug as PillarSlug, name: p.name, longName: p.longName })),
    totals: {
      objectives: objectives.length,
      objectivesServed: served,
      objectivesUnserved: objectives.length - served,
      actions: actions.length,
      actionsServed,
      actionsUnserved: actions.length - actionsServed,
      mapped: objectives.reduce((n, o) => n + o.statuses.total, 0),
      unmapped: unmapped.reduce((n, a) => n + a.deliverables, 0),
    },
    objectives,
    actions,
    gaps: {
      objectives: objectives.filter((o) => o.statuses.total === 0).map((o) => o.id),
      actions: actions.filter((a) => a.statuses.total === 0).map((a) => a.id),
      unmapped,
    },
    matrix,
  };
}
