"""Renderers: the dossier as JSON, an HTML report (one file, or an index and a page per story) and Markdown.

In: a `Dossier` and an optional `Selection` of stories. Out: ``dossier.json``, ``report.html`` (plus ``stories/`` when
there are many stories) and ``report.md``, written as one set: all of them or none (a failure, a full disk say, leaves
the earlier set in place).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rashomon.dossier import Dossier
from rashomon.memory import collector_paused
from rashomon.render.atomic import file_set
from rashomon.render.html import STORY_PAGES_OVER, write_html
from rashomon.render.json import write_json
from rashomon.render.markdown import markdown_head, markdown_story, markdown_tail
from rashomon.render.selection import Selection, select
from rashomon.render.view import StoryView, iter_story_views

REPORT_FILES = ("dossier.json", "report.html", "report.md")


def write_reports(
    dossier: Dossier,
    out_dir: Path,
    *,
    selection: Selection | None = None,
    story_pages_over: int = STORY_PAGES_OVER,
) -> list[Path]:
    """Write dossier.json, report.html and report.md into ``out_dir``, all or none; return their paths.

    ``selection`` narrows every output to the chosen stories; with more than ``story_pages_over`` stories the HTML
    report is an index linking to one page per story in ``out_dir/stories/``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if selection is not None:
        dossier = select(dossier, selection)
    with collector_paused(), file_set(out_dir) as files:
        written = write_json(dossier, out_dir / "dossier.json", files=files)
        markdown = out_dir / "report.md"
        with files.open(markdown) as lines:
            lines.writelines(markdown_head(dossier))

            # Each story's view is made once, for both reports, and written to the Markdown as the HTML takes it.
            def views() -> Iterator[StoryView]:
                for view in iter_story_views(dossier):
                    lines.writelines(markdown_story(view))
                    yield view

            page = write_html(dossier, out_dir, story_pages_over=story_pages_over, files=files, views=views())
            lines.writelines(markdown_tail(dossier))
        return [written, page, markdown]


__all__ = ["REPORT_FILES", "STORY_PAGES_OVER", "Selection", "select", "write_reports"]
