"""README's Python example runs as written (on the demo corpus in place of `articles/`)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from rashomon.analysis import DEMO_DIR

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (example,) = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").symlink_to(DEMO_DIR, target_is_directory=True)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), {})
    assert printed.getvalue().strip(), "the example printed nothing"
    assert (tmp_path / "out" / "report.html").exists()
