import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { expect, test, type Locator } from '@playwright/test';
import { LARGE_BASE_URL } from '../playwright.config';
import { signInAndWait } from './helpers';

/**
 * On the second server, whose database also holds the synthetic large data set: the State
 * Department leads about a hundred deliverables there, more than a board column shows at first.
 */
test.use({ baseURL: LARGE_BASE_URL });

type Column = { status: string; total: number };

function stateColumns(): Column[] {
  const db = new Database(process.env.E2E_LARGE_DATABASE_URL!, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT d.status, count(*) AS total FROM deliverables d JOIN agencies a ON a.id = d.lead_agency_id
         WHERE a.slug = 'dos' GROUP BY d.status ORDER BY total DESC`,
      )
      .all() as Column[];
  } finally {
    db.close();
  }
}

const cards = (column: Locator) => column.locator('li.pitf-card');

test.describe('an agency board with more deliverables than a column shows', () => {
  test('each column shows its first 25 cards and its true total; Show more adds the next 25; the rest are a link away', async ({ page }) => {
    const [largest, ...others] = stateColumns();
    expect(largest!.total).toBeGreaterThan(25);
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto('/agencies/dos');

    for (const { status, total } of [largest!, ...others]) {
      const column = page.getByTestId(`column-${status}`);
      await expect(column.getByRole('heading', { level: 2 })).toContainText(`(${total})`);
      await expect(cards(column)).toHaveCount(Math.min(total, 25));
    }

    const column = page.getByTestId(`column-${largest!.status}`);
    const more = page.getByTestId(`column-more-${largest!.status}`);
    await expect(more).toContainText(`Showing 25 of ${largest!.total}.`);
    await more.getByRole('button', { name: /^Show \d+ more/ }).click();
    const shown = Math.min(largest!.total, 50);
    await expect(cards(column)).toHaveCount(shown);
    if (shown === largest!.total) {
      await expect(more).toHaveCount(0);
      return;
    }
    await expect(more).toContainText(`Showing ${shown} of ${largest!.total}.`);

    // The whole column, a page at a time, in the deliverables list.
    await more.getByRole('link', { name: `All ${largest!.total}` }).click();
    await expect(page).toHaveURL(`/deliverables?agency=dos&status=${largest!.status}`);
    await expect(page.getByTestId('result-count')).toContainText(`${largest!.total} deliverables`);
  });

  test('a long board, with its columns’ Show more controls, has no WCAG 2.1 AA violations', async ({ page }) => {
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto('/agencies/dos');
    await expect(page.getByRole('button', { name: /^Show \d+ more/ }).first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });

  test('moving a card out of a long column changes both columns’ totals, and the move is stored', async ({ page }) => {
    const columns = stateColumns();
    const from = columns[0]!;
    // A status a card can move to without giving a reason.
    const into = columns.find((c) => c !== from && ['not_started', 'in_progress', 'completed'].includes(c.status))!;
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto('/agencies/dos');
    const fromColumn = page.getByTestId(`column-${from.status}`);
    const intoColumn = page.getByTestId(`column-${into.status}`);
    const card = cards(fromColumn).first();
    const cardId = (await card.getAttribute('data-testid'))!;
    await card.getByRole('combobox').selectOption(into.status);
    await card.getByRole('button', { name: /^Move/ }).click();
    await expect(intoColumn.getByTestId(cardId)).toBeVisible();
    await expect(page.getByTestId('board-notice')).toContainText('moved to');
    await expect(fromColumn.getByRole('heading', { level: 2 })).toContainText(`(${from.total - 1})`);
    await expect(intoColumn.getByRole('heading', { level: 2 })).toContainText(`(${into.total + 1})`);

    // Longer pages of both columns agree with the move: the card shows once, in its new column.
    if (from.total - 1 > 25) {
      await page.getByTestId(`column-more-${from.status}`).getByRole('button', { name: /^Show \d+ more/ }).click();
      await expect(cards(fromColumn)).toHaveCount(Math.min(from.total - 1, 50));
      await expect(fromColumn.getByTestId(cardId)).toHaveCount(0);
      await expect(fromColumn.getByRole('heading', { level: 2 })).toContainText(`(${from.total - 1})`);
    }
    await expect(page.getByTestId(cardId)).toHaveCount(1);

    await page.reload();
    await expect(intoColumn.getByTestId(cardId)).toBeVisible();
    await expect(fromColumn.getByRole('heading', { level: 2 })).toContainText(`(${from.total - 1})`);
  });
});

/**
 * What holds up the Department of Justice's report for the planned cabinet meeting, counted here
 * from the rule itself: an open deliverable with no update since the last cabinet meeting held
 * (from its midday, UTC). No other test on this server changes the department's deliverables.
 */
function justiceGaps(): { meetingId: number; missingUpdate: number } {
  const db = new Database(process.env.E2E_LARGE_DATABASE_URL!, { readonly: true });
  try {
    const meeting = db.prepare("SELECT id, kind, date, created_at AS createdAt FROM meetings WHERE key = 'demo-upcoming-cabinet'").get() as {
      id: number;
      kind: string;
      date: string;
      createdAt: number;
    };
    const previous = db
      .prepare("SELECT max(date) FROM meetings WHERE kind = ? AND status = 'held' AND date < ? AND id <> ?")
      .pluck()
      .get(meeting.kind, meeting.date, meeting.id) as string | null;
    const cycleStart = previous ? Date.parse(`${previous}T12:00:00Z`) : meeting.createdAt;
    const missingUpdate = db
      .prepare(
        `SELECT count(*) FROM deliverables d JOIN agencies a ON a.id = d.lead_agency_id
         WHERE a.slug = 'doj' AND d.status <> 'completed' AND coalesce(d.last_update_at, 0) < ?`,
      )
      .pluck()
      .get(cycleStart) as number;
    return { meetingId: meeting.id, missingUpdate };
  } finally {
    db.close();
  }
}

test.describe('a report held up by deliverables', () => {
  test('the official sees how many deliverables hold up the report, the first named, and all of them one link away', async ({ page }) => {
    const { meetingId, missingUpdate } = justiceGaps();
    expect(missingUpdate).toBeGreaterThan(1);
    await signInAndWait(page, 'official.doj@pitf.demo');
    await page.goto(`/meetings/${meetingId}`);
    const gaps = page.getByTestId('report-gaps');
    await expect(gaps.getByTestId('report-gap-counts')).toHaveText(`${missingUpdate} deliverables need a progress update for this meeting.`);
    await expect(gaps.getByRole('listitem')).toHaveCount(Math.min(missingUpdate, 25));

    await gaps.getByRole('link', { name: `All ${missingUpdate} deliverables holding up this report` }).click();
    await expect(page).toHaveURL(`/deliverables?agency=doj&holdingUp=${meetingId}`);
    await expect(page.getByTestId('result-count')).toContainText(`${missingUpdate} deliverables`);
    await expect(page.getByLabel('Holding up the report for')).toHaveValue(String(meetingId));
  });
});
