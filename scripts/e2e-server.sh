#!/usr/bin/env bash
# Serves the production build on a fresh database for the end-to-end tests.
# Expects DATABASE_URL (a new temporary file) and PORT from playwright.config.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx seeds/run.ts
export PITF_DEMO=1 NEXTAUTH_URL="http://localhost:${PORT}" NEXT_TELEMETRY_DISABLED=1
exec npx next start -H localhost -p "${PORT}"
