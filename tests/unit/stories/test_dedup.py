"""Tests for copy detection: shingles, containment, and which article of a copied pair is the original."""

from __future__ import annotations

import pytest

from rashomon.model import Article
from rashomon.settings import DedupSettings
from rashomon.stories.dedup import (
    SAMPLE_EVERY,
    candidate_pairs,
    containment,
    find_duplicates,
    fingerprints,
    key_containment,
    shingle_keys,
    shingles,
)

SETTINGS = DedupSettings()
WIRE = [
    "Flood waters forced more than 3,000 people from their homes in the river valley on Sunday, officials said.",
    "The river rose nearly four metres overnight after three days of heavy rain, breaking a record set in 1998.",
    "Rescue crews used boats to reach families stranded on rooftops in the lowest-lying villages.",
    "Two people were reported missing and a bridge on the main road to the coast was closed.",
    "The regional governor asked the army for help and said shelters had opened in schools and sports halls.",
]
# The same facts in independent words.
OWN_WORDS = [
    "More than three thousand valley residents had to leave their houses on Sunday as the river burst its banks.",
    "After three days of rain the water climbed by almost four metres in one night, the highest level since 1998.",
    "Boats were sent to pick up families who had climbed onto their roofs, and two people are still missing.",
    "The governor has called in the army, and schools and sports halls are being used as shelters.",
]
EXTRA = [
    "Insurers said claims from the flooded towns could take months to settle once the water has gone.",
    "Farmers in the lower valley warned that much of the spring planting had been washed away.",
    "The weather service forecast drier days ahead but said the ground would stay saturated for weeks.",
    "Volunteers filled sandbags through the night outside the town hall in the regional capital.",
    "Schools in the district will stay closed until at least Wednesday, the education office said.",
    "A second bridge further upstream was being inspected for damage before it could reopen to traffic.",
]


def article(article_id: str, paragraphs: list[str], **fields: object) -> Article:
    return Article(id=article_id, source=f"in/{article_id}", text="\n\n".join(paragraphs), **fields)  # type: ignore[arg-type]


def copy_of_wire(article_id: str = "paper", **fields: object) -> Article:
    """The wire story republished: a new title, a dateline credit, and its fourth paragraph cut."""
    paragraphs = ["VALLEYTOWN (Example Wire) — " + WIRE[0], *WIRE[1:3], WIRE[4]]
    return article(article_id, paragraphs, title="Thousands flee as river bursts its banks", **fields)


def test_shingles_are_lowercased_word_ngrams() -> None:
    assert shingles("The river, the RIVER rose!", 3) == frozenset(
        {"the river the", "river the river", "the river rose"}
    )


def test_shingles_of_a_text_shorter_than_one_shingle_is_the_whole_text() -> None:
    assert shingles("Two words", 5) == frozenset({"two words"})


def test_texts_without_words_are_not_copies() -> None:
    assert shingles("***", 5) == frozenset()
    assert find_duplicates([article("a", ["***"]), article("b", ["---"])], SETTINGS) == {}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"x", "y"}, {"x", "y", "z", "w"}, 1.0),
        ({"x", "y", "z", "w"}, {"x", "q"}, 0.5),
        ({"x"}, {"y"}, 0.0),
        (set(), {"y"}, 0.0),
    ],
)
def test_containment_is_measured_on_the_smaller_set(a: set[str], b: set[str], expected: float) -> None:
    assert containment(frozenset(a), frozenset(b)) == expected
    assert containment(frozenset(b), frozenset(a)) == expected


def test_candidate_pairs_share_a_fingerprint() -> None:
    signatures = {"b": frozenset({4, 8}), "a": frozenset({8}), "c": frozenset({12})}
    assert candidate_pairs(signatures) == {("a", "b")}


def test_fingerprints_sample_the_same_shingles_in_every_text() -> None:
    whole = shingles(" ".join(WIRE + EXTRA), 5)
    half = shingles(" ".join(WIRE), 5)
    sample = fingerprints(whole)
    assert 0 < len(sample) < len(whole) / 2
    assert all(f % SAMPLE_EVERY == 0 for f in sample)
    # A text's sample is the sample of its shingles, whatever text they come from.
    assert fingerprints(half) <= sample


def test_a_short_excerpt_of_a_long_story_is_still_found() -> None:
    # The first two paragraphs only: most of the original's shingles are missing, all of the copy's are there.
    original = article("wire", WIRE + EXTRA, published="2024-03-26T08:00:00+00:00")
    excerpt = article("brief", WIRE[:2], published="2024-03-26T09:00:00+00:00")
    assert find_duplicates([excerpt, original], SETTINGS) == {"brief": "wire"}


def test_copy_with_new_title_dateline_and_cut_paragraph_maps_to_the_original() -> None:
    original = article("wire", WIRE, outlet="Example Wire", published="2024-03-26T08:00:00+00:00")
    copy = copy_of_wire(outlet="Daily Example", published="2024-03-26T10:00:00+00:00", relays=("Example Wire",))
    assert find_duplicates([copy, original], SETTINGS) == {"paper": "wire"}


def test_original_is_the_earlier_publication() -> None:
    # Ids sort the other way, so only the dates can pick "z-early".
    early = article("z-early", WIRE, published="2024-03-26T08:00:00+00:00")
    late = copy_of_wire("a-late", published="2024-03-26T04:00:00-05:00")
    assert find_duplicates([late, early], SETTINGS) == {"a-late": "z-early"}


def test_original_is_the_outlet_the_copy_credits_even_when_published_later() -> None:
    # The copy carries an earlier time stamp, but credits the wire in its dateline.
    wire = article("z-wire", WIRE, outlet="Example Wire", published="2024-03-26T12:00:00+00:00")
    copy = copy_of_wire(
        "a-copy", outlet="Daily Example", published="2024-03-26T09:00:00+00:00", relays=("Example Wire",)
    )
    assert find_duplicates([copy, wire], SETTINGS) == {"a-copy": "z-wire"}


def test_without_dates_or_credits_the_smaller_id_is_the_original() -> None:
    assert find_duplicates([copy_of_wire("b"), article("a", WIRE)], SETTINGS) == {"b": "a"}


def test_independent_reports_of_one_event_are_not_linked() -> None:
    wire = article("wire", WIRE, published="2024-03-26T08:00:00+00:00")
    own = article("own", OWN_WORDS, published="2024-03-26T09:00:00+00:00")
    assert containment(shingles(wire.text, 5), shingles(own.text, 5)) < SETTINGS.containment
    assert find_duplicates([wire, own], SETTINGS) == {}


def test_chains_resolve_to_the_first_original() -> None:
    # b extends a; c reprints b's added paragraphs only, so c shares no shingle with a.
    a = article("z-a", WIRE[:4], published="2024-03-26T08:00:00+00:00")
    b = article("m-b", WIRE[:4] + EXTRA, published="2024-03-26T09:00:00+00:00")
    c = article("a-c", [*EXTRA, OWN_WORDS[0]], published="2024-03-26T10:00:00+00:00")
    assert containment(shingles(a.text, 5), shingles(c.text, 5)) == 0.0
    assert find_duplicates([a, b, c], SETTINGS) == {"m-b": "z-a", "a-c": "z-a"}


def test_threshold_comes_from_settings() -> None:
    half = article("half", WIRE[:2] + OWN_WORDS[2:])
    whole = article("whole", WIRE)
    assert find_duplicates([half, whole], SETTINGS) == {}
    assert find_duplicates([half, whole], DedupSettings(containment=0.3)) == {"whole": "half"}


@pytest.mark.parametrize("size", [1, 3, 5, 40])
def test_shingle_keys_count_containment_as_the_shingles_do(size: int) -> None:
    texts = [" ".join(WIRE), " ".join(WIRE[:2]), " ".join(WIRE + EXTRA), "Two words", " ".join(reversed(WIRE))]
    for a in texts:
        assert len(shingle_keys(a, size)) == len(shingles(a, size))
        for b in texts:
            expected = containment(shingles(a, size), shingles(b, size))
            assert key_containment(shingle_keys(a, size), shingle_keys(b, size)) == expected
    assert len(shingle_keys("***", size)) == 0
