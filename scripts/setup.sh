#!/usr/bin/env bash
# Installs everything the app needs on Debian: system libraries (WeasyPrint's Pango/HarfBuzz, fonts),
# a virtual environment in .venv, and the pinned Python packages. Safe to run again: it skips what is there.
#   bash scripts/setup.sh           the app
#   bash scripts/setup.sh --tests   the app plus the test and lint tools (requirements-dev.txt) and what the
#                                   browser tests need (Debian's chromium, poppler-utils, LibreOffice Calc for the
#                                   gradebook test, and axe-core from npm,
#                                   pinned in package.json / package-lock.json)
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--tests" ] && want_tests=1

system_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
[ "$want_tests" = 1 ] && system_packages+=(chromium poppler-utils libreoffice-calc-nogui)   # LibreOffice: the gradebook test
[ "$want_tests" = 1 ] && [ -f package.json ] && ! command -v npm >/dev/null && system_packages+=(nodejs npm)

missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
python_bin=$(command -v python3.11 || command -v python3 || true)
if [ -z "$python_bin" ] || ! "$python_bin" -c "import venv, ensurepip" 2>/dev/null; then
  missing+=(python3 python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  python_bin=$(command -v python3.11 || command -v python3)
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$python_bin" --version)"
  "$python_bin" -m venv .venv
fi
# Reinstall only when requirements.txt changed since the last successful install.
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages from requirements.txt"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  echo "$want" > "$stamp"
fi
# Test and lint tools, again only when requirements-dev.txt changed.
if [ "$want_tests" = 1 ]; then
  dev_stamp=.venv/.requirements-dev.sha256
  dev_want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$dev_stamp" 2>/dev/null)" != "$dev_want" ]; then
    echo "setup: installing test and lint tools from requirements-dev.txt"
    .venv/bin/python -m pip install -q -r requirements-dev.txt
    echo "$dev_want" > "$dev_stamp"
  fi
fi
# Browser tests inject axe-core from node_modules: install the locked version, again only when the lockfile changed.
if [ "$want_tests" = 1 ] && [ -f package.json ]; then
  npm_stamp=node_modules/.package-lock.sha256
  npm_want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_want" ]; then
    echo "setup: installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$npm_want" > "$npm_stamp"
  fi
fi
echo "setup: ready (.venv/bin/python)"
