import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { apiSession, direct, openTestDatabase, signedInAs } from './helpers';

/**
 * A meeting's public documents: the chair edits the fact sheet drafted from the record, the edit is
 * kept, and the Word file holds the commitments under their pillars. Only this spec edits the
 * documents of the 2022 and 2023 meetings.
 */

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Agencies whose deliverables no other spec changes: their commitments' titles stay as seeded.
const UNTOUCHED = ['dos', 'doj', 'dol', 'hhs', 'dot', 'treasury', 'doc', 'omb', 'odni', 'usaid', 'ed'];

function meetingIdByKey(key: string): number {
  const db = openTestDatabase();
  try {
    return (db.prepare('SELECT id FROM meetings WHERE key = ?').get(key) as { id: number }).id;
  } finally {
    db.close();
  }
}

/** The pillars in order, each with the titles of the commitments of untouched agencies announced at the meeting. */
function commitmentsByPillar(meetingId: number): { pillar: string; titles: string[] }[] {
  const db = openTestDatabase();
  try {
    const pillars = db.prepare('SELECT id, name FROM pillars ORDER BY position').all() as { id: number; name: string }[];
    const rows = db
      .prepare(
        `SELECT d.pillar_id AS pillarId, d.title FROM deliverables d JOIN agencies a ON a.id = d.lead_agency_id
         WHERE d.announced_at_meeting_id = ? AND d.status <> 'withdrawn' AND a.slug IN (${UNTOUCHED.map(() => '?').join(',')})`,
      )
      .all(meetingId, ...UNTOUCHED) as { pillarId: number; title: string }[];
    return pillars.map((p) => ({ pillar: p.name, titles: rows.filter((r) => r.pillarId === p.id).map((r) => r.title) }));
  } finally {
    db.close();
  }
}

test.describe('the chair', () => {
  test.use(signedInAs('chair@pitf.demo'));

  test('edits the fact sheet, finds the edit kept, and downloads it as Word with the commitments under their pillars', async ({ page }) => {
    const meetingId = meetingIdByKey('cabinet-2022-01-25');
    await page.goto(`/meetings/${meetingId}`);
    await page.getByRole('link', { name: 'Fact sheet and chair’s statement' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Public documents' })).toBeVisible();
    const sheet = page.getByTestId('document-fact_sheet');
    await expect(sheet.getByTestId('document-fact_sheet-state')).toContainText('Drafted from the record');
    expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);

    const text = sheet.getByLabel('Text of the fact sheet');
    await expect(text).toHaveValue(/## Prevention/);
    const added = 'The Task Force welcomed the Advisory Council’s recommendations.';
    const draft = await text.inputValue();
    await text.fill(draft.replace('\n## Prevention', `\n${added}\n\n## Prevention`));
    await sheet.getByRole('button', { name: 'Save the fact sheet' }).click();
    await expect(sheet.getByTestId('document-fact_sheet-message')).toContainText('Fact sheet saved');
    await expect(sheet.getByTestId('document-fact_sheet-message')).toBeFocused();
    await page.screenshot({ path: '/tmp/meeting-documents-saved.png', fullPage: false });

    await page.reload();
    await expect(page.getByLabel('Text of the fact sheet')).toHaveValue(new RegExp(added.replace(/[.’]/g, '.')));
    await expect(page.getByTestId('document-fact_sheet-state')).toContainText('Edited by');
    expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-fact_sheet').getByRole('link', { name: 'Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('pitf-2022-01-25-fact-sheet.docx');
    const { value: words } = await mammoth.extractRawText({ buffer: fs.readFileSync(await download.path()) });
    const lines = words.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toContain('Fact sheet');
    expect(lines).toContain(added);

    // Each pillar's heading, in the plan's order, with its commitments after it and before the next one.
    const expected = commitmentsByPillar(meetingId);
    const headingAt = expected.map(({ pillar }) => lines.indexOf(pillar));
    expect(headingAt.every((at) => at > 0)).toBe(true);
    expect([...headingAt].sort((a, b) => a - b)).toEqual(headingAt);
    expect(expected.some((p) => p.titles.length > 0)).toBe(true);
    expected.forEach(({ pillar, titles }, i) => {
      const end = headingAt[i + 1] ?? lines.length;
      for (const title of titles) {
        const at = lines.findIndex((l) => l.includes(title));
        expect({ pillar, title, under: at > headingAt[i]! && at < end }).toEqual({ pillar, title, under: true });
      }
    });

    // Redrafting asks first, then puts the draft from the record back.
    await page.getByTestId('document-fact_sheet').getByRole('button', { name: 'Redraft from the record' }).click();
    await expect(page.getByRole('heading', { name: 'Replace your edits with a new draft?' })).toBeVisible();
    await page.getByRole('button', { name: 'Replace my edits' }).click();
    await expect(page.getByTestId('document-fact_sheet-message')).toContainText('drafted again from the record');
    await expect(page.getByLabel('Text of the fact sheet')).not.toHaveValue(new RegExp('Advisory Council'));
  });
});

test.describe('a viewer', () => {
  test.use(signedInAs('viewer@pitf.demo'));

  test('is refused the documents page and sees no link to it', async ({ page }) => {
    const meetingId = meetingIdByKey('cabinet-2022-01-25');
    const response = await page.goto(`/meetings/${meetingId}/documents`);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('not-allowed')).toContainText('drafted by the chair’s staff');
    await page.goto(`/meetings/${meetingId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Fact sheet and chair’s statement' })).toHaveCount(0);
  });
});

test.describe('the documents API', () => {
  test('refuses viewers, names a bad field, and answers a stale version with the current text', async ({ playwright }) => {
    const meetingId = meetingIdByKey('cabinet-2023-02-13');
    const path = `/api/meetings/${meetingId}/documents/chair_statement`;

    const viewer = await apiSession(playwright, 'viewer@pitf.demo');
    expect((await viewer.get(path)).status()).toBe(403);
    expect((await viewer.get(`${path}?format=docx`)).status()).toBe(403);
    await viewer.dispose();

    const chair = await apiSession(playwright, 'chair@pitf.demo');
    const read = await chair.get(path);
    expect(read.status()).toBe(200);
    const draft = (await read.json()) as { body: string; version: number; edited: boolean };
    expect(draft.body).toContain('## Presidential Awards');

    // Input the document refuses goes straight to the app: the validation proxy would answer for it.
    const bad = await chair.put(direct(path), { data: { body: '', version: draft.version } });
    expect(bad.status()).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields)).toEqual(['body']);
    expect((await chair.get(direct(`${path}?format=pdf`))).status()).toBe(400);

    const saved = await chair.put(path, { data: { body: `${draft.body}\nA closing line.`, version: draft.version } });
    expect(saved.status()).toBe(200);
    const stale = await chair.put(path, { data: { body: 'Overwrite', version: draft.version } });
    expect(stale.status()).toBe(409);
    expect(((await stale.json()) as { current: { body: string } }).current.body).toContain('A closing line.');

    const markdown = await chair.get(`${path}?format=md`);
    expect(markdown.status()).toBe(200);
    expect(markdown.headers()['content-disposition']).toBe('attachment; filename="pitf-2023-02-13-chair-statement.md"');
    expect(await markdown.text()).toContain('A closing line.');
    const html = await chair.get(`${path}?format=html`);
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toContain('<h2>Presidential Awards</h2>');

    const current = ((await (await chair.get(path)).json()) as { version: number }).version;
    const redrafted = await chair.delete(path, { data: { version: current } });
    expect(redrafted.status()).toBe(200);
    expect(((await redrafted.json()) as { edited: boolean }).edited).toBe(false);
    await chair.dispose();
  });
});
