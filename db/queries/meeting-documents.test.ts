import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import type { SessionUser } from '@/lib/authorization';
import { DomainError } from '@/lib/errors';
import { parseDocument, type DocumentModel } from '@/lib/meeting-documents';
import { getMeetingDocument, getMeetingDocumentData, redraftMeetingDocument, saveMeetingDocument } from './meeting-documents';
import { getSessionUser } from './users';

const db = getDb();
const meeting = db.select().from(t.meetings).where(eq(t.meetings.key, 'cabinet-2022-01-25')).get()!;
const userByEmail = (email: string): SessionUser => getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
const chair = userByEmail('chair@pitf.demo');

/** The items of the bulleted lists under a heading, up to the next heading. */
function itemsUnder(model: DocumentModel, heading: string): string[] {
  const at = model.blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const block of model.blocks.slice(at + 1)) {
    if (block.type === 'heading') break;
    if (block.type === 'list') items.push(...block.items);
  }
  return items;
}

const headings = (model: DocumentModel) => model.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));

describe('the public documents drafted for the meeting of 25 January 2022', () => {
  it('group the commitments announced at it under the four pillars, each with its count from the record', () => {
    const announced = db
      .select({ pillar: t.pillars.name, title: t.deliverables.title })
      .from(t.deliverables)
      .innerJoin(t.pillars, eq(t.pillars.id, t.deliverables.pillarId))
      .where(and(eq(t.deliverables.announcedAtMeetingId, meeting.id), ne(t.deliverables.status, 'withdrawn')))
      .all();
    expect(announced.length).toBeGreaterThan(0);
    const pillars = db.select().from(t.pillars).orderBy(t.pillars.position).all();
    const sheet = parseDocument(getMeetingDocument(chair, meeting.id, 'fact_sheet').body);
    expect(headings(sheet).slice(0, 4)).toEqual(pillars.map((p) => p.name));
    for (const pillar of pillars) {
      const expected = announced.filter((a) => a.pillar === pillar.name);
      const items = itemsUnder(sheet, pillar.name);
      expect({ pillar: pillar.name, n: items.length }).toEqual({ pillar: pillar.name, n: expected.length });
      for (const a of expected) expect(items.some((item) => item.includes(a.title))).toBe(true);
    }
  });

  it('hold the awards presented at it and State’s own commitments in the chair’s statement', () => {
    const awards = db.select().from(t.awards).where(eq(t.awards.presentedAtMeetingId, meeting.id)).all();
    expect(awards.length).toBeGreaterThan(0);
    const statement = parseDocument(getMeetingDocument(chair, meeting.id, 'chair_statement').body);
    const recipients = itemsUnder(statement, 'Presidential Awards');
    expect(recipients).toHaveLength(awards.length);
    for (const award of awards) expect(recipients.some((r) => r.startsWith(award.recipient))).toBe(true);

    const state = db.select().from(t.agencies).where(eq(t.agencies.slug, 'dos')).get()!;
    const own = db
      .select({ title: t.deliverables.title })
      .from(t.deliverables)
      .where(and(eq(t.deliverables.announcedAtMeetingId, meeting.id), eq(t.deliverables.leadAgencyId, state.id), ne(t.deliverables.status, 'withdrawn')))
      .all();
    const commitments = itemsUnder(statement, `Commitments of the ${state.name}`);
    expect(commitments).toHaveLength(own.length);
  });

  it('never carry a status reason, a progress note or an agency’s report statement', () => {
    const target = db.select().from(t.deliverables).where(eq(t.deliverables.announcedAtMeetingId, meeting.id)).get()!;
    const secrets = ['SECRET-REASON-budget-hold-7731', 'SECRET-NOTE-contact-jane@agency.gov', 'SECRET-STATEMENT-internal-only'];
    db.update(t.deliverables).set({ statusReason: secrets[0] }).where(eq(t.deliverables.id, target.id)).run();
    db.insert(t.progressUpdates).values({ deliverableId: target.id, status: target.status, progress: target.progress, note: secrets[1]! }).run();
    db.insert(t.agencyReports)
      .values({ meetingId: meeting.id, agencyId: target.leadAgencyId, statement: secrets[2]!, state: 'draft' })
      .onConflictDoUpdate({ target: [t.agencyReports.meetingId, t.agencyReports.agencyId], set: { statement: secrets[2]! } })
      .run();
    const everything = JSON.stringify(getMeetingDocumentData(meeting.id)) + getMeetingDocument(chair, meeting.id, 'fact_sheet').body + getMeetingDocument(chair, meeting.id, 'chair_statement').body;
    expect(everything).toContain(target.title);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/@pitf\.demo|@agency\.gov/);
  });
});

describe('editing a meeting’s public document', () => {
  it('keeps the chair’s saved text, refuses a stale version with the current text, and redrafts from the record', () => {
    const draft = getMeetingDocument(chair, meeting.id, 'fact_sheet');
    expect(draft.edited).toBe(false);
    const saved = saveMeetingDocument(chair, meeting.id, 'fact_sheet', { body: `${draft.body}\nAn added paragraph.`, version: draft.version });
    expect(saved).toMatchObject({ edited: true, version: draft.version + 1, updatedBy: chair.name });
    expect(getMeetingDocument(chair, meeting.id, 'fact_sheet').body).toContain('An added paragraph.');

    let refusal: unknown;
    try {
      saveMeetingDocument(chair, meeting.id, 'fact_sheet', { body: 'Stale text', version: draft.version });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).kind).toBe('conflict');
    expect(((refusal as DomainError).extra?.current as { body: string }).body).toContain('An added paragraph.');

    const redrafted = redraftMeetingDocument(chair, meeting.id, 'fact_sheet', { version: saved.version });
    expect(redrafted).toMatchObject({ edited: false, version: saved.version + 1, body: draft.body });
    // An editor who opened the text before the redraft cannot save over it.
    expect(() => saveMeetingDocument(chair, meeting.id, 'fact_sheet', { body: 'Old tab', version: saved.version })).toThrow(DomainError);

    const audit = db.select({ action: t.auditEvents.action }).from(t.auditEvents).where(eq(t.auditEvents.entityId, `${meeting.id}:fact_sheet`)).all();
    expect(audit.map((a) => a.action)).toEqual(['meeting_document.edit', 'meeting_document.redraft']);
  });

  it('is refused to viewers and officials', () => {
    for (const email of ['viewer@pitf.demo', 'official.dhs@pitf.demo']) {
      expect(() => getMeetingDocument(userByEmail(email), meeting.id, 'fact_sheet')).toThrow(/chair’s staff/);
      expect(() => saveMeetingDocument(userByEmail(email), meeting.id, 'fact_sheet', { body: 'x', version: 0 })).toThrow(/chair’s staff/);
    }
  });
});
