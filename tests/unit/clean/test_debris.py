"""The debris tables' cues: a line pattern skips lines without a cue, so every match must hold one."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.clean import debris
from rashomon.clean.page_text import classify_line

_CUED = [p for p in (*debris.DEBRIS_LINES, debris.CREDIT) if p.cues]


def test_the_unanchored_patterns_have_cues() -> None:
    # The patterns that scan a whole line are the ones the cues are for; anchored ones are cheap without.
    assert len(_CUED) >= 10
    assert debris.CREDIT.cues


@pytest.mark.parametrize("pattern", _CUED, ids=lambda p: p.regex.pattern[:40])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_holds_a_cue(pattern: debris.LinePattern, data: st.DataObject) -> None:
    line = data.draw(st.from_regex(pattern.regex))
    assert pattern.search(line, line.lower())


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("We use cookies to improve your experience.", True),
        ("The bakery sold cookies to the crowd.", False),
        ("Photo: Jane Doe / REUTERS", True),
        ("He spoke to reporters on Monday.", False),
    ],
)
def test_a_cue_alone_is_not_a_match(line: str, found: bool) -> None:
    assert any(p.search(line, line.lower()) for p in (*debris.DEBRIS_LINES, debris.CREDIT)) is found


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ('<a href="http://ad.example.net/jump/news/sport;sz=728x90" target="_blank">', "debris"),
        ("<SCRIPT LANGUAGE='JavaScript1.1'>if (document.layers) {document.write('<SCR')}", "debris"),
        ("<a> tags are what a page links with, and every browser underlines them by default.", "body"),
        ('BBnd newsi library--> <script src="http://news.example/sol.js" language="JavaScript"></script>', "debris"),
        ("= 0; i = i - 1){ item = listEvents[i]; if(item[0].removeEventListener){ item[0].x(item[1]); }", "debris"),
        ("17/01/2008 18:04:44", "debris"),
        ("12/01/2005 - 01/01/2006", "debris"),
        ("The vote fell on 17/01/2008, a day after the storm; the count took a week.", "body"),
        ("2024年04月24日23:52 | 来源： 新华网", "meta"),
        ("发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)", "meta"),
        ("新华网2024年04月24日报道，来源于当地政府的数据显示，今年的粮食产量再创新高。", "body"),
    ],
)
def test_markup_script_and_date_lines_are_not_body(line: str, kind: str) -> None:
    assert classify_line(line) == kind
