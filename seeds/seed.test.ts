import { and, count, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { listStatistics } from '@/db/queries/statistics';
import { formatMeetingDate, formatObservationPeriod, formatObservationValue } from '@/lib/format';
import { verifyPassword } from '@/lib/password';
import { updateObservationSchema } from '@/lib/validations/statistics';
import { seedDatabase } from './index';
import { DEMO_PASSWORD } from './demo';
import { agencies as seedAgencies, awards as seedAwards, meetings as seedMeetings } from './data';

const db = getDb();

function observation(indicator: string, filter: (o: { ageGroup: string | null; traffickingType: string | null; category: string | null }) => boolean = () => true) {
  const found = listStatistics().find((s) => s.key === indicator);
  return found?.observations.filter(filter) ?? [];
}

describe('seed data', () => {
  it('holds the twenty member agencies and the four pillars', () => {
    // Other test files add agencies of their own: count the seeded ones.
    expect(seedAgencies).toHaveLength(20);
    const slugs = db.select({ slug: t.agencies.slug }).from(t.agencies).all().map((a) => a.slug);
    expect(slugs).toEqual(expect.arrayContaining(seedAgencies.map((a) => a.slug)));
    for (const slug of ['dos', 'doj', 'dhs', 'hhs', 'dol', 'doc', 'usaid', 'ustr']) expect(slugs).toContain(slug);
    const pillars = db.select({ slug: t.pillars.slug }).from(t.pillars).orderBy(t.pillars.position).all();
    expect(pillars.map((p) => p.slug)).toEqual(['prevention', 'protection', 'prosecution', 'partnership']);
  });

  it('holds the plan with its 21 objectives, unnumbered, each citing the White House fact sheet of 3 December 2021', () => {
    const plan = db.select().from(t.plans).where(eq(t.plans.key, 'nap-2021')).get();
    expect(plan?.adoptedOn).toBe('2021-12-03');
    const rows = db
      .select({ pillar: t.pillars.slug, number: t.planObjectives.number, url: t.sources.url, publishedOn: t.sources.publishedOn })
      .from(t.planObjectives)
      .innerJoin(t.pillars, eq(t.pillars.id, t.planObjectives.pillarId))
      .innerJoin(t.sources, eq(t.sources.id, t.planObjectives.sourceId))
      .where(isNotNull(t.planObjectives.key))
      .all();
    expect(rows).toHaveLength(21);
    const perPillar = Object.fromEntries(['prevention', 'protection', 'prosecution', 'partnership'].map((p) => [p, rows.filter((r) => r.pillar === p).length]));
    expect(perPillar).toEqual({ prevention: 5, protection: 7, prosecution: 4, partnership: 5 });
    expect(rows.every((r) => r.number === null)).toBe(true);
    expect(new Set(rows.map((r) => r.url))).toEqual(new Set([expect.stringContaining('2021/12/03/fact-sheet-the-national-action-plan')]));
    const partnership = db.select({ longName: t.pillars.longName }).from(t.pillars).where(eq(t.pillars.slug, 'partnership')).get();
    expect(partnership?.longName).toBe('Crosscutting Approaches and Institutional Effectiveness');
  });

  it('holds the two coded priority actions, each under an objective of its pillar and with its source', () => {
    const actions = db
      .select({ code: t.napActions.code, actionPillar: t.napActions.pillarId, objectivePillar: t.planObjectives.pillarId, source: t.napActions.sourceId })
      .from(t.napActions)
      .innerJoin(t.planObjectives, eq(t.planObjectives.id, t.napActions.objectiveId))
      .where(inArray(t.napActions.code, ['1.3.2', '4.4.2']))
      .all();
    expect(actions.map((a) => a.code).sort()).toEqual(['1.3.2', '4.4.2']);
    for (const a of actions) {
      expect(a.objectivePillar).toBe(a.actionPillar);
      expect(a.source).not.toBeNull();
    }
  });

  it('maps every seeded deliverable to an objective of its own pillar, saying which mappings are the secretariat’s judgement', () => {
    const rows = db
      .select({ key: t.deliverables.key, pillar: t.deliverables.pillarId, objectivePillar: t.planObjectives.pillarId, bySecretariat: t.deliverables.objectiveBySecretariat })
      .from(t.deliverables)
      .leftJoin(t.planObjectives, eq(t.planObjectives.id, t.deliverables.objectiveId))
      .where(eq(t.deliverables.isDemo, false))
      .all()
      .filter((r) => r.key?.match(/^20(22|23)-/));
    expect(rows).toHaveLength(38);
    for (const r of rows) expect(r.objectivePillar, r.key ?? '').toBe(r.pillar);
    const judged = rows.filter((r) => r.bySecretariat).length;
    expect(judged).toBeGreaterThan(0);
    expect(judged).toBeLessThan(rows.length);
  });

  it('holds the hotline cases of 2020 with their source', () => {
    const [hotline] = observation('us-hotline-cases');
    expect(hotline?.value).toBe(11193);
    expect(hotline?.period).toBe('2020');
    expect(hotline?.source.url).toMatch(/^https:\/\//);
  });

  it('holds the 2020 HHS certifications of adults and children with their shares by type', () => {
    const totals = observation('us-hhs-certified-foreign-victims');
    expect(totals.find((o) => o.ageGroup === 'adult')?.value).toBe(508);
    expect(totals.find((o) => o.ageGroup === 'child')?.value).toBe(673);
    const shares = (age: string) =>
      Object.fromEntries(
        observation('us-hhs-certified-by-type', (o) => o.ageGroup === age).map((o) => [o.traffickingType, o.value]),
      );
    expect(shares('adult')).toEqual({ labor: 70, sex: 15, both: 11, unknown: 4 });
    expect(shares('child')).toEqual({ labor: 69, sex: 25, both: 5, unknown: 1 });
  });

  it('holds the global estimates: 27.6 million and 24.9 million victims, $150 billion in profits', () => {
    const victims = observation('global-victims').map((o) => o.value);
    expect(victims).toContain(27_600_000);
    expect(victims).toContain(24_900_000);
    expect(observation('global-illicit-profits')[0]?.value).toBe(150_000_000_000);
  });

  it('labels each global estimate with the year it describes and the year its edition was published', () => {
    const victims = observation('global-victims');
    const of2016 = victims.find((o) => o.value === 24_900_000)!;
    expect([of2016.period, of2016.publishedYear, of2016.qualifier]).toEqual(['2016', 2017, null]);
    expect(`${formatObservationValue(of2016.value, 'people', of2016.qualifier)} (${formatObservationPeriod(of2016)})`).toBe(
      '24.9 million (estimate for 2016, published 2017)',
    );
    const of2021 = victims.find((o) => o.value === 27_600_000)!;
    expect([of2021.period, of2021.publishedYear, of2021.qualifier]).toEqual(['2021', 2022, 'nearly']);
    expect(`${formatObservationValue(of2021.value, 'people', of2021.qualifier)} (${formatObservationPeriod(of2021)})`).toBe(
      'nearly 27.6 million (estimate for 2021, published 2022)',
    );
    // Both notes name the edition; each cites the statement that quotes it, with its address.
    for (const o of victims) {
      expect(o.note).toMatch(/Global Estimates of Modern Slavery \(ILO, Walk Free and IOM, \d{4} edition\)/);
      expect(o.source.url).toMatch(/^https:\/\//);
    }
    // A figure that is not an estimate published later reads as its period alone.
    expect(formatObservationPeriod(observation('us-hotline-cases')[0]!)).toBe('2020');
  });

  it('keeps "over 60" priority actions as the source words it, not as exactly 60', () => {
    const [actions] = observation('nap-priority-actions');
    expect(actions?.qualifier).toBe('over');
    expect(formatObservationValue(actions!.value, 'actions', actions!.qualifier)).toBe('over 60');
    expect(actions?.source.title).toMatch(/FACT SHEET/);
    const funding = observation('us-doj-funding-dec-2021');
    expect(funding.map((o) => formatObservationValue(o.value, 'usd', o.qualifier)).sort()).toEqual(['about $15 million', 'nearly $87 million']);
  });

  it('refuses an estimate said to be published before the period it describes', () => {
    const result = updateObservationSchema.safeParse({ id: 1, unit: 'people', period: '2021', publishedYear: 2017 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['publishedYear']);
    // Left out, the qualifier and the year of publication are not touched.
    expect(updateObservationSchema.parse({ id: 1, unit: 'people', value: 5 })).not.toHaveProperty('qualifier');
  });

  it('records the first Presidential Awards, presented at the May 2013 meeting, with their source', () => {
    const meeting = db.select().from(t.meetings).where(eq(t.meetings.key, 'cabinet-2013-05-17')).get()!;
    expect(meeting.summary).toMatch(/Florrie Burke and Carlson/);
    const awards = db
      .select({ recipient: t.awards.recipient, kind: t.awards.kind, year: t.awards.awardYear, sourceUrl: t.sources.url })
      .from(t.awards)
      .innerJoin(t.sources, eq(t.sources.id, t.awards.sourceId))
      .where(eq(t.awards.presentedAtMeetingId, meeting.id))
      .all();
    expect(awards.sort((a, b) => a.recipient.localeCompare(b.recipient))).toEqual([
      { recipient: 'Carlson', kind: 'organization', year: 2013, sourceUrl: expect.stringMatching(/scoop\.co\.nz/) },
      { recipient: 'Florrie Burke', kind: 'person', year: 2013, sourceUrl: expect.stringMatching(/scoop\.co\.nz/) },
    ]);
    // Every meeting whose summary says awards were presented has them recorded.
    for (const m of seedMeetings.filter((x) => /Presidential Awards? /.test(x.summary))) {
      expect(seedAwards.filter((a) => a.presentedAt === m.key).length, m.key).toBeGreaterThan(0);
    }
  });

  it('knows the 2020 meeting only to the month and shows it as October 2020', () => {
    const meeting = db.select().from(t.meetings).where(eq(t.meetings.key, 'cabinet-2020-10')).get()!;
    expect([meeting.date, meeting.datePrecision]).toEqual(['2020-10-01', 'month']);
    expect(formatMeetingDate(meeting)).toBe('October 2020');
    // Every other seeded meeting is known to the day.
    expect(seedMeetings.filter((m) => m.datePrecision === 'month').map((m) => m.key)).toEqual(['cabinet-2020-10']);
    expect(formatMeetingDate({ date: '2022-01-25', datePrecision: 'day' })).toBe('Jan 25, 2022');
  });

  it('gives a location only where the meeting’s source states one', () => {
    const locations = Object.fromEntries(
      db
        .select({ key: t.meetings.key, location: t.meetings.location })
        .from(t.meetings)
        .where(and(isNotNull(t.meetings.key), eq(t.meetings.isDemo, false)))
        .all()
        .map((m) => [m.key, m.location]),
    );
    // 2013: State's media note says the White House; 2020: held remotely, hosted from State.
    expect(locations).toEqual({
      'cabinet-2013-05-17': 'The White House',
      'cabinet-2016-10-24': null,
      'cabinet-2019-10-29': null,
      'cabinet-2020-10': 'Virtual',
      'cabinet-2022-01-25': null,
      'cabinet-2023-02-13': null,
      'cabinet-2024-02-13': null,
    });
  });

  it('marks Commerce’s membership as inferred, citing a document, and ties none of its deliverables to another agency’s priority action', () => {
    const doc = db
      .select({ id: t.agencies.id, inferred: t.agencies.membershipInferred, sourceKey: t.sources.key })
      .from(t.agencies)
      .innerJoin(t.sources, eq(t.sources.id, t.agencies.sourceId))
      .where(eq(t.agencies.slug, 'doc'))
      .get()!;
    expect(doc.inferred).toBe(true);
    expect(doc.sourceKey).toBe('wh-factsheet-2022-01-25');
    // Only Commerce's membership is inferred.
    expect(seedAgencies.filter((a) => a.membershipInferred).map((a) => a.slug)).toEqual(['doc']);
    const withAction = db
      .select({ key: t.deliverables.key })
      .from(t.deliverables)
      .where(and(eq(t.deliverables.leadAgencyId, doc.id), isNotNull(t.deliverables.napActionId), isNotNull(t.deliverables.key)))
      .all();
    expect(withAction).toEqual([]);
  });

  it("holds DOJ's funding of almost $87 million, about $15 million of it for housing", () => {
    const funding = observation('us-doj-funding-dec-2021');
    expect(funding.find((o) => o.category === 'total')?.value).toBe(87_000_000);
    expect(funding.find((o) => o.category === 'housing')?.value).toBe(15_000_000);
    const deliverable = db.select().from(t.deliverables).where(eq(t.deliverables.key, '2022-doj-funding-87m')).get();
    expect(deliverable?.fundingUsd).toBe(87_000_000);
  });

  it('cites a source for every observation, deliverable, meeting and award', () => {
    expect(db.select({ n: count() }).from(t.observations).where(isNull(t.observations.sourceId)).get()?.n).toBe(0);
    // Seeded deliverables have a key; ones users create in the app have none and cite no document.
    expect(
      db.select({ n: count() }).from(t.deliverables).where(and(isNotNull(t.deliverables.key), isNull(t.deliverables.sourceId))).get()?.n,
    ).toBe(0);
    // Awards recorded in the app (a meeting's outcome) may cite nothing; the seeded ones all do.
    const seededRecipients = seedAwards.map((a) => a.recipient);
    expect(seededRecipients.length).toBeGreaterThan(0);
    expect(
      db.select({ n: count() }).from(t.awards).where(and(inArray(t.awards.recipient, seededRecipients), isNull(t.awards.sourceId))).get()?.n,
    ).toBe(0);
    const unsourcedMeetings = db
      .select({ key: t.meetings.key })
      .from(t.meetings)
      .where(and(isNotNull(t.meetings.key), isNull(t.meetings.sourceId), eq(t.meetings.isDemo, false)))
      .all();
    expect(unsourcedMeetings).toEqual([]);
  });

  it('records the 2022 and 2023 cabinet meetings in full', () => {
    for (const [key, awards] of [
      ['cabinet-2022-01-25', ['Tanya Gould', 'Thai Community Development Center']],
      ['cabinet-2023-02-13', ["Mercy Medical Center's Blue Dot Human Trafficking Initiative", 'Centro de los Derechos del Migrante, Inc.']],
    ] as const) {
      const meeting = db.select().from(t.meetings).where(eq(t.meetings.key, key)).get();
      expect(meeting?.status).toBe('held');
      expect(meeting?.chair).toMatch(/Blinken/);
      expect(meeting?.summary?.length).toBeGreaterThan(40);
      const agenda = db.select({ n: count() }).from(t.agendaItems).where(eq(t.agendaItems.meetingId, meeting!.id)).get();
      expect(agenda?.n).toBeGreaterThanOrEqual(4);
      const recipients = db
        .select({ recipient: t.awards.recipient })
        .from(t.awards)
        .where(eq(t.awards.presentedAtMeetingId, meeting!.id))
        .all()
        .map((a) => a.recipient.replace(/’/g, "'"));
      expect(recipients.sort()).toEqual([...awards].sort());
      const commitments = db
        .select({ n: count() })
        .from(t.deliverables)
        .where(eq(t.deliverables.announcedAtMeetingId, meeting!.id))
        .get();
      expect(commitments?.n).toBeGreaterThanOrEqual(5);
    }
  });

  it("holds State's five commitments for 2023", () => {
    const meeting = db.select().from(t.meetings).where(eq(t.meetings.key, 'cabinet-2023-02-13')).get();
    const dos = db.select().from(t.agencies).where(eq(t.agencies.slug, 'dos')).get();
    const stateCommitments = db
      .select({ n: count() })
      .from(t.deliverables)
      .where(and(eq(t.deliverables.announcedAtMeetingId, meeting!.id), eq(t.deliverables.leadAgencyId, dos!.id)))
      .get();
    expect(stateCommitments?.n).toBe(5);
  });

  it('plans one meeting after today, with a reporting cutoff before it', () => {
    // Seeded meetings have a key; other test files plan meetings of their own, without one.
    const planned = db.select().from(t.meetings).where(and(eq(t.meetings.status, 'planned'), isNotNull(t.meetings.key))).all();
    expect(planned).toHaveLength(1);
    const [meeting] = planned;
    expect(meeting!.date > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(meeting!.reportingCutoff! < meeting!.date).toBe(true);
    expect(meeting!.isDemo).toBe(true);
  });

  it('numbers the pillars in their order, which lists sort by', () => {
    const rows = db.select().from(t.pillars).all().sort((a, b) => a.id - b.id);
    expect(rows.map((p) => p.position)).toEqual([1, 2, 3, 4]);
  });

  it('creates the demo accounts with salted, slow hashes of the demo password', async () => {
    // Other test files add accounts of their own; the demo ones are those on the demo domain.
    const users = db.select().from(t.users).all().filter((u) => u.email.endsWith('@pitf.demo'));
    expect(users).toHaveLength(23);
    const emails = users.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@pitf.demo', 'chair@pitf.demo', 'viewer@pitf.demo', 'official.dhs@pitf.demo']));
    expect(users.every((u) => u.isDemo && u.passwordHash.startsWith('$argon2id$'))).toBe(true);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(users.length);
    expect(users.some((u) => u.passwordHash.includes(DEMO_PASSWORD))).toBe(false);
    const admin = users.find((u) => u.email === 'admin@pitf.demo')!;
    expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong-password', admin.passwordHash)).toBe(false);
  });

  it('flags demo progress updates as demo data', () => {
    // Other test files add updates of their own; look only at the ones the seed wrote.
    const seededUpTo = Number(process.env.PITF_SEEDED_MAX_UPDATE_ID);
    expect(seededUpTo).toBeGreaterThan(0);
    const updates = db.select().from(t.progressUpdates).where(lte(t.progressUpdates.id, seededUpTo)).all();
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.isDemo)).toBe(true);
  });

  it('changes nothing when run a second time', async () => {
    const inserted = await seedDatabase(db, { demo: true });
    expect(Object.values(inserted).every((n) => n === 0)).toBe(true);
  });
});
