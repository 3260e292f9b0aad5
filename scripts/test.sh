#!/usr/bin/env bash
# One command that runs the whole test suite (installing first what it needs). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
exec .venv/bin/python -m pytest "$@"
