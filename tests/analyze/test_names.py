"""Recognition and base forms: inflected names in ru/uk, foreign names, lists, English."""

from __future__ import annotations

import pytest

from backchannel.analyze import Models
from backchannel.model import Mention
from tests.analyze.conftest import run


def _find(mentions: tuple[Mention, ...], surface: str) -> Mention:
    found = [m for m in mentions if m.surface == surface]
    assert found, f"{surface!r} not found in {[m.surface for m in mentions]}"
    return found[0]


INFLECTED = [
    # (lang, text, surface, base, type, kb_id)
    ("ru", "Вчера министр встретился с Владимиром Путиным в Сочи.", "Владимиром Путиным", "Владимир Путин", "PER", "vladimir-putin"),
    ("ru", "Журналисты спросили у Путина про газ.", "Путина", "Путин", "PER", "vladimir-putin"),
    ("ru", "Переговоры с Эрдоганом прошли в Анкаре.", "Эрдоганом", "Эрдоган", "PER", "recep-erdogan"),
    ("ru", "Делегация передала письмо Си Цзиньпину.", "Си Цзиньпину", "Си Цзиньпин", "PER", "xi-jinping"),
    ("ru", "Эксперты обсуждали заявление Си Цзиньпина о торговле.", "Си Цзиньпина", "Си Цзиньпин", "PER", "xi-jinping"),
    ("ru", "Бизнесмены вспомнили, как Илона Маска критиковали в прессе.", "Илона Маска", "Илон Маск", "PER", "elon-musk"),
    ("ru", "Сенатор поговорил с Маском по телефону.", "Маском", "Маск", "PER", "elon-musk"),
    ("uk", "Прем'єр зустрівся з Володимиром Путіним у Мінську.", "Володимиром Путіним", "Володимир Путін", "PER", "vladimir-putin"),
    ("uk", "Депутати говорили з Кирієнком про вибори.", "Кирієнком", "Кирієнко", "PER", "sergei-kiriyenko"),
    ("uk", "Аналітики писали про Сергія Кирієнка минулого року.", "Сергія Кирієнка", "Сергій Кирієнко", "PER", "sergei-kiriyenko"),
    ("uk", "Посол передав лист Ілону Маску.", "Ілону Маску", "Ілон Маск", "PER", "elon-musk"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "base", "kind", "kb_id"), INFLECTED)
def test_inflected_names_resolve_to_nominative_and_kb(
    models: Models, lang: str, text: str, surface: str, base: str, kind: str, kb_id: str
) -> None:
    m = _find(run(models, text, lang).mentions, surface)
    assert (m.base, m.type, m.kb_id) == (base, kind, kb_id)


FOREIGN = [
    # Names the KB does not have: base forms come from morphology and ending rules.
    ("ru", "Министр передал документы Мишелю Барнье в Брюсселе.", "Мишелю Барнье", "Мишель Барнье"),
    ("ru", "Журналисты ждали Стивена Уиткоффа у входа.", "Стивена Уиткоффа", "Стивен Уиткофф"),
    ("ru", "Соглашение подписал Борис Джонсон.", "Борис Джонсон", "Борис Джонсон"),
    ("ru", "Депутаты критиковали Бориса Джонсона за решение.", "Бориса Джонсона", "Борис Джонсон"),
    ("uk", "Учора прем'єр привітав Ангелу Меркель з ювілеєм.", "Ангелу Меркель", "Ангела Меркель"),
    ("uk", "Посол зустрівся з Дональдом Туском у Варшаві.", "Дональдом Туском", "Дональд Туск"),
    # An unknown word takes the case the other words of the name show.
    ("ru", "Канцлер поблагодарил Хайнца Фишера за поддержку.", "Хайнца Фишера", "Хайнц Фишер"),
    ("ru", "Премьер встретился с Хайнцем Фишером в Вене.", "Хайнцем Фишером", "Хайнц Фишер"),
    ("ru", "Депутаты обсуждали письмо Дэвида Лидингтона.", "Дэвида Лидингтона", "Дэвид Лидингтон"),
    ("ru", "Министр позвонил Дэвиду Лидингтону вечером.", "Дэвиду Лидингтону", "Дэвид Лидингтон"),
    ("ru", "Премьер поговорил с Тони Эбботом о торговле.", "Тони Эбботом", "Тони Эббот"),
    ("ru", "Редакция получила письмо Ильи Варданова.", "Ильи Варданова", "Илья Варданов"),
    ("ru", "Губернатор вручил награду Петру Гальтерову.", "Петру Гальтерову", "Пётр Гальтеров"),
    # A short last word is cut only to a name word the knowledge base knows.
    ("ru", "Аналитики ждут визита Ким Чен Ына в Пекин.", "Ким Чен Ына", "Ким Чен Ын"),
    ("uk", "Аналітики чекають візиту Кім Чен Ина до Пекіна.", "Кім Чен Ина", "Кім Чен Ин"),
    # adjectival surnames and women's surnames no dictionary knows
    ("ru", "Выставка Генриха Залевского открылась.", "Генриха Залевского", "Генрих Залевский"),
    ("uk", "Виставка Генріха Залевського відкрилася.", "Генріха Залевського", "Генріх Залевський"),
    ("ru", "Приезд Юлии Тарбаковой отменили.", "Юлии Тарбаковой", "Юлия Тарбакова"),
]


FIRST_NAMES = [
    # a first name the KB entry lacks joins the KB surname, also right after a place's name
    ("ru", "Вчера депутат от Москвы Олег Медведев выступил в Думе.", "Олег Медведев", "Олег Медведев"),
    ("uk", "Учора депутат від Києва Олег Медведєв виступив у Раді.", "Олег Медведєв", "Олег Медведєв"),
    # officialese: surname, first name, patronymic
    ("ru", "Документ подписал Лавров Сергей Викторович.", "Лавров Сергей Викторович", "Лавров Сергей Викторович"),
    ("uk", "Заяву підписав Коваленко Олег Петрович.", "Коваленко Олег Петрович", "Коваленко Олег Петрович"),
    # a hyphenated first name the dictionary lacks is still a first name
    ("ru", "На встречу пришла Анна-Мария Петрова из Казани.", "Анна-Мария Петрова", "Анна-Мария Петрова"),
    ("ru", "Журналисты поговорили с Анной-Марией Петровой о выборах.", "Анной-Марией Петровой", "Анна-Мария Петрова"),
    ("ru", "Письмо передали Жан-Полю Кузнецову вчера.", "Жан-Полю Кузнецову", "Жан-Поль Кузнецов"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "base"), FOREIGN + FIRST_NAMES)
def test_foreign_names_get_base_forms(models: Models, lang: str, text: str, surface: str, base: str) -> None:
    m = _find(run(models, text, lang).mentions, surface)
    assert (m.base, m.type) == (base, "PER")


LEADERS = (
    "Накануне саммита по телефону с хозяином встречи поговорили Эрдоган, Макрон, Шольц, Моди, "
    "Лукашенко, Токаев, Си Цзиньпин, Лула да Силва, Рахмон и Ким Чен Ын."
)


def test_ten_leaders_in_one_sentence_are_all_found(models: Models) -> None:
    found = {m.kb_id for m in run(models, LEADERS, "ru").mentions if m.type == "PER"}
    assert found >= {
        "recep-erdogan", "emmanuel-macron", "olaf-scholz", "narendra-modi", "alexander-lukashenko",
        "kassym-jomart-tokayev", "xi-jinping", "lula-da-silva", "emomali-rahmon", "kim-jong-un",
    }


ENGLISH = [
    ("Russian President Vladimir Putin hosted talks in Moscow on Tuesday.", "Vladimir Putin", "PER", "vladimir-putin"),
    ("Officials said Xi Jinping would travel to Paris.", "Xi Jinping", "PER", "xi-jinping"),
    ("The talks at NATO headquarters lasted for hours.", "NATO", "ORG", "org-nato"),
    ("Later, Elon Musk's company answered the questions.", "Elon Musk", "PER", "elon-musk"),
    ("The minister flew from Turkey to the summit.", "Turkey", "LOC", "country-tr"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "kb_id"), ENGLISH)
def test_english_sentences(models: Models, text: str, surface: str, kind: str, kb_id: str) -> None:
    m = _find(run(models, text, "en").mentions, surface)
    assert (m.type, m.kb_id) == (kind, kb_id)


NOT_NAMES = [
    ("ru", "Если бы не дождь, матч бы состоялся.", "Если"),
    ("ru", "По данным полиции, никто не пострадал.", "По"),
    ("uk", "Станом на ранок рятувальники завершили роботу.", "Станом"),
    ("en", "In May the parliament voted again.", "May"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NOT_NAMES)
def test_capitalised_common_words_are_not_names(models: Models, lang: str, text: str, word: str) -> None:
    assert word not in {m.surface for m in run(models, text, lang).mentions}


def test_analysis_is_pure_and_repeatable(models: Models) -> None:
    text = "Песков ответил журналистам. Затем Лавров встретился с Фиданом."
    assert run(models, text, "ru") == run(models, text, "ru")


_ARTICLE_KB = """
- id: org-pentagon
  type: ORG
  kind: institution
  names: {en: [Pentagon, the Pentagon]}
- id: city-the-hague
  type: LOC
  kind: city
  names: {en: [The Hague]}
"""


def test_a_sentence_opening_article_is_not_part_of_a_kb_name() -> None:
    import yaml

    from backchannel.analyze import load_models
    from backchannel.config import Settings
    from backchannel.kb import parse_actors
    from backchannel.kb.model import KnowledgeBase

    kb = KnowledgeBase(tuple(parse_actors(yaml.safe_load(_ARTICLE_KB), "test-kb")))
    models = load_models(Settings(), kb=kb, spacy=False)
    mentions = run(models, "The Pentagon said so. The Hague hosted the talks.", "en").mentions
    assert [(m.surface, m.base, m.kb_id) for m in mentions] == [
        ("Pentagon", "Pentagon", "org-pentagon"), ("The Hague", "The Hague", "city-the-hague")]



@pytest.mark.parametrize(("text", "place"), [
    ("Газопровод дойдёт до Усть-Луги через год.", "Усть-Луги"),
    ("Делегация прилетела в Улан-Удэ утром.", "Улан-Удэ"),
])
def test_hyphenated_places_are_no_first_names(models: Models, text: str, place: str) -> None:
    assert [m.type for m in run(models, text, "ru").mentions if place in m.surface] in ([], ["LOC"])


def test_an_undeclined_foreign_name_has_no_other_forms(models: Models) -> None:
    """"Моди" stays "Моди" in every case, so "Модим" (stem "мод" too) is another person."""
    assert {m.kb_id for m in run(models, "Как сообщил Модим Ризви, заседание перенесли.", "ru").mentions} == {None}
    assert {m.kb_id for m in run(models, "Вчера Моди прилетел в Пекин.", "ru").mentions if m.type == "PER"} == {
        "narendra-modi"}
