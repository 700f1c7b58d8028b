import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import { createDeliverableSchema } from '@/lib/validations/deliverables';
import { addProgressUpdate, createDeliverable, updateDeliverable } from './deliverable-writes';
import { buildSnapshot, getRelease, listReleases, previewNextRelease, publishRelease, setPublishable } from './releases';
import { getSessionUser } from './users';

const db = getDb();
const userByEmail = (email: string): SessionUser =>
  getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
const official = userByEmail('official.treasury@pitf.demo');
const otherOfficial = userByEmail('official.hhs@pitf.demo');
const chair = userByEmail('chair@pitf.demo');
const viewer = userByEmail('viewer@pitf.demo');
const admin = userByEmail('admin@pitf.demo');

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

let seq = 0;
const create = (title = `Sanctions screening guidance ${++seq}`) =>
  createDeliverable(official, createDeliverableSchema.parse({ leadAgency: 'treasury', pillar: 'prosecution', title, supportingAgencies: ['doj'] }));

describe('the publishable flag', () => {
  it('is the lead agency’s officials’ and administrators’ to set, not the chair’s, a viewer’s or another agency’s', () => {
    const d = create();
    expect(refusal(() => setPublishable(chair, d.id, { publishable: true })).kind).toBe('forbidden');
    expect(refusal(() => setPublishable(viewer, d.id, { publishable: true })).kind).toBe('forbidden');
    expect(refusal(() => setPublishable(otherOfficial, d.id, { publishable: true })).kind).toBe('forbidden');
    expect(setPublishable(official, d.id, { publishable: true }).publishable).toBe(true);
    expect(setPublishable(admin, d.id, { publishable: false }).publishable).toBe(false);
    const audited = db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'deliverable.publishable')).all().filter((e) => e.entityId === String(d.id));
    expect(audited).toHaveLength(2);
  });
});

describe('a release', () => {
  it('holds only the publishable, non-withdrawn deliverables, with only the public fields', () => {
    const kept = create();
    const hidden = create('Internal only: not for release');
    setPublishable(official, kept.id, { publishable: true });
    addProgressUpdate(official, kept.id, { status: 'at_risk', progress: 40, note: 'Secret progress note', reason: 'Secret status reason' });

    const snapshot = buildSnapshot();
    const ids = snapshot.deliverables.map((d) => d.id);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(hidden.id);
    const item = snapshot.deliverables.find((d) => d.id === kept.id)!;
    expect(Object.keys(item).sort()).toEqual(
      ['announcedAt', 'dueOn', 'id', 'leadAgency', 'measure', 'objectiveId', 'pillar', 'progress', 'source', 'status', 'supportingAgencies', 'title'].sort(),
    );
    expect(item.leadAgency).toEqual({ name: expect.any(String), abbreviation: expect.any(String), slug: 'treasury' });
    expect(item.supportingAgencies.map((a) => a.slug)).toEqual(['doj']);
    expect(item.status).toBe('at_risk');
    const text = JSON.stringify(snapshot);
    for (const secret of ['Secret progress note', 'Secret status reason', 'Internal only', '@pitf.demo']) expect(text).not.toContain(secret);
    // Objectives carry no numbers.
    expect(snapshot.objectives.length).toBeGreaterThan(0);
    expect(Object.keys(snapshot.objectives[0]!).sort()).toEqual(['id', 'pillar', 'title']);
    expect(snapshot.pillars.map((p) => p.slug)).toEqual(['prevention', 'protection', 'prosecution', 'partnership']);
  });

  it('is published by the chair, numbered on from the last, audited, and frozen against later changes', () => {
    const d = create();
    setPublishable(official, d.id, { publishable: true });
    expect(refusal(() => publishRelease(official, {})).kind).toBe('forbidden');
    expect(refusal(() => publishRelease(viewer, {})).kind).toBe('forbidden');
    const before = listReleases().length;
    const first = publishRelease(chair, { note: 'Quarterly release' });
    expect(first.number).toBe(before + 1);
    const frozen = getRelease(first.number)!;
    const inRelease = frozen.snapshot.deliverables.find((x) => x.id === d.id)!;
    expect(inRelease.status).toBe('not_started');

    const changed = addProgressUpdate(official, d.id, { status: 'completed', progress: 100, note: 'Done' });
    updateDeliverable(official, d.id, { version: changed.version, title: 'Renamed after the release' });
    setPublishable(official, d.id, { publishable: false });
    const again = getRelease(first.number)!;
    expect(again.snapshot.deliverables.find((x) => x.id === d.id)).toEqual(inRelease);
    expect(again.note).toBe('Quarterly release');

    // The next release's preview names it as removed; the next release leaves it out.
    expect(previewNextRelease().changes.removed.map((x) => x.id)).toContain(d.id);
    const second = publishRelease(admin, {});
    expect(second.number).toBe(first.number + 1);
    expect(getRelease(second.number)!.snapshot.deliverables.map((x) => x.id)).not.toContain(d.id);
    const audited = db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'release.publish')).all();
    expect(audited.map((e) => e.entityId)).toEqual(expect.arrayContaining([String(first.number), String(second.number)]));
  });

  it('leaves withdrawn deliverables out', () => {
    const d = create();
    setPublishable(official, d.id, { publishable: true });
    db.update(t.deliverables).set({ status: 'withdrawn', statusReason: 'Merged' }).where(eq(t.deliverables.id, d.id)).run();
    expect(buildSnapshot().deliverables.map((x) => x.id)).not.toContain(d.id);
  });
});
