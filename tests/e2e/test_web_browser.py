"""`rashomon serve` for real: a server process over the demo store, driven in headless Chromium (Debian's chromium
through Python playwright), and a run of `rashomon analyze` adding articles while the server answers."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from rashomon.cli import main
from tests.e2e.browser import CHROMIUM_ARGS
from tests.unit.web.stores import HOSTILE, HOSTILE_ID, LATER, write_records

REPO = Path(__file__).resolve().parents[2]
WIDTHS = (1280, 390)


def rashomon_command() -> list[str]:
    script = Path(sys.executable).with_name("rashomon")
    return [str(script)] if script.exists() else [sys.executable, "-m", "rashomon.cli"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read()


def get_json(url: str) -> Any:
    status, body = get(url)
    assert status == 200, body
    return json.loads(body)


def demo_store(folder: Path, *extra: Path) -> Path:
    """The demo corpus analysed into ``folder``, then the ``extra`` inputs added to the same store."""
    assert main(["--quiet", "demo", "--out", str(folder)]) == 0
    for inputs in extra:
        assert main(["--quiet", "analyze", str(inputs), "--out", str(folder)]) == 0
    return folder / "rashomon.duckdb"


class Server:
    """A `rashomon serve` process on a free port."""

    def __init__(self, store: Path, cache: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [*rashomon_command(), "serve", "--db", str(store), "--port", str(self.port), "--cache", str(cache)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"rashomon serve ended: {self.process.communicate()}")
            try:
                if get(f"{self.base}/api/status", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError("rashomon serve did not answer within 60 s")

    def stop(self) -> str:
        self.process.terminate()
        try:
            _, errors = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, errors = self.process.communicate()
        return errors


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("served")
    hostile = write_records(folder / "inputs", "hostile.jsonl", [HOSTILE])
    running = Server(demo_store(folder / "out", hostile), folder / "cache")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; it drives the system chromium)")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium; `make test` does so as root)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def story_page(server: Server, words: str) -> str:
    found = get_json(f"{server.base}/api/stories?q={quote(words)}")
    return f"{server.base}{found['stories'][0]['page']}"


def test_open_story_and_click_a_statement(server: Server, page: Any) -> None:
    page.goto(f"{server.base}/")
    page.get_by_role("link", name="Key Bridge collapses").first.click()
    page.wait_for_load_state()
    assert "/stories/" in page.url
    source = page.locator('section.story a.src[href^="#s-"]').first
    target = source.get_attribute("href")
    source.click()
    assert page.evaluate("location.hash") == target
    highlighted = page.evaluate(
        """() => { const t = document.querySelector(':target');
                   if (!t) return null;
                   const s = getComputedStyle(t);
                   return {id: t.id, outline: s.outlineStyle, text: t.textContent}; }"""
    )
    assert highlighted is not None and f"#{highlighted['id']}" == target
    assert highlighted["outline"] != "none" and highlighted["text"].strip()


def test_search_and_filter(server: Server, page: Any) -> None:
    page.goto(f"{server.base}/")
    page.fill("#quick-q", "Patapsco")
    page.locator("form.quick button").click()
    page.wait_for_load_state()
    assert "q=Patapsco" in page.url
    assert page.locator("ol.story-list > li").count() == 1
    assert "Key Bridge" in page.locator("ol.story-list").inner_text()
    page.fill("#q", "")
    page.check("#conflicts")
    page.locator("form.filters button").click()
    page.wait_for_load_state()
    assert "conflicts=1" in page.url and page.locator("ol.story-list > li").count() == 1
    page.uncheck("#conflicts")
    page.fill("#since", "2024-04-01")
    page.select_option("#sort", "newest")
    page.locator("form.filters button").click()
    page.wait_for_load_state()
    assert page.locator("ol.story-list > li").count() == 2
    assert "Key Bridge" not in page.locator("ol.story-list").inner_text()
    page.fill("#since", "")
    page.fill("#outlet", "Nobody's Gazette")
    page.locator("form.filters button").click()
    page.wait_for_load_state()
    assert "No story matches" in page.content()


def hostile_paths(server: Server) -> list[str]:
    article = get_json(f"{server.base}/api/articles/{quote(HOSTILE_ID, safe='')}")
    story = get_json(f"{server.base}/api/stories/{quote(article['story']['id'], safe='')}")
    return [
        "/",
        "/?q=ferry",
        article["story"]["page"],
        f"/articles/{quote(HOSTILE_ID, safe='')}",
        *(f"/entities/{quote(e['id'], safe='')}" for e in story["entities"]),
    ]


def test_hostile_article_stays_inert(server: Server, page: Any) -> None:
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    for path in hostile_paths(server):
        page.goto(f"{server.base}{path}")
        page.wait_for_load_state("load")
        inert = page.evaluate(
            """() => ({
                scripts: document.scripts.length,
                images: document.images.length,
                scriptLinks: [...document.querySelectorAll('a[href]')]
                    .filter(a => !/^(https?:|#|\\/)/i.test(a.getAttribute('href'))).length,
                handlers: [...document.querySelectorAll('*')]
                    .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            })"""
        )
        assert inert == {"scripts": 0, "images": 0, "scriptLinks": 0, "handlers": 0}, path
    page.goto(f"{server.base}/articles/{quote(HOSTILE_ID, safe='')}")
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    page.locator("dd code", has_text="javascript:").click()  # shown as text: clicking it does nothing
    page.wait_for_timeout(300)
    assert dialogs == []
    assert not [m for m in console if "alert" in m or "Refused to execute" in m]


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_screen(server: Server, browser: Any, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 1000})
    view = context.new_page()
    paths = [
        "/",
        "/?q=bridge&conflicts=1",
        story_page(server, "Patapsco").removeprefix(server.base),
        "/articles/02_harbor_ledger.txt",
        *hostile_paths(server)[2:5],
        "/docs",
        "/stories/story:gone",
    ]
    try:
        for path in paths:
            view.goto(f"{server.base}{path}")
            sizes = view.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert sizes[0] <= sizes[1], f"{path} is {sizes[0]} px wide at {width}"
        if width == 1280 and os.environ.get("RASHOMON_WRITE_SCREENSHOTS") == "1":
            view.goto(story_page(server, "Patapsco"))
            view.screenshot(path=str(REPO / "docs" / "web-story.png"))
    finally:
        context.close()


def test_analyze_adds_articles_while_serve_answers(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "out")
    later = write_records(tmp_path / "later", "later.jsonl", LATER)
    running = Server(store, tmp_path / "cache")
    story = story_page(running, "Patapsco")
    answers: list[tuple[str, int]] = []
    failures: list[str] = []
    stop = threading.Event()

    def ask_in_a_loop() -> None:
        paths = ["/", "/api/stories", story.removeprefix(running.base), "/articles/02_harbor_ledger.txt"]
        while not stop.is_set():
            for path in paths:
                try:
                    answers.append((path, get(f"{running.base}{path}")[0]))
                except OSError as error:
                    failures.append(f"{path}: {error}")

    asking = threading.Thread(target=ask_in_a_loop)
    asking.start()
    try:
        run = subprocess.run(
            [*rashomon_command(), "-q", "analyze", str(later), "--db", str(store), "--out", str(tmp_path / "reports")],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        asked_during_run = len(answers)
        appeared = False
        deadline = time.monotonic() + 60
        while not appeared and time.monotonic() < deadline:
            appeared = get_json(f"{running.base}/api/stories?q=Elbe")["total"] > 0
            time.sleep(0.3)
    finally:
        stop.set()
        asking.join()
        errors = running.stop()
    assert run.returncode == 0, run.stderr
    assert asked_during_run > 0
    assert failures == []
    assert [a for a in answers if a[1] != 200] == []
    assert "Traceback" not in errors
    assert appeared, "the new story did not appear within 60 s of the run's end"
