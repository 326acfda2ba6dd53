#!/usr/bin/env bash
# Make sure a Chromium that Playwright can drive exists. Order: $RIVALSCOPE_CHROMIUM,
# Debian's /usr/bin/chromium, a Playwright-installed build; else apt-get (root on Debian),
# else `playwright install chromium` (machines with internet access).
set -euo pipefail
python="$1"
if [ -n "${RIVALSCOPE_CHROMIUM:-}" ]; then
  [ -x "$RIVALSCOPE_CHROMIUM" ] || { echo "error: RIVALSCOPE_CHROMIUM=$RIVALSCOPE_CHROMIUM is not executable" >&2; exit 2; }
  exit 0
fi
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && exit 0; done
pw_dir="${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"
if compgen -G "$pw_dir/chromium*/chrome-linux*/chrome" >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "no system Chromium found: running 'playwright install chromium'"
"$python" -m playwright install chromium
