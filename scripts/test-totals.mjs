// Sums the checks, Vitest and Playwright results into one line: "N passed, N failed".
// Exits 1 when anything failed or a suite did not report at all.
import fs from 'node:fs';

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const checks = fs.existsSync('reports/checks.txt') ? fs.readFileSync('reports/checks.txt', 'utf8').trim().split('\n') : [];
for (const line of checks) {
  if (line.startsWith('pass ')) passed++;
  else if (line.startsWith('fail ')) failed++;
}

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (!vitest.success && vitest.numFailedTests === 0) failed++; // a suite that failed to load
} else missing.push('unit tests');

const playwright = read('reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  if (playwright.errors?.length) failed += playwright.errors.length;
} else missing.push('end-to-end tests');

if (missing.length) {
  console.log(`Did not run: ${missing.join(', ')}`);
  failed += missing.length;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
