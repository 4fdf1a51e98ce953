"""Cross-document, cross-lingual entity linking: each in-document cluster of mentions becomes
one store entity. Linking works on a whole batch of articles at once, with a handful of bulk
statements, so its cost per article stays flat as the store grows.

Order of evidence per cluster: a user's alias or split (curation) → the KB actor the analysis
resolved → the KB actor whose name has the same linking key → an entity already known under
that key → a new entity (its id derived from the key, so re-linking finds it again). KB
entities are created on first use with all their names in every language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from backchannel.consolidate.keys import key
from backchannel.kb.index import KbIndex
from backchannel.kb.model import Actor
from backchannel.model import Article, ArticleAnalysis, Mention
from backchannel.store.entities import EntityRepo, text_entity_id


class _Cluster(NamedTuple):
    article: Article
    number: int
    mentions: tuple[Mention, ...]
    type: str
    rep: str
    key: str
    kb_id: str | None


def _grouped(analysis: ArticleAnalysis) -> dict[int, list[Mention]]:
    grouped: dict[int, list[Mention]] = {}
    for m in analysis.mentions:
        grouped.setdefault(m.cluster, []).append(m)
    return grouped


def _identity(index: KbIndex, ms: Sequence[Mention]) -> tuple[str, str, str | None, str]:
    """Type, representative name, KB actor and linking key of one in-document cluster: its most
    frequent type and KB id (the first seen of equally frequent ones), its longest name; the KB
    actor of that name's key when no mention carries a KB id."""
    actors = index.actors
    entity_type: str
    if len(ms) == 1:  # most clusters: the same answer without counting
        m = ms[0]
        entity_type, rep = m.type, m.base
        kb_id = m.kb_id if m.kb_id and m.kb_id in actors else None
    else:
        entity_type = Counter(m.type for m in ms).most_common(1)[0][0]
        rep = max((m.base for m in ms), key=lambda b: (len(b.split()), len(b)))
        kb_ids = Counter(m.kb_id for m in ms if m.kb_id and m.kb_id in actors)
        kb_id = kb_ids.most_common(1)[0][0] if kb_ids else None
    linking_key = key(entity_type, rep)
    if kb_id is None:
        actor = index.actor_for_key(linking_key)
        kb_id = actor.id if actor else None
    return entity_type, rep, kb_id, linking_key


def _clusters(index: KbIndex, article: Article, analysis: ArticleAnalysis) -> list[_Cluster]:
    out = []
    for number, ms in _grouped(analysis).items():
        entity_type, rep, kb_id, linking_key = _identity(index, ms)
        out.append(_Cluster(article, number, tuple(ms), entity_type, rep, linking_key, kb_id))
    return out


def cluster_identities(index: KbIndex, analysis: ArticleAnalysis) -> dict[int, str]:
    """What linking joins each in-document cluster by, before curation and the store: its KB
    actor's id, else the linking key of its representative name (pure; for evaluation)."""
    out: dict[int, str] = {}
    for number, ms in _grouped(analysis).items():
        _, _, kb_id, linking_key = _identity(index, ms)
        out[number] = kb_id or linking_key
    return out


def _kb_rows(actor: Actor, now: datetime) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    entity = {"id": actor.id, "type": actor.type, "name": actor.display_name, "kb_id": actor.id, "qid": actor.qid,
              "source": "kb", "merged_into": None, "created_at": now}
    names = [{"entity_id": actor.id, "lang": lang, "name": name, "source": "kb"} for lang, name in actor.all_names()]
    keys = [{"key": key(actor.type, name), "entity_id": actor.id, "source": "kb"} for _, name in actor.all_names()]
    return entity, names, keys


def ensure_kb_entity(repo: EntityRepo, actor: Actor) -> str:
    """The store entity of a KB actor, created with all its names when it is not there yet."""
    if actor.id not in repo.existing([actor.id]):
        entity, names, keys = _kb_rows(actor, datetime.now(UTC))
        repo.insert_ignore("entities", [entity])
        repo.insert_ignore("entity_names", names)
        repo.insert_ignore("entity_keys", keys)
    return repo.resolve(actor.id)


def link_batch(
    repo: EntityRepo, index: KbIndex, items: Sequence[tuple[Article, ArticleAnalysis]]
) -> dict[str, list[dict[str, Any]]]:
    """Link every mention cluster of every article; returns the mention rows per article id."""
    clusters = [c for article, analysis in items for c in _clusters(index, article, analysis)]
    owners = repo.owners(c.key for c in clusters)
    now = datetime.now(UTC)
    entities: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    kb_used: set[str] = set()
    chosen: dict[tuple[str, int], str] = {}
    for c in clusters:
        owner = owners.get(c.key)
        if owner and owner[1] == "user":
            entity_id = owner[0]
        elif c.kb_id:
            entity_id = c.kb_id
            kb_used.add(c.kb_id)
        elif owner:
            entity_id = owner[0]
        else:
            entity_id = text_entity_id(c.key)
            owners[c.key] = (entity_id, "text")
            entities.append({"id": entity_id, "type": c.type, "name": c.rep, "kb_id": None, "qid": None,
                             "source": "text", "merged_into": None, "created_at": now})
            keys.append({"key": c.key, "entity_id": entity_id, "source": "text"})
        chosen[(c.article.id, c.number)] = entity_id
    for actor_id in sorted(kb_used - repo.existing(kb_used)):
        entity, kb_names, kb_keys = _kb_rows(index.actors[actor_id], now)
        entities.append(entity)
        names += kb_names
        keys += kb_keys
    repo.insert_ignore("entities", entities)
    repo.insert_ignore("entity_keys", keys)
    resolved = repo.resolve_many(chosen.values())
    # One entity_names row per (entity, language, name): a later row replaces an earlier one's
    # values in the first one's place (a mention's name over the same KB name: source "text").
    unique: dict[tuple[str, str, str], dict[str, Any]] = {}
    for n in names:
        if n["name"].strip():
            unique[(n["entity_id"], n["lang"], n["name"])] = n
    rows: dict[str, list[dict[str, Any]]] = {article.id: [] for article, _ in items}
    for c in clusters:
        entity_id = resolved[chosen[(c.article.id, c.number)]]
        lang = c.article.language
        article_rows = rows[c.article.id]
        for m in c.mentions:
            name_key = (entity_id, lang, m.base)
            known = unique.get(name_key)
            if (known is None or known["source"] != "text") and m.base.strip():
                unique[name_key] = {"entity_id": entity_id, "lang": lang, "name": m.base, "source": "text"}
            article_rows.append({
                "article_id": c.article.id, "start": m.start, "end": m.end, "surface": m.surface, "base": m.base,
                "type": m.type, "cluster": m.cluster, "role": m.role, "entity_id": entity_id})
    repo.insert_ignore("entity_names", list(unique.values()))
    for article_rows in rows.values():
        article_rows.sort(key=_position)
    return rows


def _position(row: dict[str, Any]) -> tuple[int, int]:
    return row["start"], row["end"]


def link(repo: EntityRepo, index: KbIndex, article: Article, analysis: ArticleAnalysis) -> list[dict[str, Any]]:
    """Link one article's mentions; returns its mention rows."""
    return link_batch(repo, index, [(article, analysis)])[article.id]
