"""The Markdown report: the HTML report's parts in the same order (where outlets conflict, what several report, who
said what, figures, timeline, framing, entities, outlets, what one alone reports), each item with the outlets that
make it; no article bodies. Largest stories first, as in the HTML report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from rashomon.dossier import Dossier
from rashomon.render.atomic import FileSet, write_atomic
from rashomon.render.view import Fact, Source, StoryView, Word, iter_story_views

# Article text is untrusted: Markdown or HTML in it must show as text ("<script>", "[x](javascript:...)", "&lt;"), a
# line break in it must not start a heading or a list, and bidirectional controls must not reorder what follows.
_MARKUP = re.compile(r"([\\`*_\[\]|~<>]|&(?=#?[0-9A-Za-z]+;))")  # "&" only where it would start an entity
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
_BIDI_CONTROLS = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# Any character one of the three above changes: most cells (names, numbers, plain sentences) have none.
_CHANGED = re.compile(r"[\\`*_\[\]|~<>&\r\n\v\f\x1c-\x1e\x85\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(text: str) -> str:
    if not _CHANGED.search(text):
        return text
    plain = _LINE_BREAKS.sub(" ", _BIDI_CONTROLS.sub("", text))
    return _MARKUP.sub(r"\\\1", plain)


def _code(text: str) -> str:
    """An id or path as inline code (a backtick in it would end the code span)."""
    return "`" + _LINE_BREAKS.sub(" ", _BIDI_CONTROLS.sub("", text)).replace("`", "'") + "`"


def _cite(source: Source) -> str:
    return f"*{_escape(source.label)}*"


def _outlets(sources: Iterable[Source]) -> str:
    return ", ".join(dict.fromkeys(_cite(s) for s in sources))


def _conflicts(view: StoryView) -> Iterator[str]:
    if not view.conflicts:
        if view.outlets > 1:
            yield "No conflicting figures, dates or speakers found between the outlets.\n"
        return
    yield f"### Where outlets conflict ({len(view.conflicts)})\n"
    for conflict in view.conflicts:
        kind = f" ({conflict.kind})" if conflict.kind else ""
        yield f"- **{_escape(conflict.text)}**{kind}"
        for side in conflict.sides:
            says = f"**{_escape(side.says)}**: " if side.says else ""
            marked = f"**{_escape(side.marked)}**" if side.marked else ""
            yield f'  - {_cite(side.source)}: {says}"{_escape(side.before)}{marked}{_escape(side.after)}"'
    yield ""


def _facts(title: str, facts: Sequence[Fact]) -> Iterator[str]:
    if facts:
        yield f"### {title} ({len(facts)})\n"
        yield from (f"- {_fact(fact)} — {_outlets(fact.sources)}" for fact in facts)
        yield ""


def _fact(fact: Fact) -> str:
    """A statement; one clause of a longer sentence in bold inside the rest of it."""
    if not fact.before and not fact.after:
        return _escape(fact.text)
    return f"{_escape(fact.before)}**{_escape(fact.text)}**{_escape(fact.after)}"


def _words(words: Sequence[Word]) -> str:
    return " ".join(f"**{_escape(w.text)}**" if w.differs else _escape(w.text) for w in words)


def _quotes(view: StoryView) -> Iterator[str]:
    if not view.variants and not view.quotes:
        return
    yield "### Who said what\n"
    for variant in view.variants:
        speaker = _escape(variant.speaker or "Unknown speaker")
        yield f"{speaker}, as {len(variant.renderings)} outlets render it (words that differ in **bold**):\n"
        yield from (f"- {_cite(r.source)} ({r.kind}): {_words(r.words)}" for r in variant.renderings)
        yield ""
    if view.quotes:
        yield "| speaker | quote | kind | outlet |\n| --- | --- | --- | --- |"
        for row in view.quotes:
            cells = (row.quote.speaker or "?", row.shown, row.quote.kind, row.source.label)
            yield "| " + " | ".join(_escape(cell) for cell in cells) + " |"
        yield ""


def _figures(view: StoryView) -> Iterator[str]:
    if not view.figure_groups:
        return
    yield "### Figures across outlets\n"
    for group in view.figure_groups:
        given = "; ".join(f'"{_escape(row.text)}" ({_escape(row.source.label)})' for row in group.rows)
        yield f"- {'conflict' if group.conflict else 'agree'}: {_escape(group.what)}: {given}"
    yield ""


def _timeline(view: StoryView) -> Iterator[str]:
    for background in (False, True):
        entries = [d for d in view.timeline if d.background == background]
        if entries:
            yield "### Background: dated more than a month before the event\n" if background else "### Timeline\n"
            yield from (f"- **{_escape(d.when)}**: {_escape(d.what)} — {_outlets(d.sources)}" for d in entries)
        yield ""


def _framing(view: StoryView) -> Iterator[str]:
    if not view.framing:
        return
    yield "### How each outlet frames it\n"
    for framing in view.framing:
        yield f"- **{_escape(framing.label)}**"
        if framing.headline:
            yield f"  - headline: {_escape(framing.headline)}"
        if framing.lede:
            yield f"  - lede ({framing.lede_status or 'status unknown'}): {_escape(framing.lede.text)}"
        if framing.distinctive:
            yield f"  - words no other outlet uses: {_escape(', '.join(framing.distinctive))}"
        for naming in framing.names:
            yield f"  - calls {_escape(naming.name)}: " + ", ".join(f'"{_escape(w)}"' for w in naming.words)
        if framing.copy_of:
            yield f"  - copy of {_escape(framing.copy_of)}"
        relays = f"relays {_escape(', '.join(framing.relays))}" if framing.relays else "its own reporting"
        yield f"  - source: {relays}"
        if framing.omitted:
            yield f"  - leaves out {len(framing.omitted)} shared fact(s):"
            yield from (f"    - {_fact(fact)}" for fact in framing.omitted)
    yield ""


def _entities(view: StoryView) -> Iterator[str]:
    if view.entities:
        yield f"### Who and what is named ({len(view.entities)})\n"
        yield "| name | type | mentions | outlets |\n| --- | --- | --- | --- |"
        for row in view.entities:
            cells = (row.name, row.type, str(row.mentions), ", ".join(row.outlets))
            yield "| " + " | ".join(_escape(cell) for cell in cells) + " |"
        yield ""


def _articles(view: StoryView) -> Iterator[str]:
    yield f"### Outlets ({len(view.articles)})\n"
    for row in view.articles:
        a = row.article
        when = f"{a.published}{' (inferred)' if a.published_inferred else ''}" if a.published else "date unknown"
        extra = f", copy of {_escape(row.copy_of)}" if row.copy_of else ""
        relays = f", credits {_escape(', '.join(a.relays))}" if a.relays else ""
        language = f", language {_escape(a.language)}" if a.language else ""
        yield f"- **{_escape(row.label)}**: {_escape(a.title or a.id)} ({_escape(when)}{language}{extra}{relays})"
    yield ""


def _single_source(view: StoryView) -> Iterator[str]:
    if not view.single_source:
        return
    yield f"### What only one outlet reports ({sum(len(facts) for facts in view.single_source.values())})\n"
    for label, facts in view.single_source.items():
        yield f"#### {_escape(label)} ({len(facts)})\n"
        yield from (f"- {_fact(fact)}" for fact in facts)
        yield ""


def _story(view: StoryView) -> Iterator[str]:
    story = view.story
    yield f"## {_escape(story.title or story.id)}\n"
    yield (
        f"Event date: {story.date or 'unknown'} · {view.outlets} outlet(s) · {len(view.columns)} article(s) · "
        f"story id {_code(story.id)}\n"
    )
    yield from _conflicts(view)
    yield from _facts("What several outlets report", view.shared)
    for part in (_quotes, _figures, _timeline, _framing, _entities, _articles, _single_source):
        yield from part(view)


def iter_markdown(dossier: Dossier) -> Iterator[str]:
    """The report line by line (each with its newline), largest stories first, one story view at a time."""
    yield from markdown_head(dossier)
    for view in iter_story_views(dossier):
        yield from markdown_story(view)
    yield from markdown_tail(dossier)


def markdown_head(dossier: Dossier) -> Iterator[str]:
    yield "# rashomon dossier\n\n"
    yield (
        f"{len(dossier.articles)} article(s), {len(dossier.stories)} story(ies), "
        f"{len(dossier.rejected)} input(s) rejected.\n\n"
    )


def markdown_story(view: StoryView) -> Iterator[str]:
    """One story's part of the report, line by line."""
    for line in _story(view):
        yield line + "\n"


def markdown_tail(dossier: Dossier) -> Iterator[str]:
    if dossier.rejected:
        yield "## Inputs that could not be read\n\n"
        for r in dossier.rejected:
            yield f"- {_code(r.input)}: {_escape(r.reason)}\n"


def render_markdown(dossier: Dossier) -> str:
    return "".join(iter_markdown(dossier))


def write_markdown(dossier: Dossier, path: Path, *, files: FileSet | None = None) -> Path:
    """Write ``path`` whole, alone or as one of ``files``."""
    return files.write(path, iter_markdown(dossier)) if files else write_atomic(path, iter_markdown(dossier))
