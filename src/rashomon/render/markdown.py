"""The Markdown report: per story, what outlets corroborate, what one alone reports, where they conflict, who said
what, and the timeline, each statement with the outlets that make it."""

from __future__ import annotations

from collections.abc import Iterator

from rashomon.dossier import Dossier
from rashomon.render.view import StoryView, story_views

_HEADINGS = {"conflicting": "Conflicting", "corroborated": "Corroborated", "single-source": "Reported by one outlet"}


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _articles(view: StoryView) -> Iterator[str]:
    for column in view.columns:
        a = column.article
        when = f"{a.published}{' (inferred)' if a.published_inferred else ''}" if a.published else "date unknown"
        extra = f", copy of `{a.duplicate_of}`" if a.duplicate_of else ""
        relays = f", credits {', '.join(a.relays)}" if a.relays else ""
        language = f", language {a.language}" if a.language else ""
        yield f"- **{column.label}**: {a.title or a.id} ({when}{language}{extra}{relays})"
    yield ""


def _statements(view: StoryView) -> Iterator[str]:
    for status, statements in view.statements.items():
        if not statements:
            continue
        yield f"### {_HEADINGS[status]} ({len(statements)})\n"
        for statement in statements:
            if status == "conflicting":
                versions = (
                    f"{_escape(view.texts[s.article][s.start : s.end])} (*{view.labels[s.article]}*)"
                    for s in statement.sources
                )
                yield "- " + " / ".join(versions)
            else:
                outlets = ", ".join(dict.fromkeys(view.labels[s.article] for s in statement.sources))
                yield f"- {_escape(statement.text)} — *{outlets}*"
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
            f'- {link.relation}: "{figure.text}" ({view.labels[figure.article]}) vs '
            f'"{other.text}" ({view.labels[other.article]})'
        )
    yield ""


def _timeline(view: StoryView) -> Iterator[str]:
    if not view.story.timeline:
        return
    yield "### Timeline\n"
    for entry in view.story.timeline:
        yield f"- **{entry.when}**: {_escape(entry.what)} — *{', '.join(view.labels[s] for s in entry.sources)}*"
    yield ""


def _story(view: StoryView) -> Iterator[str]:
    story = view.story
    yield f"## {story.title or story.id}\n"
    yield f"Event date: {story.date or 'unknown'} · {len(view.columns)} article(s) · story id `{story.id}`\n"
    for part in (_articles, _statements, _quotes, _figures, _timeline):
        yield from part(view)


def render_markdown(dossier: Dossier) -> str:
    lines = [
        "# rashomon dossier\n",
        f"{len(dossier.articles)} article(s), {len(dossier.stories)} story(ies), "
        f"{len(dossier.rejected)} input(s) rejected.\n",
    ]
    for view in story_views(dossier):
        lines.extend(_story(view))
    if dossier.rejected:
        lines.append("## Inputs that could not be read\n")
        lines.extend(f"- `{r.input}`: {r.reason}" for r in dossier.rejected)
    return "\n".join(lines) + "\n"
