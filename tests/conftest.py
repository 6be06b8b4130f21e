"""Shared fixtures: the language model (loaded once per session) and the location of ../shared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rashomon.extract.nlp import LanguageModel
from rashomon.settings import NlpSettings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def language_model() -> LanguageModel:
    return LanguageModel(NlpSettings().model)


@pytest.fixture(scope="session")
def nlp(language_model: LanguageModel) -> Any:
    """Parse one text into a spaCy Doc with the project's pipeline."""
    return lambda text: next(language_model([text]))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip naming the missing path."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared data not found: {path}")
    return path
