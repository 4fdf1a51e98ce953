"""Adapter for natasha/slovnet's Russian NER (optional: ``load_models(slovnet=True)``).

Its spans are mapped to our tokens and replace the rule spans, except the knowledge-base spans
they overlap (which carry KB ids and base forms)."""

from __future__ import annotations

from typing import Any

from backchannel.analyze.records import Span, Token
from backchannel.model import EntityType

_TYPES: dict[str, EntityType] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


class SlovnetNer:
    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsNERTagger

        self._tagger: Any = NewsNERTagger(NewsEmbedding())

    def spans(self, text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, EntityType]]:
        """(first token, last token exclusive, type) per name, sentence by sentence."""
        by_sent: dict[int, list[int]] = {}
        for i, t in enumerate(tokens):
            by_sent.setdefault(t.sent, []).append(i)
        groups = list(by_sent.values())
        chunks = [text[tokens[idx[0]].start:tokens[idx[-1]].end] for idx in groups]
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        out: list[tuple[int, int, EntityType]] = []
        for idx, markup in zip(groups, self._tagger.map(chunks), strict=True):
            offset = tokens[idx[0]].start
            for span in markup.spans:
                first, last = starts.get(offset + span.start), ends.get(offset + span.stop)
                if first is not None and last is not None and span.type in _TYPES:
                    out.append((first, last + 1, _TYPES[span.type]))
        return out


def merge(rules: list[Span], model: list[tuple[int, int, EntityType]], tokens: tuple[Token, ...]) -> list[Span]:
    """The model decides what is a name and its type; a knowledge-base span it overlaps is kept
    in its place (it carries the KB id and the base form); rule spans the model does not
    confirm are dropped."""
    del tokens
    covered: dict[int, Span] = {}
    for s in rules:
        if s.source == "kb":
            for k in range(s.first, s.last):
                covered[k] = s
    out: dict[int, Span] = {}
    for first, last, kind in model:
        hit = [covered[k] for k in range(first, last) if k in covered]
        if hit:
            for s in hit:
                out[s.first] = s
        else:
            out[first] = Span(first, last, kind, "model")
    return sorted(out.values(), key=lambda s: s.first)
