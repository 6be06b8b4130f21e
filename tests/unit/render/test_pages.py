"""The report at size: an index and a page per story past the threshold, largest stories first, everything escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from rashomon.dossier import Dossier
from rashomon.render import REPORT_FILES, STORY_PAGES_OVER, Selection, write_reports
from rashomon.render.html import page_names, render_html
from rashomon.render.markdown import render_markdown
from tests.unit.render.build import build_dossier, story_id

SCRIPT = "<script>alert(1)</script>"
# Past the threshold, with one-article stories first in the dossier, as the pipeline may give them.
MANY = (1, 1, 2, 1, 4, 3, 1, 2, 1, 1, 5, 1, 1, 2, 1, 1, 1, 3, 1, 1, 1, 2, 1, 1, 1)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.scripts = 0
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.scripts += tag == "script"
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        if tag == "tr":
            self.rows.append([])
        if tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _story_rows(page: _Page) -> list[list[str]]:
    return [row for row in page.rows if row and len(row) == 5]


def test_many_stories_make_an_index_and_a_page_per_story(tmp_path: Path) -> None:
    dossier = build_dossier(MANY)
    assert len(MANY) > STORY_PAGES_OVER
    paths = write_reports(dossier, tmp_path)
    assert [p.name for p in paths] == list(REPORT_FILES)
    pages = sorted(p.name for p in (tmp_path / "stories").iterdir())
    assert len(pages) == len(MANY)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+\.html", name) for name in pages)
    index = _parse(tmp_path / "report.html")
    story_links = [link for link in index.links if link.startswith("stories/")]
    assert sorted(story_links) == sorted(f"stories/{name}" for name in pages)  # every story, once
    assert all((tmp_path / link).is_file() for link in story_links)
    rows = _story_rows(index)
    sizes = [int(row[3]) for row in rows]
    assert sizes == sorted(MANY, reverse=True)  # largest first: multi-article before one-article
    assert rows[0][0] == "Storm 10"
    assert rows[0][1] == "2024-05-11"
    assert rows[0][2] == "Herald, Post, Ledger, Courier"
    assert [row[4] for row in rows] == ["1" if size > 1 else "0" for size in sizes]  # conflicting statements
    assert index.scripts == 0


def test_each_story_page_links_statements_to_sentences_and_back_to_the_index(tmp_path: Path) -> None:
    dossier = build_dossier(MANY)
    write_reports(dossier, tmp_path)
    names = page_names(dossier.stories)
    page = _parse(tmp_path / "stories" / f"{names[story_id(10)]}.html")
    anchors = [link[1:] for link in page.links if link.startswith("#")]
    assert anchors
    assert set(anchors) <= set(page.ids)
    assert "../report.html" in page.links
    assert (tmp_path / "stories" / "../report.html").resolve().is_file()
    text = (tmp_path / "stories" / f"{names[story_id(10)]}.html").read_text(encoding="utf-8")
    assert all(f"s10-a{k}" in text for k in range(5))
    assert "s9-a0" not in text  # one story per page


def test_few_stories_stay_one_self_contained_file(tmp_path: Path) -> None:
    dossier = build_dossier((1, 3, 2))
    write_reports(dossier, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(REPORT_FILES)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html == render_html(dossier)
    assert html.index("Storm 1") < html.index("Storm 2") < html.index("Storm 0")  # largest first here too


def test_the_threshold_is_a_parameter_and_stale_pages_go(tmp_path: Path) -> None:
    dossier = build_dossier((1, 3, 2))
    write_reports(dossier, tmp_path, story_pages_over=2)
    assert len(list((tmp_path / "stories").iterdir())) == 3
    write_reports(dossier, tmp_path, selection=Selection(top=2), story_pages_over=1)
    assert len(list((tmp_path / "stories").iterdir())) == 2  # the dropped story's page is not left to link to
    write_reports(dossier, tmp_path)
    assert not (tmp_path / "stories").exists()


def test_a_malicious_title_and_story_id_are_escaped_everywhere(tmp_path: Path) -> None:
    dossier = build_dossier(MANY, titles=[f"Storm {SCRIPT} & <b>flood</b>"] * len(MANY))
    hostile = dossier.stories[0].model_copy(update={"id": f'story:"><img src=x onerror=alert(1)>{SCRIPT}'})
    dossier = dossier.model_copy(update={"stories": [hostile, *dossier.stories[1:]]})
    write_reports(dossier, tmp_path)
    files = [tmp_path / "report.html", *(tmp_path / "stories").iterdir()]
    assert len(files) == len(MANY) + 1
    for path in files:
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html.lower()
        assert "<img" not in html.lower()
        assert "<b>" not in html
        assert _parse(path).scripts == 0
    index = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Storm &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;flood&lt;/b&gt;" in index
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+\.html", p.name) for p in (tmp_path / "stories").iterdir())
    story_links = [link for link in _parse(tmp_path / "report.html").links if link.startswith("stories/")]
    assert all((tmp_path / link).is_file() for link in story_links)


def test_page_names_are_safe_distinct_and_stable() -> None:
    dossier = build_dossier((1, 1, 1))
    stories = [
        dossier.stories[0],
        dossier.stories[1].model_copy(update={"id": "story/../../etc"}),
        dossier.stories[2].model_copy(update={"id": "story-000000000000"}),  # what story:000000000000 becomes
    ]
    names = page_names(stories)
    assert names[story_id(0)] == "story-000000000000"
    assert len(set(names.values())) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", name) for name in names.values())
    assert page_names(stories) == names


def test_markdown_puts_the_largest_stories_first(tmp_path: Path) -> None:
    dossier = build_dossier(MANY)
    write_reports(dossier, tmp_path)
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert markdown == render_markdown(dossier)
    headings = re.findall(r"^## Storm (\d+)$", markdown, flags=re.MULTILINE)
    assert [MANY[int(n)] for n in headings] == sorted(MANY, reverse=True)
    assert headings[:3] == ["10", "4", "17"]  # 5, 4, then the later of the two 3-article stories


def test_selection_shapes_every_written_file(tmp_path: Path) -> None:
    dossier = build_dossier(MANY)
    write_reports(dossier, tmp_path, selection=Selection(top=3))
    written = Dossier.model_validate_json((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    assert [s.id for s in written.stories] == [story_id(4), story_id(10), story_id(17)]
    assert "Storm 5" not in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Storm 5" not in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert not (tmp_path / "stories").exists()
