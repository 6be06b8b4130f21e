"""The reports of a small hand-built dossier whose article content is hostile: HTML, Markdown and the files."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon.dossier import (
    ArticleOut,
    Dossier,
    FigureLink,
    FigureOut,
    QuoteOut,
    RejectedOut,
    SpanRef,
    StatementOut,
    StoryOut,
    TimelineOut,
)
from rashomon.render import REPORT_FILES, write_reports
from rashomon.render.atomic import OutputError, file_set
from rashomon.render.html import render_html
from rashomon.render.json import write_json
from rashomon.render.markdown import render_markdown
from rashomon.render.view import anchor
from tests.unit.render.build import PageLinks

SCRIPT = "<script>alert(1)</script>"
TEXT_A = f"Flooding closed the A1 road & the rail line. {SCRIPT} Crews worked | overnight. Two bridges were lost."
TEXT_B = "Flooding closed the A1 road and the rail line. Three bridges were lost. Crews pumped water all night."


def _span(article: str, text: str, words: str) -> SpanRef:
    start = text.index(words)
    return SpanRef(article=article, start=start, end=start + len(words))


def _article(id: str, text: str, **fields: object) -> ArticleOut:
    values: dict[str, object] = {
        "id": id,
        "source": f"{id}.txt",
        "outlet": None,
        "title": None,
        "published": "2024-05-14",
        "published_inferred": False,
        "byline": None,
        "url": None,
        "text": text,
        "story": "story:abc123",
        "duplicate_of": None,
        "relays": [],
        "captions": [],
    }
    values.update(fields)
    return ArticleOut.model_validate(values)


def _figure(article: str, text: str, words: str, value: float, *, other: str) -> FigureOut:
    span = _span(article, text, words)
    return FigureOut(
        id=f"{article}:figure:1",
        article=article,
        text=words,
        value=value,
        unit="bridge",
        approx=False,
        qualifier=None,
        about="bridges",
        start=span.start,
        end=span.end,
        aligned_with=[FigureLink(figure=other, relation="conflict")],
    )


@pytest.fixture
def dossier() -> Dossier:
    closed_a = _span("a/1", TEXT_A, "Flooding closed the A1 road & the rail line.")
    closed_b = _span("b:2", TEXT_B, "Flooding closed the A1 road and the rail line.")
    crews = _span("a/1", TEXT_A, f"{SCRIPT} Crews worked | overnight.")
    lost_a = _span("a/1", TEXT_A, "Two bridges were lost.")
    lost_b = _span("b:2", TEXT_B, "Three bridges were lost.")
    quote = _span("a/1", TEXT_A, "Crews worked | overnight")
    statements = [
        StatementOut(text=TEXT_A[closed_a.start : closed_a.end], status="corroborated", sources=[closed_a, closed_b]),
        StatementOut(text=TEXT_A[crews.start : crews.end], status="single-source", sources=[crews]),
        StatementOut(text=TEXT_A[lost_a.start : lost_a.end], status="conflicting", sources=[lost_a, lost_b]),
    ]
    story = StoryOut(
        id="story:abc123",
        title=f"Floods {SCRIPT} & closures",
        articles=["a/1", "b:2"],
        date="2024-05-13",
        summary=statements[0].text,
        statements=statements,
        timeline=[TimelineOut(when="2024-05-13", what=f"Rain | {SCRIPT}", sources=["a/1", "b:2"])],
    )
    return Dossier(
        schema_version="1",
        articles=[
            _article("a/1", TEXT_A, title=f"Floods {SCRIPT} & closures", outlet="Ledger & Co"),
            _article("b:2", TEXT_B, title="Roads shut", outlet="Courier", published=None, language="en"),
        ],
        rejected=[RejectedOut(input=f"bad{SCRIPT}.html", reason="Not a <page> & unreadable.")],
        stories=[story],
        entities=[],
        quotes=[
            QuoteOut(
                id=f"a/1:quote:{quote.start}-{quote.end}",
                article="a/1",
                speaker="Jo Bloggs",
                speaker_entity=None,
                text=TEXT_A[quote.start : quote.end],
                kind="partial",
                start=quote.start,
                end=quote.end,
                speaker_span=None,
                cue_span=None,
                aligned_with=[],
            )
        ],
        figures=[
            _figure("a/1", TEXT_A, "Two bridges", 2, other="b:2:figure:1"),
            _figure("b:2", TEXT_B, "Three bridges", 3, other="a/1:figure:1"),
        ],
        times=[],
    )


def test_html_escapes_article_content(dossier: Dossier) -> None:
    html = render_html(dossier)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ledger &amp; Co" in html
    assert "road &amp; the rail line" in html
    assert "Not a &lt;page&gt; &amp; unreadable." in html
    parsed = PageLinks()
    parsed.feed(html)
    assert parsed.scripts == 0


def test_html_links_every_statement_source_to_its_sentence(dossier: Dossier) -> None:
    parsed = PageLinks()
    parsed.feed(render_html(dossier))
    sources = [s for st in dossier.stories[0].statements for s in st.sources]
    wanted = [anchor(s.article, s.start) for s in sources]
    assert len(set(wanted)) == len(sources) == 5
    for target in wanted:
        assert re.fullmatch(r"[A-Za-z0-9-]+", target)
        assert parsed.ids.count(target) == 1
        assert target in parsed.hrefs
    assert len(parsed.ids) == len(set(parsed.ids))


def test_html_has_no_dangling_links(dossier: Dossier) -> None:
    parsed = PageLinks()
    parsed.feed(render_html(dossier))
    assert set(parsed.hrefs) <= set(parsed.ids)


def test_html_body_keeps_the_article_text(dossier: Dossier) -> None:
    html = render_html(dossier)
    start = html.index(f'id="{anchor("b:2", 0)}"')
    assert "Three bridges were lost." in html[start:]
    assert "Crews pumped water all night." in html  # text outside any statement is shown too


def test_reports_name_an_articles_language_where_it_is_known(dossier: Dossier) -> None:
    assert "- **Courier**: Roads shut (date unknown, language en)" in render_markdown(dossier)
    assert "language en" in render_html(dossier)
    assert render_markdown(dossier).count("language ") == 1


def test_markdown_lists_facts_in_the_reports_order(dossier: Dossier) -> None:
    markdown = render_markdown(dossier)
    headings = {
        "### Where outlets conflict (1)": "Two bridges were lost.",
        "### What several outlets report (1)": "Flooding closed the A1 road & the rail line.",
        "### What only one outlet reports (1)": "Crews worked \\| overnight.",
    }
    positions = [markdown.index(h) for h in headings]
    assert positions == sorted(positions)
    for heading, statement in headings.items():
        section = markdown[markdown.index(heading) :].split("\n### ", 1)[0]
        assert statement in section
    conflicting = markdown[positions[0] : positions[1]]
    assert (
        "**The figures differ (Ledger & Co, Courier)**" in conflicting
    )  # a conflicting statement no conflict explains
    assert '*Courier*: "Three bridges were lost."' in conflicting
    corroborated = markdown[positions[1] :].split("\n### ", 1)[0]
    assert "*Ledger & Co*, *Courier*" in corroborated
    assert "Crews" not in corroborated
    assert "#### Ledger & Co (1)" in markdown[positions[2] :]


def test_markdown_escapes_pipes_in_table_cells(dossier: Dossier) -> None:
    markdown = render_markdown(dossier)
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "quote" not in line]
    (row,) = [r for r in rows if "overnight" in r]
    cells = re.split(r"(?<!\\)\|", row.strip())[1:-1]
    assert len(cells) == 4, row
    assert cells[1].strip() == "Crews worked \\| overnight"
    assert "Crews worked | overnight" not in markdown


def test_markdown_escapes_pipes_in_the_speaker_cell(dossier: Dossier) -> None:
    quote = dossier.quotes[0].model_copy(update={"speaker": "Jo | Bloggs"})
    piped = dossier.model_copy(update={"quotes": [quote]})
    row = next(line for line in render_markdown(piped).splitlines() if "overnight" in line and line[:1] == "|")
    assert len(re.split(r"(?<!\\)\|", row.strip())[1:-1]) == 4, row


def test_markdown_reports_rejected_inputs(dossier: Dossier) -> None:
    markdown = render_markdown(dossier)
    assert "## Inputs that could not be read" in markdown
    assert "Not a \\<page\\> & unreadable." in markdown
    assert "1 input(s) rejected" in markdown
    assert '- conflict: bridges: "Two bridges" (Ledger & Co); "Three bridges" (Courier)' in markdown


def test_markdown_shows_markup_in_article_text_as_text(dossier: Dossier) -> None:
    article = dossier.articles[0].model_copy(
        update={"title": "Floods\n# Injected heading [click](javascript:alert(1)) \u202eevil", "outlet": "<b>x</b>"}
    )
    hostile = dossier.model_copy(update={"articles": [article, *dossier.articles[1:]]})
    markdown = render_markdown(hostile)
    outside_code = re.sub(r"`[^`]*`", "", markdown)  # a code span shows its content as it is
    assert not re.search(r"(?<!\\)<(script|b>)", outside_code)  # "\<script" shows the tag as text
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)  # "\](" is no link
    assert not any(line.startswith("# Injected") for line in markdown.splitlines())
    assert "\u202e" not in markdown
    assert "\\[click\\]" in markdown


def test_markdown_shows_entities_in_article_text_as_text(dossier: Dossier) -> None:
    article = dossier.articles[0].model_copy(update={"title": "Rock &amp; roll &lt;script&gt; &#60; & more"})
    markdown = render_markdown(dossier.model_copy(update={"articles": [article, *dossier.articles[1:]]}))
    assert "Rock \\&amp; roll \\&lt;script\\&gt; \\&#60; & more" in markdown  # a lone "&" needs nothing


def test_html_declares_a_policy_that_runs_no_script(dossier: Dossier) -> None:
    html = render_html(dossier)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "unicode-bidi: isolate" in html


def test_write_reports_round_trips_the_json(dossier: Dossier, tmp_path: Path) -> None:
    out = tmp_path / "out"
    paths = write_reports(dossier, out)
    assert [p.name for p in paths] == list(REPORT_FILES)
    assert sorted(p.name for p in out.iterdir()) == sorted(REPORT_FILES)  # no temporary files left
    assert Dossier.model_validate_json((out / "dossier.json").read_text(encoding="utf-8")) == dossier
    assert (out / "report.html").read_text(encoding="utf-8") == render_html(dossier)
    assert (out / "report.md").read_text(encoding="utf-8") == render_markdown(dossier)
    write_reports(dossier, out)  # overwriting is fine
    assert sorted(p.name for p in out.iterdir()) == sorted(REPORT_FILES)


def test_reports_are_written_as_one_set(dossier: Dossier, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_reports(dossier, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    later = dossier.model_copy(update={"articles": dossier.articles[:1]})  # any other dossier

    def chunks() -> Iterator[str]:
        yield "half of it"
        raise OSError(errno.ENOSPC, "No space left on device")  # as a write to a full disk fails: no file named

    with pytest.raises(OutputError) as raised, file_set(out) as files:
        write_json(later, out / "dossier.json", files=files)
        files.write(out / "report.md", chunks())
    assert str(raised.value).startswith(
        f"The outputs could not be written to {out}: No space left on device ({out / 'report.md'})."
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no new dossier.json, no temporary files
