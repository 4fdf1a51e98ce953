"""extract_contacts on sentences written for these tests (ru/uk/en), through the real analysis stage.

Each case names the parties by surname (case-folded); a report matches when its parties' names
end with exactly those surnames. No mocks: the models are the shipped ones, loaded once.
"""

from __future__ import annotations

import pytest

from backchannel.analyze import Models, analyze, load_models
from backchannel.config import Settings
from backchannel.contacts.extract import extract_contacts
from backchannel.model import Article, ArticleAnalysis, ContactReport


@pytest.fixture(scope="module")
def models() -> Models:
    return load_models(Settings())


def _article(text: str, lang: str) -> Article:
    return Article(
        id="t", source_path="t.txt", source_key="t", raw_sha256="0", format="text", title=None, outlet=None,
        url=None, author=None, published="2025-03-14", language=lang, language_declared=lang, warnings=(),
        metadata={}, text=text,
    )


def _run(models: Models, text: str, lang: str) -> tuple[ArticleAnalysis, tuple[ContactReport, ...]]:
    article = _article(text, lang)
    analysis = analyze(article, models)
    return analysis, extract_contacts(article, analysis)


def _surname(name: str) -> str:
    return name.split()[-1].casefold().replace("ё", "е")


def _found(reports: tuple[ContactReport, ...]) -> set[tuple[str, str, frozenset[str]]]:
    return {(r.kind, r.polarity, frozenset(_surname(p.name) for p in r.participants)) for r in reports}


def _pairs(reports: tuple[ContactReport, ...]) -> set[tuple[frozenset[str], str]]:
    out = set()
    for r in reports:
        names = sorted({_surname(p.name) for p in r.participants})
        out.update((frozenset((a, b)), r.polarity) for i, a in enumerate(names) for b in names[i + 1:])
    return out


# (lang, text, kind, polarity, surnames of the parties)
KINDS = [
    ("ru", "Президент России Владимир Путин в среду провел телефонный разговор с президентом Франции "
           "Эммануэлем Макроном.", "call", "asserted", {"путин", "макрон"}),
    ("uk", "Володимир Зеленський зателефонував канцлеру Німеччини Олафу Шольцу.", "call", "asserted",
     {"зеленський", "шольц"}),
    ("en", "Joe Biden spoke by phone with Xi Jinping on Tuesday.", "call", "asserted", {"biden", "jinping"}),
    ("ru", "Сергей Лавров встретился в Женеве с Энтони Блинкеном.", "meeting", "asserted", {"лавров", "блинкен"}),
    ("uk", "Володимир Зеленський зустрівся з Емманюелем Макроном у Парижі.", "meeting", "asserted",
     {"зеленський", "макрон"}),
    ("en", "Emmanuel Macron met Olaf Scholz in Berlin on Monday.", "meeting", "asserted", {"macron", "scholz"}),
    ("ru", "Сергей Лавров и Энтони Блинкен провели переговоры в Женеве.", "talks", "asserted", {"лавров", "блинкен"}),
    ("uk", "Сергій Лавров і Гакан Фідан провели переговори в Анкарі.", "talks", "asserted", {"лавров", "фідан"}),
    ("en", "Narendra Modi held talks with Xi Jinping in Tianjin.", "talks", "asserted", {"modi", "jinping"}),
    ("en", "Sergei Lavrov held talks with U.S. Secretary of State Marco Rubio in Riyadh.", "talks", "asserted",
     {"lavrov", "rubio"}),
    ("en", "Sergei Lavrov spoke with Mr. Rubio by phone on Tuesday.", "call", "asserted", {"lavrov", "rubio"}),
    ("en", "Emmanuel Macron spoke to U.S. President Donald Trump on Monday.", "contact", "asserted",
     {"macron", "trump"}),
    ("ru", "Реджеп Тайип Эрдоган посетил Владимира Путина в Сочи.", "visit", "asserted", {"эрдоган", "путин"}),
    ("ru", "Путин направил Си Цзиньпину поздравительное послание.", "message", "asserted", {"путин", "цзиньпин"}),
    ("en", "Antonio Guterres sent a letter to Vladimir Putin.", "message", "asserted", {"guterres", "putin"}),
    ("uk", "Володимир Зеленський надіслав Дональду Трампу листа.", "message", "asserted", {"зеленський", "трамп"}),
    ("ru", "Путин попросил Илона Маска не включать Starlink над Тайванем.", "request", "asserted", {"путин", "маск"}),
    ("en", "Viktor Orban asked Donald Trump for a meeting at the White House.", "request", "asserted",
     {"orban", "trump"}),
    ("ru", "Илон Маск регулярно общается с Владимиром Путиным.", "contact", "asserted", {"маск", "путин"}),
    ("uk", "Ілон Маск підтримує контакти з Володимиром Путіним.", "contact", "asserted", {"маск", "путін"}),
    # reporting to someone, arriving at someone's, exchanging views, getting in touch
    ("ru", "Министр обороны Иван Петренко доложил Сергею Кузьмину о ходе учений.", "contact", "asserted",
     {"петренко", "кузьмин"}),
    ("uk", "Міністр Іван Петренко доповів Олегу Кузьміну про хід навчань.", "contact", "asserted",
     {"петренко", "кузьмін"}),
    ("ru", "Иван Петренко приехал к Сергею Кузьмину в Казань.", "visit", "asserted", {"петренко", "кузьмин"}),
    ("uk", "Іван Петренко приїхав до Олега Кузьміна у Львів.", "visit", "asserted", {"петренко", "кузьмін"}),
    ("ru", "Иван Петренко и Сергей Кузьмин обменялись мнениями по ситуации в регионе.", "contact", "asserted",
     {"петренко", "кузьмин"}),
    ("uk", "Іван Петренко та Олег Кузьмін обмінялися думками щодо ситуації.", "contact", "asserted",
     {"петренко", "кузьмін"}),
    ("ru", "Иван Петренко связался с Сергеем Кузьминым по видеосвязи.", "contact", "asserted",
     {"петренко", "кузьмин"}),
    ("uk", "Іван Петренко зв'язався з Олегом Кузьміним телефоном.", "call", "asserted", {"петренко", "кузьмін"}),
    ("en", "John Smith contacted Peter Brown on Tuesday.", "contact", "asserted", {"smith", "brown"}),
    # a title in the guest's case is no possessor ("губернатора Олега Кузьмина")
    ("ru", "Президент Иван Петренко принял в Кремле губернатора Олега Кузьмина.", "meeting", "asserted",
     {"петренко", "кузьмин"}),
    # a joint statement or a joint press conference
    ("ru", "Иван Петренко, Олег Кузьмин и Анна Котова выступили с совместным заявлением.", "contact", "asserted",
     {"петренко", "кузьмин", "котова"}),
    ("uk", "Іван Петренко та Олег Кузьмін виступили зі спільною заявою щодо безпеки.", "contact", "asserted",
     {"петренко", "кузьмін"}),
    ("en", "John Smith and Peter Brown issued a joint statement on trade.", "contact", "asserted",
     {"smith", "brown"}),
    ("ru", "Иван Петренко и Сергей Кузьмин провели совместную пресс-конференцию в Казани.", "meeting", "asserted",
     {"петренко", "кузьмин"}),
    ("uk", "Іван Петренко та Олег Кузьмін провели спільну пресконференцію у Львові.", "meeting", "asserted",
     {"петренко", "кузьмін"}),
    ("en", "John Smith and Mary Brown held a joint press conference in Vienna.", "meeting", "asserted",
     {"smith", "brown"}),
    # a meeting named by its own noun ("совещание", "нарада")
    ("ru", "Иван Петренко провел совещание с Сергеем Кузьминым и Олегом Дорофеевым.", "meeting", "asserted",
     {"петренко", "кузьмин", "дорофеев"}),
    ("uk", "Іван Петренко провів нараду з Олегом Кузьміним.", "meeting", "asserted", {"петренко", "кузьмін"}),
    # a place before the subject; arriving for talks; the speaker at a meeting; telling of one's call
    ("ru", "В ходе визита в Казань Иван Петренко провел встречу с Сергеем Кузьминым.", "meeting", "asserted",
     {"петренко", "кузьмин"}),
    ("ru", "Иван Петренко прибыл с визитом в Казань для переговоров с Сергеем Кузьминым.", "talks", "asserted",
     {"петренко", "кузьмин"}),
    ("ru", "Об этом сказал министр Иван Петренко на совещании с губернатором Сергеем Кузьминым.", "meeting",
     "asserted", {"петренко", "кузьмин"}),
    ("ru", "Иван Петренко на встрече с премьером Сергеем Кузьминым заявил, что ситуация стабильна.", "meeting",
     "asserted", {"петренко", "кузьмин"}),
    ("ru", "Генерал Иван Петренко рассказал о телефонном разговоре с генералом Сергеем Кузьминым.", "call",
     "asserted", {"петренко", "кузьмин"}),
    ("uk", "Іван Петренко розповів про свою зустріч з Олегом Кузьміним.", "meeting", "asserted",
     {"петренко", "кузьмін"}),
    # a meal together, views exchanged, a briefing, a call received
    ("ru", "Иван Петренко поужинал с Сергеем Кузьминым в ресторане.", "meeting", "asserted", {"петренко", "кузьмин"}),
    ("uk", "Іван Петренко повечеряв з Олегом Кузьміним у ресторані.", "meeting", "asserted", {"петренко", "кузьмін"}),
    ("en", "John Smith had dinner with Peter Brown in Paris.", "meeting", "asserted", {"smith", "brown"}),
    ("en", "John Smith and Peter Brown exchanged views on the crisis.", "contact", "asserted", {"smith", "brown"}),
    ("en", "John Smith briefed Peter Brown on the investigation.", "contact", "asserted", {"smith", "brown"}),
    ("en", "John Smith received a call from Peter Brown.", "call", "asserted", {"smith", "brown"}),
    ("ru", "Иван Петренко принял звонок от Сергея Кузьмина.", "call", "asserted", {"петренко", "кузьмин"}),
    ("en", "John Smith spoke with reporters after meeting Peter Brown.", "meeting", "asserted", {"smith", "brown"}),
    ("ru", "Иван Петренко пообщался с журналистами после встречи с Сергеем Кузьминым.", "meeting", "asserted",
     {"петренко", "кузьмин"}),
    # a call noun with its caller in the genitive and whom it went to in the dative
    ("ru", "Анна Котова осудила телефонный звонок министра Ивана Петренко губернатору Сергею Кузьмину.", "call",
     "asserted", {"петренко", "кузьмин"}),
    ("uk", "Анна Котова розкритикувала дзвінок міністра Івана Петренка губернатору Олегу Кузьміну.", "call",
     "asserted", {"петренко", "кузьмін"}),
]


@pytest.mark.parametrize(("lang", "text", "kind", "polarity", "parties"), KINDS)
def test_each_kind(models: Models, lang: str, text: str, kind: str, polarity: str, parties: set[str]) -> None:
    _, reports = _run(models, text, lang)
    assert (kind, polarity, frozenset(parties)) in _found(reports)


# (lang, text, pairs expected, pairs that must not be reported)
LISTS = [
    ("ru", "Касым-Жомарт Токаев провел телефонные разговоры с Владимиром Путиным, Шавкатом Мирзиёевым и "
           "Александром Лукашенко.",
     [{"токаев", "путин"}, {"токаев", "мирзиеев"}, {"токаев", "лукашенко"}], [{"путин", "лукашенко"}]),
    ("ru", "Владимир Путин на этой неделе созванивался с лидерами нескольких стран. Среди собеседников — "
           "Токаев, Мирзиёев и Лукашенко.",
     [{"путин", "токаев"}, {"путин", "мирзиеев"}, {"путин", "лукашенко"}], [{"токаев", "лукашенко"}]),
    ("en", "Antonio Guterres has sent letters to Vladimir Putin and Volodymyr Zelensky.",
     [{"guterres", "putin"}, {"guterres", "zelensky"}], [{"putin", "zelensky"}]),
    ("ru", "Эммануэль Макрон, Олаф Шольц и Владимир Зеленский встретились в Берлине.",
     [{"макрон", "шольц"}, {"макрон", "зеленский"}, {"шольц", "зеленский"}], []),
    ("uk", "Турецький президент Реджеп Таїп Ердоган запропонував провести в Стамбулі зустріч Зеленського, "
           "Путіна та Трампа.",
     [{"зеленський", "путін"}, {"путін", "трамп"}, {"зеленський", "трамп"}], []),
    # "с участием / за участю / with the participation of" + a list: everyone named takes part
    ("ru", "Вчера в Женеве прошли переговоры с участием Ивана Петренко, Сергея Кузьмина и Олега Дорофеева.",
     [{"петренко", "кузьмин"}, {"петренко", "дорофеев"}, {"кузьмин", "дорофеев"}], []),
    ("uk", "Учора відбулися переговори за участю Івана Петренка та Олега Кузьміна.",
     [{"петренко", "кузьмін"}], []),
    ("en", "Talks with the participation of Emmanuel Macron and Olaf Scholz took place in Vienna.",
     [{"macron", "scholz"}], []),
    # attending an event "при участии" others: the attendees meet those taking part
    ("ru", "Позже Анна Котова и Мария Белова посетили саммит в Лондоне при участии Ивана Петренко.",
     [{"котова", "петренко"}, {"белова", "петренко"}], []),
    # a plural relative pronoun: its antecedents are the subjects
    ("ru", "Точку в споре поставят Иван Петренко и Сергей Кузьмин, которые сегодня встречаются в Казани.",
     [{"петренко", "кузьмин"}], []),
    ("uk", "Іван Петренко та Олег Кузьмін, які вчора зустрілися в Києві, домовилися про співпрацю.",
     [{"петренко", "кузьмін"}], []),
    ("en", "Emmanuel Macron and Olaf Scholz, who met in Berlin on Monday, agreed on a plan.",
     [{"macron", "scholz"}], []),
    # the thing discussed between the verb and the partner; a Latin "c" typed for "с"; "врио мэра"
    ("ru", "Министр Анна Котова обсуждала этот вопрос c главой МИД Андреем Кравцовым.",
     [{"котова", "кравцов"}], []),
    ("uk", "Міністр Анна Котова обговорювала це питання з главою МЗС Андрієм Кравцовим.",
     [{"котова", "кравцов"}], []),
    ("ru", "Иван Петренко хочет обсудить с врио мэра Москвы Сергеем Кузьминым транспорт.",
     [{"петренко", "кузьмин"}], []),
    # a talk verb in the passive with its agents in the instrumental: all of them took part
    ("ru", "Главный вопрос обсуждается в том числе и генсеком ООН Иваном Петренко, главой МИД Олегом Кузьминым "
           "и премьером Сергеем Дорофеевым.",
     [{"петренко", "кузьмин"}, {"петренко", "дорофеев"}, {"кузьмин", "дорофеев"}], []),
    ("uk", "Це питання обговорювалося Іваном Петренком та Олегом Кузьміним.", [{"петренко", "кузьмін"}], []),
    # English titles written in front of a name; "Secretary of State" is no speech verb
    ("en", "Secretary of State Marco Rubio spoke with Russian Foreign Minister Sergei Lavrov on Saturday.",
     [{"rubio", "lavrov"}], []),
    ("en", "Donald Trump met Indian Prime Minister Narendra Modi at the White House.", [{"trump", "modi"}], []),
    # receiving a letter is a message from its sender
    ("en", "Joe Biden received a letter from Emmanuel Macron.", [{"biden", "macron"}], []),
    ("ru", "Иван Петренко получил письмо от Олега Кузьмина.", [{"петренко", "кузьмин"}], []),
    ("uk", "Іван Петренко отримав лист від Олега Кузьміна.", [{"петренко", "кузьмін"}], []),
    # an English possessive written in one word with the name ("Macron's talks with Putin")
    ("en", "Emmanuel Macron's talks with Vladimir Putin lasted three hours.", [{"macron", "putin"}], []),
    ("en", "Donald Trump's call with Vladimir Putin lasted two hours.", [{"trump", "putin"}], []),
    # a partner whose title names another person ("с советником Трампа Стивом Уиткоффом")
    ("ru", "Андрей Ермак провел переговоры с советником Трампа Стивом Уиткоффом.", [{"ермак", "уиткофф"}],
     [{"ермак", "трамп"}]),
    ("uk", "Андрій Єрмак провів переговори з радником Трампа Стівом Віткоффом.", [{"єрмак", "віткофф"}],
     [{"єрмак", "трамп"}]),
    ("ru", "Встреча Ивана Петренко и Олега Кузьмина обсуждается в Кремле.", [{"петренко", "кузьмин"}], []),
    # a conversation with a list named in one phrase is one n-ary report (so the two partners pair too) …
    ("ru", "Иван Петренко, который завтра будет беседовать с Сергеем Кузьминым и Олегом Дорофеевым, прилетел в Казань.",
     [{"петренко", "кузьмин"}, {"петренко", "дорофеев"}, {"кузьмин", "дорофеев"}], []),
    ("en", "John Smith will talk with Peter Brown and Mary White on Friday.",
     [{"smith", "brown"}, {"smith", "white"}, {"brown", "white"}], []),
    # "с" + a person after a talk verb and its long object is the partner; "с декабря" is no partner phrase
    ("ru", "Иван Петренко заявил, что обсудил возможные варианты ответа на испытания новой ракеты с генеральным "
           "секретарем НАТО Сергеем Кузьминым.", [{"петренко", "кузьмин"}], []),
    ("ru", "Иван Петренко позвонил Сергею Кузьмину в пятницу впервые с декабря 2022 года.",
     [{"петренко", "кузьмин"}], []),
    # people contacted by one person were contacted each on their own; visitors together are one visit
    ("en", "The email shows that Mary White and Anna Green were contacted by John Smith, a longtime aide.",
     [{"white", "smith"}, {"green", "smith"}], [{"white", "green"}]),
    ("ru", "Иван Петренко и Сергей Кузьмин посетили Олега Дорофеева в больнице.",
     [{"петренко", "дорофеев"}, {"кузьмин", "дорофеев"}, {"петренко", "кузьмин"}], []),
    # a pronoun never stands for the reporter a statement was made to
    ("en", "Peter Brown told reporter Anna White that he met John Smith.", [{"brown", "smith"}], [{"white", "smith"}]),
    # a second partner phrase after "а затем" belongs to the same verb
    ("ru", "Иван Петренко встретился с Сергеем Кузьминым, а затем с Олегом Дорофеевым.",
     [{"петренко", "кузьмин"}, {"петренко", "дорофеев"}], [{"кузьмин", "дорофеев"}]),
    ("uk", "Іван Петренко зустрівся з Олегом Кузьміним, а потім з Андрієм Кравцовим.",
     [{"петренко", "кузьмін"}, {"петренко", "кравцов"}], [{"кузьмін", "кравцов"}]),
    # … unless a word says each was apart
    ("en", "John Smith has spoken to both Peter Brown and Mary White several times.",
     [{"smith", "brown"}, {"smith", "white"}], [{"brown", "white"}]),
]


@pytest.mark.parametrize(("lang", "text", "expected", "absent"), LISTS)
def test_lists_of_parties(models: Models, lang: str, text: str, expected: list[set[str]],
                          absent: list[set[str]]) -> None:
    _, reports = _run(models, text, lang)
    pairs = {pair for pair, _ in _pairs(reports)}
    assert all(frozenset(p) in pairs for p in expected)
    assert not any(frozenset(p) in pairs for p in absent)


def test_an_agent_whose_surname_also_reads_as_a_verb(models: Models) -> None:
    _, reports = _run(models, "Этот вопрос обсуждается Иваном Петренко и Хамидом Карзаем.", "ru")
    assert any(len(r.participants) == 2 for r in reports)


def test_one_report_holds_every_party_of_a_joint_meeting(models: Models) -> None:
    _, reports = _run(models, "Эммануэль Макрон, Олаф Шольц и Владимир Зеленский встретились в Берлине.", "ru")
    assert any(len(r.participants) == 3 for r in reports)


ROLES = [
    ("uk", "Володимир Зеленський зателефонував канцлеру Німеччини Олафу Шольцу.", "зеленський", "шольц"),
    ("ru", "Путин направил Си Цзиньпину поздравительное послание.", "путин", "цзиньпин"),
    ("ru", "Владимир Путин принял в Кремле Александра Лукашенко.", "лукашенко", "путин"),
    ("en", "Donald Trump received Mark Rutte at the White House.", "rutte", "trump"),
    ("ru", "Иван Петренко был принят в Кремле президентом Сергеем Кузьминым.", "петренко", "кузьмин"),
    ("ru", "Анна Котова осудила звонок министра Ивана Петренко губернатору Сергею Кузьмину.", "петренко", "кузьмин"),
]


@pytest.mark.parametrize(("lang", "text", "initiator", "recipient"), ROLES)
def test_roles(models: Models, lang: str, text: str, initiator: str, recipient: str) -> None:
    _, reports = _run(models, text, lang)
    roles = {(_surname(p.name), p.role) for r in reports for p in r.participants}
    assert (initiator, "initiator") in roles and (recipient, "recipient") in roles


POLARITY = [
    ("ru", "Песков заявил, что Путин не встречался с Маском.", {"путин", "маск"}, "denied"),
    ("uk", "Дмитро Пєсков заперечив, що Путін розмовляв з Маском.", {"путін", "маск"}, "denied"),
    ("en", "The Kremlin denied that Vladimir Putin had met Elon Musk.", {"putin", "musk"}, "denied"),
    ("ru", "Песков добавил, что ни Путин, ни его помощники не ведут регулярных бесед с Маском.",
     {"путин", "маск"}, "denied"),
    ("ru", "Виктор Орбан отказался от встречи с Владимиром Зеленским.", {"орбан", "зеленский"}, "denied"),
    ("ru", "Путин может встретиться с Трампом в Саудовской Аравии.", {"путин", "трамп"}, "hypothetical"),
    ("uk", "Зеленський заявив, що готовий зустрітися з Путіним.", {"зеленський", "путін"}, "hypothetical"),
    ("en", "Donald Trump will meet Vladimir Putin in Alaska next week.", {"trump", "putin"}, "hypothetical"),
    ("ru", "Лавров заявил, что встреча Путина и Зеленского пока не запланирована.", {"путин", "зеленский"},
     "hypothetical"),
    ("en", "Trump said a meeting with Zelensky was not on the schedule.", {"trump", "zelensky"}, "hypothetical"),
    ("uk", "Зеленський сказав, що не зустрічатиметься з Путіним.", {"зеленський", "путін"}, "hypothetical"),
    ("ru", "Песков не стал отрицать, что Ушаков и Уиткофф периодически общаются по телефону.",
     {"ушаков", "уиткофф"}, "asserted"),
    ("en", "Recep Tayyip Erdogan travelled to Sochi to meet Vladimir Putin.", {"erdogan", "putin"}, "asserted"),
    # a refusal of another verb ("отказался уточнить") does not deny the contact named after it
    ("ru", "Блогер отказался уточнить, какие вопросы Иван Петренко хочет обсудить с мэром Сергеем Кузьминым.",
     {"петренко", "кузьмин"}, "hypothetical"),
    ("en", "John Smith refused to say whether he would meet Peter Brown.", {"smith", "brown"}, "hypothetical"),
    # a cancelled meeting did not take place
    ("ru", "Иван Петренко отменил встречу с Сергеем Кузьминым.", {"петренко", "кузьмин"}, "denied"),
    ("uk", "Іван Петренко скасував зустріч з Олегом Кузьміним.", {"петренко", "кузьмін"}, "denied"),
    ("en", "John Smith cancelled his meeting with Peter Brown.", {"smith", "brown"}, "denied"),
    ("ru", "Иван Петренко приедет к Сергею Кузьмину в Казань.", {"петренко", "кузьмин"}, "hypothetical"),
    ("ru", "Иван Петренко прибудет в Казань на переговоры с Сергеем Кузьминым.", {"петренко", "кузьмин"},
     "hypothetical"),
    ("ru", "Иван Петренко ждет звонка от Сергея Кузьмина.", {"петренко", "кузьмин"}, "hypothetical"),
    ("en", "John Smith called off his meeting with Peter Brown.", {"smith", "brown"}, "denied"),
    # after talking to someone: the talk took place
    ("en", "After talking to Peter Brown, John Smith said the strike would go on.", {"smith", "brown"}, "asserted"),
    ("ru", "После разговора с Олегом Кузьминым Иван Петренко заявил, что забастовка продолжится.",
     {"петренко", "кузьмин"}, "asserted"),
    ("ru", "Поговорив с Олегом Кузьминым, Иван Петренко улетел в Казань.", {"петренко", "кузьмин"}, "asserted"),
    ("uk", "Після розмови з Олегом Кузьміним Іван Петренко заявив, що страйк триватиме.", {"петренко", "кузьмін"},
     "asserted"),
    ("ru", "В ходе предстоящей встречи Иван Петренко и Сергей Кузьмин обсуждают вопросы энергетики.",
     {"петренко", "кузьмин"}, "hypothetical"),
    ("ru", "Иван Петренко и Сергей Кузьмин планируют подписать совместное заявление.", {"петренко", "кузьмин"},
     "hypothetical"),
]


def test_no_agreement_reached_in_a_call_denies_no_call(models: Models) -> None:
    _, reports = _run(models, "Олег Дорофеев сообщил, что Иван Петренко и Сергей Кузьмин не договаривались о визите "
                              "во время телефонного разговора.", "ru")
    assert ("call", "asserted", frozenset({"петренко", "кузьмин"})) in _found(reports)
    assert all(r.polarity != "denied" for r in reports)


NEGATED_TOPICS = [
    ("ru", "Иван Петренко и Сергей Кузьмин провели переговоры, однако вопрос о газе не обсуждался."),
    ("ru", "Иван Петренко и Сергей Кузьмин провели переговоры, но не обсуждали вопрос о газе."),
    ("en", "John Smith and Peter Brown spoke over the phone on Monday but the border incidents were not discussed."),
    # the agenda of a meeting just reported is no planned contact of its own
    ("ru", "Иван Петренко принимает в Кремле Сергея Кузьмина. Лидеры намерены обменяться мнениями о ситуации в "
           "регионе."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATED_TOPICS)
def test_a_topic_not_discussed_or_an_agenda_keeps_the_contact_asserted(models: Models, lang: str, text: str) -> None:
    _, reports = _run(models, text, lang)
    assert reports and {r.polarity for r in reports} == {"asserted"}


@pytest.mark.parametrize(("lang", "text", "parties", "polarity"), POLARITY)
def test_polarity(models: Models, lang: str, text: str, parties: set[str], polarity: str) -> None:
    _, reports = _run(models, text, lang)
    assert (frozenset(parties), polarity) in _pairs(reports)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Иван Петренко и Олег Кузьмин встретятся на саммите в Казани."),
    ("en", "John Smith and Peter Brown are expected to meet at the summit."),
])
def test_a_summit_that_is_only_the_setting_is_no_report_of_its_own(models: Models, lang: str, text: str) -> None:
    _, reports = _run(models, text, lang)
    assert {polarity for _, polarity in _pairs(reports)} == {"hypothetical"}


def test_a_denial_of_a_report_in_a_later_sentence(models: Models) -> None:
    text = ("Газета The Wall Street Journal пишет, что Илон Маск регулярно общается с Владимиром Путиным. "
            "Дмитрий Песков назвал эту информацию неправдой.")
    _, reports = _run(models, text, "ru")
    denied = [r for r in reports if r.polarity == "denied"]
    assert (frozenset({"маск", "путин"}), "asserted") in _pairs(reports)
    assert denied and {_surname(s.name) for s in denied[0].according_to} == {"песков"}


def test_a_denial_and_the_report_it_denies_in_one_sentence(models: Models) -> None:
    text = ("Дмитрий Песков назвал неправдой публикацию газеты The Wall Street Journal о том, что Юрий Ушаков "
            "встречался со Стивом Уиткоффом.")
    _, reports = _run(models, text, "ru")
    assert {r.polarity for r in reports} == {"asserted", "denied"}


ATTRIBUTION = [
    ("ru", "Как сообщает Reuters, Путин поговорил по телефону с Эрдоганом.", "reuters"),
    ("en", "Vladimir Putin spoke with Recep Tayyip Erdogan by phone, the Kremlin said.", "kremlin"),
    ("uk", "За словами Дмитра Пєскова, Путін зустрівся з Віктором Орбаном.", "пєсков"),
    ("ru", "Путин встретился с Орбаном, заявил Дмитрий Песков.", "песков"),
    ("ru", "Иван Петренко провел переговоры с Сергеем Кузьминым, передает агентство Reuters.", "reuters"),
]


@pytest.mark.parametrize(("lang", "text", "source"), ATTRIBUTION)
def test_according_to(models: Models, lang: str, text: str, source: str) -> None:
    _, reports = _run(models, text, lang)
    assert reports and any(source in {_surname(s.name) for s in r.according_to} for r in reports)
    assert all(source not in {_surname(p.name) for p in r.participants} for r in reports)


PLACES = [
    ("ru", "Сергей Лавров встретился в Женеве с Энтони Блинкеном.", "женева"),
    ("uk", "Володимир Зеленський зустрівся з Емманюелем Макроном у Парижі.", "париж"),
    ("en", "Emmanuel Macron met Olaf Scholz in Berlin on Monday.", "berlin"),
]


@pytest.mark.parametrize(("lang", "text", "place"), PLACES)
def test_where(models: Models, lang: str, text: str, place: str) -> None:
    _, reports = _run(models, text, lang)
    assert any(r.where is not None and r.where.name.casefold() == place for r in reports)


NOT_CONTACTS = [
    ("en", "Donald Trump spoke to Reuters on Monday."),
    ("ru", "Илон Маск не ответил на просьбу WSJ о комментарии."),
    ("ru", "Дмитрий Песков заявил журналистам, что Кремль не комментирует эти сообщения."),
    ("en", "Donald Trump told reporters that the war must end."),
    ("en", "The White House did not respond to a request for comment on Putin's call."),
    ("ru", "Путин раскритиковал Байдена за новые санкции."),
    ("ru", "Песков говорил о Зеленском и Байдене."),
    ("uk", "Зеленський зустрівся з журналістами у Києві."),
    ("ru", "Путин встретился с представителями бизнеса, сообщил Песков."),
    ("en", "Trump called Zelensky a dictator."),
    ("ru", "Суд отправил Артема и Валерию Иванову под домашний арест."),
    # "принять" a document, not a guest
    ("ru", "Следуя предложению Ивана Петренко, депутаты приняли обращение к премьеру Олегу Кузьмину о переходе "
           "в другой часовой пояс."),
    ("uk", "Депутати прийняли звернення до прем'єра Олега Кузьміна щодо тарифів."),
    # English "called" that names, "meet" a goal, "asked X how": no contact
    ("en", "John Smith sat on the board of a small energy company called Joule Unlimited."),
    ("en", "Peter Brown at the time called John Smith \" extremely careless \" but declined to act."),
    ("en", "To meet John Smith's two-year goal, the agency would need more money."),
    ("en", "The radio host Peter Brown asked John Smith how to solve the crime problem."),
    ("ru", "Иван Петренко получил поддержку от Олега Кузьмина."),
    # a title of another case before a name is a possessor: the aide is unnamed
    ("ru", "Иван Петренко встретился с помощником Сергея Кузьмина."),
    # exchanging blows, coming to a conclusion, a witness called to the stand, someone's emails
    ("ru", "Иван Петренко и Сергей Кузьмин обменялись ударами."),
    ("ru", "Иван Петренко пришел к выводу, что Сергей Кузьмин прав."),
    ("en", "To trace John Smith's movements, prosecutors called Mary White, a shop owner, who testified that she "
           "saw him."),
    ("en", "John Smith asked the agency to publish Mary White’s emails."),
    # documents "приняты при" someone; two visitors with no host
    ("ru", "Губернатор Иван Петренко проверит решения, которые были приняты при бывшем главе региона Сергее Кузьмине."),
    ("ru", "Итоги визита Ивана Петренко и Сергея Кузьмина подвели в Москве."),
    ("en", "John Smith exchanged fire with Peter Brown's guards."),
    ("ru", "Иван Петренко пообедал в столовой."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_CONTACTS)
def test_not_a_contact(models: Models, lang: str, text: str) -> None:
    _, reports = _run(models, text, lang)
    assert reports == ()


ANAPHORA = [
    ("ru", "Эрдоган позвонил Путину во вторник. Стороны обсудили ситуацию в Сирии.", {"эрдоган", "путин"}, 2),
    ("en", "Viktor Orban asked for a meeting with Donald Trump. The two men last met in December.",
     {"orban", "trump"}, 2),
    ("ru", "Гутерриш говорил с Зеленским в январе. Ранее он встречался с Путиным в Казани.",
     {"гутерриш", "путин"}, 1),
    ("ru", "В субботу в Женеве прошел первый раунд переговоров между делегациями Армении и Азербайджана. "
           "Встреча во дворце Наций длилась три часа. Об этом сообщили участники. Армянскую делегацию "
           "возглавил Арарат Мирзоян, азербайджанскую — Джейхун Байрамов.", {"мирзоян", "байрамов"}, 4),
    ("ru", "Макрон и Шольц подчеркнули важность единства Европы. Также лидеры обсудили поддержку Украины.",
     {"макрон", "шольц"}, 2),
    ("uk", "Зеленський і Туск висловили підтримку Молдові. Також сторони обговорили безпекові гарантії.",
     {"зеленський", "туск"}, 2),
    ("en", "Emmanuel Macron and Olaf Scholz stressed the role of Europe. The leaders also discussed trade.",
     {"macron", "scholz"}, 2),
]


@pytest.mark.parametrize(("lang", "text", "parties", "sentence"), ANAPHORA)
def test_parties_named_in_an_earlier_sentence(models: Models, lang: str, text: str, parties: set[str],
                                              sentence: int) -> None:
    analysis, reports = _run(models, text, lang)
    start = analysis.sentences[sentence - 1].start
    later = [r for r in reports if r.evidence_start >= start]
    assert frozenset(parties) in {pair for pair, _ in _pairs(tuple(later))}


def test_records_are_well_formed(models: Models) -> None:
    text = "Президент России Владимир Путин в среду провел телефонный разговор с президентом Франции Эммануэлем Макроном."
    analysis, reports = _run(models, text, "ru")
    assert reports
    clusters = {m.cluster for m in analysis.mentions}
    for r in reports:
        assert text[r.evidence_start:r.evidence_end].startswith("Президент России")
        assert 0.0 <= r.confidence <= 1.0
        assert all(p.cluster in clusters and text[p.start:p.end] for p in r.participants)
        assert r.cue


def test_extraction_is_pure(models: Models) -> None:
    text = "Эрдоган позвонил Путину во вторник. Стороны обсудили ситуацию в Сирии."
    article = _article(text, "ru")
    analysis = analyze(article, models)
    assert extract_contacts(article, analysis) == extract_contacts(article, analysis)


def test_time_of_the_contact_when_the_time_grammar_is_there(models: Models) -> None:
    pytest.importorskip("backchannel.contacts.timex")
    _, reports = _run(models, "Путин в среду провел телефонный разговор с Эммануэлем Макроном.", "ru")
    assert reports and reports[0].when is not None and reports[0].when.start is not None
