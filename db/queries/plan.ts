/**
 * The National Action Plan as the record holds it: its objectives under each pillar and its
 * priority actions under each objective. Reads for the pages, the API and the deliverable forms;
 * the secretariat's writes (add, edit, retire, restore), each with its audit event in the same
 * synchronous transaction and a version for optimistic concurrency; and the rules a deliverable's
 * objective and priority action must follow (placementErrors), which deliverable-writes.ts applies.
 *
 * Retiring keeps a row and what refers to it (deliverables keep their objective) but takes it out
 * of the choices offered for new ones, and a deliverable can no longer be given it.
 */
import 'server-only';
import type { ActionChoice, PillarChoices, PlanObjective, PlanSourceRef, PriorityAction } from '@/lib/contracts/plan';
import { and, asc, count, eq, inArray, isNull, max, type SQL } from 'drizzle-orm';
import type { SessionUser } from '@/lib/authorization';
import { PILLARS, PILLAR_LABELS, type PillarSlug } from '@/lib/domain';
import { conflict, invalid, notFound, type FieldErrors } from '@/lib/errors';
import { objectiveName } from '@/lib/plan';
import type { CreateActionInput, CreateObjectiveInput, UpdateActionInput, UpdateObjectiveInput } from '@/lib/validations/plan';
import { getDb, type DbOrTx, type Tx } from '../index';
import { agencies, deliverables, napActionSupporters, napActions, pillars, planObjectives, plans, sources } from '../schema';
import { recordAudit } from './audit';

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

function sourceRef(s: { id: number | null; title: string | null; url: string | null; publishedOn: string | null } | null): PlanSourceRef | null {
  return !s || s.id === null ? null : { id: s.id, title: s.title ?? '', url: s.url ?? '', publishedOn: s.publishedOn };
}

// ─── Reads ──────────────────────────────────────────────────────────────────────────────────────

function objectiveRows(db: DbOrTx, where: SQL | undefined): PlanObjective[] {
  return db
    .select({
      id: planObjectives.id,
      pillar: pillars.slug,
      pillarName: pillars.name,
      number: planObjectives.number,
      title: planObjectives.title,
      position: planObjectives.position,
      source: { id: sources.id, title: sources.title, url: sources.url, publishedOn: sources.publishedOn },
      sourcePage: planObjectives.sourcePage,
      retiredAt: planObjectives.retiredAt,
      version: planObjectives.version,
    })
    .from(planObjectives)
    .innerJoin(pillars, eq(pillars.id, planObjectives.pillarId))
    .leftJoin(sources, eq(sources.id, planObjectives.sourceId))
    .where(where)
    .orderBy(asc(pillars.position), asc(planObjectives.position), asc(planObjectives.id))
    .all()
    .map((row) => ({ ...row, pillar: row.pillar as PillarSlug, source: sourceRef(row.source), retiredAt: row.retiredAt?.getTime() ?? null }));
}

/** The plan's objectives, by pillar in the plan's order and then as listed; retired ones only when asked. */
export function listObjectives({ includeRetired = false }: { includeRetired?: boolean } = {}): PlanObjective[] {
  return objectiveRows(getDb(), includeRetired ? undefined : isNull(planObjectives.retiredAt));
}

export function getObjective(id: number, db: DbOrTx = getDb()): PlanObjective | null {
  return objectiveRows(db, eq(planObjectives.id, id))[0] ?? null;
}

function actionRows(db: DbOrTx, where: SQL | undefined): PriorityAction[] {
  const rows = db
    .select({
      id: napActions.id,
      code: napActions.code,
      title: napActions.title,
      pillar: pillars.slug,
      pillarName: pillars.name,
      pillarPosition: pillars.position,
      objective: { id: planObjectives.id, number: planObjectives.number, title: planObjectives.title },
      leadAgency: { slug: agencies.slug, name: agencies.name, abbreviation: agencies.abbreviation },
      source: { id: sources.id, title: sources.title, url: sources.url, publishedOn: sources.publishedOn },
      sourcePage: napActions.sourcePage,
      retiredAt: napActions.retiredAt,
      version: napActions.version,
    })
    .from(napActions)
    .innerJoin(pillars, eq(pillars.id, napActions.pillarId))
    .leftJoin(planObjectives, eq(planObjectives.id, napActions.objectiveId))
    .leftJoin(agencies, eq(agencies.id, napActions.leadAgencyId))
    .leftJoin(sources, eq(sources.id, napActions.sourceId))
    .where(where)
    .all();
  const ids = rows.map((r) => r.id);
  const supporters = ids.length
    ? db
        .select({ actionId: napActionSupporters.actionId, slug: agencies.slug, name: agencies.name, abbreviation: agencies.abbreviation })
        .from(napActionSupporters)
        .innerJoin(agencies, eq(agencies.id, napActionSupporters.agencyId))
        .where(inArray(napActionSupporters.actionId, ids))
        .orderBy(asc(agencies.name))
        .all()
    : [];
  // Codes sort as numbers: 1.10.1 after 1.9.2.
  const codeKey = (code: string) => code.split('.').map((n) => n.padStart(3, '0')).join('.');
  return rows
    .sort((a, b) => a.pillarPosition - b.pillarPosition || codeKey(a.code).localeCompare(codeKey(b.code)))
    .map(({ pillarPosition: _position, ...row }) => ({
      ...row,
      pillar: row.pillar as PillarSlug,
      objective: row.objective?.id ? row.objective : null,
      leadAgency: row.leadAgency?.slug ? row.leadAgency : null,
      supportingAgencies: supporters.filter((s) => s.actionId === row.id).map(({ actionId: _id, ...agency }) => agency),
      source: sourceRef(row.source),
      retiredAt: row.retiredAt?.getTime() ?? null,
    }));
}

/** The plan's priority actions by pillar and code; retired ones only when asked. */
export function listPriorityActions({ includeRetired = false, objectiveId }: { includeRetired?: boolean; objectiveId?: number } = {}): PriorityAction[] {
  return actionRows(
    getDb(),
    and(includeRetired ? undefined : isNull(napActions.retiredAt), objectiveId === undefined ? undefined : eq(napActions.objectiveId, objectiveId)),
  );
}

export function getPriorityAction(id: number, db: DbOrTx = getDb()): PriorityAction | null {
  return actionRows(db, eq(napActions.id, id))[0] ?? null;
}

/**
 * What a deliverable's form offers, pillar by pillar: the active objectives with their active
 * priority actions, and every active action of the pillar (for a deliverable with no objective yet).
 */
export function listPlanChoices(): PillarChoices[] {
  const objectives = listObjectives();
  const actions = listPriorityActions();
  const choice = (a: PriorityAction): ActionChoice => ({ code: a.code, title: a.title });
  return PILLARS.map((pillar) => ({
    pillar,
    objectives: objectives
      .filter((o) => o.pillar === pillar)
      .map((o) => ({ id: o.id, number: o.number, title: o.title, actions: actions.filter((a) => a.objective?.id === o.id).map(choice) })),
    actions: actions.filter((a) => a.pillar === pillar).map(choice),
  }));
}

/** The public documents an objective or action can cite, newest first. */
export function listPlanSources() {
  return getDb()
    .select({ id: sources.id, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn })
    .from(sources)
    .orderBy(asc(sources.title))
    .all();
}

// ─── Objectives: the secretariat's writes ───────────────────────────────────────────────────────

function pillarRow(tx: Tx, slug: PillarSlug) {
  return tx.select({ id: pillars.id, position: pillars.position }).from(pillars).where(eq(pillars.slug, slug)).get()!;
}

function sourceErrors(tx: Tx, sourceId: number | null | undefined, fields: FieldErrors) {
  if (sourceId === undefined || sourceId === null) return;
  if (!tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId)).get()) fields.sourceId = [`No source has the id ${sourceId}.`];
}

function numberErrors(tx: Tx, pillarId: number, pillar: PillarSlug, number: number | null, selfId: number | null, fields: FieldErrors) {
  if (number === null) return;
  const taken = tx
    .select({ id: planObjectives.id })
    .from(planObjectives)
    .where(and(eq(planObjectives.pillarId, pillarId), eq(planObjectives.number, number)))
    .get();
  if (taken && taken.id !== selfId) fields.number = [`${PILLAR_LABELS[pillar]} already has an objective numbered ${number}.`];
}

const throwIfAny = (fields: FieldErrors) => {
  if (Object.keys(fields).length) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
};

/** What the audit trail records of an objective. */
function objectiveAudit(o: PlanObjective) {
  return { pillar: o.pillar, number: o.number, title: o.title, sourceId: o.source?.id ?? null, sourcePage: o.sourcePage, retired: o.retiredAt !== null };
}

export function createObjective(user: SessionUser, input: CreateObjectiveInput): PlanObjective {
  return getDb().transaction((tx) => {
    const pillar = pillarRow(tx, input.pillar);
    const fields: FieldErrors = {};
    sourceErrors(tx, input.sourceId, fields);
    numberErrors(tx, pillar.id, input.pillar, input.number, null, fields);
    throwIfAny(fields);
    const plan = tx.select({ id: plans.id }).from(plans).orderBy(asc(plans.id)).get();
    if (!plan) throw conflict('No plan is on record to add objectives to.');
    const last = tx.select({ n: max(planObjectives.position) }).from(planObjectives).where(eq(planObjectives.pillarId, pillar.id)).get()?.n ?? 0;
    const row = tx
      .insert(planObjectives)
      .values({ planId: plan.id, pillarId: pillar.id, number: input.number, position: last + 1, title: input.title, sourceId: input.sourceId, sourcePage: input.sourcePage })
      .returning({ id: planObjectives.id })
      .get();
    const created = getObjective(row.id, tx)!;
    recordAudit(tx, { actor: actorOf(user), action: 'plan_objective.create', entity: 'plan_objective', entityId: row.id, after: objectiveAudit(created) });
    return created;
  });
}

/**
 * Edits, retires or restores an objective. An objective that deliverables or priority actions
 * serve keeps its pillar: moving it would leave them under another pillar than their own.
 */
export function updateObjective(user: SessionUser, id: number, input: UpdateObjectiveInput): PlanObjective {
  return getDb().transaction((tx) => {
    const current = getObjective(id, tx);
    if (!current) throw notFound('The objective');
    if (current.version !== input.version) throw conflict('Someone else changed this objective after you opened it.', { current });
    const pillar = input.pillar ?? current.pillar;
    const pillarId = pillarRow(tx, pillar).id;
    const fields: FieldErrors = {};
    sourceErrors(tx, input.sourceId, fields);
    numberErrors(tx, pillarId, pillar, input.number === undefined ? current.number : input.number, id, fields);
    if (pillar !== current.pillar) {
      const served = tx.select({ n: count() }).from(deliverables).where(eq(deliverables.objectiveId, id)).get()?.n ?? 0;
      const actions = tx.select({ n: count() }).from(napActions).where(eq(napActions.objectiveId, id)).get()?.n ?? 0;
      if (served || actions) {
        fields.pillar = [
          `${served} deliverable${served === 1 ? '' : 's'} and ${actions} priority action${actions === 1 ? '' : 's'} are under this objective in ${PILLAR_LABELS[current.pillar]}: add a new objective instead.`,
        ];
      }
    }
    throwIfAny(fields);
    const set: Partial<typeof planObjectives.$inferInsert> = {};
    if (pillar !== current.pillar) {
      set.pillarId = pillarId;
      set.position = (tx.select({ n: max(planObjectives.position) }).from(planObjectives).where(eq(planObjectives.pillarId, pillarId)).get()?.n ?? 0) + 1;
    }
    if (input.title !== undefined) set.title = input.title;
    if (input.number !== undefined) set.number = input.number;
    if (input.sourceId !== undefined) set.sourceId = input.sourceId;
    if (input.sourcePage !== undefined) set.sourcePage = input.sourcePage;
    if (input.retired !== undefined) set.retiredAt = input.retired ? current.retiredAt === null ? new Date() : new Date(current.retiredAt) : null;
    const before = objectiveAudit(current);
    if (Object.keys(set).length) tx.update(planObjectives).set(set).where(eq(planObjectives.id, id)).run();
    const changed = objectiveAudit(getObjective(id, tx)!);
    if (JSON.stringify(before) === JSON.stringify(changed)) return current; // Nothing changed: no new version, no audit event.
    tx.update(planObjectives).set({ version: current.version + 1, updatedAt: new Date() }).where(eq(planObjectives.id, id)).run();
    const action = before.retired !== changed.retired ? (changed.retired ? 'plan_objective.retire' : 'plan_objective.restore') : 'plan_objective.update';
    recordAudit(tx, { actor: actorOf(user), action, entity: 'plan_objective', entityId: id, before, after: changed });
    return getObjective(id, tx)!;
  });
}

// ─── Priority actions: the secretariat's writes ─────────────────────────────────────────────────

function actionAudit(a: PriorityAction) {
  return {
    code: a.code,
    pillar: a.pillar,
    title: a.title,
    objectiveId: a.objective?.id ?? null,
    leadAgency: a.leadAgency?.slug ?? null,
    supportingAgencies: a.supportingAgencies.map((s) => s.slug).sort(),
    sourceId: a.source?.id ?? null,
    sourcePage: a.sourcePage,
    retired: a.retiredAt !== null,
  };
}

/** Agency short names to ids, naming unknown or retired ones under `field`. */
function agencyIds(tx: Tx, slugs: string[], field: string, fields: FieldErrors): number[] {
  const wanted = [...new Set(slugs)];
  if (!wanted.length) return [];
  const found = tx.select({ id: agencies.id, slug: agencies.slug, retiredAt: agencies.retiredAt }).from(agencies).where(inArray(agencies.slug, wanted)).all();
  const missing = wanted.filter((s) => !found.some((f) => f.slug === s));
  const retired = found.filter((f) => f.retiredAt !== null).map((f) => f.slug);
  if (missing.length) fields[field] = [`No agency has the short name${missing.length > 1 ? 's' : ''} ${missing.map((s) => `"${s}"`).join(', ')}.`];
  else if (retired.length) fields[field] = [`Retired agencies cannot be named: ${retired.join(', ')}.`];
  return found.map((f) => f.id);
}

/** The code, pillar and objective of an action as they will be, checked together. */
function actionPlacementErrors(
  tx: Tx,
  a: { code: string; pillar: PillarSlug; objectiveId: number; selfId: number | null; objectiveChanged: boolean },
  fields: FieldErrors,
) {
  const taken = tx.select({ id: napActions.id }).from(napActions).where(eq(napActions.code, a.code)).get();
  if (taken && taken.id !== a.selfId) fields.code = [`The plan already has a priority action ${a.code}.`];
  const objective = getObjective(a.objectiveId, tx);
  if (!objective) fields.objectiveId = [`No objective of the plan has the id ${a.objectiveId}.`];
  else if (objective.pillar !== a.pillar) {
    fields.objectiveId = [`“${objectiveName(objective)}” is under ${PILLAR_LABELS[objective.pillar]}; the code ${a.code} is under ${PILLAR_LABELS[a.pillar]}.`];
  } else if (a.objectiveChanged && objective.retiredAt !== null) fields.objectiveId = [`“${objectiveName(objective)}” is retired.`];
}

export function createPriorityAction(user: SessionUser, input: CreateActionInput): PriorityAction {
  return getDb().transaction((tx) => {
    const fields: FieldErrors = {};
    actionPlacementErrors(tx, { code: input.code, pillar: input.pillar, objectiveId: input.objectiveId, selfId: null, objectiveChanged: true }, fields);
    const [leadId] = input.leadAgency ? agencyIds(tx, [input.leadAgency], 'leadAgency', fields) : [];
    const supporterIds = agencyIds(tx, input.supportingAgencies, 'supportingAgencies', fields);
    sourceErrors(tx, input.sourceId, fields);
    throwIfAny(fields);
    const row = tx
      .insert(napActions)
      .values({
        code: input.code,
        pillarId: pillarRow(tx, input.pillar).id,
        objectiveId: input.objectiveId,
        title: input.title,
        leadAgencyId: leadId ?? null,
        sourceId: input.sourceId,
        sourcePage: input.sourcePage,
      })
      .returning({ id: napActions.id })
      .get();
    for (const agencyId of supporterIds.filter((a) => a !== leadId)) tx.insert(napActionSupporters).values({ actionId: row.id, agencyId }).run();
    const created = getPriorityAction(row.id, tx)!;
    recordAudit(tx, { actor: actorOf(user), action: 'priority_action.create', entity: 'priority_action', entityId: row.id, after: actionAudit(created) });
    return created;
  });
}

export function updatePriorityAction(user: SessionUser, id: number, input: UpdateActionInput): PriorityAction {
  return getDb().transaction((tx) => {
    const current = getPriorityAction(id, tx);
    if (!current) throw notFound('The priority action');
    if (current.version !== input.version) throw conflict('Someone else changed this priority action after you opened it.', { current });
    const code = input.code ?? current.code;
    const pillar = input.pillar ?? current.pillar;
    const objectiveId = input.objectiveId ?? current.objective?.id;
    const fields: FieldErrors = {};
    if (input.code !== undefined || input.pillar !== undefined) {
      const place = PILLARS.indexOf(pillar) + 1;
      if (Number(code.split('.')[0]) !== place) fields.code = [`A code under ${PILLAR_LABELS[pillar]} begins with ${place}, e.g. ${place}.1.1.`];
    }
    if (objectiveId === undefined) fields.objectiveId = ['Choose the objective this priority action is under.'];
    else if (!fields.code) {
      actionPlacementErrors(tx, { code, pillar, objectiveId, selfId: id, objectiveChanged: objectiveId !== current.objective?.id }, fields);
    }
    const leadAgency = input.leadAgency === undefined ? current.leadAgency?.slug ?? null : input.leadAgency;
    const [leadId] = leadAgency ? agencyIds(tx, [leadAgency], 'leadAgency', fields) : [];
    const supporterIds = input.supportingAgencies === undefined ? undefined : agencyIds(tx, input.supportingAgencies, 'supportingAgencies', fields);
    sourceErrors(tx, input.sourceId, fields);
    throwIfAny(fields);
    const set: Partial<typeof napActions.$inferInsert> = {};
    if (input.code !== undefined) set.code = input.code;
    if (input.pillar !== undefined) set.pillarId = pillarRow(tx, input.pillar).id;
    if (input.title !== undefined) set.title = input.title;
    if (input.objectiveId !== undefined) set.objectiveId = input.objectiveId;
    if (input.leadAgency !== undefined) set.leadAgencyId = leadId ?? null;
    if (input.sourceId !== undefined) set.sourceId = input.sourceId;
    if (input.sourcePage !== undefined) set.sourcePage = input.sourcePage;
    if (input.retired !== undefined) set.retiredAt = input.retired ? current.retiredAt === null ? new Date() : new Date(current.retiredAt) : null;
    const before = actionAudit(current);
    if (Object.keys(set).length) tx.update(napActions).set(set).where(eq(napActions.id, id)).run();
    if (supporterIds !== undefined) {
      tx.delete(napActionSupporters).where(eq(napActionSupporters.actionId, id)).run();
      for (const agencyId of supporterIds.filter((a) => a !== leadId)) tx.insert(napActionSupporters).values({ actionId: id, agencyId }).run();
    }
    const changed = actionAudit(getPriorityAction(id, tx)!);
    if (JSON.stringify(before) === JSON.stringify(changed)) return current;
    tx.update(napActions).set({ version: current.version + 1 }).where(eq(napActions.id, id)).run();
    const action = before.retired !== changed.retired ? (changed.retired ? 'priority_action.retire' : 'priority_action.restore') : 'priority_action.update';
    recordAudit(tx, { actor: actorOf(user), action, entity: 'priority_action', entityId: id, before, after: changed });
    return getPriorityAction(id, tx)!;
  });
}

// ─── A deliverable's place in the plan ──────────────────────────────────────────────────────────

/**
 * A deliverable's objective and priority action as they will be after a create or an edit, and
 * which of them (or its pillar) the request changes. Only what the request changes is checked, so
 * a deliverable whose objective was retired since can still be edited otherwise.
 */
export type Placement = {
  pillarId: number | undefined;
  objectiveId: number | null;
  napActionId: number | null;
  pillarChanged: boolean;
  objectiveChanged: boolean;
  actionChanged: boolean;
};

/**
 * The rules, each naming its field: the objective exists, is not retired and is under the
 * deliverable's pillar; the priority action is not retired and is under the objective when both
 * are given.
 */
export function placementErrors(tx: DbOrTx, p: Placement, fields: FieldErrors): void {
  const objective =
    p.objectiveId === null
      ? null
      : (tx
          .select({ id: planObjectives.id, pillarId: planObjectives.pillarId, number: planObjectives.number, title: planObjectives.title, retiredAt: planObjectives.retiredAt })
          .from(planObjectives)
          .where(eq(planObjectives.id, p.objectiveId))
          .get() ?? null);
  if (p.objectiveId !== null && (p.objectiveChanged || p.pillarChanged)) {
    if (!objective) fields.objectiveId = [`No objective of the plan has the id ${p.objectiveId}.`];
    else if (p.objectiveChanged && objective.retiredAt !== null) fields.objectiveId = [`“${objectiveName(objective)}” is retired: choose a current objective.`];
    else if (p.pillarId !== undefined && objective.pillarId !== p.pillarId) {
      const under = tx.select({ slug: pillars.slug }).from(pillars).where(eq(pillars.id, objective.pillarId)).get();
      const chosen = tx.select({ slug: pillars.slug }).from(pillars).where(eq(pillars.id, p.pillarId)).get();
      fields.objectiveId = [
        `“${objectiveName(objective)}” is under ${under ? PILLAR_LABELS[under.slug as PillarSlug] : 'another pillar'}, not ${chosen ? PILLAR_LABELS[chosen.slug as PillarSlug] : 'this pillar'}: choose an objective of the deliverable’s pillar, or none.`,
      ];
    }
  }
  if (p.napActionId !== null && (p.actionChanged || p.objectiveChanged) && !fields.napAction) {
    const action = tx
      .select({ code: napActions.code, objectiveId: napActions.objectiveId, retiredAt: napActions.retiredAt })
      .from(napActions)
      .where(eq(napActions.id, p.napActionId))
      .get();
    if (!action) return;
    if (p.actionChanged && action.retiredAt !== null) fields.napAction = [`Priority action ${action.code} is retired.`];
    else if (objective && action.objectiveId !== objective.id) {
      fields.napAction = [`Priority action ${action.code} is not under the objective “${objectiveName(objective)}”: choose one of its actions, or none.`];
    }
  }
}
