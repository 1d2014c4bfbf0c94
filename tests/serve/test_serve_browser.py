"""The dashboard in real headless Chromium (Debian's package, driven by Playwright; no
browser is downloaded). Screenshots are kept in build/test-artefacts/serve/ (or
$SUMMITRY_TEST_ARTEFACTS)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
ARTEFACTS = Path(
    os.environ.get("SUMMITRY_TEST_ARTEFACTS")
    or Path(__file__).resolve().parents[2] / "build" / "test-artefacts" / "serve"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A tab that records console errors and warnings, page errors and failed requests."""

    def __init__(self, browser, base: str):
        self.base = base
        self.tab = browser.new_page(viewport={"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.tab.on("console", self._console)
        self.tab.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.tab.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))

    def _console(self, msg) -> None:
        if msg.type in ("error", "warning"):
            self.problems.append(f"console {msg.type}: {msg.text}")

    def open(self, path: str) -> None:
        self.tab.goto(self.base + path)
        self.tab.wait_for_load_state("networkidle")

    def shot(self, name: str) -> Path:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTEFACTS / f"{name}.png"
        self.tab.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def page(browser, server):
    p = Page(browser, server.url)
    yield p
    p.tab.close()


def test_timeline_to_meeting_to_highlighted_evidence(page):
    page.open("/pair?a=Donald+Trump&b=Vladimir+Putin")
    tab = page.tab
    marks = tab.locator("#timeline a.mark")
    n_all = marks.count()
    assert n_all >= 5
    page.shot("1-pair")
    # the source filter: only what our coder found in the Reuters text
    tab.locator('fieldset[data-facet="origin"] input[value="curated"]').uncheck()
    assert marks.count() < n_all
    tab.click("#zoom-in")
    tab.click("#zoom-reset")
    assert tab.locator("#index svg .bar").count() > 0
    assert tab.locator("#index svg .meeting-line").count() >= 1
    assert tab.locator("#map svg .venue").count() >= 1
    found = [m.get_attribute("data-id") for m in marks.all()]
    target = tab.locator("#timeline a.mark", has=tab.locator("title", has_text="2017-11-11"))
    assert target.count() == 1, found
    target.click()
    tab.wait_for_url(re.compile(r"/meeting/mtg-"))
    tab.wait_for_load_state("networkidle")
    assert "APEC" in tab.locator("#meeting-title").inner_text()
    page.shot("2-meeting")
    link = tab.locator(".item-outcome a.evidence").first
    item_text = tab.locator(".item-outcome").first.inner_text()
    link.click()
    tab.wait_for_url(re.compile(r"/document/[0-9a-f]+\?start=\d+&end=\d+#hl"))
    tab.wait_for_load_state("networkidle")
    hl = tab.locator("#doctext mark#hl")
    assert hl.count() == 1 and hl.is_visible()
    sentence = "".join(tab.locator("#doctext mark").all_inner_texts())
    assert "Syria" in sentence and "Syria" in item_text
    box = hl.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    mentions = tab.locator("#doctext .mention")
    assert mentions.count() >= 5
    titles = {mentions.nth(i).get_attribute("title") for i in range(mentions.count())}
    assert any(t.startswith("person:vladimir-putin") for t in titles)
    page.shot("3-evidence")
    assert page.problems == []


def test_document_payloads_are_shown_as_text(page, server):
    docs = server.get("/api/documents", params={"q": "payload"}).json()["documents"]
    page.open(f"/document/{docs[0]['doc_id']}")
    tab = page.tab
    assert tab.title() != "pwned" and tab.evaluate("document.title") != "pwned"
    text = tab.locator("#doctext").inner_text()
    assert "<script>document.title='pwned'</script>" in text
    assert "onerror=\"document.title='pwned'\"" in text
    assert tab.locator("#doctext img, #doctext script").count() == 0
    assert tab.locator("script").count() == 1  # only /static/app.js
    assert "<script>alert('title')</script>" in tab.locator("#doc-title").inner_text()
    page.shot("4-payloads")
    page.open("/events?" + "doc_id=" + docs[0]["doc_id"])
    assert tab.evaluate("document.title") != "pwned"
    assert page.problems == []


def test_event_explorer_sorts_pages_and_downloads(page):
    page.open("/events?dyad=USA,RUS")
    tab = page.tab
    rows = tab.locator("#events-table tbody tr")
    assert rows.count() == 50
    first_page = rows.first.inner_text()
    tab.click('#events-table th button[data-sort="event_date"]')  # now newest first
    tab.locator('#events-table th button[data-sort="event_date"]', has_text="▼").wait_for()
    heads = tab.locator("#events-table thead th").all_inner_texts()
    col = next(i for i, h in enumerate(heads, start=1) if h.startswith("event_date"))
    cells = tab.locator(f"#events-table tbody tr td:nth-child({col})").all_inner_texts()
    dates = [d for d in cells if d]
    assert dates == sorted(dates, reverse=True) and rows.first.inner_text() != first_page
    tab.click("#next-page")
    tab.locator("#page-no", has_text="page 2").wait_for()
    assert not tab.locator("#prev-page").is_disabled()
    page.shot("5-events")
    href = tab.locator("#dl-csv").get_attribute("href")
    assert href.startswith("/api/events.csv?") and "dyad=USA%2CRUS" in href
    csv = tab.request.get(page.base + href)
    assert csv.status == 200 and csv.text().startswith("event_id,")
    assert (
        tab.request.get(page.base + tab.locator("#dl-parquet").get_attribute("href")).body()[:4]
        == b"PAR1"
    )
    assert page.problems == []


def test_api_docs_render_offline(page):
    page.open("/docs")
    page.tab.wait_for_selector(".swagger-ui .opblock")
    assert page.tab.locator(".swagger-ui .opblock").count() >= 10
    page.shot("6-docs")
    assert page.problems == []


def test_the_console_check_catches_errors(page):
    page.open("/")
    page.tab.evaluate("console.error('boom')")
    page.tab.evaluate("setTimeout(() => { throw new Error('bang'); }, 0)")
    page.tab.wait_for_timeout(200)
    assert any("boom" in p for p in page.problems) and any("bang" in p for p in page.problems)
