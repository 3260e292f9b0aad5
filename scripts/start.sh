#!/usr/bin/env bash
# One command from a fresh clone to a running app on http://127.0.0.1:5000 with demo data.
# Runs again safely: migrations only apply what is new and the demo data is created once.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export FLASK_APP=app
.venv/bin/flask --app app db upgrade
.venv/bin/flask --app app seed-demo
exec .venv/bin/flask --app app run --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}"
