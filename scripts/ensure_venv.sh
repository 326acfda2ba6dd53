#!/usr/bin/env bash
# Create the virtualenv (installing Debian's python3-venv when missing and we are root)
# and give it uv, which installs the locked dependencies quickly.
set -euo pipefail
python="$1"; venv="$2"
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing python3-venv with apt-get"
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      "$python" -m venv "$venv"
    else
      echo "error: '$python -m venv' failed; install your distribution's python3-venv package" >&2
      exit 2
    fi
  fi
fi
"$venv/bin/python" -m uv --version >/dev/null 2>&1 || "$venv/bin/python" -m pip install -q "uv>=0.4,<1"
