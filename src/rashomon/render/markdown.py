"""The Markdown report: per story, what outlets corroborate, what one alone reports, where they conflict, who said
what, and the timeline, each statement with the outlets that make it. Largest stories first, as in the HTML report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from rashomon.dossier import Dossier
from rashomon.render.atomic import FileSet, write_atomic
from rashomon.render.view import StoryView, iter_story_views

_HEADINGS = {"conflicting": "Conflicting", "corroborated": "Corroborated", "single-source": "Reported by one outlet"}


# Article text is untrusted: Markdown or HTML in it must show as text ("<script>", "[x](javascript:...)", "&lt;"), a
# line break in it must not start a heading or a list, and bidirectional controls must not reorder what follows.
_MARKUP = re.compile(r"([\\`*_\[\]|~<>]|&(?=#?[0-9A-Za-z]+;))")  # "&" only where it would start an entity
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
_BIDI_CONTROLS = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(text: str) -> str:
    plain = _LINE_BREAKS.sub(" ", _BIDI_CONTROLS.sub("", text))
    return _MARKUP.sub(r"\\\1", plain)


def _code(text: str) -> str:
    """An id or path as inline code (a backtick in it would end the code span)."""
    return "`" + _LINE_BREAKS.sub(" ", _BIDI_CONTROLS.sub("", text)).replace("`", "'") + "`"


def _articles(view: StoryView) -> Iterator[str]:
    for column in view.columns:
        a = column.article
        when = f"{a.published}{' (inferred)' if a.published_inferred else ''}" if a.published else "date unknown"
        extra = f", copy of {_code(a.duplicate_of)}" if a.duplicate_of else ""
        relays = f", credits {_escape(', '.join(a.relays))}" if a.relays else ""
        language = f", language {_escape(a.language)}" if a.language else ""
        yield f"- **{_escape(column.label)}**: {_escape(a.title or a.id)} ({_escape(when)}{language}{extra}{relays})"
    yield ""


def _statements(view: StoryView) -> Iterator[str]:
    for status, statements in view.statements.items():
        if not statements:
            continue
        yield f"### {_HEADINGS[status]} ({len(statements)})\n"
        for statement in statements:
            if status == "conflicting":
                versions = (
                    f"{_escape(view.texts[s.article][s.start : s.end])} (*{_escape(view.labels[s.article])}*)"
                    for s in statement.sources
                )
                yield "- " + " / ".join(versions)
            else:
                outlets = ", ".join(dict.fromkeys(view.labels[s.article] for s in statement.sources))
                yield f"- {_escape(statement.text)} — *{_escape(outlets)}*"
        yield ""


def _quotes(view: StoryView) -> Iterator[str]:
    if not view.quotes:
        return
    yield "### Who said what\n"
    yield "| speaker | quote | kind | outlet |\n| --- | --- | --- | --- |"
    for quote in view.quotes:
        cells = (quote.speaker or "?", quote.text, quote.kind, view.labels[quote.article])
        yield "| " + " | ".join(_escape(cell) for cell in cells) + " |"
    yield ""


def _figures(view: StoryView) -> Iterator[str]:
    names = {f.id: f for f in view.figures}
    pairs = [(f, link) for f in view.figures for link in f.aligned_with if f.id < link.figure and link.figure in names]
    if not pairs:
        return
    yield "### Figures across outlets\n"
    for figure, link in pairs:
        other = names[link.figure]
        yield (
            f'- {link.relation}: "{_escape(figure.text)}" ({_escape(view.labels[figure.article])}) vs '
            f'"{_escape(other.text)}" ({_escape(view.labels[other.article])})'
        )
    yield ""


def _timeline(view: StoryView) -> Iterator[str]:
    if not view.story.timeline:
        return
    yield "### Timeline\n"
    for entry in view.story.timeline:
        outlets = ", ".join(view.labels[s] for s in entry.sources)
        yield f"- **{_escape(entry.when)}**: {_escape(entry.what)} — *{_escape(outlets)}*"
    yield ""


def _story(view: StoryView) -> Iterator[str]:
    story = view.story
    yield f"## {_escape(story.title or story.id)}\n"
    yield f"Event date: {story.date or 'unknown'} · {len(view.columns)} article(s) · story id {_code(story.id)}\n"
    for part in (_articles, _statements, _quotes, _figures, _timeline):
        yield from part(view)


def iter_markdown(dossier: Dossier) -> Iterator[str]:
    """The report line by line (each with its newline), largest stories first, one story view at a time."""
    head = (
        "# rashomon dossier\n",
        f"{len(dossier.articles)} article(s), {len(dossier.stories)} story(ies), "
        f"{len(dossier.rejected)} input(s) rejected.\n",
    )
    for line in head:
        yield line + "\n"
    for view in iter_story_views(dossier):
        for line in _story(view):
            yield line + "\n"
    if dossier.rejected:
        yield "## Inputs that could not be read\n\n"
        for r in dossier.rejected:
            yield f"- {_code(r.input)}: {_escape(r.reason)}\n"


def render_markdown(dossier: Dossier) -> str:
    return "".join(iter_markdown(dossier))


def write_markdown(dossier: Dossier, path: Path, *, files: FileSet | None = None) -> Path:
    """Write ``path`` whole, alone or as one of ``files``."""
    return files.write(path, iter_markdown(dossier)) if files else write_atomic(path, iter_markdown(dossier))
