#!/usr/bin/env bash
# `npm test`: every check and test, then one line of totals.
# Type check, lint and the production build count as one check each; then every Vitest and
# Playwright test. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/*.json reports/checks.txt

check() {
  local name=$1; shift
  echo "── ${name}"
  if "$@"; then echo "pass ${name}" >> reports/checks.txt; else echo "fail ${name}" >> reports/checks.txt; fi
}

check typecheck npx tsc --noEmit
check lint npm run -s lint
echo "── unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
check build env NEXT_TELEMETRY_DISABLED=1 npx next build
if grep -q '^pass build' reports/checks.txt; then
  echo "── end-to-end tests"
  npx playwright test
else
  echo "The build failed: end-to-end tests not run."
fi

node scripts/test-totals.mjs
