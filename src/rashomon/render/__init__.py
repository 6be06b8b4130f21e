"""Renderers: the dossier as JSON, a self-contained HTML report and Markdown."""

from __future__ import annotations

from pathlib import Path

from rashomon.dossier import Dossier
from rashomon.render.html import render_html
from rashomon.render.json import render_json
from rashomon.render.markdown import render_markdown

REPORT_FILES = ("dossier.json", "report.html", "report.md")


def write_reports(dossier: Dossier, out_dir: Path) -> list[Path]:
    """Write dossier.json, report.html and report.md into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, render in zip(REPORT_FILES, (render_json, render_html, render_markdown), strict=True):
        path = out_dir / name
        temporary = path.with_suffix(path.suffix + ".tmp")
        temporary.write_text(render(dossier), encoding="utf-8")
        temporary.replace(path)  # never leave a half-written report behind
        paths.append(path)
    return paths
