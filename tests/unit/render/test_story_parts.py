"""A story's parts in reading order, from a hand-built dossier with conflicts, quote variants and framing filled in."""

from __future__ import annotations

import re

import pytest
from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon.dossier import Dossier, NamingOut, QuoteOut, SpanRef, StatementOut
from rashomon.render.html import render_html
from rashomon.render.markdown import render_markdown
from rashomon.render.view import (
    anchor,
    figure_unit,
    figure_value,
    quote_words,
    readable_when,
    story_views,
    word_differences,
)
from rashomon.text.numbers import format_number as number
from tests.unit.render.build import PageLinks, build_dossier
from tests.unit.render.full_story import SHIP, full_story

SCRIPT = "<script>alert(1)</script>"
# The parts of a story in the order the report gives them.
PARTS = (
    "Where outlets conflict",
    "What several outlets report",
    "Who said what",
    "Figures",
    "Timeline",
    "How each outlet frames it",
    "Who and what is named",
    "Outlets",
    "What only one outlet reports",
    "The articles side by side",
)


@pytest.fixture
def dossier() -> Dossier:
    return full_story()


def _parse(html: str) -> PageLinks:
    links = PageLinks()
    links.feed(html)
    return links


def _heading(html: str, title: str) -> int:
    found = re.search(rf'<h3 id="[^"]+">{re.escape(title)}\b', html)
    assert found, title
    return found.start()


def _part(html: str, title: str) -> str:
    """The HTML of one part of the story, from its heading to the next heading."""
    start = _heading(html, title)
    end = html.find("<h3 ", start + 1)
    return html[start : end if end > 0 else len(html)]


def test_the_parts_come_in_reading_order_conflicts_first(dossier: Dossier) -> None:
    html = render_html(dossier)
    positions = [_heading(html, title) for title in PARTS]
    assert positions == sorted(positions)
    conflicts = _part(html, "Where outlets conflict")
    assert "7 vs 8 people in the water (Continental Wire, Northsea Courant)" in conflicts
    assert "<mark>Seven people</mark>" in conflicts and "<mark>Eight people</mark>" in conflicts


def test_each_conflict_side_links_to_its_highlighted_sentence(dossier: Dossier) -> None:
    conflicts = _part(render_html(dossier), "Where outlets conflict")
    for side in dossier.stories[0].conflicts[0].sides:
        target = anchor(side.article, side.sentence.start)
        assert f'href="#{target}"' in conflicts
    html = render_html(dossier)
    assert f'<span id="{anchor("wire", 57)}" class="conflicting">Seven people were' in html


def test_every_in_page_link_lands_on_an_element(dossier: Dossier) -> None:
    parsed = _parse(render_html(dossier))
    assert len(parsed.ids) == len(set(parsed.ids))
    assert set(parsed.hrefs) <= set(parsed.ids)
    for title in PARTS[:5]:  # conflicts, shared facts, quotes, figures, timeline: each item names its sentence
        assert 'class="src" href="#s-' in _part(render_html(dossier), title), title


def test_shared_facts_list_the_corroborated_statements_with_their_outlets(dossier: Dossier) -> None:
    shared = _part(render_html(dossier), "What several outlets report")
    assert SHIP in shared and "Six workers are missing." in shared
    assert "Seven people" not in shared and "30000" not in shared
    assert shared.count('class="src"') == 5


def test_quote_variants_stand_side_by_side_with_the_differences_marked(dossier: Dossier) -> None:
    quotes = _part(render_html(dossier), "Who said what")
    assert "Wes Moore, as 2 outlets render it" in quotes
    assert "<mark>Those</mark> people are heroes. <mark>Last night</mark> they saved lives," in quotes
    assert "<mark>These</mark> people are heroes. They saved lives <mark>last night,</mark>" in quotes
    assert "<details>" in quotes  # every quote, collapsed


def test_word_differences_ignore_case_and_punctuation() -> None:
    first, second = word_differences(["They saved lives, he said", "they saved LIVES he said today"])
    assert [(w.text, w.differs) for w in first] == [("They saved lives, he said", False)]
    assert [(w.text, w.differs) for w in second] == [("they saved LIVES he said", False), ("today", True)]
    assert word_differences([]) == []


def test_figures_print_as_readers_write_them(dossier: Dossier) -> None:
    assert [number(6.0), number(30000.0), number(1.6), number(1234.5678), number(-2.0)] == [
        "6",
        "30,000",
        "1.6",
        "1,234.57",
        "-2",
    ]
    vague = dossier.figures[0].model_copy(update={"value": None, "approx": True, "low": 12.0, "high": 120.0})
    qualified = dossier.figures[0].model_copy(update={"value": 12.0, "approx": True, "qualifier": "at least"})
    assert (figure_value(vague), figure_value(qualified)) == ("vague (12–120)", "at least 12")
    rose = dossier.figures[0].model_copy(update={"value": 5.0, "approx": False, "direction": "up"})
    fell = qualified.model_copy(update={"direction": "down"})
    assert (figure_value(rose), figure_value(fell)) == ("up 5", "down by at least 12"), "a change says its way"
    stated = vague.model_copy(update={"text": "3–5 people", "low": 3.0, "high": 5.0})
    about = stated.model_copy(update={"text": "about 3-5 people", "qualifier": "about", "direction": "up"})
    assert (figure_value(stated), figure_value(about)) == ("3–5", "up by about 3–5"), "a range in figures is no vague"
    share = dossier.figures[0].model_copy(
        update={"value": 1 / 3, "approx": False, "unit": "fraction", "about": "Danes"}
    )
    assert (figure_value(share), figure_unit(share)) == ("1/3", "of Danes"), "a share reads as a part of its whole"
    assert figure_unit(share.model_copy(update={"about": None})) == "of a whole"
    figures = _part(render_html(dossier), "Figures")
    assert "30,000" in figures and ">6<" in figures
    assert ".0<" not in figures
    groups = figures.split("<details>")[0]  # the figures several outlets give, before the collapsed full list
    assert "Seven people" in groups and "Eight people" in groups and "conflict" in groups
    assert "30,000" not in groups


def test_the_timeline_links_each_outlet_to_the_dated_sentence(dossier: Dossier) -> None:
    timeline = _part(render_html(dossier), "Timeline")
    assert f'href="#{anchor("wire", 0)}"' in timeline and f'href="#{anchor("courant", 0)}"' in timeline


def test_framing_shows_headline_lede_words_and_omissions(dossier: Dossier) -> None:
    framing = _part(render_html(dossier), "How each outlet frames it")
    assert "Northsea Courant: bridge falls" in framing
    assert "corroborated" in framing
    assert "<span>port</span>" in framing
    assert "Wes Moore: “the governor”" in framing
    courant = framing[framing.index("<h4>Northsea Courant") :]
    assert "1 shared fact(s)" in courant and "<li>Six workers are missing.</li>" in courant


def test_entities_name_their_type_mentions_and_outlets(dossier: Dossier) -> None:
    (view,) = story_views(dossier)
    rows = {row.name: row for row in view.entities}
    assert (rows["Baltimore"].mentions, rows["Baltimore"].outlets) == (
        3,
        ["Continental Wire", "Prairie Courier", "Northsea Courant"],
    )
    assert rows["Wes Moore"].type == "PERSON"
    assert [row.name for row in view.entities][:2] == ["Baltimore", "Wes Moore"]
    entities = _part(render_html(dossier), "Who and what is named")
    assert "Named by one outlet only (1)" in entities  # "The port", collapsed


def test_the_outlet_overview_gives_dates_copies_and_wire_credits(dossier: Dossier) -> None:
    outlets = _part(render_html(dossier), "Outlets")
    assert "copy of Continental Wire; credits Continental Wire" in outlets
    assert "2024-03-26 (inferred from the story)" in outlets
    assert 'href="#a-copy"' in outlets


def test_single_source_facts_are_grouped_per_outlet_and_collapsed(dossier: Dossier) -> None:
    single = _part(render_html(dossier), "What only one outlet reports")
    assert "<summary>Northsea Courant (1)</summary>" in single
    assert "The port handles 30000 vehicles a day." in single


def test_markdown_gives_the_parts_in_the_same_order(dossier: Dossier) -> None:
    markdown = render_markdown(dossier)
    headings = [
        "### Where outlets conflict (1)",
        "### What several outlets report (2)",
        "### Who said what",
        "### Figures across outlets",
        "### Timeline",
        "### How each outlet frames it",
        "### Who and what is named (3)",
        "### Outlets (3)",
        "### What only one outlet reports (1)",
    ]
    positions = [markdown.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "- **7 vs 8 people in the water (Continental Wire, Northsea Courant)** (figure)" in markdown
    assert '  - *Continental Wire*: **7**: "**Seven people** were in the water, fire officials said."' in markdown
    assert "- *Northsea Courant* (direct): **These** people are heroes. They saved lives **last night,**" in markdown
    assert "    - Six workers are missing." in markdown  # what the Courant leaves out
    assert "30,000" not in markdown.split("### Figures across outlets")[1].split("###")[0]


def test_new_parts_escape_article_content(dossier: Dossier) -> None:
    story = dossier.stories[0]
    conflict = story.conflicts[0].model_copy(update={"text": f"7 vs 8 {SCRIPT}", "what": SCRIPT})
    framing = story.framing[0].model_copy(
        update={"distinctive": [SCRIPT], "names": [NamingOut(entity="x", name=SCRIPT, words=[SCRIPT])]}
    )
    hostile = story.model_copy(update={"conflicts": [conflict], "framing": [framing, *story.framing[1:]]})
    dossier = dossier.model_copy(update={"stories": [hostile]})
    html = render_html(dossier)
    assert "<script" not in html.lower() and _parse(html).scripts == 0
    assert "7 vs 8 &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"(?<!\\)<script", render_markdown(dossier))


def test_a_story_without_conflicts_says_so_and_one_article_stories_stay_quiet(dossier: Dossier) -> None:
    story = dossier.stories[0]
    calm = story.model_copy(
        update={"conflicts": [], "statements": [s for s in story.statements if s.status != "conflicting"]}
    )
    html = render_html(dossier.model_copy(update={"stories": [calm]}))
    assert "No conflicting figures, dates or speakers found between the outlets." in html
    assert ">Where outlets conflict" not in html
    lone = render_html(build_dossier((1,)))
    assert "Where outlets conflict" not in lone and "No conflicting" not in lone


def test_a_conflict_explains_its_statement_once(dossier: Dossier) -> None:
    (view,) = story_views(dossier)
    assert [c.text for c in view.conflicts] == ["7 vs 8 people in the water (Continental Wire, Northsea Courant)"]


def test_story_section_is_a_macro_of_one_view() -> None:
    environment = Environment(loader=PackageLoader("rashomon.render", "templates"), autoescape=select_autoescape())
    section = environment.get_template("_sections.html.j2").module.story_section
    (view,) = story_views(build_dossier((3,)))
    html = str(section(view))
    assert html.lstrip().startswith('<section class="story" id="story-000000000000">')
    assert "Where outlets conflict" in html and "10 vs 11 vs 12 boats" in html


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("197", "1970s"),
        ("197X", "1970s"),
        ("2020-FA", "fall 2020"),
        ("2021-WI", "winter 2021"),
        ("2024-03", "March 2024"),
        ("2024-03-26", "2024-03-26"),
        ("2021", "2021"),
        ("2024-13", "2024-13"),
    ],
)
def test_timeline_values_read_as_a_reader_says_them(value: str, label: str) -> None:
    assert readable_when(value) == label


def test_a_clause_of_a_longer_sentence_is_shown_inside_the_rest_of_it(dossier: Dossier) -> None:
    """A statement cut from a sentence joining two claims reads with the rest of its sentence, muted, so "told
    drivers to use the tunnels" says who told them; a whole sentence stands alone."""
    courant = next(a for a in dossier.articles if a.id == "courant")
    closed, told = "Police closed the lanes near the bridge", "told drivers to use the tunnels instead."
    text = f"{courant.text} {closed} and {told}"
    spans = [
        SpanRef(article="courant", start=text.index(part), end=text.index(part) + len(part)) for part in (closed, told)
    ]
    statements = [
        StatementOut(text=part, status="single-source", sources=[span])
        for part, span in zip((closed, told), spans, strict=True)
    ]
    story = dossier.stories[0].model_copy(update={"statements": [*dossier.stories[0].statements, *statements]})
    articles = [a.model_copy(update={"text": text}) if a.id == "courant" else a for a in dossier.articles]
    dossier = dossier.model_copy(update={"stories": [story], "articles": articles})
    facts = {fact.text: fact for facts in story_views(dossier)[0].single_source.values() for fact in facts}
    assert (facts[closed].before, facts[closed].after) == ("", f" and {told}")
    assert (facts[told].before, facts[told].after) == (f"{closed} and ", "")
    assert (
        facts["The port handles 30000 vehicles a day."].before
        == facts["The port handles 30000 vehicles a day."].after
        == ""
    )
    assert f"- {closed} and **{told}**" in render_markdown(dossier)
    assert f'<span class="context">{closed} and </span><span class="single-source">{told}</span>' in render_html(
        dossier
    )


def test_indirect_speech_held_by_nobody_stays_out_of_the_quote_table(dossier: Dossier) -> None:
    """ "Six workers are missing" read as indirect speech with no speaker is no one's quote to a reader; a direct quote
    without a speaker is still shown."""
    moore = dossier.quotes[0]
    nobody = [
        moore.model_copy(update={"id": f"{moore.id}-{kind}", "speaker": None, "speaker_entity": None, "kind": kind})
        for kind in ("indirect", "direct")
    ]
    dossier = dossier.model_copy(update={"quotes": [*dossier.quotes, *nobody]})
    rows = story_views(dossier)[0].quotes
    kept = [row.quote.kind for row in rows if row.quote.speaker is None]
    assert kept == ["direct"]
    assert len(rows) == sum(q.article in dossier.stories[0].articles for q in dossier.quotes) - 1


def quote_around(dossier: Dossier, text: str, cue: str, speaker: str) -> QuoteOut:
    """A quote of ``text`` from "The road" to "instead." with its cue and speaker spans at those words."""
    start, end = text.index("The road"), text.index("instead.") + len("instead.")
    at, by = text.index(cue), text.index(speaker)
    return dossier.quotes[0].model_copy(
        update={
            "text": text[start:end],
            "start": start,
            "end": end,
            "cue_span": SpanRef(article="a", start=at, end=at + len(cue)),
            "speaker_span": SpanRef(article="a", start=by, end=by + len(speaker)),
        }
    )


def test_a_quote_its_attribution_interrupts_is_shown_without_it(dossier: Dossier) -> None:
    text = 'Police arrived. "The road is closed," the mayor told reporters. "Use the tunnels instead."'
    start, end = text.index("The road"), text.index("instead.") + len("instead.")
    quote = quote_around(dossier, text, "told", "the mayor")
    assert quote_words(quote, text) == "The road is closed … Use the tunnels instead."
    plain = quote.model_copy(update={"cue_span": None})
    assert quote_words(plain, text) == text[start:end]
    # the words after the attribution stay, a quote mark further on does not open the second piece
    text = "“A deal is close,” he said, adding that the so-called ‘reform’ was dead."
    start, end, cue = text.index("A deal"), text.index("dead") + 4, text.index("said")
    adding = quote.model_copy(
        update={
            "text": text[start:end],
            "start": start,
            "end": end,
            "cue_span": SpanRef(article="a", start=cue, end=cue + 4),
            "speaker_span": SpanRef(article="a", start=cue - 3, end=cue - 1),
        }
    )
    assert quote_words(adding, text) == "A deal is close … adding that the so-called ‘reform’ was dead"


def test_indirect_speech_around_its_passive_cue_is_one_piece(dossier: Dossier) -> None:
    """ "Six people are feared dead": the cue sits inside the content, but no quote closes before it."""
    text = "Six people are feared dead after the bridge fell."
    cue = text.index("are feared")
    quote = dossier.quotes[0].model_copy(
        update={
            "text": text[:-1],
            "start": 0,
            "end": len(text) - 1,
            "kind": "indirect",
            "cue_span": SpanRef(article="a", start=cue, end=cue + len("are feared")),
            "speaker_span": None,
        }
    )
    assert quote_words(quote, text) == text[:-1]


def test_a_quote_set_off_from_its_attribution_by_dashes_is_two_pieces(dossier: Dossier) -> None:
    text = "“The road is closed” — the mayor said — “use the tunnels instead.”"
    quote = quote_around(dossier, text, "said", "the mayor")
    assert quote_words(quote, text) == "The road is closed … use the tunnels instead."
