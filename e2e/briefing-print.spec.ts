import { expect, test, type Page } from '@playwright/test';
import { openTestDatabase, seededPlannedMeetingId, signInApi } from './helpers';
import { readPdf } from './pdf';

/**
 * The briefing book as the browser prints it (Chromium's own print to PDF, the page size and
 * margins the book asks for): read back from the PDF, page by page.
 */

const PLANNED = { title: 'Annual cabinet-level PITF meeting (planned)', date: 'Feb 11, 2027' };
const HELD_2023 = { key: 'cabinet-2023-02-13', title: '2023 meeting of the President’s Interagency Task Force', date: 'Feb 13, 2023' };

function meetingIdByKey(key: string): number {
  const db = openTestDatabase();
  try {
    return (db.prepare('SELECT id FROM meetings WHERE key = ?').get(key) as { id: number }).id;
  } finally {
    db.close();
  }
}

/**
 * Opens the book and prints it. Other tests change reports and deliverables meanwhile: what the
 * book holds is read from the page that was printed, never from the database afterwards.
 */
async function printBriefing(page: Page, meetingId: number) {
  await signInApi(page.request, 'viewer@pitf.demo');
  await page.goto(`/meetings/${meetingId}/briefing`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const sections = await page.getByTestId('briefing-agency').getByRole('heading', { level: 2 }).allTextContents();
  const quiet = await page.getByTestId('nothing-to-report-agencies').getByRole('listitem').allTextContents();
  const contents = await page.getByTestId('briefing-contents').getByRole('link').allTextContents();
  const ledgerCounts = await page
    .getByTestId('briefing-ledger-counts')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim()).join(' ')));
  const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  return { ...pdf, sections: sections.map((s) => s.trim()), quiet: quiet.map((q) => q.replace(/ — readiness: .*$/, '').trim()), contents, ledgerCounts };
}

/** The text of a page without its running header and page number (the PDF holds them first). */
const body = (text: string, header: string) => {
  const furniture = new RegExp(`^${header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Page \\d+ of \\d+ `);
  expect(text, 'the page begins with its running header and number').toMatch(furniture);
  return text.replace(furniture, '');
};

/** Every page carries the meeting's title and date at the top and "Page N of M". */
function expectEveryPageHeadedAndNumbered(pages: string[], meeting: { title: string; date: string }) {
  const header = `${meeting.title} · ${meeting.date}`;
  pages.forEach((text, i) => {
    expect(text.startsWith(`${header} Page ${i + 1} of ${pages.length} `), `page ${i + 1}: ${text.slice(0, 120)}`).toBe(true);
  });
  return header;
}

/**
 * The book's structure, read from the PDF: the contents on page 1; the summary on page 2; then each
 * agency with something to report beginning a page, its deliverables running on to further pages
 * when long; and the agencies with nothing to report together on the last page. The page count
 * follows: the pages before the first agency, each agency's run of pages, and one shared page.
 */
function expectBookStructure(book: Awaited<ReturnType<typeof printBriefing>>, header: string) {
  const { pages, sections, quiet, links } = book;
  expect(body(pages[0]!, header)).toMatch(/^BRIEFING BOOK · PRESIDENT’S INTERAGENCY TASK FORCE/);
  expect(pages[0]).toContain('Contents');
  expect(body(pages[1]!, header)).toMatch(/^Readiness summary/);

  const starts = sections.map((name) => {
    const at = pages.findIndex((text) => body(text, header).startsWith(name));
    expect(at, `${name} begins a page`).toBeGreaterThan(1);
    return at + 1;
  });
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  // Between two agencies' first pages, only the first one's deliverables run on.
  starts.forEach((start, i) => {
    const next = starts[i + 1] ?? pages.length;
    for (let p = start + 1; p < next; p++) expect(body(pages[p - 1]!, header), `page ${p} continues ${sections[i]}`).toMatch(/^(Deliverable Pillar Status|All \d+)/);
  });

  // More than one agency has nothing to report, all named on the last page, which no agency's section shares.
  expect(quiet.length).toBeGreaterThan(1);
  const last = body(pages[pages.length - 1]!, header);
  expect(last).toMatch(/^Agencies with nothing to report/);
  for (const name of quiet) expect(last).toContain(name);
  expect(pages.filter((text) => text.includes('Agencies with nothing to report')).length).toBe(2); // the contents and that page
  for (const name of quiet) expect(starts.some((s) => pages[s - 1]!.includes(name))).toBe(false);
  // The count the data implies: the pages before the first agency, each agency's run of pages, and
  // the shared page, where the layout before gave each agency with nothing to report a page of its own.
  const front = starts[0]! - 1;
  const runs = starts.map((start, i) => (starts[i + 1] ?? pages.length) - start);
  const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
  expect(pages.length).toBe(front + sum(runs) + 1);
  expect(pages.length).toBeLessThan(front + sum(runs) + quiet.length);
  // Each agency's section says where its report stands, in those words.
  expect(pages.join(' ').match(/Report status: /g)?.length).toBe(sections.length);
  expect(pages.join(' ')).not.toContain('State:');

  // The contents (page 1) leads to the summary on page 2, each agency's first page and the shared page.
  const fromContents = links.filter((l) => l.onPage === 1).map((l) => l.toPage);
  expect(fromContents).toContain(2);
  for (const start of starts) expect(fromContents).toContain(start);
  expect(fromContents).toContain(pages.length);
}

test('the planned meeting’s briefing prints with a running header and page numbers, a contents page, the ledger and one page for the agencies with nothing to report', async ({ page }) => {
  const book = await printBriefing(page, seededPlannedMeetingId());
  const header = expectEveryPageHeadedAndNumbered(book.pages, PLANNED);
  expectBookStructure(book, header);

  // The contents numbers every section and each agency with something to report.
  expect(book.contents.slice(0, 6)).toEqual(['Readiness summary', 'Agenda', 'Deliverables by pillar and status', 'Plan coverage', 'Accountability ledger', 'Awards presented']);
  expect(book.contents.slice(6, -1)).toEqual(book.sections);
  expect(book.contents.at(-1)).toBe('Agencies with nothing to report');
  expect(book.pages[0]).toMatch(/1\. Readiness summary 2\. Agenda 3\. Deliverables by pillar and status 4\. Plan coverage 5\. Accountability ledger 6\. Awards presented 7\. Agencies/);

  // The plan's coverage begins a page of its own, the objectives nobody serves first.
  expect(book.pages.some((text) => /^Plan coverage As the record stands on .*Objectives nobody serves/.test(body(text, header)))).toBe(true);

  const all = book.pages.join(' ');
  expect(all).toMatch(/\d+ of 20 agencies ready/);
  expect(all).toContain('Accountability ledger Commitments announced at 2024 meeting of the President’s Interagency Task Force (Feb 13, 2024), and where they stand now');
});

test('the 2023 meeting’s briefing prints that no readiness was kept for it, and its ledger of the 2022 meeting’s commitments by status now', async ({ page }) => {
  const db = openTestDatabase();
  const { total } = db
    .prepare("SELECT count(*) AS total FROM deliverables WHERE announced_at_meeting_id = (SELECT id FROM meetings WHERE key = 'cabinet-2022-01-25')")
    .get() as { total: number };
  db.close();
  expect(total).toBeGreaterThan(0);

  const book = await printBriefing(page, meetingIdByKey(HELD_2023.key));
  const header = expectEveryPageHeadedAndNumbered(book.pages, HELD_2023);
  expectBookStructure(book, header);

  const all = book.pages.join(' ');
  expect(body(book.pages[1]!, header)).toMatch(/^Readiness summary No readiness was recorded for this meeting/);
  expect(all).not.toMatch(/agencies ready/);
  expect(all).toContain(
    `Accountability ledger Commitments announced at 2022 meeting of the President’s Interagency Task Force (Jan 25, 2022), and where they stand now: ${total} commitments.`,
  );
  // Other tests update deliverables meanwhile: the counts by status printed are the ones the page showed, adding up to all of them.
  const counts = book.ledgerCounts.map((row) => row.replace(/\s+/g, ' ').trim());
  expect(counts.reduce((n, row) => n + Number(row.split(' ').at(-1)), 0)).toBe(total);
  expect(all).toContain(`Status now Commitments ${counts.join(' ')}`);
  expect(all).not.toMatch(/Report status: (?!Not started)/);
});

test('a held meeting’s briefing prints the readiness kept when it was marked held, with the cutoff’s, never today’s', async ({ page, playwright, baseURL }) => {
  // A working-group meeting after every other, so that it becomes no other meeting's previous one.
  const title = `Working group briefed ${Date.now().toString(36)}`;
  const chair = await playwright.request.newContext({ baseURL });
  await signInApi(chair, 'chair@pitf.demo');
  const created = await chair.post('/api/meetings', { data: { kind: 'working_group', title, date: '2099-12-31' } });
  expect(created.status()).toBe(201);
  const meeting = (await created.json()) as { id: number; version: number };
  expect((await chair.patch(`/api/meetings/${meeting.id}`, { data: { version: meeting.version, status: 'held' } })).status()).toBe(200);
  await chair.dispose();

  const book = await printBriefing(page, meeting.id);
  const header = expectEveryPageHeadedAndNumbered(book.pages, { title, date: 'Dec 31, 2099' });
  expectBookStructure(book, header);
  expect(body(book.pages[1]!, header)).toMatch(
    /^Readiness summary At the reporting cutoff \(Dec 17, 2099\): 0 of \d+ agencies ready \(0%\): their reports are approved\. At the meeting: 0 of \d+ agencies ready \(0%\): their reports are approved\. As recorded when the meeting was marked held, .+, and at the reporting cutoff, .+\. Later updates do not change these figures\./,
  );
  expect(book.pages[1]).toContain('Agency At the cutoff At the meeting Open');
});
