/**
 * A meeting's public documents: the record's public fields a draft is written from
 * (getMeetingDocumentData), and the chair's edited text, kept with a version once saved.
 *
 * Public-safe by construction: the reads below select agency names, titles, descriptions, pillar
 * names, statistics with their sources and award recipients, and nothing else — never status
 * reasons, progress notes, agency reports' statements, readiness, reminders or people. A field
 * added to MeetingDocumentData must be one the task force would print.
 */
import 'server-only';
import { and, asc, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { canManageMeetings, type SessionUser } from '@/lib/authorization';
import type { MeetingDocumentKind } from '@/lib/domain';
import { conflict, forbidden, notFound } from '@/lib/errors';
import type { MeetingDocumentView } from '@/lib/contracts/meeting-documents';
import { draftDocument, toMarkdown, type MeetingDocumentData } from '@/lib/meeting-documents';
import { getDb, type DbOrTx } from '../index';
import { agencies, awards, deliverables, indicators, meetingDocuments, meetings, observations, pillars, progressUpdates, sources, users } from '../schema';
import { recordAudit } from './audit';
import { getCycle, middayUtc } from './cycles';
import { counted } from './sql-words';

/** The chair's agency: its own commitments make the chair's statement. */
export const CHAIR_AGENCY_SLUG = 'dos';

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

/** The public fields a meeting's drafts are written from; null when there is no such meeting. */
export function getMeetingDocumentData(meetingId: number, db: DbOrTx = getDb()): MeetingDocumentData | null {
  const cycle = getCycle(db, meetingId);
  if (!cycle) return null;
  const { meeting, previous } = cycle;
  const pillarRows = db.select({ slug: pillars.slug, name: pillars.name, longName: pillars.longName }).from(pillars).orderBy(asc(pillars.position)).all();

  const item = {
    pillar: pillars.slug,
    agencySlug: agencies.slug,
    agencyName: agencies.name,
    agencyAbbreviation: agencies.abbreviation,
    title: deliverables.title,
    description: deliverables.description,
  };
  const announced = db
    .select(item)
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .where(and(eq(deliverables.announcedAtMeetingId, meetingId), counted()))
    .orderBy(asc(pillars.position), asc(agencies.name), asc(deliverables.title), asc(deliverables.id))
    .all();

  // Completed between the two meetings: an update into "completed" in the window (read from the
  // updates' time index), on a deliverable that is still completed now.
  let completed: typeof announced = [];
  if (previous) {
    const since = middayUtc(previous.date);
    const until = meeting.status === 'held' ? middayUtc(meeting.date) : Date.now();
    completed = db
      .selectDistinct(item)
      .from(progressUpdates)
      .innerJoin(deliverables, eq(deliverables.id, progressUpdates.deliverableId))
      .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
      .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
      .where(
        and(
          gte(progressUpdates.createdAt, new Date(since)),
          lt(progressUpdates.createdAt, new Date(until)),
          eq(progressUpdates.status, 'completed'),
          eq(deliverables.status, 'completed'),
        ),
      )
      .orderBy(asc(pillars.position), asc(agencies.name), asc(deliverables.title))
      .all();
  }

  const chairAgency = db.select({ name: agencies.name }).from(agencies).where(eq(agencies.slug, CHAIR_AGENCY_SLUG)).get();

  const awarded = db
    .select({ awardYear: awards.awardYear, recipient: awards.recipient, kind: awards.kind, reason: awards.reason })
    .from(awards)
    .where(eq(awards.presentedAtMeetingId, meetingId))
    .orderBy(asc(awards.awardYear), asc(awards.id))
    .all();

  return {
    meeting: { title: meeting.title, date: meeting.date, datePrecision: meeting.datePrecision, location: meeting.location, status: meeting.status },
    previousMeeting: previous ? { title: previous.title, date: previous.date, datePrecision: previous.datePrecision } : null,
    pillars: pillarRows,
    announced,
    completed,
    figures: headlineFigures(db, meeting.date),
    chair: chairAgency
      ? {
          agencyName: chairAgency.name,
          commitments: announced.filter((d) => d.agencySlug === CHAIR_AGENCY_SLUG).map((d) => ({ title: d.title, description: d.description })),
        }
      : null,
    awards: awarded,
  };
}

/**
 * Each indicator's latest total (no breakdown by age, type or category) that was public on the
 * meeting's date: its source published by then, or, when the source has no date, a period before
 * the meeting's year.
 */
function headlineFigures(db: DbOrTx, meetingDate: string) {
  const year = meetingDate.slice(0, 4);
  const rows = db
    .select({
      indicatorId: indicators.id,
      indicator: indicators.name,
      unit: indicators.unit,
      value: observations.value,
      qualifier: observations.qualifier,
      period: observations.period,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
    })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .innerJoin(sources, eq(sources.id, observations.sourceId))
    .where(
      and(
        isNull(observations.ageGroup),
        isNull(observations.traffickingType),
        isNull(observations.category),
        sql`((${sources.publishedOn} IS NOT NULL AND ${sources.publishedOn} <= ${meetingDate}) OR (${sources.publishedOn} IS NULL AND ${observations.period} < ${year}))`,
      ),
    )
    .orderBy(asc(indicators.position), asc(indicators.id), desc(observations.period), desc(observations.id))
    .all();
  const seen = new Set<number>();
  const latest = [];
  for (const { indicatorId, ...row } of rows) {
    if (seen.has(indicatorId)) continue;
    seen.add(indicatorId);
    latest.push(row);
  }
  return latest;
}

function storedDocument(db: DbOrTx, meetingId: number, kind: MeetingDocumentKind) {
  return db
    .select({
      body: meetingDocuments.body,
      version: meetingDocuments.version,
      updatedAt: meetingDocuments.updatedAt,
      updatedBy: users.name,
    })
    .from(meetingDocuments)
    .leftJoin(users, eq(users.id, meetingDocuments.updatedById))
    .where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, kind)))
    .get();
}

function assertMayDraft(user: SessionUser) {
  if (!canManageMeetings(user)) throw forbidden('A meeting’s public documents are drafted by the chair’s staff and administrators.');
}

/**
 * The document as the chair sees it: the saved text once edited, otherwise the draft written from
 * the record now (`edited` false). A redraft keeps the row with an empty body, so that the version
 * only ever grows and an editor who opened the text before the redraft cannot save over it.
 */
export function getMeetingDocument(user: SessionUser, meetingId: number, kind: MeetingDocumentKind, db: DbOrTx = getDb()): MeetingDocumentView {
  assertMayDraft(user);
  const meeting = db.select({ id: meetings.id, title: meetings.title, date: meetings.date }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw notFound('The meeting');
  const stored = storedDocument(db, meetingId, kind);
  if (stored && stored.body !== '') {
    return { meeting, kind, body: stored.body, version: stored.version, edited: true, updatedAt: stored.updatedAt.getTime(), updatedBy: stored.updatedBy ?? null };
  }
  const data = getMeetingDocumentData(meetingId, db)!;
  return {
    meeting,
    kind,
    body: toMarkdown(draftDocument(kind, data)),
    version: stored?.version ?? 0,
    edited: false,
    updatedAt: stored ? stored.updatedAt.getTime() : null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

/**
 * Saves the chair's text over `version` (0: the draft as written from the record). A stale version
 * is refused (409) with the text as it now stands.
 */
export function saveMeetingDocument(user: SessionUser, meetingId: number, kind: MeetingDocumentKind, input: { body: string; version: number }): MeetingDocumentView {
  assertMayDraft(user);
  const db = getDb();
  db.transaction((tx) => {
    const current = getMeetingDocument(user, meetingId, kind, tx);
    if (current.version !== input.version) {
      throw conflict('The document was changed by someone else since you opened it. Your text was not saved; the current text is returned.', { current });
    }
    if (current.edited && current.body === input.body) return;
    const now = new Date();
    if (current.version > 0) {
      tx.update(meetingDocuments)
        .set({ body: input.body, version: current.version + 1, updatedById: user.id, updatedAt: now })
        .where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, kind), eq(meetingDocuments.version, current.version)))
        .run();
    } else {
      tx.insert(meetingDocuments).values({ meetingId, kind, body: input.body, version: 1, updatedById: user.id, createdAt: now, updatedAt: now }).run();
    }
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'meeting_document.edit',
      entity: 'meeting_document',
      entityId: `${meetingId}:${kind}`,
      before: { body: current.body, version: current.version, edited: current.edited },
      after: { body: input.body, version: current.version + 1 },
      at: now,
    });
  });
  return getMeetingDocument(user, meetingId, kind);
}

/**
 * Discards the chair's edits: the document is drafted from the record again, as it stands now.
 * Refused (409, with the current text) when the edits changed since `version`.
 */
export function redraftMeetingDocument(user: SessionUser, meetingId: number, kind: MeetingDocumentKind, input: { version: number }): MeetingDocumentView {
  assertMayDraft(user);
  const db = getDb();
  db.transaction((tx) => {
    const current = getMeetingDocument(user, meetingId, kind, tx);
    if (current.version !== input.version) {
      throw conflict('The document was changed by someone else since you opened it. Nothing was redrafted; the current text is returned.', { current });
    }
    if (!current.edited) return;
    const now = new Date();
    tx.update(meetingDocuments)
      .set({ body: '', version: current.version + 1, updatedById: user.id, updatedAt: now })
      .where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, kind), eq(meetingDocuments.version, current.version)))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'meeting_document.redraft',
      entity: 'meeting_document',
      entityId: `${meetingId}:${kind}`,
      before: { body: current.body, version: current.version },
      after: { version: current.version + 1, edited: false },
      at: now,
    });
  });
  return getMeetingDocument(user, meetingId, kind);
}
