"""The HTML report in a real browser (Debian's headless chromium through playwright): at 1280 and 390 px wide nothing
runs off the screen, the demo's conflict is on the first screen, and a source link lands on its highlighted sentence.

``RASHOMON_WRITE_SCREENSHOTS=1`` also saves the demo report's first screen as docs/report.png (1280 px) and
docs/report-390.png (390 px), the README's screenshots; without it the tests write nothing into the tree.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rashomon.analysis import analyze, demo_inputs
from rashomon.render import write_reports
from tests.e2e.browser import CHROMIUM_ARGS
from tests.unit.render.build import build_dossier
from tests.unit.render.full_story import full_story

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip("chromium is not installed (Debian: apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCREENS = {1280: (800, "report.png"), 390: (844, "report-390.png")}  # width: (height, screenshot)
TARGET_BACKGROUND = "rgb(255, 225, 104)"  # --target in _layout.html.j2

# Elements whose right edge is past the viewport, and how wide the document is; after opening every <details>.
OVERFLOW = """() => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const width = window.innerWidth;
  const past = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if ((box.width || box.height) && box.right > width + 0.5) {
      past.push(`${element.tagName.toLowerCase()}.${element.className} right=${Math.round(box.right)}`);
    }
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, past: past.slice(0, 10)};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    analyze(demo_inputs(), out=out)
    return out / "report.html"


@pytest.fixture(scope="module")
def built_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every part filled, a long URL in a body, an outlet named by a long domain, and stories of several sizes."""
    story = full_story()
    long_outlet = story.articles[1].model_copy(update={"outlet": "www.anoutletnamedbyitsverylongdomainname.example"})
    built = build_dossier((5, 2, 1))
    dossier = story.model_copy(
        update={
            "articles": [story.articles[0], long_outlet, *story.articles[2:], *built.articles],
            "stories": story.stories + built.stories,
            "entities": story.entities + built.entities,
            "quotes": story.quotes + built.quotes,
            "figures": story.figures + built.figures,
            "rejected": built.rejected,
        }
    )
    out = tmp_path_factory.mktemp("built")
    write_reports(dossier, out)
    return out / "report.html"


@pytest.fixture(scope="module")
def paged_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report past the page threshold: an index and a page per story."""
    out = tmp_path_factory.mktemp("paged")
    write_reports(build_dossier((1, 3, 2, 1)), out, story_pages_over=2)
    return out


@pytest.fixture(scope="module")
def index_page(paged_report: Path) -> Path:
    return paged_report / "report.html"


@pytest.fixture(scope="module")
def story_page(paged_report: Path) -> Path:
    return sorted((paged_report / "stories").iterdir())[1]  # story 1, of three articles


def _open(browser: Any, report: Path, width: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": SCREENS[width][0]})
    page.goto(report.as_uri())
    return page


@pytest.mark.parametrize("width", sorted(SCREENS))
@pytest.mark.parametrize("report", ["demo_report", "built_report", "index_page", "story_page"])
def test_nothing_runs_off_the_screen(browser: Any, report: str, width: int, request: pytest.FixtureRequest) -> None:
    page = _open(browser, request.getfixturevalue(report), width)
    try:
        if report == "demo_report" and os.environ.get("RASHOMON_WRITE_SCREENSHOTS") == "1":
            page.screenshot(path=str(DOCS / SCREENS[width][1]))
        found = page.evaluate(OVERFLOW)
    finally:
        page.close()
    assert found["scrollWidth"] <= found["width"], found
    assert found["past"] == [], found


def test_the_demo_conflict_is_on_the_first_screen(browser: Any, demo_report: Path) -> None:
    page = _open(browser, demo_report, 1280)
    try:
        conflict = page.locator("ol.conflicts .what").first
        text, box = conflict.inner_text(), conflict.bounding_box()
    finally:
        page.close()
    assert "7 vs 8" in text
    assert box is not None and box["y"] + box["height"] <= SCREENS[1280][0]


@pytest.mark.parametrize("width", sorted(SCREENS))
def test_a_source_link_lands_on_its_highlighted_sentence(browser: Any, demo_report: Path, width: int) -> None:
    page = _open(browser, demo_report, width)
    try:
        link = page.locator('h3[id$="-shared"] + ul a.src').first
        target = (link.get_attribute("href") or "")[1:]
        link.click()
        page.wait_for_function("id => document.querySelector(':target')?.id === id", arg=target)
        sentence = page.locator(f"#{target}")
        background = sentence.evaluate("element => getComputedStyle(element).backgroundColor")
        box = sentence.bounding_box()
    finally:
        page.close()
    assert target.startswith("s-")
    assert background == TARGET_BACKGROUND
    assert box is not None and 0 <= box["y"] < SCREENS[width][0]  # scrolled into view
