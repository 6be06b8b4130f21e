"""Tests for the cheap HTML checks: markup detection and tag nesting depth as a forgiving parser sees it."""

from __future__ import annotations

import pytest

from rashomon.ingest.markup import has_markup, measure


@pytest.mark.parametrize(
    ("html", "depth"),
    [
        ("<html><body><div><p>Text</p></div></body></html>", 4),
        ("<div><br><img src='x.png'><hr/></div>", 1),
        ("<div><span/></div>", 2),  # a trailing slash does not close an HTML element: `<span/>` opens a span
        ("<div><svg><path d='M0'/><path/></svg></div>", 2),  # but it does inside SVG
        ("<ul><li>one<li>two<li>three</ul>", 2),
        ("<p>one<p>two<p>three", 1),
        ("<div><span><b>unclosed</div><div>sibling</div>", 3),
        ("</div></div><div>stray end tags are ignored</div>", 1),
        ("<div><!-- <div><div><div> --><script>if (a<b) { x = '<div><div>'; }</script></div>", 1),
        ("<div><style>p > span { color: red }</style><p>x</p></div>", 2),
        ("plain text with no tags < and > signs", 0),
    ],
)
def test_nesting_depth(html: str, depth: int) -> None:
    assert measure(html, 1_000, 1_000)[0] == depth


def test_nesting_depth_stops_just_past_the_limit() -> None:
    assert measure("<div>" * 100_000, 250, 1_000)[0] == 251


def test_self_closing_divs_nest_as_a_browser_nests_them() -> None:
    assert measure("<body>" + "<div/>" * 60_000, 250, 1_000)[0] == 251


def test_measure_counts_the_attributes_of_the_busiest_tag() -> None:
    page = "<p class='a' id=\"b\" hidden>x</p><img " + " ".join(f"a{i}=x" for i in range(5_000)) + ">"
    assert measure(page, 250, 10_000) == (1, 5_000)
    assert measure(page, 250, 1_000)[1] > 1_000
    assert measure("<p class='a' id='b' hidden>x</p>", 250, 3)[1] == 3
    assert measure("<p class='a' id='b' hidden>x</p>", 250, 100)[1] == 0  # too short to hold 100: not counted


def test_has_markup() -> None:
    assert has_markup("<p>A paragraph.</p>")
    assert has_markup("Line one<br/>line two")
    assert not has_markup("Prices rose 3 < 5 percent, and x > y in plain text.")
