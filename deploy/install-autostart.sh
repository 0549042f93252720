#!/bin/sh
# Make the WIC kiosk start when this user logs in to the desktop (see deploy/README.md).
#   deploy/install-autostart.sh             XDG autostart entry: works on any desktop (recommended)
#   deploy/install-autostart.sh --systemd   a systemd user unit instead
#   deploy/install-autostart.sh --remove    undo both
# WIC=/path/to/wic overrides which wic is used (default: the project's .venv, then PATH).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
project=$(dirname "$here")
wic=${WIC:-$project/.venv/bin/wic}
if [ ! -x "$wic" ]; then wic=$(command -v wic || true); fi
if [ -z "$wic" ] || [ ! -x "$wic" ]; then
  echo "install-autostart: 'wic' not found. Install the project first (README: setup), or set WIC=/path/to/wic." >&2
  exit 1
fi
case "$project$wic" in
  *[!A-Za-z0-9/._+-]*)
    echo "install-autostart: move the project to a folder whose path has no spaces or special characters: $project" >&2
    exit 1 ;;
esac
config=${XDG_CONFIG_HOME:-$HOME/.config}
desktop="$config/autostart/wic-kiosk.desktop"
unit="$config/systemd/user/wic-kiosk.service"
fill() { sed -e "s|@PROJECT@|$project|g" -e "s|@WIC@|$wic|g" "$1"; }
has_systemctl() { [ -z "${WIC_NO_SYSTEMCTL:-}" ] && command -v systemctl >/dev/null 2>&1; }

case "${1:-}" in
  ""|--desktop)
    mkdir -p "$config/autostart"
    fill "$here/wic-kiosk.desktop" > "$desktop"
    echo "Installed $desktop: the kiosk starts at the next login." ;;
  --systemd)
    mkdir -p "$config/systemd/user"
    fill "$here/wic-kiosk.service" > "$unit"
    echo "Installed $unit."
    if has_systemctl; then
      systemctl --user daemon-reload
      systemctl --user enable wic-kiosk.service
      echo "Enabled: the kiosk starts with the next desktop session ('systemctl --user start wic-kiosk' starts it now)."
    else
      echo "Now run: systemctl --user daemon-reload && systemctl --user enable wic-kiosk.service"
    fi ;;
  --remove)
    if [ -f "$unit" ] && has_systemctl; then systemctl --user disable --now wic-kiosk.service || true; fi
    rm -f "$desktop" "$unit"
    echo "Removed the kiosk autostart entries." ;;
  *)
    echo "usage: $0 [--desktop | --systemd | --remove]" >&2
    exit 2 ;;
esac
if [ "${1:-}" != "--remove" ] && [ ! -f "$project/site/index.html" ]; then
  echo "Note: $project/site is not built yet. Run: $wic --project $project build --kiosk" >&2
fi
