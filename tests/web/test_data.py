"""The page reads over the sample corpus (our own articles in examples/corpus)."""

from __future__ import annotations

import pytest

from backchannel.web import data
from backchannel.workspace import Workspace


@pytest.mark.parametrize("query", ["Путина", "путіним", "Putin", "Vladimir Putin", "Владимиром Путиным"])
def test_search_finds_an_actor_in_any_language_and_inflection(workspace: Workspace, query: str) -> None:
    page = data.search(workspace.store, query)
    assert page.actors and page.actors[0].actor.id == "vladimir-putin"


def test_search_finds_article_text(workspace: Workspace) -> None:
    page = data.search(workspace.store, "судоходство")
    assert page.articles and all(a.language == "ru" for a in page.articles)
    assert page.stories  # the stories of the articles found
    assert data.search(workspace.store, "   ").actors == ()


def test_actor_page(workspace: Workspace) -> None:
    page = data.actor(workspace.store, "vladimir-putin")
    assert {n.lang for n in page.names} >= {"en", "ru", "uk"}
    assert page.counterparts and page.counterparts[0].events >= page.counterparts[-1].events
    assert any(c.actor.id == "recep-tayyip-erdogan" for c in page.counterparts)
    keys = [e.when_start or e.first_reported or "" for e in page.timeline]
    assert page.timeline and keys == sorted(keys)  # in the order the contacts happened
    assert all("vladimir-putin" in {p.id for p in e.participants} for e in page.timeline)
    assert page.events_total >= len(page.timeline)
    assert page.contacts and all(r.evidence and r.article_id for r in page.contacts)


def test_actor_roles_come_from_the_knowledge_base_with_dates(workspace: Workspace) -> None:
    from backchannel.web.context import Context, kb_offices

    ctx = Context(workspace.store, "t", kb_offices(lambda: workspace.analyzer.index))
    page = data.actor(workspace.store, "vladimir-putin", ctx.offices_of)
    assert any(r.source == "kb" and r.start for r in page.roles)


def test_unknown_actor_is_not_found(workspace: Workspace) -> None:
    with pytest.raises(data.NotFound):
        data.actor(workspace.store, "no-such-actor")


def test_network_centres_on_the_actor(workspace: Workspace) -> None:
    net = data.network(workspace.store, "vladimir-putin")
    centre = [n for n in net.nodes if n.center]
    assert [n.id for n in centre] == ["vladimir-putin"]
    ids = {n.id for n in net.nodes}
    assert all(e.source in ids and e.target in ids and e.reports > 0 for e in net.edges)


def test_pair_splits_by_polarity(workspace: Workspace) -> None:
    page = data.pair(workspace.store, "vladimir-putin", "recep-tayyip-erdogan")
    assert page.reports
    assert len(page.asserted) + len(page.denied) + len(page.hypothetical) == len(page.reports)
    assert all({"vladimir-putin", "recep-tayyip-erdogan"} <= {p.entity_id for p in r.participants} for r in page.reports)


def test_pair_has_events_with_claims(workspace: Workspace) -> None:
    page = data.pair(workspace.store, "vladimir-putin", "recep-tayyip-erdogan")
    assert page.events and all(v.claims for v in page.events)
    assert all({"vladimir-putin", "recep-tayyip-erdogan"} <= {p.id for p in v.event.participants} for v in page.events)
    assert {c.report_id for v in page.events for c in v.claims} >= {r.id for r in page.reports}


def test_disputed_are_contested_or_denied_newest_first(workspace: Workspace) -> None:
    page = data.disputed(workspace.store)
    assert page.events and {e.status for e in page.events} <= {"contested", "denied"}
    assert any(e.status == "contested" for e in page.events)
    keys = [e.when_start or e.first_reported or "" for e in page.events]
    assert keys == sorted(keys, reverse=True)


def test_event_page_has_status_sources_and_claims(workspace: Workspace) -> None:
    contested = data.disputed(workspace.store).events[0]
    page = data.event(workspace.store, contested.id[:8])
    assert page.event.id == contested.id and page.event.status == "contested"
    assert {c.polarity for c in page.claims} >= {"asserted", "denied"}
    assert all(c.evidence and c.article_id for c in page.claims)
    assert page.languages and page.event.sources >= 1 and page.event.first_reported
    with pytest.raises(data.NotFound):
        data.event(workspace.store, "ev-nosuchevent")


def test_events_list_newest_first_and_filtered(workspace: Workspace) -> None:
    rows = data.events(workspace.store).events
    keys = [e.when_start or e.first_reported or "" for e in rows]
    assert rows and keys == sorted(keys, reverse=True)
    calls = data.events(workspace.store, kind="call").events
    assert calls and {e.kind for e in calls} == {"call"}


def test_stories_and_story_page(workspace: Workspace) -> None:
    stories = data.stories(workspace.store).stories
    assert stories and stories[0].articles >= stories[-1].articles
    multi = next(s for s in stories if len(s.languages) > 1)
    page = data.story(workspace.store, multi.id)
    assert len(page.articles) == multi.articles and {a.language for a in page.articles} == set(multi.languages)
    dates = [a.published or "" for a in page.articles]
    assert dates == sorted(dates)
    with pytest.raises(data.NotFound):
        data.story(workspace.store, "no-such-story")


def test_article_segments_rebuild_the_text(workspace: Workspace) -> None:
    article = next(a for a in workspace.articles() if "Эрдоган" in (a.title or ""))
    page = data.article(workspace.store, article.id)
    assert "".join(s.text for s in page.segments) == article.text
    assert any(s.entity_id == "vladimir-putin" for s in page.segments)
    assert any(s.reports for s in page.segments)
    assert {r.id for r in page.reports} == {rid for s in page.segments for rid in s.reports}


def test_merged_actor_keeps_its_events(workspace: Workspace) -> None:
    from backchannel import curation, query

    before = data.actor(workspace.store, "vladimir-putin").events_total
    other = data.actor(workspace.store, "recep-tayyip-erdogan").events_total
    curation.merge(workspace.store, "vladimir-putin", "recep-tayyip-erdogan")
    after = data.actor(workspace.store, "recep-tayyip-erdogan")
    assert after.actor.id == "vladimir-putin"
    assert before < after.events_total <= before + other
    assert all(c.actor.id != "recep-tayyip-erdogan" for c in after.counterparts)
    everything = query.list_events(workspace.store, query.EventFilter(limit=10_000))
    assert all("recep-tayyip-erdogan" not in {p.id for p in e.participants} for e in everything)
