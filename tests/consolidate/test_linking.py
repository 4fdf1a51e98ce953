"""Cross-document, cross-lingual linking and curation over a real store (analyses written by hand)."""

from __future__ import annotations

import pytest

from backchannel import curation
from backchannel.consolidate.keys import key, skeleton
from backchannel.consolidate.linking import cluster_identities, link
from backchannel.errors import UsageError
from backchannel.kb import load_kb
from backchannel.kb.index import build_index
from backchannel.kb.model import Actor, KnowledgeBase
from backchannel.model import Article, ArticleAnalysis, Mention, article_id
from backchannel.store import Store


def article(key: str, text: str, lang: str) -> Article:
    return Article(id=article_id(key, "0" * 64), source_path=key, source_key=key, raw_sha256="0" * 64,
                   format="text", title=None, outlet=None, url=None, author=None, published="2025-03-01",
                   language=lang, language_declared=None, warnings=(), metadata={}, text=text)


def mention(text: str, surface: str, base: str, cluster: int, kind: str = "PER", kb_id: str | None = None) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, base, kind, cluster, kb_id=kb_id)  # type: ignore[arg-type]


def ingest(store: Store, art: Article, mentions: list[Mention]) -> dict[str, str]:
    index = build_index(load_kb())
    with store.batch(None) as b:
        if store.article(art.id) is None:
            b.add_article(art, len(art.text))
        rows = link(b.entities, index, art, ArticleAnalysis(art.id, art.language, (), tuple(mentions)))
        b.entities.replace_mentions(art.id, rows)
    return {r["surface"]: r["entity_id"] for r in rows}


@pytest.mark.parametrize("a,b", [
    ("Сергей Кириенко", "Сергій Кирієнко"), ("Зеленский", "Zelenskyy"), ("Эрдоган", "Ердоган"),
    ("Иван Петров", "Іван Петров"),
])
def test_skeletons_agree_across_languages(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_kb_and_text_entities_link_across_articles(db_target: str) -> None:
    store = Store.open(db_target)
    ru = "Путин встретился с Иваном Петровым. Петров рассказал о встрече."
    uk = "Путін зустрівся з Іваном Петровим."
    first = ingest(store, article("/a/ru.txt", ru, "ru"), [
        mention(ru, "Путин", "Путин", 0), mention(ru, "Иваном Петровым", "Иван Петров", 1),
        mention(ru, "Петров", "Петров", 1)])
    second = ingest(store, article("/a/uk.txt", uk, "uk"), [
        mention(uk, "Путін", "Путін", 0), mention(uk, "Іваном Петровим", "Іван Петров", 1)])
    assert first["Путин"] == second["Путін"] == "vladimir-putin"
    assert first["Иваном Петровым"] == first["Петров"] == second["Іваном Петровим"]
    assert first["Иваном Петровым"].startswith("x-")
    detail = curation.detail(store, "vladimir-putin")
    assert ("uk", "Володимир Путін") in detail.names and ("en", "Vladimir Putin") in detail.names
    exported = list(store.iter_mentions())
    assert {m["entity_name"] for m in exported} == {"Vladimir Putin", "Иван Петров"}
    assert all(set(m) >= {"article", "surface", "base", "type", "entity_id", "entity_name", "start", "end"}
               for m in exported)


def test_curation_survives_relinking(db_target: str) -> None:
    store = Store.open(db_target)
    text = "Макс и Песков говорили."
    art = article("/a/typo.txt", text, "uk")
    found = ingest(store, art, [mention(text, "Макс", "Макс", 0), mention(text, "Песков", "Песков", 1)])
    typo = found["Макс"]
    assert typo.startswith("x-") and found["Песков"] == "dmitry-peskov"
    curation.add_alias(store, "dmitry-peskov", "Макс", "uk")  # a user decision (absurd, but testable)
    again = ingest(store, art, [mention(text, "Макс", "Макс", 0), mention(text, "Песков", "Песков", 1)])
    assert again["Макс"] == "dmitry-peskov"
    curation.rename(store, "dmitry-peskov", "Dmitry S. Peskov", "en")
    assert curation.detail(store, "Dmitry S. Peskov").entity.name == "Dmitry S. Peskov"
    ops = [op for _, op, _ in curation.log(store, 10)]
    assert ops == ["rename", "alias"]


def test_merge_and_split(db_target: str) -> None:
    store = Store.open(db_target)
    text = "Анна Ли и Ли Вэй провели переговоры."
    found = ingest(store, article("/a/li.txt", text, "ru"), [
        mention(text, "Анна Ли", "Анна Ли", 0), mention(text, "Ли Вэй", "Ли Вэй", 1)])
    anna, wei = found["Анна Ли"], found["Ли Вэй"]
    merged = curation.merge(store, anna, wei)
    assert merged.id == anna and merged.mentions == 2
    new, moved = curation.split(store, anna, "Ли Вэй", "ru")
    assert moved == 1 and new.mentions == 1
    text2 = "Ли Вэй снова приехал."
    later = ingest(store, article("/a/li2.txt", text2, "ru"), [mention(text2, "Ли Вэй", "Ли Вэй", 0)])
    assert later["Ли Вэй"] == new.id
    with pytest.raises(UsageError):
        curation.merge(store, anna, anna)
    with pytest.raises(UsageError):
        curation.detail(store, "nobody at all")



def test_cluster_identities_give_kb_actor_else_the_key_of_the_longest_name() -> None:
    kb = KnowledgeBase((Actor("ivan-pertsev", "PER", names={"ru": ("Иван Перцев",)}),))
    text = "Ивана Перцева и Перцев; Ольга Сивцова и Сивцова."
    mentions = (
        mention(text, "Ивана Перцева", "Иван Перцев", 0),
        mention(text, "и Перцев", "Перцев", 0),
        mention(text, "Ольга Сивцова", "Ольга Сивцова", 1),
        mention(text, "и Сивцова", "Сивцова", 1),
    )
    found = cluster_identities(build_index(kb), ArticleAnalysis("a", "ru", (), mentions))
    assert found == {0: "ivan-pertsev", 1: key("PER", "Ольга Сивцова")}
