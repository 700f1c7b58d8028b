#!/usr/bin/env bash
# Serves the production build on a fresh database for the end-to-end tests.
# Expects DATABASE_URL (a new temporary file) and PORT from playwright.config.ts. With
# LARGE_SCALE set, the database also gets the synthetic large data set at that scale.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${LARGE_SCALE:-}" ]]; then
  npx tsx --conditions=react-server seeds/large.ts --scale="${LARGE_SCALE}"
else
  npx tsx --conditions=react-server seeds/run.ts
fi
export PITF_DEMO=1 PITF_HOST=127.0.0.1 NEXTAUTH_URL="http://localhost:${PORT}"
exec bash scripts/serve.sh
