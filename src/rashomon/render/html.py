"""The HTML report, built for reading: per story, where outlets conflict first, then what several report, quote
variants, figures, timeline, framing, entities, outlets, what one alone reports (collapsed), and the articles side by
side; every item links to its highlighted sentence. Readable from 390 px wide up; no script, nothing loaded.

With few stories it is one self-contained file. With many it is a folder: ``report.html`` indexes the stories, largest
first, and each story has its own page under ``stories/``, so a big run neither opens on a wall of links nor makes the
browser load every article at once. All article content is untrusted: the template environment autoescapes everything.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon.dossier import Dossier, StoryOut
from rashomon.render.atomic import FileSet, file_set
from rashomon.render.view import StoryView, iter_story_views, story_entries, story_views

STORY_PAGES_OVER = 20  # more stories than this and the report gets an index and a page per story
STORIES_DIR = "stories"

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@cache
def environment() -> Environment:
    """The report's templates (autoescaped), made once per process; the web pages overlay it, so its macros render
    there the same."""
    return Environment(
        loader=PackageLoader("rashomon.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page_names(stories: Sequence[StoryOut]) -> dict[str, str]:
    """A file name (without ``.html``) per story id: safe characters only, distinct, the same on every run.

    ``story:3f2a...`` becomes ``story-3f2a...``; an id that loses more than its colons, or collides, gets a digest.
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    for story in stories:
        name = _UNSAFE.sub("-", story.id).strip("-")[:80]
        if not name or name != story.id.replace(":", "-") or name in used:
            name = f"{name[:60]}-{hashlib.sha1(story.id.encode()).hexdigest()[:12]}".lstrip("-")
        names[story.id] = name
        used.add(name)
    return names


def render_html(dossier: Dossier) -> str:
    """The single-file report."""
    return "".join(_single(environment(), dossier, story_views(dossier)))


def _single(templates: Environment, dossier: Dossier, views: list[StoryView]) -> Iterable[str]:
    return templates.get_template("report.html.j2").generate(dossier=dossier, stories=views)


def _remove_stale_pages(folder: Path, keep: set[str]) -> None:
    """Pages of stories an earlier run wrote and this one did not; links to them would show old results."""
    if not folder.is_dir():
        return
    for page in folder.glob("*.html"):
        if page.name not in keep:
            page.unlink()
    if not any(folder.iterdir()):
        folder.rmdir()


def write_html(
    dossier: Dossier,
    out_dir: Path,
    *,
    story_pages_over: int = STORY_PAGES_OVER,
    files: FileSet | None = None,
    views: Iterable[StoryView] | None = None,
) -> Path:
    """Write ``out_dir/report.html``, and ``out_dir/stories/`` when there are more than ``story_pages_over`` stories:
    all of them or none, alone or as part of ``files``. ``views``: the dossier's story views in order, when another
    report takes them too (they are made as they are read)."""
    if files is None:
        with file_set(out_dir) as own:
            return write_html(dossier, out_dir, story_pages_over=story_pages_over, files=own, views=views)
    templates = environment()
    folder = out_dir / STORIES_DIR
    report = out_dir / "report.html"
    views = iter_story_views(dossier) if views is None else views
    if len(dossier.stories) <= story_pages_over:
        files.write(report, _single(templates, dossier, list(views)))
        files.after_commit(lambda: _remove_stale_pages(folder, set()))
        return report
    pages = page_names(dossier.stories)
    folder.mkdir(parents=True, exist_ok=True)
    page = templates.get_template("story.html.j2")
    for view in views:
        files.write(folder / f"{pages[view.story.id]}.html", page.generate(view=view))
    # The index last: it only links to pages that are already in place when it is.
    index = templates.get_template("index.html.j2")
    files.write(report, index.generate(dossier=dossier, entries=story_entries(dossier), pages=pages))
    files.after_commit(lambda: _remove_stale_pages(folder, {f"{name}.html" for name in pages.values()}))
    return report
