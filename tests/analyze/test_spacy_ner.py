"""spaCy's English NER adapter: its spans on our tokens, the merge with the rule spans, and the
fallback to the rules when the pipeline package is absent."""

from __future__ import annotations

import pytest

from backchannel.analyze import Models, load_models, spacy_ner
from backchannel.analyze.models import with_english_ner
from backchannel.analyze.records import Span
from backchannel.analyze.spacy_ner import merge, to_tokens
from backchannel.analyze.tokens import tokenize
from backchannel.config import Settings
from backchannel.kb.model import KnowledgeBase
from backchannel.model import EntityType

from .conftest import run


def _chars(text: str, surface: str, kind: EntityType) -> tuple[int, int, EntityType]:
    start = text.index(surface)
    return start, start + len(surface), kind


def _surfaces(text: str, spans: list[tuple[int, int, EntityType]]) -> list[tuple[str, str]]:
    tokens, _ = tokenize(text)
    return [(text[tokens[a].start:tokens[b - 1].end], kind) for a, b, kind in spans]


def test_spans_drop_articles_owners_and_readings_past_a_name() -> None:
    text = "The Pentagon said Norway's Defence Forces met officials. Send it now."
    tokens, _ = tokenize(text)
    found = [
        _chars(text, "The Pentagon", "ORG"),
        _chars(text, "Norway's Defence Forces", "ORG"),
        _chars(text, "met officials", "ORG"),  # lower-case words: not a name
        _chars(text, "entagon", "ORG"),  # cut inside one of our tokens
        _chars(text, "officials. Send", "PER"),  # across our sentence boundary
    ]
    assert _surfaces(text, to_tokens(found, tokens)) == [("Pentagon", "ORG"), ("Defence Forces", "ORG")]


def test_spans_keep_particles_and_joiners() -> None:
    text = "Reporters of al-Monitor visited the Bank of England."
    tokens, _ = tokenize(text)
    found = [_chars(text, "al-Monitor", "ORG"), _chars(text, "Bank of England.", "ORG")]
    assert _surfaces(text, to_tokens(found, tokens)) == [("al-Monitor", "ORG"), ("Bank of England", "ORG")]


def _span(text: str, surface: str, kind: EntityType, source: str, kb: tuple[str, ...] = ()) -> Span:
    tokens, _ = tokenize(text)
    start = text.index(surface)
    first = next(i for i, t in enumerate(tokens) if t.start == start)
    last = next(i for i, t in enumerate(tokens) if t.end == start + len(surface)) + 1
    return Span(first, last, kind, source, kb)


def test_merge_keeps_our_names_and_fills_the_gaps() -> None:
    text = "Henrique Capriles told Orbis Monitor that Kurdish fighters left Tarvia."
    tokens, _ = tokenize(text)
    rules = [_span(text, "Henrique Capriles", "PER", "morph"), _span(text, "Kurdish", "PER", "unsure")]
    model = [(s.first, s.last, kind) for s, kind in (
        (_span(text, "Henrique Capriles", "ORG", "x"), "ORG"),  # the rules are more often right here
        (_span(text, "Orbis Monitor", "ORG", "x"), "ORG"),
        (_span(text, "Kurdish", "MISC", "x"), "MISC"),  # a group: the unsure rule span goes, no mention
        (_span(text, "Tarvia", "LOC", "x"), "LOC"),
    )]
    merged = merge(rules, model, tokens)
    got = [(text[tokens[s.first].start:tokens[s.last - 1].end], s.type, s.source) for s in merged]
    assert got == [("Henrique Capriles", "PER", "morph"), ("Orbis Monitor", "ORG", "model"), ("Tarvia", "LOC", "model")]


def test_merge_grows_an_organisation_and_keeps_its_kb_entry() -> None:
    text = "The U.S. State Department said so."
    tokens, _ = tokenize(text)
    rules = [_span(text, "U.S.", "LOC", "kb", ("country-us",)),
             _span(text, "State Department", "ORG", "kb", ("org-state-department",))]
    grown = _span(text, "U.S. State Department", "ORG", "x")
    merged = merge(rules, [(grown.first, grown.last, "ORG")], tokens)
    assert [(s.first, s.last, s.type, s.kb_ids) for s in merged] == [
        (grown.first, grown.last, "ORG", ("org-state-department",))]


def test_merge_drops_a_rule_place_on_a_group_and_skips_doubtful_new_names() -> None:
    text = "Syrian troops watched the Boston Marathon on CCTV for security. Security was tight for the Secretary of State."
    tokens, _ = tokenize(text)
    rules = [_span(text, "Syrian", "LOC", "guess")]
    model = [(s.first, s.last, kind) for s, kind in (
        (_span(text, "Syrian", "MISC", "x"), "MISC"),
        (_span(text, "Boston Marathon", "ORG", "x"), "ORG"),  # an event
        (_span(text, "CCTV", "ORG", "x"), "ORG"),  # a common abbreviation
        (_span(text, "Security", "ORG", "x"), "ORG"),  # also written in lower case
        (_span(text, "State", "ORG", "x"), "ORG"),  # the end of a title
        (_span(text, "Boston", "PER", "x"), "PER"),  # a person the rules did not see
    )]
    assert merge(rules, model, tokens) == []


def test_without_the_package_english_stays_on_the_rules(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy_ner, "PACKAGES", ("no_such_spacy_pipeline",))
    assert spacy_ner.load_spacy_ner() is None
    rules_only = load_models(Settings(english_ner="spacy"), kb=kb)
    assert rules_only.spacy is None
    mentions = run(rules_only, "Vladimir Putin met Elon Musk in Moscow.", "en").mentions
    assert {(m.surface, m.kb_id) for m in mentions if m.type == "PER"} == {
        ("Vladimir Putin", "vladimir-putin"), ("Elon Musk", "elon-musk")}


@pytest.mark.skipif(spacy_ner.find_package() is None, reason="no spaCy English pipeline installed")
def test_the_model_adds_organisations_and_groups_and_keeps_kb_links(models: Models) -> None:
    models = with_english_ner(models, "spacy")
    assert models.spacy is not None
    text = ("Reporters from Al-Monitor said Vladimir Putin met Syrian officials. Elon Musk wrote to the Pentagon. "
            "Secretary of State Marco Rubio spoke with Russian Foreign Minister Sergei Lavrov.")
    mentions = run(models, text, "en").mentions
    got = {(m.surface, m.type, m.kb_id) for m in mentions}
    assert ("Vladimir Putin", "PER", "vladimir-putin") in got
    assert ("Elon Musk", "PER", "elon-musk") in got
    assert not [m for m in mentions if m.surface in ("Syrian", "Russian", "State")]
    assert {m.type for m in mentions if m.surface == "Pentagon"} == {"ORG"}


def test_a_model_place_replaces_an_unsure_word_only_when_nothing_confirms_it() -> None:
    text = "Tarvia voted. Talks with Ruvena Olt ended. Olt left."
    tokens, _ = tokenize(text)
    tarvia, olt = _span(text, "Tarvia", "PER", "unsure"), _span(text, "Olt left", "PER", "x")
    olt = Span(olt.first, olt.first + 1, "PER", "unsure")
    rules = [tarvia, _span(text, "Ruvena Olt", "PER", "guess"), olt]
    model: list[tuple[int, int, EntityType]] = [(tarvia.first, tarvia.last, "LOC"), (olt.first, olt.last, "LOC")]
    merged = merge(rules, model, tokens)
    assert [(tokens[s.first].text, s.type, s.source) for s in merged] == [
        ("Tarvia", "LOC", "model"), ("Ruvena", "PER", "guess"), ("Olt", "PER", "unsure")]


def test_an_unsure_word_listed_beside_a_person_is_kept_everywhere() -> None:
    text = "Ruvena Olt and Kasov met. Kasov spoke."
    tokens, _ = tokenize(text)
    listed = _span(text, "Kasov", "PER", "unsure")
    alone = Span(listed.first + 3, listed.first + 4, "PER", "unsure")
    assert tokens[alone.first].text == "Kasov"
    rules = [_span(text, "Ruvena Olt", "PER", "guess"), listed, alone]
    assert merge(rules, [(alone.first, alone.last, "LOC")], tokens) == rules


def test_english_ner_rules_never_looks_for_spacy(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("spaCy looked for with english_ner = rules")

    monkeypatch.setattr(spacy_ner, "find_package", refuse)
    rules_only = load_models(Settings(english_ner="rules"), kb=kb)
    assert rules_only.spacy is None
    mentions = run(rules_only, "Elon Musk wrote to Vladimir Putin about NATO.", "en").mentions
    assert {(m.surface, m.kb_id) for m in mentions} >= {
        ("Elon Musk", "elon-musk"), ("Vladimir Putin", "vladimir-putin"), ("NATO", "org-nato")}


def test_with_english_ner_shares_the_models_and_swaps_the_english_part(models: Models) -> None:
    rules_only = with_english_ner(models, "rules")
    assert rules_only.spacy is None and rules_only.gazetteers is models.gazetteers and rules_only.kb is models.kb
    again = with_english_ner(rules_only, "spacy")
    assert (again.spacy is None) == (spacy_ner.find_package() is None)
