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
    # government words with a country are one organisation
    ("ru", "Позиция правительства Великобритании не изменилась.", "правительства Великобритании", "ORG"),
    ("ru", "Об этом сообщило британское правительство в пятницу.", "британское правительство", "ORG"),
    ("ru", "Заявление британского МИДа вышло вечером.", "британского МИДа", "ORG"),
    ("ru", "Глава МИД Турции прилетел в Анкару.", "МИД Турции", "ORG"),
    ("uk", "Позиція уряду Великої Британії не змінилася.", "уряду Великої Британії", "ORG"),
    # two capitalised words no dictionary knows, inside a sentence: a person
    ("ru", "Встречу провёл посол Тарик Хумаюнзай в понедельник.", "Тарик Хумаюнзай", "PER"),
    # English names: given names (Faker's lists), particles, Roman numerals, "al-", titles stripped
    ("en", "The painter Lucia Quennell de la Torre opened the show.", "Lucia Quennell de la Torre", "PER"),
    ("en", "Talks with Ahmed al-Qarawi ended late.", "Ahmed al-Qarawi", "PER"),
    ("en", "Deputy Police Commissioner Harold Benwick III spoke first.", "Harold Benwick III", "PER"),
    ("en", "Organisers said Gisele Marrow had left.", "Gisele Marrow", "PER"),
    # a place adjective goes with the region noun after it, even when the dictionary lacks it
    ("uk", "Заходи пройшли у Зарудненському районі минулого тижня.", "Зарудненському районі", "LOC"),
    ("uk", "У селі Моринці Черкаської області відкрили музей.", "Черкаської області", "LOC"),
    # a company's legal suffix (and a number before it) belongs to its name
    ("ru", "Акции Baltic Pipe 3 AG подешевели.", "Baltic Pipe 3 AG", "ORG"),
    ("ru", "Договор подписала Nordwind Energie GmbH в марте.", "Nordwind Energie GmbH", "ORG"),
    ("en", "Shares of Gazprom Export LLC fell on Monday.", "Gazprom Export LLC", "ORG"),
    # platforms, products and events are MISC, not organisations
    ("ru", "Министр написал об этом в Telegram поздно ночью.", "Telegram", "MISC"),
    ("uk", "Він повідомив про це у Твіттері ввечері.", "Твіттері", "MISC"),
    ("en", "The minister said on Twitter that talks would resume.", "Twitter", "MISC"),
    # a lower-case genitive tail stops at prepositions, conjunctions and "страны"
    ("ru", "Глава Северного комитета морской торговли в интервью признал ошибку.",
     "Северного комитета морской торговли", "ORG"),
    ("ru", "Решение Верховного суда и парламента отменили.", "Верховного суда", "ORG"),
    ("ru", "В марте Верховный суд страны пересмотрел дело.", "Верховный суд", "ORG"),
    # … but an institution with a genitive tail may open the sentence
    ("ru", "Палата общин проголосовала против.", "Палата общин", "ORG"),
    ("ru", "Министерство иностранных дел ответило на запрос.", "Министерство иностранных дел", "ORG"),
    # a city after a sentence-opening preposition
    ("uk", "У Чернівцях завершився турнір з шахів.", "Чернівцях", "LOC"),
    ("ru", "В Тулузе прошёл фестиваль.", "Тулузе", "LOC"),
    # a council named by a place adjective that is also a surname
    ("uk", "Депутати Сумської міської ради зібралися на сесію.", "Сумської міської ради", "ORG"),
    # subdivisions (ISO 3166-2) and popular region names
    ("ru", "Выборы в Баварии перенесли.", "Баварии", "LOC"),
    ("uk", "Фермери Полтавщини зібрали врожай.", "Полтавщини", "LOC"),
    ("ru", "Делегация из Латинской Америки прибыла в среду.", "Латинской Америки", "LOC"),
    ("uk", "Вони поїхали до Татарстану.", "Татарстану", "LOC"),
    # a site's name is written whole with its domain ending
    ("ru", "Об этом сообщает Вестник.ру со ссылкой на полицию.", "Вестник.ру", "ORG"),
    ("ru", "Как пишет PRESSA.UA, встреча сорвалась.", "PRESSA.UA", "ORG"),
    ("ru", "Акции Wolf.Ru Group выросли.", "Wolf.Ru Group", "ORG"),
    # a first name after a word that is no name starts a person of its own
    ("ru", "Об этом сообщил начальник Главштаба Николай Верескин в среду.", "Николай Верескин", "PER"),
    # a surname in capitals after a first name, as signatures write it
    ("ru", "Фото: Андрей КРУЖАЛОВ", "Андрей КРУЖАЛОВ", "PER"),
    ("uk", "Автор: Сергій ЛИПКИЙ", "Сергій ЛИПКИЙ", "PER"),
    # an institution named after a person
    ("ru", "Сотрудники Института Петрова провели опыт.", "Института Петрова", "ORG"),
    # names joined by "&" are one company
    ("ru", "Препарат компании Hollis & Hollis одобрили.", "Hollis & Hollis", "ORG"),
    # a ministry, a party or a service joins the country after it
    ("uk", "Заяву оприлюднив Мінфін Данії в четвер.", "Мінфін Данії", "ORG"),
    ("ru", "Депутаты Народной партии Турции проголосовали.", "Народной партии Турции", "ORG"),
    # two capitalised words inside a sentence, one of them unknown to the dictionary: a person
    ("uk", "Заяву зробила єврокомісарка Віолета Дренк у вівторок.", "Віолета Дренк", "PER"),
    # a first name and a surname that looks like an organisation head ("рада")
    ("uk", "Колеги привітали міністерку Ембер Рад із призначенням.", "Ембер Рад", "PER"),
    # an organisation's name of several words ends with the country after it
    ("uk", "Лист надіслала Асоціація пасічників Туреччини вчора.", "Асоціація пасічників Туреччини", "ORG"),
    # a typographic apostrophe does not hide a Ukrainian word from the dictionary
    ("uk", "Рішення ухвалило Міністерство охорони здоров’я вчора.", "Міністерство охорони здоров’я", "ORG"),
    # a small number after a name belongs to it
    ("ru", "Строительство Baltic Link 2 завершено.", "Baltic Link 2", "ORG"),
    # towns from the GeoNames list
    ("uk", "У Шепетівці відкрили нову школу.", "Шепетівці", "LOC"),
    # a Roman numeral after a name; a title's adjective is no part of it
    ("ru", "Король Густав XIV открыл сессию.", "Густав XIV", "PER"),
    ("ru", "Обращение подписал патриарх Киевский Филимон.", "Филимон", "PER"),
    # official names of regional bodies
    ("uk", "Розпорядження підписав голова Черкаської ОДА вчора.", "Черкаської ОДА", "ORG"),
    ("uk", "Торги провела Служба автодоріг у Волинській області.", "Служба автодоріг у Волинській області", "ORG"),
    ("uk", "Про пожежу повідомило ГУ ДСНС минулої ночі.", "ГУ ДСНС", "ORG"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "kind"), FOUND)
def test_rule_finds_name(models: Models, lang: str, text: str, surface: str, kind: str) -> None:
    mentions = run(models, text, lang).mentions
    assert (surface, kind) in {(m.surface, m.type) for m in mentions}, [(m.surface, m.type) for m in mentions]


NOT_A_NAME = [
    # (lang, text, word that must not be (part of) a mention of the given type; None: of no
    # actor type (MISC, for events and products such as Brexit, is allowed)
    ("ru", "Переговоры о Brexit затянулись до осени.", "Brexit", None),
    ("uk", "Уряд обговорив наслідки Брекзиту для торгівлі.", "Брекзиту", None),
    ("en", "Police questioned runners after the Boston Marathon ended.", "Boston Marathon", "PER"),
    ("en", "Fans gathered for the World Cup in the capital.", "World Cup", "PER"),
    ("en", "Investigators used CCTV footage and DNA samples.", "CCTV", None),
    ("en", "However, the talks went on for hours.", "However", None),
    ("ru", "Испытания фазы II/III завершились летом.", "III", None),
]


@pytest.mark.parametrize(("lang", "text", "word", "kind"), NOT_A_NAME)
def test_rule_skips_non_name(models: Models, lang: str, text: str, word: str, kind: str | None) -> None:
    mentions = run(models, text, lang).mentions
    assert not [m for m in mentions if word in m.surface and (m.type == kind if kind else m.type != "MISC")]


def test_government_word_alone_is_no_name(models: Models) -> None:
    assert not [m for m in run(models, "Правительство обсудило бюджет в среду.", "ru").mentions if m.type == "ORG"]


def test_english_run_written_in_lower_case_elsewhere_is_no_person(models: Models) -> None:
    text = "The agency warned about homeland security. Officials at Homeland Security declined to comment."
    assert not [m for m in run(models, text, "en").mentions if m.type == "PER"]


FEMININE = [
    # (text, surface, base): the surname is indeclinable and the -ий form never appears
    ("Суд оправдал Асию Норин. Асия Норин провела в тюрьме восемь лет.", "Асию Норин", "Асия Норин"),
    ("Адвокат Асии Бибо заявил о победе. Асия Бибо покинула страну.", "Асии Бибо", "Асия Бибо"),
    # the -ия form never written, but "Асий" is no man's name in use today
    ("Адвокат навестил Асию Бибо в тюрьме.", "Асию Бибо", "Асия Бибо"),
    # "Георгий" is: the man's name stays
    ("Встречу Георгия Бибо с послом отменили.", "Георгия Бибо", "Георгий Бибо"),
]


@pytest.mark.parametrize(("text", "surface", "base"), FEMININE)
def test_feminine_first_name_in_ia(models: Models, text: str, surface: str, base: str) -> None:
    found = [m for m in run(models, text, "ru").mentions if m.surface == surface]
    assert found and found[0].base == base


def test_masculine_name_with_declined_surname_stays_masculine(models: Models) -> None:
    found = [m for m in run(models, "Журналисты нашли Василия Петрова в Твери.", "ru").mentions
             if m.surface == "Василия Петрова"]
    assert found and found[0].base == "Василий Петров"
