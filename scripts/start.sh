#!/usr/bin/env bash
# One command from a fresh clone to a running app on http://127.0.0.1:5000 with demo data.
# Runs again safely: migrations only apply what is new and the demo data is created once.
# A task-queue worker (bulk exports) runs beside the app and stops with it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/flask --app app db upgrade
.venv/bin/flask --app app seed-demo
.venv/bin/flask --app app worker &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null || true' EXIT INT TERM
.venv/bin/flask --app app run --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}"
