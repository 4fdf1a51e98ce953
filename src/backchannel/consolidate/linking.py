"""Cross-document, cross-lingual entity linking: each in-document cluster of mentions becomes
one store entity.

Order of evidence: a user's alias or split (curation) → the KB actor the analysis resolved →
the KB actor whose name has the same linking key → an entity already known under that key →
a new entity. KB entities are created on first use with all their names in every language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from backchannel.consolidate.keys import key
from backchannel.kb.index import KbIndex
from backchannel.kb.model import Actor
from backchannel.model import Article, ArticleAnalysis, Mention
from backchannel.store.entities import EntityRepo, text_entity_id


def _representative(cluster: Sequence[Mention]) -> str:
    return max((m.base for m in cluster), key=lambda b: (len(b.split()), len(b)))


def ensure_kb_entity(repo: EntityRepo, actor: Actor) -> str:
    if not repo.exists(actor.id):
        repo.create(actor.id, actor.type, actor.display_name, "kb", kb_id=actor.id, qid=actor.qid)
        names = list(actor.all_names())
        repo.add_names(actor.id, names, "kb")
        repo.add_keys(actor.id, [key(actor.type, name) for _, name in names], "kb")
    return repo.resolve(actor.id)


def _entity_for(repo: EntityRepo, index: KbIndex, cluster: Sequence[Mention], entity_type: str, rep: str) -> str:
    rep_key = key(entity_type, rep)
    owner = repo.key_owner(rep_key)
    if owner and owner[1] == "user":
        return repo.resolve(owner[0])
    kb_ids = Counter(m.kb_id for m in cluster if m.kb_id and m.kb_id in index.actors)
    if kb_ids:
        return ensure_kb_entity(repo, index.actors[kb_ids.most_common(1)[0][0]])
    actor = index.actor_for(entity_type, rep)
    if actor is not None:
        return ensure_kb_entity(repo, actor)
    if owner:
        return repo.resolve(owner[0])
    entity_id = text_entity_id(rep_key)
    repo.create(entity_id, entity_type, rep, "text")
    repo.add_keys(entity_id, [rep_key], "text")
    return repo.resolve(entity_id)


def link(repo: EntityRepo, index: KbIndex, article: Article, analysis: ArticleAnalysis) -> list[dict[str, Any]]:
    """Link every mention cluster of the article; returns the mention rows to store."""
    clusters: dict[int, list[Mention]] = {}
    for m in analysis.mentions:
        clusters.setdefault(m.cluster, []).append(m)
    entity_of: dict[int, str] = {}
    for number, cluster in clusters.items():
        entity_type = Counter(m.type for m in cluster).most_common(1)[0][0]
        rep = _representative(cluster)
        entity_id = _entity_for(repo, index, cluster, entity_type, rep)
        repo.add_names(entity_id, [(article.language, m.base) for m in cluster], "text")
        entity_of[number] = entity_id
    return [
        {"start": m.start, "end": m.end, "surface": m.surface, "base": m.base, "type": m.type,
         "cluster": m.cluster, "role": m.role, "entity_id": entity_of[m.cluster]}
        for m in analysis.mentions
    ]
