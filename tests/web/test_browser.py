"""End to end, as a person would use it: `backchannel serve` over the sample corpus, driven
through Debian's chromium with Playwright. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.web.serving import serving

CHROMIUM = next((p for p in (os.environ.get("BACKCHANNEL_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"))
                 if p and Path(p).exists()), None)
ARTIFACTS = REPO / "test-artifacts" / "web"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


@pytest.fixture
def server(web_db: Path) -> Iterator[str]:
    with serving(str(web_db)) as url:
        yield url


@pytest.fixture
def page(server: str) -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.problems = []  # type: ignore[attr-defined]
        tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        tab.on("pageerror", lambda e: tab.problems.append(str(e)))  # type: ignore[attr-defined]
        try:
            yield tab
        finally:
            browser.close()


def test_open_actor_click_contact_merge(page) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    # search in Russian, inflected, and open the actor
    page.goto("/")
    page.fill("input[name=q]", "Путина")
    page.click("nav button[type=submit]")
    page.click("ul.actors a.actor >> nth=0")
    expect(page.locator("#actor-name")).to_contain_text("Vladimir Putin")
    expect(page.locator("#network[data-ready='1']")).to_be_attached(timeout=15000)
    assert page.locator("#network canvas").count() > 0
    page.screenshot(path=str(ARTIFACTS / "actor.png"), full_page=True)

    # click a contact: its evidence, outlet and article link appear
    contact = page.locator("details.contact").filter(has_text="Recep Tayyip Erdoğan").first
    evidence = contact.locator("blockquote.evidence")
    expect(evidence).to_be_hidden()
    contact.locator("summary").click()
    expect(evidence).to_be_visible()
    assert len(evidence.inner_text().strip()) > 20
    expect(contact.locator(".outlet")).to_be_visible()
    contact.screenshot(path=str(ARTIFACTS / "contact.png"))

    # the article with the evidence highlighted
    contact.locator("a.article-link").click()
    expect(page.locator("mark.ev").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)

    # from the actor page, open an event of its timeline: status and claims
    page.go_back()
    expect(page.locator("#actor-name")).to_contain_text("Vladimir Putin")
    page.locator("table.events a.event-link").filter(has_text="2025").first.click()
    expect(page.locator("#event-status")).to_be_visible()
    assert page.locator("#event-status").inner_text().strip() in ("confirmed", "contested", "denied", "reported", "planned")
    expect(page.locator("#claims li.claim").first).to_be_visible()
    expect(page.locator("#claims blockquote.evidence").first).not_to_be_empty()
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)

    # a disputed event: asserted and denied claims side by side
    page.goto("/disputed")
    page.locator("table.events tr.st-contested a.event-link").first.click()
    expect(page.locator("#event-status")).to_have_text("contested")
    expect(page.locator("#claims li.pol-denied").first).to_be_visible()
    expect(page.locator("#claims li.pol-asserted").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "disputed-event.png"), full_page=True)

    # the pair page: the pair's events with claims, reports by polarity
    page.goto("/actors/vladimir-putin")
    page.locator("a.counterpart").filter(has_text="Erdoğan").click()
    expect(page.locator("section.event-claims").first).to_be_visible()
    expect(page.locator("section.side").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "pair.png"), full_page=True)

    # a story: its articles side by side, outlet, language and date on each
    page.goto("/stories")
    page.locator("a.story-link").first.click()
    expect(page.locator("#story-title")).to_be_visible()
    assert page.locator("article.story-article").count() >= 2
    expect(page.locator("article.story-article .outlet").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)

    # merge two actors (one named in Russian) and check the result
    page.goto("/curation")
    page.fill("#merge-form input[name=keep]", "vladimir-putin")
    page.fill("#merge-form input[name=other]", "Эрдоган")
    page.click("#merge-form button[type=submit]")
    expect(page.locator("p.done")).to_contain_text("merged Эрдоган into Vladimir Putin")
    page.screenshot(path=str(ARTIFACTS / "merged.png"), full_page=True)
    page.goto("/actors/recep-tayyip-erdogan")
    assert page.url.endswith("/actors/vladimir-putin")
    expect(page.locator("table.names")).to_contain_text("Эрдоган")
    page.goto("/curation")
    expect(page.locator("#curation-log")).to_contain_text("merge")
    assert page.problems == [], page.problems  # no script error, no CSP violation
