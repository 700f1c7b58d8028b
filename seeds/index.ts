/**
 * Puts the documents' facts (seeds/data/) and, unless told not to, the demonstration data
 * (seeds/demo.ts) into the database.
 *
 * Idempotent: every row has a natural key and is inserted only when missing, so a second run
 * changes nothing and never overwrites what users have since changed in the app. To start over,
 * `npm run db:reset`.
 */
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { recordAudit, SYSTEM_ACTOR } from '@/db/queries/audit';
import * as t from '@/db/schema';
import { addDays, todayIso } from '@/lib/dates';
import { measureColumns, progressFor } from '@/lib/measures';
import { hashPassword } from '@/lib/password';
import * as data from './data';
import { DEMO_PASSWORD, DEMO_REPORTS, DEMO_UPDATES, UPCOMING_MEETING, UPCOMING_MEETING_DAYS_AHEAD, demoUsers } from './demo';

export type SeedOptions = { demo: boolean; now?: Date };
export type SeedResult = Record<string, number>;

type IdMap = Map<string, number>;

function need(map: IdMap, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Seed data names an unknown ${what}: "${key}"`);
  return id;
}

const middayUtc = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const agencySeeds = data.agencies;

  // Hash passwords before the write transaction, only for accounts that do not exist yet.
  const users = options.demo ? demoUsers(agencySeeds) : [];
  const existingEmails = new Set(
    users.length
      ? db
          .select({ email: t.users.email })
          .from(t.users)
          .where(inArray(t.users.email, users.map((u) => u.email)))
          .all()
          .map((r) => r.email)
      : [],
  );
  // Each account its own salt; the hashes run side by side on the thread pool.
  const newUsers = await Promise.all(
    users.filter((u) => !existingEmails.has(u.email)).map(async (u) => ({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD) })),
  );

  return db.transaction((tx) => {
    const before = countRows(tx);
    const sources = seedSources(tx);
    const pillars = seedPillars(tx);
    const agencies = seedAgencies(tx, sources);
    const workingGroups = seedWorkingGroups(tx, sources, pillars);
    const meetings = seedMeetings(tx, sources, workingGroups, agencies);
    const objectives = seedPlan(tx, sources, pillars);
    const napActions = seedNapActions(tx, { sources, pillars, agencies, objectives });
    const deliverables = seedDeliverables(tx, { sources, pillars, agencies, meetings, napActions, objectives });
    seedStatistics(tx, sources);
    seedAwards(tx, sources, meetings);

    if (options.demo) {
      const userIds = seedDemoUsers(tx, newUsers, agencies);
      const upcoming = seedUpcomingMeeting(tx, now);
      seedDemoUpdates(tx, deliverables, agencies, userIds, now);
      seedDemoReports(tx, upcoming, agencies, userIds, now);
    }

    const after = countRows(tx);
    const inserted: SeedResult = {};
    for (const [table, n] of Object.entries(after)) inserted[table] = n - (before[table] ?? 0);
    if (Object.values(inserted).some((n) => n > 0)) {
      recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'seed.applied',
        entity: 'database',
        after: { demo: options.demo, inserted },
        at: now,
      });
    }
    return inserted;
  });
}

const COUNTED = {
  sources: t.sources,
  agencies: t.agencies,
  pillars: t.pillars,
  workingGroups: t.workingGroups,
  meetings: t.meetings,
  agendaItems: t.agendaItems,
  plans: t.plans,
  objectives: t.planObjectives,
  napActions: t.napActions,
  deliverables: t.deliverables,
  supporters: t.deliverableSupporters,
  indicators: t.indicators,
  observations: t.observations,
  awards: t.awards,
  users: t.users,
  progressUpdates: t.progressUpdates,
  agencyReports: t.agencyReports,
} as const;

function countRows(tx: Tx): SeedResult {
  const result: SeedResult = {};
  for (const [name, table] of Object.entries(COUNTED)) {
    result[name] = tx.select({ n: count() }).from(table).get()?.n ?? 0;
  }
  return result;
}

function idsByKey<T extends { key: string | null; id: number }>(rows: T[]): IdMap {
  return new Map(rows.filter((r) => r.key !== null).map((r) => [r.key as string, r.id]));
}

function seedSources(tx: Tx): IdMap {
  for (const s of data.sources) tx.insert(t.sources).values(s).onConflictDoNothing().run();
  return idsByKey(tx.select({ key: t.sources.key, id: t.sources.id }).from(t.sources).all());
}

function seedPillars(tx: Tx): IdMap {
  for (const p of data.pillars) tx.insert(t.pillars).values(p).onConflictDoNothing().run();
  return new Map(tx.select({ key: t.pillars.slug, id: t.pillars.id }).from(t.pillars).all().map((r) => [r.key, r.id]));
}

function seedAgencies(tx: Tx, sources: IdMap): IdMap {
  for (const a of data.agencies) {
    const { source, ...row } = a;
    tx.insert(t.agencies).values({ ...row, sourceId: need(sources, source, 'source') }).onConflictDoNothing().run();
  }
  return new Map(tx.select({ key: t.agencies.slug, id: t.agencies.id }).from(t.agencies).all().map((r) => [r.key, r.id]));
}

function seedWorkingGroups(tx: Tx, sources: IdMap, pillars: IdMap): IdMap {
  for (const w of data.workingGroups) {
    const { source, pillar, ...row } = w;
    tx.insert(t.workingGroups)
      .values({
        ...row,
        sourceId: need(sources, source, 'source'),
        pillarId: pillar ? need(pillars, pillar, 'pillar') : null,
      })
      .onConflictDoNothing()
      .run();
  }
  return idsByKey(tx.select({ key: t.workingGroups.key, id: t.workingGroups.id }).from(t.workingGroups).all());
}

function seedMeetings(tx: Tx, sources: IdMap, workingGroups: IdMap, agencies: IdMap): IdMap {
  for (const m of data.meetings) {
    const { source, agenda, workingGroup, ...row } = m;
    const inserted = tx
      .insert(t.meetings)
      .values({
        ...row,
        datePrecision: row.datePrecision ?? 'day',
        sourceId: need(sources, source, 'source'),
        workingGroupId: workingGroup ? need(workingGroups, workingGroup, 'working group') : null,
        createdAt: middayUtc(row.date),
        updatedAt: middayUtc(row.date),
      })
      .onConflictDoNothing()
      .returning({ id: t.meetings.id })
      .get();
    if (inserted && agenda) {
      agenda.forEach((item, index) =>
        tx.insert(t.agendaItems)
          .values({
            meetingId: inserted.id,
            position: index + 1,
            title: item.title,
            presenter: item.presenter ?? null,
            agencyId: item.agency ? need(agencies, item.agency, 'agency') : null,
          })
          .run(),
      );
    }
  }
  return idsByKey(tx.select({ key: t.meetings.key, id: t.meetings.id }).from(t.meetings).all());
}

/** The plan and its objectives; returns objective ids by key. */
function seedPlan(tx: Tx, sources: IdMap, pillars: IdMap): IdMap {
  const { source, ...plan } = data.plan;
  tx.insert(t.plans).values({ ...plan, sourceId: need(sources, source, 'source') }).onConflictDoNothing().run();
  const planId = tx.select({ id: t.plans.id }).from(t.plans).where(eq(t.plans.key, plan.key)).get()?.id;
  if (planId === undefined) throw new Error(`Plan ${plan.key} was not stored`);
  // A database seeded before pillars had long names gets them, unless someone has set one since.
  for (const p of data.pillars) {
    tx.update(t.pillars).set({ longName: p.longName }).where(and(eq(t.pillars.slug, p.slug), eq(t.pillars.longName, ''))).run();
  }
  const positions = new Map<string, number>();
  for (const o of data.objectives) {
    const { source, pillar, ...row } = o;
    const position = (positions.get(pillar) ?? 0) + 1;
    positions.set(pillar, position);
    tx.insert(t.planObjectives)
      .values({ ...row, planId, position, pillarId: need(pillars, pillar, 'pillar'), sourceId: need(sources, source, 'source') })
      .onConflictDoNothing()
      .run();
  }
  return idsByKey(tx.select({ key: t.planObjectives.key, id: t.planObjectives.id }).from(t.planObjectives).all());
}

function seedNapActions(tx: Tx, refs: { sources: IdMap; pillars: IdMap; agencies: IdMap; objectives: IdMap }): IdMap {
  for (const a of data.napActions) {
    const inserted = tx
      .insert(t.napActions)
      .values({
        code: a.code,
        title: a.title,
        pillarId: need(refs.pillars, a.pillar, 'pillar'),
        objectiveId: need(refs.objectives, a.objective, 'objective'),
        leadAgencyId: a.lead ? need(refs.agencies, a.lead, 'agency') : null,
        sourceId: need(refs.sources, a.source, 'source'),
      })
      .onConflictDoNothing()
      .returning({ id: t.napActions.id })
      .get();
    if (inserted) {
      for (const agency of a.supporters ?? []) {
        tx.insert(t.napActionSupporters).values({ actionId: inserted.id, agencyId: need(refs.agencies, agency, 'agency') }).run();
      }
    } else {
      // Seeded before actions sat under objectives: place it, unless someone has since.
      tx.update(t.napActions)
        .set({ objectiveId: need(refs.objectives, a.objective, 'objective') })
        .where(and(eq(t.napActions.code, a.code), isNull(t.napActions.objectiveId)))
        .run();
    }
  }
  return new Map(tx.select({ key: t.napActions.code, id: t.napActions.id }).from(t.napActions).all().map((r) => [r.key, r.id]));
}

type Refs = { sources: IdMap; pillars: IdMap; agencies: IdMap; meetings: IdMap; napActions: IdMap; objectives: IdMap };

function seedDeliverables(tx: Tx, refs: Refs): IdMap {
  const meetingDates = new Map(
    tx.select({ key: t.meetings.key, date: t.meetings.date }).from(t.meetings).all().map((r) => [r.key, r.date]),
  );
  for (const d of data.deliverables) {
    const { key, lead, supporters, pillar, announcedAt, napAction, objective, measure, source, ...row } = d;
    const objectiveId = need(refs.objectives, objective, 'objective');
    // A deliverable exists from the meeting that announced it; that is when its clock starts.
    const announcedOn = announcedAt ? meetingDates.get(announcedAt) : undefined;
    const createdAt = announcedOn ? middayUtc(announcedOn) : undefined;
    const inserted = tx
      .insert(t.deliverables)
      .values({
        ...row,
        key,
        leadAgencyId: need(refs.agencies, lead, 'agency'),
        pillarId: need(refs.pillars, pillar, 'pillar'),
        announcedAtMeetingId: announcedAt ? need(refs.meetings, announcedAt, 'meeting') : null,
        napActionId: napAction ? need(refs.napActions, napAction, 'NAP action') : null,
        objectiveId,
        sourceId: need(refs.sources, source, 'source'),
        ...measureColumns(measure ? { ...measure, unit: measure.unit ?? null } : null),
        // As the app keeps it: a measured deliverable's progress follows its count.
        progress: progressFor(row.status, measure ?? null, row.progress),
        ...(createdAt ? { createdAt, updatedAt: createdAt } : {}),
      })
      .onConflictDoNothing()
      .returning({ id: t.deliverables.id })
      .get();
    if (!inserted) {
      // Seeded before deliverables served objectives: map it, unless someone has since.
      tx.update(t.deliverables)
        .set({ objectiveId, objectiveBySecretariat: row.objectiveBySecretariat ?? false })
        .where(and(eq(t.deliverables.key, key), isNull(t.deliverables.objectiveId)))
        .run();
    }
    if (inserted) {
      for (const agency of supporters ?? []) {
        tx.insert(t.deliverableSupporters)
          .values({ deliverableId: inserted.id, agencyId: need(refs.agencies, agency, 'agency') })
          .onConflictDoNothing()
          .run();
      }
    }
  }
  return idsByKey(tx.select({ key: t.deliverables.key, id: t.deliverables.id }).from(t.deliverables).all());
}

function seedStatistics(tx: Tx, sources: IdMap): void {
  for (const indicator of data.indicators) {
    const { observations, ...row } = indicator;
    tx.insert(t.indicators).values(row).onConflictDoNothing().run();
    const indicatorId = tx.select({ id: t.indicators.id }).from(t.indicators).where(eq(t.indicators.key, row.key)).get()?.id;
    if (indicatorId === undefined) throw new Error(`Indicator ${row.key} was not stored`);
    for (const o of observations) {
      const { source, ...obs } = o;
      tx.insert(t.observations)
        .values({ ...obs, indicatorId, sourceId: need(sources, source, 'source') })
        .onConflictDoNothing()
        .run();
    }
  }
}

function seedAwards(tx: Tx, sources: IdMap, meetings: IdMap): void {
  for (const a of data.awards) {
    const { source, presentedAt, ...row } = a;
    tx.insert(t.awards)
      .values({
        ...row,
        presentedAtMeetingId: need(meetings, presentedAt, 'meeting'),
        sourceId: need(sources, source, 'source'),
      })
      .onConflictDoNothing()
      .run();
  }
}

function seedDemoUsers(
  tx: Tx,
  newUsers: (ReturnType<typeof demoUsers>[number] & { passwordHash: string })[],
  agencies: IdMap,
): Map<string, number> {
  for (const u of newUsers) {
    tx.insert(t.users)
      .values({
        email: u.email,
        name: u.name,
        role: u.role,
        agencyId: u.agency ? need(agencies, u.agency, 'agency') : null,
        passwordHash: u.passwordHash,
        isDemo: true,
      })
      .onConflictDoNothing()
      .run();
  }
  return new Map(tx.select({ email: t.users.email, id: t.users.id }).from(t.users).all().map((r) => [r.email, r.id]));
}

function seedUpcomingMeeting(tx: Tx, now: Date): number {
  const existing = tx.select({ id: t.meetings.id }).from(t.meetings).where(eq(t.meetings.key, UPCOMING_MEETING.key)).get();
  if (existing) return existing.id;
  const date = addDays(todayIso(now), UPCOMING_MEETING_DAYS_AHEAD);
  const meeting = tx
    .insert(t.meetings)
    .values({
      key: UPCOMING_MEETING.key,
      kind: UPCOMING_MEETING.kind,
      title: UPCOMING_MEETING.title,
      date,
      chair: UPCOMING_MEETING.chair,
      location: UPCOMING_MEETING.location,
      status: 'planned',
      reportingCutoff: addDays(date, -UPCOMING_MEETING.cutoffDaysBefore),
      summary: UPCOMING_MEETING.summary,
      isDemo: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: t.meetings.id })
    .get();
  UPCOMING_MEETING.agenda.forEach((item, index) =>
    tx.insert(t.agendaItems)
      .values({ meetingId: meeting.id, position: index + 1, title: item.title, presenter: item.presenter ?? null })
      .run(),
  );
  return meeting.id;
}

function seedDemoUpdates(tx: Tx, deliverables: IdMap, agencies: IdMap, users: Map<string, number>, now: Date): void {
  const already = tx.select({ n: count() }).from(t.progressUpdates).where(eq(t.progressUpdates.isDemo, true)).get()?.n ?? 0;
  if (already > 0) return;
  const agencySlugById = new Map([...agencies].map(([slug, id]) => [id, slug]));
  for (const [key, history] of Object.entries(DEMO_UPDATES)) {
    const deliverableId = need(deliverables, key, 'deliverable');
    const deliverable = tx
      .select({ leadAgencyId: t.deliverables.leadAgencyId })
      .from(t.deliverables)
      .where(eq(t.deliverables.id, deliverableId))
      .get();
    const authorId = users.get(`official.${agencySlugById.get(deliverable?.leadAgencyId ?? -1)}@pitf.demo`) ?? null;
    for (const u of history) {
      const at = new Date(now.getTime() - u.daysAgo * 86_400_000);
      tx.insert(t.progressUpdates)
        .values({
          deliverableId,
          authorId,
          createdAt: at,
          status: u.status,
          progress: u.progress,
          note: u.note,
          reason: u.reason ?? null,
          isDemo: true,
        })
        .run();
    }
    const latest = history.at(-1);
    if (!latest) continue;
    tx.update(t.deliverables)
      .set({
        status: latest.status,
        progress: latest.progress,
        statusReason: latest.reason ?? null,
        lastUpdateAt: new Date(now.getTime() - latest.daysAgo * 86_400_000),
        version: sql`${t.deliverables.version} + 1`,
      })
      .where(eq(t.deliverables.id, deliverableId))
      .run();
  }
}

function seedDemoReports(tx: Tx, meetingId: number, agencies: IdMap, users: Map<string, number>, now: Date): void {
  for (const r of DEMO_REPORTS) {
    const agencyId = need(agencies, r.agency, 'agency');
    const exists = tx
      .select({ id: t.agencyReports.id })
      .from(t.agencyReports)
      .where(and(eq(t.agencyReports.meetingId, meetingId), eq(t.agencyReports.agencyId, agencyId)))
      .get();
    if (exists) continue;
    const official = users.get(`official.${r.agency}@pitf.demo`) ?? null;
    const chair = users.get('chair@pitf.demo') ?? null;
    const submitted = r.state !== 'draft';
    tx.insert(t.agencyReports)
      .values({
        meetingId,
        agencyId,
        statement: r.statement,
        state: r.state,
        submittedAt: submitted ? new Date(now.getTime() - 3 * 86_400_000) : null,
        submittedById: submitted ? official : null,
        reviewedAt: r.state === 'approved' ? new Date(now.getTime() - 86_400_000) : null,
        reviewedById: r.state === 'approved' ? chair : null,
        isDemo: true,
        createdAt: new Date(now.getTime() - 7 * 86_400_000),
        updatedAt: now,
      })
      .run();
  }
}
