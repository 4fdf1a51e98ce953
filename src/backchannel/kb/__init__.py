"""Our actor knowledge base: people, organisations, institutions and countries, with names in
English, Russian and Ukrainian, Wikidata QIDs where known, and offices with dates.

The base ships as YAML files in ``backchannel/data/kb/`` (one file per region or kind) and is
loaded on first use by :func:`load_kb`; users add their own with ``backchannel kb import``.
"""

from backchannel.kb.loader import load_kb, parse_actors
from backchannel.kb.model import Actor, KnowledgeBase, Office

__all__ = ["Actor", "KnowledgeBase", "Office", "load_kb", "parse_actors"]
