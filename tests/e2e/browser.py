"""Driving Debian's chromium from the browser tests: `playwright install` cannot download a browser here, so the
system one is launched, quietly and offline."""

from __future__ import annotations

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
