"""In-document coreference (incl. the typo rule), roles, and role mentions resolved by date."""

from __future__ import annotations

import pytest

from backchannel.analyze import Models
from backchannel.analyze.coref import one_edit
from tests.analyze.conftest import run


def _clusters(models: Models, text: str, lang: str) -> dict[str, int]:
    return {m.surface: m.cluster for m in run(models, text, lang).mentions}


COREF = [
    # (lang, text, full name, short mention)
    ("ru", "Пресс-секретарь Дмитрий Песков выступил утром. Позже Песков уточнил детали.", "Дмитрий Песков", "Песков"),
    ("ru", "Гостей встретил Мишель Барнье. Барнье говорил о торговле.", "Мишель Барнье", "Барнье"),
    ("ru", "На форум приехал Мишель Барнье. Мишель выступил первым.", "Мишель Барнье", "Мишель"),
    ("uk", "Промову виголосив Дональд Туск. Туск закликав до єдності.", "Дональд Туск", "Туск"),
    ("en", "Reporters asked Keir Starmer about it. Starmer declined to answer.", "Keir Starmer", "Starmer"),
]


@pytest.mark.parametrize(("lang", "text", "full", "short"), COREF)
def test_short_mentions_join_the_full_name(models: Models, lang: str, text: str, full: str, short: str) -> None:
    clusters = _clusters(models, text, lang)
    assert clusters[full] == clusters[short]


def test_a_one_edit_typo_of_a_surname_joins_it(models: Models) -> None:
    text = "Мільярдер Ілон Маск відповів журналістам. Як з'ясували репортери, Макс та інвестори обговорили угоду."
    mentions = run(models, text, "uk").mentions
    musk = next(m for m in mentions if m.surface == "Ілон Маск")
    typo = next(m for m in mentions if m.surface == "Макс")
    assert (typo.cluster, typo.kb_id) == (musk.cluster, "elon-musk")


def test_a_different_person_is_not_taken_for_a_typo(models: Models) -> None:
    text = "Вчера Сергей Лавров выступил в Женеве. Затем Песков прокомментировал визит."
    clusters = _clusters(models, text, "ru")
    assert clusters["Песков"] != clusters["Сергей Лавров"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("макс", "маск", True), ("маск", "маска", True), ("путин", "путін", True), ("лавров", "песков", False),
     ("маск", "маск", False), ("абвгд", "бавгд", True), ("абвгд", "бвагд", False)],
)
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) is expected


ROLES = [
    ("ru", "Вчера пресс-секретарь Кремля Дмитрий Песков ответил на вопросы.", "Дмитрий Песков", "пресс-секретарь Кремля"),
    ("ru", "Об этом сообщил глава МИД России Сергей Лавров.", "Сергей Лавров", "глава МИД России"),
    ("en", "On Monday President Xi spoke with reporters.", "Xi", "President"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "role"), ROLES)
def test_titles_next_to_a_person_are_kept_as_roles(models: Models, lang: str, text: str, surface: str, role: str) -> None:
    m = next(m for m in run(models, text, lang).mentions if m.surface == surface)
    assert m.role == role


ROLE_ONLY = [
    # (lang, text, date, kb_id of the office holder that day)
    ("ru", "Вчера глава МИД Турции прилетел в Каир.", "2024-05-01", "hakan-fidan"),
    ("ru", "Вчера глава МИД Турции прилетел в Каир.", "2020-02-01", "mevlut-cavusoglu"),
    ("ru", "Об этом заявил президент РФ на пресс-конференции.", "2010-01-15", "dmitry-medvedev"),
    ("ru", "Об этом заявил президент России на пресс-конференции.", "2019-01-15", "vladimir-putin"),
    ("ru", "Российский президент выступил с обращением.", "2019-01-15", "vladimir-putin"),
]


@pytest.mark.parametrize(("lang", "text", "day", "kb_id"), ROLE_ONLY)
def test_role_mentions_resolve_to_the_office_holder_on_the_date(
    models: Models, lang: str, text: str, day: str, kb_id: str
) -> None:
    persons = [m for m in run(models, text, lang, day).mentions if m.type == "PER"]
    assert [m.kb_id for m in persons] == [kb_id]
    assert persons[0].role == persons[0].surface


ROLE_IN_CONTEXT = [
    # (lang, text, date or None, kb_id the role phrase resolves to, None: left unresolved)
    ("ru", "Вчера глава МИД Турции прилетел в Каир.", None, None),
    ("ru", "Мевлют Чавушоглу провел переговоры в Каире. Затем глава МИД Турции прилетел в Анкару.", None,
     "mevlut-cavusoglu"),
    ("ru", "Мевлют Чавушоглу провел переговоры в Каире. Затем глава МИД Турции прилетел в Анкару.", "2024-05-01",
     "hakan-fidan"),
    ("ru", "Глава МИД России прилетел в Каир.", None, "sergey-lavrov"),
    ("uk", "Дмитро Медведєв виступив у Давосі. Російський президент закликав до інвестицій.", None,
     "dmitry-medvedev"),
    ("uk", "Дмитро Медведєв виступив у Давосі. Російський президент закликав до інвестицій.", "2011-01-26",
     "dmitry-medvedev"),
    ("uk", "Хакан Фідан прилетів до Москви. Глава МЗС Туреччини зустрівся з Лавровим. Згодом Мевлют "
           "Чавушоглу прокоментував візит.", None, "hakan-fidan"),
]


@pytest.mark.parametrize(("lang", "text", "day", "kb_id"), ROLE_IN_CONTEXT)
def test_a_role_resolves_to_the_holder_on_the_date_else_the_one_named_nearby(
    models: Models, lang: str, text: str, day: str | None, kb_id: str | None
) -> None:
    roles = [m for m in run(models, text, lang, day).mentions if m.type == "PER" and m.role == m.surface]
    assert [m.kb_id for m in roles] == ([kb_id] if kb_id else [])


def test_a_role_followed_by_a_name_is_that_persons_role_not_a_second_mention(models: Models) -> None:
    persons = [m for m in run(models, "Глава МИД России Сергей Лавров прилетел.", "ru").mentions if m.type == "PER"]
    assert [(m.surface, m.kb_id) for m in persons] == [("Сергей Лавров", "sergey-lavrov")]
