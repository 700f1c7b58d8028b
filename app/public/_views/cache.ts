/**
 * Rendered public pages, kept in this process's memory. A page is stored under the release it was
 * rendered from, by number AND publication instant, plus its path: the route reads that key from
 * the database on every request (one row by the unique index), so publishing a release changes
 * the key of every latest-release page at once, and a different database (a fresh test database,
 * a restored backup) never gets another's page. Nothing is rendered at build time, nothing is
 * kept on disk. Per-release pages never change for their key: they stay until evicted.
 */
import { createHash } from 'node:crypto';

export type Rendered = { status: number; type: string; body: string; etag: string; filename?: string };
/** A rendered page as kept: its bytes encoded once, not on every answer. */
export type Kept = Omit<Rendered, 'body'> & { bytes: Uint8Array<ArrayBuffer> };

// About a page per agency and deliverable of a few releases; past it the oldest go first.
const LIMIT = 5_000;
const pages = new Map<string, Kept>();

let latestGeneration = '';

/**
 * Forgets the pages of an earlier latest release once another is the latest: they can never be
 * asked for again under their key. (Per-release pages stay: their addresses still show them.)
 */
export function forgetOtherGenerations(generation: string): void {
  if (generation === latestGeneration) return;
  latestGeneration = generation;
  for (const key of pages.keys()) if (key.startsWith('latest:') && !key.startsWith(generation)) pages.delete(key);
}

/** A page kept under this key, or null: never renders. */
export function kept(key: string): Kept | null {
  return pages.get(key) ?? null;
}

/** A page from memory, or rendered now and kept; an answer other than 200 is not kept (any address may be asked for). */
export function cached(key: string, render: () => Omit<Rendered, 'etag'>): Kept {
  const hit = pages.get(key);
  if (hit) return hit;
  const { body, ...made } = render();
  const bytes = new Uint8Array(Buffer.from(body, 'utf8'));
  const page = { ...made, bytes, etag: `"${createHash('sha1').update(key).update(bytes).digest('base64url')}"` };
  if (made.status !== 200) return page;
  if (pages.size >= LIMIT) pages.delete(pages.keys().next().value!);
  pages.set(key, page);
  return page;
}
