"""Finding a Chromium for Playwright without ever downloading one at run time."""
from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

# Flags that keep Chromium quiet on machines with no route to Google's services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--disable-dev-shm-usage"]


def find_chromium() -> str | None:
    """Path of a Chromium to drive, or None to let Playwright use its own install.

    Order: $RIVALSCOPE_CHROMIUM, Debian's /usr/bin/chromium, a Playwright-installed build.
    """
    env = os.environ.get("RIVALSCOPE_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pw_dir = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or str(Path.home() / ".cache" / "ms-playwright")
    builds = sorted(glob.glob(os.path.join(pw_dir, "chromium*", "chrome-linux*", "chrome")))
    return None if builds else None  # Playwright finds its own build by itself


def launch_options(headless: bool = True) -> dict:
    """Options for playwright's chromium.launch() / scrapy-playwright's PLAYWRIGHT_LAUNCH_OPTIONS."""
    opts: dict = {"headless": headless, "args": list(CHROMIUM_ARGS)}
    exe = find_chromium()
    if exe:
        opts["executable_path"] = exe
    return opts
