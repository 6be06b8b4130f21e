"""The debris tables' cues: a line pattern skips lines without a cue, so every match must hold one."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.clean import debris

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
