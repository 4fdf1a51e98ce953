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
    assert data.search(workspace.store, "   ").actors == ()


def test_actor_page(workspace: Workspace) -> None:
    page = data.actor(workspace.store, "vladimir-putin")
    assert {n.lang for n in page.names} >= {"en", "ru", "uk"}
    assert page.counterparts and page.counterparts[0].reports >= page.counterparts[-1].reports
    assert any(c.actor.id == "recep-tayyip-erdogan" for c in page.counterparts)
    dates = [r.date for r in page.contacts if r.date]
    assert dates == sorted(dates) and all(r.date for r in page.contacts[: len(dates)])
    assert all(r.evidence and r.article_id for r in page.contacts)
    assert page.contacts_total >= len(page.contacts)


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


def test_disputed_pairs_have_both_sides(workspace: Workspace) -> None:
    page = data.disputed(workspace.store)
    assert page.groups
    assert all(g.asserted and g.denied for g in page.groups)
    lasts = [g.last or "" for g in page.groups]
    assert lasts == sorted(lasts, reverse=True)


def test_events_and_stories_say_when_there_are_none(workspace: Workspace) -> None:
    assert data.events(workspace.store).available is False
    assert data.stories(workspace.store).groups == ()


def test_article_segments_rebuild_the_text(workspace: Workspace) -> None:
    article = next(a for a in workspace.articles() if "Эрдоган" in (a.title or ""))
    page = data.article(workspace.store, article.id)
    assert "".join(s.text for s in page.segments) == article.text
    assert any(s.entity_id == "vladimir-putin" for s in page.segments)
    assert any(s.reports for s in page.segments)
    assert {r.id for r in page.reports} == {rid for s in page.segments for rid in s.reports}


def test_merged_actor_keeps_its_contacts(workspace: Workspace) -> None:
    from backchannel import curation

    before = data.actor(workspace.store, "vladimir-putin").contacts_total
    other = data.actor(workspace.store, "recep-tayyip-erdogan").contacts_total
    curation.merge(workspace.store, "vladimir-putin", "recep-tayyip-erdogan")
    after = data.actor(workspace.store, "recep-tayyip-erdogan")
    assert after.actor.id == "vladimir-putin"
    assert before <= after.contacts_total <= before + other
    assert all(c.actor.id != "recep-tayyip-erdogan" for c in after.counterparts)
    assert after.contacts_total == len(after.contacts)
    assert all(len({p.entity_id for p in r.participants}) == len(r.participants) for r in after.contacts)
