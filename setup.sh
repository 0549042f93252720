#!/usr/bin/env bash
# WIC Knowledge Base: set everything up, then build the site or run the tests.
#   bash setup.sh build    # install what is missing, then build the site into site/
#   bash setup.sh test     # install what is missing (incl. test tools), then run all tests
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"

action="${1:-build}"
case "$action" in build|test) ;; *) echo "usage: bash setup.sh build|test" >&2; exit 2 ;; esac

# --- Debian packages: Chromium (kiosk, browser tests, posters), poppler (PDF checks), a fallback font.
apt_packages=(chromium poppler-utils fonts-dejavu-core)
# The tests also validate the kiosk's autostart entry with desktop-file-validate.
if [ "$action" = test ]; then apt_packages+=(desktop-file-utils); fi
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PY="$candidate"; break; fi
  done
fi
if [ -z "$PY" ] || ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  apt_packages+=(python3 python3-venv)
fi
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PY="${PY:-python3}"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' || {
  echo "Python 3.11 is needed (found $("$PY" --version 2>&1)). Set PYTHON=/path/to/python3.11." >&2; exit 1; }

# --- Python environment, reinstalled only when pyproject.toml changes.
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.wic-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)-$action"
if [ ! -f "$stamp" ] || ! grep -qx "$want" "$stamp"; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  if [ "$action" = test ]; then extras="[test]"; else extras=""; fi
  .venv/bin/python -m pip install -q -e ".$extras"
  echo "$want" >> "$stamp"
fi

if [ "$action" = build ]; then
  exec .venv/bin/wic build
else
  exec .venv/bin/python -m pytest -q -p no:cacheprovider "${@:2}"
fi
