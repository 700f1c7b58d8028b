// Reports the JavaScript each page sends to the browser, gzip-compressed, as `next build` no
// longer prints it. Loads each page signed in, in Chromium, and counts every script response,
// including chunks loaded after hydration (the charts).
//
// Usage: with the app running (npm run demo), `node scripts/js-weight.mjs [baseURL]`.
// scripts/bench.mjs imports measureJsWeight for its own pages.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function measure(page, base, path) {
  const sizes = new Map();
  const reading = [];
  const onResponse = async (response) => {
    const url = response.url();
    if (!url.endsWith('.js') && !url.includes('.js?')) return;
    try {
      const body = await response.body();
      sizes.set(url, gzipSync(body, { level: 9 }).length);
    } catch {
      // A response without a body (redirect, cache) adds nothing.
    }
  };
  const onEach = (response) => reading.push(onResponse(response));
  page.on('response', onEach);
  await page.goto(base + path, { waitUntil: 'networkidle' });
  // Charts are fetched after hydration, which a busy server delays: wait for that quiet too.
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  page.off('response', onEach);
  // A busy server sends bodies late: count every script only once it has been read.
  await Promise.all(reading);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  return { path, files: sizes.size, kib: total / 1024 };
}

/** The JavaScript sent by /login (signed out) and by each of `paths` (signed in as `email`). */
export async function measureJsWeight(base, paths, { email, password }) {
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const results = [];
    const anonymous = await browser.newContext();
    results.push(await measure(await anonymous.newPage(), base, '/login'));

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${base}/`);
    const storageState = await context.storageState();
    for (const path of paths) {
      // A fresh context per route (signed in, empty cache), so nothing is counted as already loaded.
      const fresh = await browser.newContext({ storageState });
      results.push(await measure(await fresh.newPage(), base, path));
      await fresh.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = process.argv[2] ?? 'http://localhost:3000';
  const results = await measureJsWeight(base, ['/', '/agencies', '/agencies/dos', '/deliverables', '/meetings', '/pillars', '/statistics'], {
    email: 'viewer@pitf.demo',
    password: 'demo-pass-2026',
  });
  console.log('route                 files   JS sent (gzip)');
  for (const r of results) console.log(`${r.path.padEnd(20)} ${String(r.files).padStart(6)}   ${r.kib.toFixed(1).padStart(8)} KiB`);
}
