"""Settings precedence: defaults < TOML file < RASHOMON_* variables < explicit overrides, merged key by key."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from rashomon.errors import UsageError
from rashomon.settings import Settings, StorySettings, load_settings

DEFAULT = StorySettings()


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No RASHOMON_* variable of the shell running the tests leaks into them."""
    for name in list(os.environ):
        if name.upper().startswith("RASHOMON_"):
            monkeypatch.delenv(name)


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rashomon.toml"
    path.write_text(text)
    return path


def test_no_file_no_variables_gives_the_defaults() -> None:
    settings = load_settings()
    assert type(settings) is Settings
    assert settings == Settings()


def test_toml_beats_default(tmp_path: Path) -> None:
    settings = load_settings(_toml(tmp_path, "[stories]\nwindow_days = 3\n\n[dedup]\ncontainment = 0.5\n"))
    assert settings.stories.window_days == 3
    assert settings.dedup.containment == 0.5
    assert settings.stories.threshold == DEFAULT.threshold


def test_variable_equal_to_the_default_still_beats_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASHOMON_STORIES__WINDOW_DAYS", str(DEFAULT.window_days))
    settings = load_settings(_toml(tmp_path, "[stories]\nwindow_days = 3\n"))
    assert settings.stories.window_days == DEFAULT.window_days == 7


def test_variable_beats_toml_and_keeps_the_file_siblings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASHOMON_STORIES__WINDOW_DAYS", "5")
    settings = load_settings(_toml(tmp_path, "[stories]\nwindow_days = 3\ncandidates = 9\n"))
    assert (settings.stories.window_days, settings.stories.candidates) == (5, 9)


def test_override_beats_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASHOMON_STORIES__THRESHOLD", "0.4")
    assert load_settings(overrides={"stories": {"threshold": 0.3}}).stories.threshold == 0.3


def test_partial_override_keeps_the_other_story_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASHOMON_STORIES__CANDIDATES", "11")
    config = _toml(tmp_path, "[stories]\nwindow_days = 3\nthreshold = 0.6\n")
    stories = load_settings(config, overrides={"stories": {"threshold": 0.3}}).stories
    assert (stories.threshold, stories.window_days, stories.candidates) == (0.3, 3, 11)
    assert stories.links == DEFAULT.links


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[stories]\nwindow_dayz = 3\n", "stories.window_dayz: unknown setting"),
        ("[storys]\nwindow_days = 3\n", "storys: unknown setting"),
        ("[stories]\nwindow_days = 'a week'\n", "stories.window_days: Input should be a valid integer"),
    ],
)
def test_unknown_or_invalid_key_in_toml_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = _toml(tmp_path, text)
    with pytest.raises(UsageError, match="invalid settings") as raised:
        load_settings(config)
    assert message in str(raised.value)
    assert str(config) in str(raised.value)


def test_missing_or_malformed_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="settings file not found"):
        load_settings(tmp_path / "absent.toml")
    with pytest.raises(UsageError, match="not valid TOML"):
        load_settings(_toml(tmp_path, "[stories\n"))


def test_loaded_settings_are_plain_and_picklable(tmp_path: Path) -> None:
    settings = load_settings(_toml(tmp_path, "[stories]\nwindow_days = 3\n"))
    assert type(settings) is Settings
    assert pickle.loads(pickle.dumps(settings)) == settings
