"""Table-driven tests for the English organisation and place rules: organisation heads keep their
title-like words, an acronym or a body before a title, a place before an organisation head,
standalone institutions, English subdivisions, place openers and lower-case place nouns."""

from __future__ import annotations

import pytest

from backchannel.analyze import Models
from backchannel.analyze.models import with_english_ner
from tests.analyze.conftest import run


@pytest.fixture(scope="module")
def rules(models: Models) -> Models:
    """The shared models with English on the rules alone (no spaCy), as ``english_ner = "rules"``."""
    return with_english_ner(models, "rules")

FOUND = [
    # (text, surface, type)
    # an organisation's name keeps its title-like words ("Justice", "Interior", "Army", "Defense")
    ("A lawyer for the Justice Department prosecutor Ray Hollins objected.", "Justice Department", "ORG"),
    ("A spokesman for the Interior Ministry said the roads were closed.", "Interior Ministry", "ORG"),
    ("Fighters of the Northern Liberation Army crossed the river.", "Northern Liberation Army", "ORG"),
    ("The Ministry of Defense denied the report.", "Ministry of Defense", "ORG"),
    # a body joined over "of" to a country stays whole
    ("Talks with the Popular Armed Forces of Ruritania resumed.", "Popular Armed Forces of Ruritania", "ORG"),
    # an acronym, or words ending with a head, before a title
    ("Witnesses said the KLT Officer Dana Morrow was unhurt.", "KLT", "ORG"),
    ("Coastal Brigade General Omar Teller was detained on Monday.", "Coastal Brigade", "ORG"),
    # a place before an organisation head is part of the organisation
    ("The Ohio State Police said the road was open.", "Ohio State Police", "ORG"),
    ("Reporters for the Denver Herald Tribune asked again.", "Denver Herald Tribune", "ORG"),
    ("According to the Harbour Wire, the talks lasted an hour.", "Harbour Wire", "ORG"),
    ("The Northern Ledger said the call took place on Monday.", "Northern Ledger", "ORG"),
    ("The Northern Ireland Office declined to comment.", "Northern Ireland Office", "ORG"),
    ("Boston Police Commissioner Ann Rowley spoke first.", "Boston Police", "ORG"),
    # a standalone institution inside a sentence, never written in lower case
    ("Officials said the Navy would send two ships.", "Navy", "ORG"),
    # English first-level subdivisions
    ("She moved to a small town in Nebraska last year.", "Nebraska", "LOC"),
    ("Fighting was reported in Kandahar on Friday.", "Kandahar", "LOC"),
    # place openers and facility tails
    ("Gunmen attacked Camp Dorran at dawn.", "Camp Dorran", "LOC"),
    ("The meeting was held in County Kerrow.", "County Kerrow", "LOC"),
    ("Patients were taken to Millbrook General Hospital overnight.", "Millbrook General Hospital", "LOC"),
    # a lower-case place noun after the name, or before it with "of"
    ("Four soldiers died in the Shah Varan district on Friday.", "Shah Varan", "LOC"),
    ("A blast in the province of Zarkan killed three.", "Zarkan", "LOC"),
    # parts of the world
    ("He had never been to Latin America before.", "Latin America", "LOC"),
    # a place after a person's name and "of" is a place ("University of York" stays whole)
    ("Witness Carla Nunez of Nebraska heard the blast.", "Nebraska", "LOC"),
    # a lower-case kind of organisation before a name
    ("According to the newspaper El Vigia, the clinic closed.", "El Vigia", "ORG"),
    ("Data from the investigative website Clearsight showed the route.", "Clearsight", "ORG"),
    # a name followed by its acronym in brackets
    ("Fighters of the Sendero Azul Unido (SAU) surrendered.", "Sendero Azul Unido", "ORG"),
    # a bare KB surname grows over first names and particles the KB lacks
    ("The mother of Zorwin Putin spoke to reporters.", "Zorwin Putin", "PER"),
    ("The mayor, Rafael da Peskov, said the city was calm.", "Rafael da Peskov", "PER"),
]


@pytest.mark.parametrize(("text", "surface", "kind"), FOUND)
def test_english_rule_finds_name(rules: Models, text: str, surface: str, kind: str) -> None:
    mentions = run(rules, text, "en").mentions
    assert (surface, kind) in {(m.surface, m.type) for m in mentions}, [(m.surface, m.type) for m in mentions]


NOT_FOUND = [
    # (text, surface that must not be a mention of any type)
    # a title before a name is still stripped
    ("Defense Secretary Paul Garner arrived on Monday.", "Defense Secretary Paul Garner"),
    # "Police" alone opening a sentence is no organisation
    ("Police said the street was closed.", "Police"),
    # an institution word written in lower case elsewhere in the article stays a common noun
    ("The navy has two ships. Officials said the Navy would wait.", "Navy"),
    # a common-word subdivision name is no place
    ("The Central committee met again.", "Central"),
    # a nationality adjective opening a sentence is no name, even beside an organisation it opens
    ("Chinese state media praised the talks. The Chinese Foreign Ministry agreed.", "Chinese"),
    ("Russian officials declined to comment. The Russian Defence Ministry said nothing.", "Russian"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_FOUND)
def test_english_rule_skips(rules: Models, text: str, surface: str) -> None:
    mentions = run(rules, text, "en").mentions
    assert surface not in {m.surface for m in mentions}, [(m.surface, m.type) for m in mentions]


def test_person_after_organisation_kind_stays_a_person(rules: Models) -> None:
    mentions = run(rules, "She joined the company Laura Brennan founded in 2010.", "en").mentions
    assert ("Laura Brennan", "PER") in {(m.surface, m.type) for m in mentions}


def test_region_that_is_a_surname_is_no_place(rules: Models) -> None:
    mentions = run(rules, "The report was written by Herrera last year.", "en").mentions
    assert ("Herrera", "LOC") not in {(m.surface, m.type) for m in mentions}
