/**
 * Releases of the public record. A release freezes, as JSON, the public fields of the
 * deliverables their lead agencies marked publishable (lib/public-record.ts defines the shape and
 * lists the fields); the public pages read releases only, never the live record.
 *
 * buildSnapshot reads the listed columns and nothing else: a reason, an update's note, a report,
 * readiness, a reminder or a person cannot reach a release because no query here selects them.
 * Releases are numbered from 1 and never edited.
 */
import 'server-only';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { forbidden, notFound } from '@/lib/errors';
import { canMarkPublishable, canPublishRelease, type SessionUser } from '@/lib/authorization';
import { todayIso } from '@/lib/dates';
import { WITHDRAWN, type Status } from '@/lib/domain';
import { measureOf } from '@/lib/measures';
import {
  diffDeliverables,
  releaseSnapshotSchema,
  type PublicRelease,
  type ReleaseDiff,
  type ReleaseSnapshot,
  type ReleaseSummary,
} from '@/lib/public-record';
import type { PublishReleaseInput, PublishableInput } from '@/lib/validations/releases';
import { getDb, type DbOrTx } from '../index';
import { agencies, deliverableSupporters, deliverables, meetings, pillars, planObjectives, plans, releases, sources } from '../schema';
import { recordAudit } from './audit';

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

/** The record's publishable part as it stands now, in the shape a release freezes. */
export function buildSnapshot(db: DbOrTx = getDb()): ReleaseSnapshot {
  const plan = db
    .select({ title: plans.title, adoptedOn: plans.adoptedOn, sourceTitle: sources.title, sourceUrl: sources.url })
    .from(plans)
    .leftJoin(sources, eq(sources.id, plans.sourceId))
    .orderBy(asc(plans.id))
    .limit(1)
    .get();
  const pillarRows = db.select({ slug: pillars.slug, name: pillars.name, longName: pillars.longName }).from(pillars).orderBy(asc(pillars.position)).all();
  const objectives = db
    .select({ id: planObjectives.id, pillar: pillars.slug, title: planObjectives.title })
    .from(planObjectives)
    .innerJoin(pillars, eq(pillars.id, planObjectives.pillarId))
    .where(isNull(planObjectives.retiredAt))
    .orderBy(asc(pillars.position), asc(planObjectives.position), asc(planObjectives.id))
    .all();
  const lead = alias(agencies, 'lead');
  const rows = db
    .select({
      id: deliverables.id,
      title: deliverables.title,
      pillar: pillars.slug,
      objectiveId: deliverables.objectiveId,
      status: deliverables.status,
      progress: deliverables.progress,
      measureLabel: deliverables.measureLabel,
      measureUnit: deliverables.measureUnit,
      measureTarget: deliverables.measureTarget,
      measureActual: deliverables.measureActual,
      dueOn: deliverables.dueOn,
      leadName: lead.name,
      leadAbbreviation: lead.abbreviation,
      leadSlug: lead.slug,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      sourceTitle: sources.title,
      sourcePublisher: sources.publisher,
      sourceDate: sources.publishedOn,
      sourceUrl: sources.url,
    })
    .from(deliverables)
    .innerJoin(lead, eq(lead.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .leftJoin(meetings, eq(meetings.id, deliverables.announcedAtMeetingId))
    .leftJoin(sources, eq(sources.id, deliverables.sourceId))
    .where(and(eq(deliverables.publishable, true), ne(deliverables.status, WITHDRAWN)))
    .orderBy(asc(lead.name), asc(pillars.position), asc(deliverables.id))
    .all();
  const supporters = new Map<number, { name: string; abbreviation: string; slug: string }[]>();
  const ids = rows.map((r) => r.id);
  // In chunks: SQLite limits the number of bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const s of db
      .select({ deliverableId: deliverableSupporters.deliverableId, name: agencies.name, abbreviation: agencies.abbreviation, slug: agencies.slug })
      .from(deliverableSupporters)
      .innerJoin(agencies, eq(agencies.id, deliverableSupporters.agencyId))
      .where(inArray(deliverableSupporters.deliverableId, chunk))
      .orderBy(asc(agencies.name))
      .all()) {
      const list = supporters.get(s.deliverableId) ?? [];
      list.push({ name: s.name, abbreviation: s.abbreviation, slug: s.slug });
      supporters.set(s.deliverableId, list);
    }
  }
  const liveObjectives = new Set(objectives.map((o) => o.id));
  return releaseSnapshotSchema.parse({
    plan: plan
      ? { title: plan.title, adoptedOn: plan.adoptedOn, source: plan.sourceUrl ? { title: plan.sourceTitle ?? '', url: plan.sourceUrl } : null }
      : null,
    pillars: pillarRows.map((p) => ({ slug: p.slug, name: p.name, longName: p.longName || p.name })),
    objectives,
    deliverables: rows.map((r) => {
      const measure = measureOf(r);
      return {
        id: r.id,
        title: r.title,
        pillar: r.pillar,
        objectiveId: r.objectiveId !== null && liveObjectives.has(r.objectiveId) ? r.objectiveId : null,
        leadAgency: { name: r.leadName, abbreviation: r.leadAbbreviation, slug: r.leadSlug },
        supportingAgencies: supporters.get(r.id) ?? [],
        status: r.status as Status,
        progress: r.progress,
        measure: measure ? { label: measure.label, unit: measure.unit, target: measure.target, actual: measure.actual } : null,
        dueOn: r.dueOn,
        announcedAt: r.meetingTitle && r.meetingDate ? { title: r.meetingTitle, date: r.meetingDate } : null,
        source: r.sourceUrl ? { title: r.sourceTitle ?? '', publisher: r.sourcePublisher ?? '', date: r.sourceDate ?? null, url: r.sourceUrl } : null,
      };
    }),
  });
}

/** The chair's staff (or an administrator) publish the record as it stands today. */
export function publishRelease(user: SessionUser, input: PublishReleaseInput, now = new Date()): ReleaseSummary {
  if (!canPublishRelease(user)) throw forbidden('Only the chair’s staff and administrators publish releases.');
  return getDb().transaction((tx) => {
    const last = tx.select({ number: releases.number }).from(releases).orderBy(desc(releases.number)).limit(1).get();
    const number = (last?.number ?? 0) + 1;
    const snapshot = buildSnapshot(tx);
    const asOf = todayIso(now);
    const note = input.note?.trim() ?? '';
    tx.insert(releases)
      .values({ number, asOf, publishedAt: now, publishedById: user.id, note, deliverableCount: snapshot.deliverables.length, snapshot: JSON.stringify(snapshot) })
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'release.publish',
      entity: 'release',
      entityId: number,
      before: null,
      after: { number, asOf, note, deliverableCount: snapshot.deliverables.length },
      at: now,
    });
    return { number, asOf, publishedAt: now.getTime(), note, deliverableCount: snapshot.deliverables.length };
  });
}

export function listReleases(): ReleaseSummary[] {
  return getDb()
    .select({ number: releases.number, asOf: releases.asOf, publishedAt: releases.publishedAt, note: releases.note, deliverableCount: releases.deliverableCount })
    .from(releases)
    .orderBy(desc(releases.number))
    .all()
    .map((r) => ({ ...r, publishedAt: r.publishedAt.getTime() }));
}

/**
 * What identifies the latest release of this database: its number and the instant it was
 * published. Public pages are cached under this key, so a page of another database (a fresh test
 * database, a restored backup) is never served for it. One read of one row by the unique index.
 */
export function latestReleaseKey(): { number: number; publishedAt: number } | null {
  const row = getDb().select({ number: releases.number, publishedAt: releases.publishedAt }).from(releases).orderBy(desc(releases.number)).limit(1).get();
  return row ? { number: row.number, publishedAt: row.publishedAt.getTime() } : null;
}

export function releaseKey(number: number): { number: number; publishedAt: number } | null {
  const row = getDb().select({ publishedAt: releases.publishedAt }).from(releases).where(eq(releases.number, number)).get();
  return row ? { number, publishedAt: row.publishedAt.getTime() } : null;
}

/** A release with its snapshot, parsed (and checked) against the one shape. */
export function getRelease(number: number): PublicRelease | null {
  const row = getDb().select().from(releases).where(eq(releases.number, number)).get();
  if (!row) return null;
  return {
    number: row.number,
    asOf: row.asOf,
    publishedAt: row.publishedAt.getTime(),
    note: row.note,
    snapshot: releaseSnapshotSchema.parse(JSON.parse(row.snapshot)),
  };
}

export type ReleasePreview = {
  count: number;
  byAgency: { slug: string; name: string; abbreviation: string; count: number }[];
  last: ReleaseSummary | null;
  changes: ReleaseDiff;
};

/** What the next release would hold, and what changed since the last one (the chair's page). */
export function previewNextRelease(): ReleasePreview {
  const next = buildSnapshot();
  const lastSummary = listReleases()[0] ?? null;
  const last = lastSummary ? getRelease(lastSummary.number) : null;
  const byAgency = new Map<string, ReleasePreview['byAgency'][number]>();
  for (const d of next.deliverables) {
    const entry = byAgency.get(d.leadAgency.slug) ?? { ...d.leadAgency, count: 0 };
    entry.count += 1;
    byAgency.set(d.leadAgency.slug, entry);
  }
  return {
    count: next.deliverables.length,
    byAgency: [...byAgency.values()].sort((a, b) => a.name.localeCompare(b.name)),
    last: lastSummary,
    changes: diffDeliverables(last?.snapshot.deliverables ?? [], next.deliverables),
  };
}

/** Whether a deliverable is marked publishable (its page's control). */
export function getPublishable(id: number): { id: number; publishable: boolean; leadAgencyId: number } | null {
  return (
    getDb()
      .select({ id: deliverables.id, publishable: deliverables.publishable, leadAgencyId: deliverables.leadAgencyId })
      .from(deliverables)
      .where(eq(deliverables.id, id))
      .get() ?? null
  );
}

/**
 * Its lead agency's official (or an administrator) marks a deliverable publishable, or no longer:
 * its public fields go into the next release, or leave it. Releases already published keep it.
 */
export function setPublishable(user: SessionUser, id: number, input: PublishableInput): { id: number; publishable: boolean } {
  return getDb().transaction((tx) => {
    const row = tx.select({ id: deliverables.id, publishable: deliverables.publishable, leadAgencyId: deliverables.leadAgencyId }).from(deliverables).where(eq(deliverables.id, id)).get();
    if (!row) throw notFound('The deliverable');
    if (!canMarkPublishable(user, row)) throw forbidden('Only the lead agency’s officials and administrators decide whether this deliverable is published.');
    // Idempotent, as a PUT is: the same answer again changes nothing and records nothing.
    if (row.publishable === input.publishable) return { id, publishable: row.publishable };
    const now = new Date();
    tx.update(deliverables).set({ publishable: input.publishable }).where(eq(deliverables.id, id)).run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'deliverable.publishable',
      entity: 'deliverable',
      entityId: id,
      agencyId: row.leadAgencyId,
      before: { publishable: row.publishable },
      after: { publishable: input.publishable },
      at: now,
    });
    return { id, publishable: input.publishable };
  });
}
