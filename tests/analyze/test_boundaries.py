"""What the NER error-analysis rules must not find: headlines in capitals, an institution word
alone, a place adjective that is a surname, subdivisions that are common words (the spans they
must find are in ``test_rules.FOUND``)."""

from __future__ import annotations

import pytest

from backchannel.analyze import Models
from tests.analyze.conftest import run

NONE = [
    # (lang, text): no mention at all
    ("uk", "ХТО ТОЙ ЧОЛОВІК? НЕ НА ЧАСІ."),  # a headline in capitals
    ("ru", "Суд отменил приговор в среду."),  # an institution word alone opening a sentence
    ("ru", "Суд первой инстанции отменил приговор."),  # … or a generic head with a genitive
    ("ru", "Пакистанский суд отменил приговор."),  # a country adjective and a common noun
    ("uk", "Американська компанія оголосила про звільнення."),
    ("ru", "Экспертная группа собралась в среду."),  # an adjective and a generic head
    ("uk", "Фармацевтичні компанії підвищили ціни."),  # … or several of a kind
    ("ru", "Врачи проверили ЖКТ и ЦНС пациента."),  # abbreviations that name no organisation
    ("ru", "Королева одобрила назначение."),
    ("ru", "Того же мнения придерживаются многие."),  # the pronoun, not Togo  # a common word opening a sentence, not the town Королёв
]


@pytest.mark.parametrize("text", ["Лайнер Falcor-737 совершил посадку.", "Лайнер Falcor 737 MAX совершил посадку.",
                                  "Истребитель Мираж-2000 поднялся в воздух."])
def test_maker_with_a_model_number_is_a_product(models: Models, text: str) -> None:
    assert not [m for m in run(models, text, "ru").mentions if m.type == "ORG"]


def test_a_year_after_an_organisation_is_no_model_number(models: Models) -> None:
    mentions = run(models, "The WQBC 2018 report was cited by officials.", "en").mentions
    assert ("WQBC", "ORG") in {(m.surface, m.type) for m in mentions}


@pytest.mark.parametrize(("lang", "text"), NONE)
def test_no_mention(models: Models, lang: str, text: str) -> None:
    assert [(m.surface, m.type) for m in run(models, text, lang).mentions] == []


def test_surname_first_with_a_patronymic_stays_one_person(models: Models) -> None:
    mentions = run(models, "Заяву підписала Гнатюк Олена Петрівна.", "uk").mentions
    assert ("Гнатюк Олена Петрівна", "PER") in {(m.surface, m.type) for m in mentions}


def test_country_adjective_alone_is_no_person(models: Models) -> None:
    """"Турецький" is also a surname, but before "потік" it is the adjective."""
    assert not [m for m in run(models, "Газ іде через Турецький потік.", "uk").mentions if m.type == "PER"]


def test_a_title_at_sentence_start_is_no_surname_of_the_kb(models: Models) -> None:
    """"Ле Мэр" is the surname of "Брюно Ле Мэр"; "Мэр" alone is the title."""
    mentions = run(models, "Брюно Ле Мэр прилетел в Париж. Мэр города встретил его. Ле Мэр улыбнулся.", "ru").mentions
    assert [(m.surface, m.kb_id) for m in mentions if m.type == "PER"] == [
        ("Брюно Ле Мэр", "bruno-le-maire"), ("Ле Мэр", "bruno-le-maire")]


def test_the_name_the_text_word_keeps_decides_the_entry(models: Models) -> None:
    """"Хан" is Imran Khan's surname, not a form of "Ханой"; "Ханоя" is Hanoi."""
    mentions = run(models, "Имран Хан прилетел из Ханоя. Хан выступил в Ханое.", "ru").mentions
    assert [(m.surface, m.type, m.kb_id) for m in mentions] == [
        ("Имран Хан", "PER", "imran-khan"), ("Ханоя", "LOC", "city-hanoi"), ("Хан", "PER", "imran-khan"),
        ("Ханое", "LOC", "city-hanoi")]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Украинский лидер прибыл в столицу."),  # a country adjective before a noun
    ("uk", "Сергій прийшов додому."),  # a first name, though the town list has Серго
])
def test_no_place(models: Models, lang: str, text: str) -> None:
    assert not [m for m in run(models, text, lang).mentions if m.type == "LOC"]


def test_a_word_the_article_writes_in_lower_case_is_no_name_part(models: Models) -> None:
    text = "Колеги обговорили, як Вакцина Хорвекс діє, і чи безпечна вакцина для дітей."
    assert not [m for m in run(models, text, "uk").mentions if m.type == "PER"]


def test_place_adjective_alone_stays_a_surname(models: Models) -> None:
    mentions = run(models, "Олена Сумська відкрила виставку.", "uk").mentions
    assert ("Олена Сумська", "PER") in {(m.surface, m.type) for m in mentions}


def test_common_word_subdivision_is_no_place(models: Models) -> None:
    """"Пара" (a Brazilian state) and "Захід" are ordinary words first."""
    mentions = run(models, "Пара за парою виходили на сцену. Захід розпочався вчасно.", "uk").mentions
    assert not [m for m in mentions if m.type == "LOC"]
