"""Within one story, shared names and a shared day do not make two sentences one statement without a shared content
word; across look-alike events (the default) they still count."""

from __future__ import annotations

from functools import cache

import numpy as np

from rashomon.compare import align
from rashomon.compare.encoder import SentenceEncoder
from rashomon.compare.framing import stem

# One story, one day: two different happenings that share their people, places and day, and a paraphrase of the first.
OPENED = "Opening the summit with Mendez and Okoro on Monday, Lindqvist said Norland and Valdor had come a long way."
RELEASED = "On Monday, Valdor released three Norland fishermen who had been held since the spring, its navy said."
PARAPHRASE = "Lindqvist told Mendez and Okoro on Monday that Norland and Valdor had come a long way since the truce."


@cache
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


def test_content_words_leave_out_names_numbers_dates_and_function_words() -> None:
    words = align.content_words("On Monday, Valdor released three Norland fishermen held for two years, Okoro said.")
    assert words == {stem(w) for w in ("released", "fishermen", "held")}  # "held" as "hold"


def test_content_words_take_a_name_written_first_as_a_name_when_told() -> None:
    assert "valdor" in align.content_words("Valdor released the crew.")
    assert "valdor" not in align.content_words("Valdor released the crew.", names={"valdor"})


def test_names_and_dates_count_in_one_event_only_with_a_shared_content_word() -> None:
    texts = [OPENED, RELEASED, PARAPHRASE]
    vectors = encoder()(texts)
    apart = [dict(zip(align.FEATURES, s, strict=True)) for s in zip(*align.signals(texts, vectors), strict=True)]
    together = [
        dict(zip(align.FEATURES, s, strict=True))
        for s in zip(*align.signals(texts, vectors, one_event=True), strict=True)
    ]
    # The two happenings share names and the day but no content word: those overlaps count across events only.
    assert apart[0]["names"][1] > 0 and apart[0]["dates"][1] > 0
    assert together[0]["names"][1] == 0 and together[0]["dates"][1] == 0
    # The paraphrase shares "come" and "way": its names and day still count.
    assert together[0]["names"][2] == apart[0]["names"][2] > 0
    assert together[0]["dates"][2] == apart[0]["dates"][2] > 0
    # Names that differ still weigh against a pair, in one event too.
    assert np.array_equal(together[0]["names_apart"], apart[0]["names_apart"])


def test_one_event_lowers_only_the_pairs_without_shared_content() -> None:
    texts = [OPENED, RELEASED, PARAPHRASE]
    vectors = encoder()(texts)
    across = align.scores(texts, vectors)
    within = align.scores(texts, vectors, one_event=True)
    assert within[0, 1] < across[0, 1]
    assert within[0, 2] == across[0, 2]
    assert np.allclose(within, within.T)
