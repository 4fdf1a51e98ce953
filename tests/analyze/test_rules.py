"""Table-driven tests for the rules added to the recogniser: legal forms before quoted names,
event words that are no names, English runs that are no persons, councils, and the feminine
first names in -ия that the dictionary knows only as men's names."""

from __future__ import annotations

import pytest

from backchannel.analyze import Models
from tests.analyze.conftest import run

FOUND = [
    # (lang, text, surface, type)
    ("uk", "Договір підписало ТОВ «Зелена долина» минулого тижня.", "ТОВ «Зелена долина»", "ORG"),
    ("uk", "Тендер виграло ПрАТ «Степовий млин».", "ПрАТ «Степовий млин»", "ORG"),
    ("uk", "Акції купило ТОВ «НВО «Сонячний берег»» у березні.", "ТОВ «НВО «Сонячний берег»»", "ORG"),
    ("ru", "Контракт получило ООО \"Северная звезда\" без конкурса.", "ООО \"Северная звезда\"", "ORG"),
    ("ru", "Об этом сообщило ИА REGNUM в понедельник.", "ИА REGNUM", "ORG"),
    ("ru", "Акционеры компании «Тихий залив» собрались в среду.", "Тихий залив", "ORG"),
    ("uk", "Рішення ухвалила Полтавська міськрада у вівторок.", "Полтавська міськрада", "ORG"),
    ("en", "Officials said the blast hit Bagram Air Base overnight.", "Bagram Air Base", "LOC"),
    ("en", "Fighting spread across South America in the following years.", "South America", "LOC"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "kind"), FOUND)
def test_rule_finds_name(models: Models, lang: str, text: str, surface: str, kind: str) -> None:
    mentions = run(models, text, lang).mentions
    assert (surface, kind) in {(m.surface, m.type) for m in mentions}, [(m.surface, m.type) for m in mentions]


NOT_A_NAME = [
    # (lang, text, word that must not be (part of) a mention of the given type)
    ("ru", "Переговоры о Brexit затянулись до осени.", "Brexit", None),
    ("uk", "Уряд обговорив наслідки Брекзиту для торгівлі.", "Брекзиту", None),
    ("en", "Police questioned runners after the Boston Marathon ended.", "Boston Marathon", "PER"),
    ("en", "Fans gathered for the World Cup in the capital.", "World Cup", "PER"),
    ("en", "Investigators used CCTV footage and DNA samples.", "CCTV", None),
    ("en", "However, the talks went on for hours.", "However", None),
]


@pytest.mark.parametrize(("lang", "text", "word", "kind"), NOT_A_NAME)
def test_rule_skips_non_name(models: Models, lang: str, text: str, word: str, kind: str | None) -> None:
    mentions = run(models, text, lang).mentions
    assert not [m for m in mentions if word in m.surface and (kind is None or m.type == kind)]


def test_english_run_written_in_lower_case_elsewhere_is_no_person(models: Models) -> None:
    text = "The agency warned about homeland security. Officials at Homeland Security declined to comment."
    assert not [m for m in run(models, text, "en").mentions if m.type == "PER"]


FEMININE = [
    # (text, surface, base): the surname is indeclinable and the -ий form never appears
    ("Суд оправдал Асию Норин. Асия Норин провела в тюрьме восемь лет.", "Асию Норин", "Асия Норин"),
    ("Адвокат Асии Бибо заявил о победе. Асия Бибо покинула страну.", "Асии Бибо", "Асия Бибо"),
]


@pytest.mark.parametrize(("text", "surface", "base"), FEMININE)
def test_feminine_first_name_in_ia(models: Models, text: str, surface: str, base: str) -> None:
    found = [m for m in run(models, text, "ru").mentions if m.surface == surface]
    assert found and found[0].base == base


def test_masculine_name_with_declined_surname_stays_masculine(models: Models) -> None:
    found = [m for m in run(models, "Журналисты нашли Василия Петрова в Твери.", "ru").mentions
             if m.surface == "Василия Петрова"]
    assert found and found[0].base == "Василий Петров"
