#!/usr/bin/env bash
# Serves the production build (`npm run build` first): `npm start`, the end-to-end tests and the
# benchmark all start the server this way. PORT defaults to 3000.
#
# scripts/cluster.mjs starts PITF_PROCESSES server processes (by default one per core) that share
# the port; each is scripts/server.mjs, Next behind a plain HTTP server that knows the client's
# real address. Only the first runs the schedule (checkpoints, housekeeping, notifications).
#
# Each process's JavaScript heap is capped at 256 MiB (scripts/cluster.mjs): left alone, V8 sizes
# it from the machine's memory and lets garbage pile up to a gigabyte under load before collecting.
# With the cap a process stays under 300 MiB resident under load (npm run bench) at no measurable
# cost in requests per second, and the heaviest page (a briefing book on the large data set) still
# renders 10 at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Once, before any server process: refuses to start on a database whose audit trail has lost its
# append-only triggers, without an audit key (see the README's Security section), or on a setting
# it cannot use; applies pending migrations.
npx tsx --conditions=react-server scripts/preflight.ts
export PORT="${PORT:-3000}"
exec node scripts/cluster.mjs
