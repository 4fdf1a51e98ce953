"""The app over HTTP (in-process): pages, API, CSRF, escaping, security headers, host check."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from backchannel.web.app import create_app
from backchannel.workspace import Workspace

PAGES = ["/", "/search?q=Путина", "/actors/vladimir-putin", "/pairs/vladimir-putin/recep-tayyip-erdogan",
         "/events", "/stories", "/disputed", "/curation"]


@pytest.fixture
def client(workspace: Workspace) -> Iterator[TestClient]:
    with TestClient(create_app(workspace, hosts=["testserver"])) as c:
        yield c


def token(client: TestClient) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', client.get("/curation").text)
    assert found
    return found.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_security_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text  # no inline script: every script has a src


def test_article_text_is_escaped(client: TestClient, workspace: Workspace) -> None:
    hostile = next(a for a in workspace.articles() if "onerror" in a.text)
    page = client.get(f"/articles/{hostile.id}").text
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<mark class="ev"' in page and 'href="/actors/vladimir-putin"' in page


def test_api_reads(client: TestClient) -> None:
    actor = client.get("/api/actors/vladimir-putin").json()
    assert actor["actor"]["name"] == "Vladimir Putin" and actor["contacts"]
    net = client.get("/api/actors/vladimir-putin/network").json()
    assert any(n["center"] for n in net["nodes"]) and net["edges"]
    report_id = actor["contacts"][0]["id"]
    assert client.get(f"/api/reports/{report_id}").json()["id"] == report_id
    assert client.get("/api/actors/nobody").status_code == 404
    assert client.get("/api/openapi.json").json()["paths"]["/api/search"]


def test_event_and_story_pages(client: TestClient) -> None:
    disputed = client.get("/api/disputed").json()["events"]
    assert disputed and disputed[0]["status"] in ("contested", "denied")
    event = client.get(f"/api/events/{disputed[0]['id']}").json()
    assert event["event"]["id"] == disputed[0]["id"] and event["claims"]
    html = client.get(f"/events/{disputed[0]['id']}").text
    assert 'id="event-status"' in html and "according to" in html
    assert client.get("/events/ev-nosuchevent").status_code == 404
    story = client.get("/api/stories").json()["stories"][0]
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200 and page.text.count('<article class="story-article') == story["articles"]
    assert client.get("/api/stories/no-such-story").status_code == 404
    assert "No consolidated events yet" not in client.get("/events").text


def test_state_changes_need_the_csrf_token(client: TestClient) -> None:
    body = {"keep": "vladimir-putin", "other": "recep-tayyip-erdogan"}
    assert client.post("/api/curation/merge", json=body).status_code == 403
    assert client.post("/api/curation/merge", json=body, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    form = {**body, "csrf_token": "wrong"}
    assert client.post("/curation/merge", data=form, follow_redirects=False).status_code == 403
    assert client.get("/api/actors/recep-tayyip-erdogan").json()["actor"]["id"] == "recep-tayyip-erdogan"


def test_merge_through_the_api(client: TestClient) -> None:
    body = {"keep": "vladimir-putin", "other": "Эрдоган"}
    r = client.post("/api/curation/merge", json=body, headers={"X-CSRF-Token": token(client)})
    assert r.status_code == 200 and r.json()["id"] == "vladimir-putin"
    assert client.get("/actors/recep-tayyip-erdogan", follow_redirects=False).headers["location"] == "/actors/vladimir-putin"
    assert "merge" in client.get("/api/curation").text


def test_form_post_reject_report(client: TestClient) -> None:
    report = client.get("/api/actors/vladimir-putin").json()["contacts"][0]
    form = {"csrf_token": token(client), "report_id": report["id"], "action": "reject", "note": "wrong"}
    r = client.post("/curation/report", data=form, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(f"/articles/{report['article_id']}")
    assert client.get(f"/api/reports/{report['id']}").status_code == 404
    assert "reject-report" in client.get("/curation").text


def test_bad_curation_is_a_400_not_a_crash(client: TestClient) -> None:
    r = client.post("/api/curation/merge", json={"keep": "nobody-here", "other": "vladimir-putin"},
                    headers={"X-CSRF-Token": token(client)})
    assert r.status_code == 400 and "no entity" in r.json()["detail"]


def test_other_host_names_are_refused(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("name,status", [("cytoscape.min.js", 200), ("cytoscape.LICENSE", 200), ("app.css", 200),
                                         ("..%2Fapp.py", 404), ("data.py", 404), ("%2Fetc%2Fpasswd", 404)])
def test_only_listed_static_files_are_served(client: TestClient, name: str, status: int) -> None:
    assert client.get(f"/static/{name}").status_code == status
