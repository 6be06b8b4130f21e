"""Name keys and consonant skeletons: the spelling-insensitive forms names are matched under."""

from __future__ import annotations

import pytest

from rashomon.text.names import name_key, skeleton


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ilhám  Alíyev", "ilham aliyev"),
        ("VLADIMIR PUTIN", "vladimir putin"),
        ("Jean-Luc O'Neill", "jean luc o neill"),
        ("  Nakhchivan. ", "nakhchivan"),
    ],
)
def test_name_key_folds_accents_case_and_punctuation(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("key", "expected"),
    [("nakhchivan", "nkhchvn"), ("nakhichevan", "nkhchvn"), ("austria", "str"), ("australia", "strl")],
)
def test_skeleton(key: str, expected: str) -> None:
    assert skeleton(key) == expected
