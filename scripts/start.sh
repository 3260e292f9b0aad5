#!/usr/bin/env bash
# One command from a fresh clone to a running app on http://127.0.0.1:5000 with demo data.
# Runs again safely: migrations only apply what is new and the demo data is created once.
# Served by gunicorn with deploy/gunicorn.conf.py (workers from the cores, timeout, preload, access log), as in
# production; a task-queue worker (exports) runs beside it and stops with it.
# For development instead: DEV=1 bash scripts/start.sh serves with Flask's development server (reloader, debugger).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/flask --app app db upgrade
.venv/bin/flask --app app seed-demo
.venv/bin/flask --app app worker &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null || true' EXIT INT TERM
if [ "${DEV:-}" = 1 ]; then
  .venv/bin/flask --app app run --debug --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}"
else
  .venv/bin/gunicorn -c deploy/gunicorn.conf.py
fi
