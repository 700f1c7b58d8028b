// Reports the JavaScript each page sends to the browser, gzip-compressed, as `next build` no
// longer prints it. Loads each page signed in, in Chromium, and counts every script response,
// including chunks loaded after hydration (the charts).
//
// Usage: with the app running (npm run demo), `node scripts/js-weight.mjs [baseURL]`.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

async function measure(page, path) {
  const sizes = new Map();
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
  page.on('response', onResponse);
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  page.off('response', onResponse);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  return { path, files: sizes.size, kib: total / 1024 };
}

const results = [];
const anonymous = await browser.newContext();
results.push(await measure(await anonymous.newPage(), '/login'));

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.getByLabel('E-mail address').fill('viewer@pitf.demo');
await page.getByLabel('Password').fill('demo-pass-2026');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(`${base}/`);
for (const path of ['/', '/agencies', '/agencies/dos', '/deliverables', '/meetings', '/pillars', '/statistics']) {
  // A fresh page per route, so nothing is counted as already loaded.
  const fresh = await context.newPage();
  results.push(await measure(fresh, path));
  await fresh.close();
}
await browser.close();

console.log('route                 files   JS sent (gzip)');
for (const r of results) console.log(`${r.path.padEnd(20)} ${String(r.files).padStart(6)}   ${r.kib.toFixed(1).padStart(8)} KiB`);
