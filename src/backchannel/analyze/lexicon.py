"""Word lists the rules read: titles and role heads, organisation heads, name particles, and
words that look like names only because they open a sentence. Written by us; matched on
``stems.stem`` keys (so inflected forms hit) unless said otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from backchannel.analyze.stems import stem
from backchannel.model import EntityType


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of one language, keyed by stem."""

    lang: str
    person_cues: frozenset[str]
    org_heads: frozenset[str]
    org_triggers: frozenset[str]
    first_names: frozenset[str]
    """English first names (from the KB's English names), lower case."""
    loc_heads: frozenset[str] = frozenset()


def _keys(words: str, lang: str) -> frozenset[str]:
    return frozenset(stem(w, lang) for w in words.split())


# Words that, standing right before a name, say it is a person (and start its role).
_PERSON_CUES = {
    "ru": """президент президентка премьер премьер-министр министр глава лидер канцлер спикер пресс-секретарь
        пресс-секретаря представитель спецпредставитель спецпосланник посланник посол госсекретарь генсек
        генсекретарь секретарь председатель вице-президент вице-премьер советник помощник губернатор мэр
        сенатор депутат конгрессмен генерал адмирал маршал полковник командующий король королева принц
        принцесса папа патриарх митрополит миллиардер бизнесмен предприниматель основатель владелец
        журналист политолог эксперт аналитик писатель актер актриса певец певица адвокат судья прокурор
        дипломат замминистра экс-президент экс-премьер экс-министр экс-глава экс-канцлер политик активист
        оппозиционер блогер шейх эмир султан аятолла имам кандидат кронпринц наследник аналитика директор
        гендиректор сооснователь экономист историк профессор доктор господин госпожа мистер миссис
        заместитель замглавы руководитель вице-спикер
        лорд сэр леди монарх премьерка""",
    "uk": """президент президентка прем'єр прем'єр-міністр міністр глава лідер канцлер спікер речник речниця
        прессекретар пресс-секретар прес-секретар представник спецпредставник спецпосланець посланець посол держсекретар генсек
        генсекретар секретар голова віцепрезидент віце-президент віце-прем'єр радник помічник губернатор мер
        сенатор депутат конгресмен генерал адмірал маршал полковник командувач король королева принц
        принцеса папа патріарх митрополит мільярдер бізнесмен підприємець засновник власник журналіст
        політолог експерт аналітик письменник актор акторка співак співачка адвокат суддя прокурор
        дипломат заступник ексглава експрезидент екс-президент екс-прем'єр політик активіст опозиціонер
        блогер шейх емір султан аятола імам кандидат кронпринц директор гендиректор економіст історик
        професор доктор пан пані містер місіс лорд сер леді монарх диктатор правитель заступник
        керівник очільник очільниця речниця""",
    "en": """president minister premier chancellor spokesman spokeswoman spokesperson secretary ambassador envoy
        leader chairman chairwoman chair governor mayor senator congressman congresswoman representative
        general admiral marshal colonel commander king queen prince princess pope patriarch billionaire
        businessman entrepreneur founder owner journalist analyst expert lawyer judge prosecutor diplomat
        adviser advisor aide mr mrs ms dr sir lord lady sheikh emir sultan ayatollah director ceo chief
        professor candidate dictator ruler vice-president counterpart""",
}

# Words that end (head) an organisation name: "Верховный суд", "Ministry of Defence".
_ORG_HEADS = {
    "ru": """суд союз дума министерство комиссия комитет парламент партия банк совет служба агентство
        университет фонд армия палата собрание организация администрация правительство альянс блок
        корпорация компания концерн холдинг ассамблея конгресс сенат прокуратура полиция гвардия
        церковь движение фронт академия институт центр управление департамент бюро штаб флот
        трибунал ведомство кабинет миссия совбез горсовет облсовет райсовет горсуд райсуд арбитраж
        облизбирком горизбирком мэрия общество ассоциация федерация объединение суд компани компаниз групп холдингс трейдинг
        маркетинг пайплайн продакшн эксплорейшн энерджи интернешнл инк лимитед корпорейшн ойл эйрлайнз
        эйрлайнс б.в. аг гмбх""",
    "uk": """суд союз рада міністерство комісія комітет парламент партія банк служба агентство
        університет фонд армія палата збори організація адміністрація уряд альянс блок корпорація
        компанія концерн холдинг асамблея конгрес сенат прокуратура поліція гвардія церква рух фронт
        академія інститут центр управління департамент бюро штаб флот трибунал відомство
        кабінет місія міськрада облрада райрада селищрада облдержадміністрація райдержадміністрація
        товариство асоціація федерація спілка об'єднання міськвиконком адмінсуд госпсуд райсуд міськсуд лісгосп водоканал аеропорт залізниця компані груп холдингс трейдинг маркетинг пайплайн продакшн енерджі інтернешнл
        лімітед корпорейшн ойл ейрлайнз ейрлайнс б.в. аг гмбх""",
    "en": """ministry department council committee commission parliament party union agency bank court
        university institute organization organisation corporation corp inc ltd llc group company
        association forces army navy police office service news times post journal press network
        foundation fund board authority federation front movement alliance assembly congress senate
        cabinet administration government church academy center centre bureau tribunal guard
        reuters agency observatory brigade council forces brigades guards services directorate herald tribune
        mail telegraph gazette chronicle corps command battalion regiment league society airlines airways
        industries holdings cartel coalition caucus wire ledger courier observer""",
}

# Nouns that, right before a quoted or capitalised name, make it an organisation.
_ORG_TRIGGERS = {
    "ru": """компания компании партия партии издание газета агентство банк концерн холдинг движение
        группировка организация телеканал радиостанция фонд корпорация авиакомпания лоукостер
        авиаперевозчик оператор клуб""",
    "uk": """компанія партія видання газета агентство банк концерн холдинг рух угруповання організація
        телеканал радіостанція фонд корпорація авіакомпанія лоукостер авіаперевізник оператор клуб""",
    "en": """newspaper website site agency company firm group party network broadcaster channel magazine outlet
        daily tabloid militia organization organisation airline carrier bank insurer retailer automaker
        manufacturer watchdog""",
}

# Legal forms and agency abbreviations that stand before a quoted name and belong to it
# ("ТОВ «Каштан-плюс»", "ПАО «Газпром»", "ИА REGNUM"); matched on the token as written.
# Legal forms written after a company's name.
COMPANY_SUFFIXES = frozenset("AG GmbH SE Ltd Ltd. Inc Inc. LLC PLC Plc plc Corp Corp. KG LLP АГ ГмбХ".split())
LEGAL_FORMS = frozenset(
    """ООО ОАО ЗАО ПАО АО НАО ГУП МУП ФГУП ФГБУ ФГУ ГБУ ГКУ АНО НКО ИА ИД ТОО ЧОП НПО НПП НПФ ОДО ИП ФГБОУ ГК
    ТОВ ТзОВ ПАТ ПрАТ ВАТ ЗАТ АТ НАК ДП ДК КП ПП ГО ФОП НВП НВО НВФ ТД ДТГО КУА ФК БФ БО ОСББ СП ЧП ПМП АК
    LLC Ltd JSC PJSC OJSC CJSC""".split()
)

# Words that look like names but name events, diseases or products, never a person, an
# organisation or a place (matched on the stem).
_NOT_NAMES = """brexit брексит брекзит брекзіт брексіт megxit мегзит covid covid-19 ковид ковід коронавирус
    коронавірус sars-cov-2 omicron омикрон омікрон"""
NOT_NAMES = _keys(_NOT_NAMES, "ru") | _keys(_NOT_NAMES, "uk") | _keys(_NOT_NAMES, "en")

# Particles inside names: "Лула да Силва", "Ursula von der Leyen".
PARTICLES = frozenset(
    "да де ди дель дос дас фон ван дер ибн бин аль эль ле ла бен abu da de di del dos das von van der bin bin ibn al el le la ben".split()
)

# Lower-case words inside English names: "Ministry of Defence", "Universidad de los Andes".
EN_JOINERS = frozenset({"of", "for", "de", "del", "la"})

# Prepositions after which an unknown capitalised word is most likely a place.
LOC_PREPS = {
    "ru": frozenset("в во из на под над около возле близ до".split()),
    "uk": frozenset("в у із з на під над біля поблизу до".split()),
    "en": frozenset("in at from near to into across".split()),
}

# Short forms of countries that the KB may not list and that look like organisation acronyms.
LOC_ABBREVIATIONS = {
    "США": "US", "РФ": "RU", "ФРГ": "DE", "КНР": "CN", "КНДР": "KP", "ОАЭ": "AE", "ЮАР": "ZA", "УССР": "UA",
    "СССР": "SU", "ЕАЭС": "", "US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DPRK": "KP", "PRC": "CN",
    "USSR": "SU", "ДНР": "", "ЛНР": "",
}

# English words that open sentences and look like names only for their capital letter.
EN_COMMON = frozenset(
    """a an the this that these those there here it its he she they we i you his her their our my your
    in on at by for with from to of as after before when while if but and or so yet since because although
    though however meanwhile also still then now today yesterday tomorrow last next first second new
    according despite during following under over about against among between into through without within
    what which who whom whose where why how all some many most more much no not one two three several
    each every other such both either neither only even just many monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december is are was were be been has have had do does did will would can could should must
    mr mrs ms dr read watch see photo video update breaking live opinion analysis exclusive""".split()
)

# English words that never start a name, wherever they stand ("In May", "On Friday", "I").
EN_FUNCTION = frozenset(
    """a an the in on at by for with from to of as after before when while if but and or so yet since because
    however i we you he she they it this that these those there here why how what which who whom whose where
    during under over about against among between into through without within read watch see share
    send view full screen close skip ad photo photos video caption file""".split()
)

MONTHS_AND_DAYS = frozenset(
    """январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь понедельник вторник
    среда четверг пятница суббота воскресенье січень лютий березень квітень травень червень липень
    серпень вересень жовтень листопад грудень понеділок вівторок середа четвер пʼятниця субота неділя
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)

# English words that stand before a name as a title or a descriptor ("Army Col.", "Interior Minister").
EN_TITLE_WORDS = frozenset(
    """president prime minister foreign defence defense secretary state general deputy vice chief former
    chancellor senator sen governor gov mayor king queen prince princess pope sheikh ambassador envoy special
    mr mrs ms dr sir lord lady spokesman spokeswoman leader premier commander army col lt maj major gen sgt
    capt adm admiral colonel lieutenant sergeant captain interior justice home attorney district judge
    officer agent detective inspector director ceo chairman chairwoman rep representative congressman
    congresswoman speaker foreign-minister first lady brig brigadier marshal pres u.s. us the police
    commissioner constable superintendent coalition""".split()
)
EN_PLACE_PREFIXES = frozenset(
    "northern southern eastern western north south east west new upper lower greater central latin".split())

# Last words of English capitalised runs that name a place or a site ("Bagram Air Base").
EN_PLACE_TAILS = frozenset(
    """base airbase airfield airport street st road avenue square bridge castle park district province
    valley mountains hills coast island islands peninsula strait straits sea ocean river lake canal
    county city town village camp hospital clinic motel hotel building tower stadium mosque cathedral prison
    mall""".split()
)

# First words of English capitalised runs that name a place ("Camp Bastion", "County Clare").
EN_PLACE_OPENERS = frozenset("camp county rue mount mt lake fort cape".split())

# Lower-case nouns that make a capitalised name before them, or after them with "of", a place:
# "in Shah Joy district", "the province of Zabul".
EN_PLACE_NOUNS = frozenset("district province region county city town village valley river".split())

# Endings of English compound adjectives that open a run but are never part of the name:
# "Kurdish-led Syrian Democratic Forces", "Iranian-backed Houthis", "London-based Reuters".
EN_COMPOUND_ADJECTIVES = ("-led", "-backed", "-based", "-born", "-owned", "-run", "-controlled", "-allied",
                          "-linked", "-funded", "-sponsored", "-aligned", "-held", "-style", "-made")

# Last words of English capitalised runs that name events, things or buildings, not people.
EN_NOT_PERSON_TAILS = frozenset(
    """marathon cup games olympics championship tournament festival war crisis attack bombing massacre
    day friday sunday monday tuesday wednesday thursday saturday week school
    restaurant cafe café shop store station church palace
    centre center museum library prize award act law bill treaty agreement accord plan program programme
    report photo photos video news tv radio online magazine""".split()
)

# Organisation heads that name one institution even alone, when capitalised inside a sentence
# and never written in lower case in the article ("the Navy", "Congress voted").
EN_STANDALONE_ORGS = frozenset("navy army congress senate parliament marines".split())


def person_cues(lang: str) -> frozenset[str]:
    return _keys(_PERSON_CUES.get(lang, ""), lang)


def org_heads(lang: str) -> frozenset[str]:
    return _keys(_ORG_HEADS.get(lang, ""), lang)


def org_triggers(lang: str) -> frozenset[str]:
    return _keys(_ORG_TRIGGERS.get(lang, ""), lang)

# All-caps words that are not organisations (or not names at all).
NOT_ORG_ABBREVIATIONS = frozenset(
    """СМИ ОРВИ ВИЧ СПИД ДНК ВВП ВПК СП ТВ ПАО ОАО ЗАО ООО АО НИИ ЧП ЧМ ИИ МРОТ НДС ДТП РНК ПЦР ПЦР-тест ЗМІ ВВП ТОВ
    ПрАТ ПАТ COVID SARS SARS-COV SARS-COV-2 CTRL ENTER RU UA COM NET ORG HTML PDF GDP CEO TV OK USD EUR RUB UAH
    II III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI AM PM BC AD PS ЕГЭ ВУЗ ДПС
    CCTV DNA HIV AIDS UTC GMT SIM MB GB KB BB IED RPG GPS SMS PIN VIP FAQ URL USB LED TNT IPO LNG СПГ ПДВ ІПН
    ЖКГ ЖКХ АПК ПММ ДНК ЖКТ ОМС ДМС СМС ЦНС ПВО ЧС ТБ ВІЛ СНІД ХОБЛ СНИЛС ИНН ФИО ПІБ АЗС ТРЦ ТЦ ГТС ВНП ФАП ІПСО
    ПВХ ГМО ИВЛ ШВЛ ОРВІ МКС ВПО ВПЛ""".upper().split()
) | frozenset("ENTER CTRL COOKIE COOKIES ONLINE PROMOTED THE NEWS COVID COVID-19 SARS-COV SARS-COV-2 READ MORE".split()
)

# Function words as a headline in capitals writes them ("ХТО ТОЙ", "НЕ НА"): a run of capitals
# holding one is a headline, not an abbreviation.
CAPS_FUNCTION_WORDS = frozenset(
    """НЕ НИ НА ПО ЗА ИЗ ОТ ДО ДЛЯ ПРИ ПРО БЕЗ ОБ ВО СО КО ИЛИ НО ЖЕ ЛИ БЫ ЧТО КАК КТО ТО ЭТО ЭТОТ ЕГО ЕЕ ЕЁ
    ИХ ВСЕ ВСЁ ТАК ДА НЕТ ОН ОНА ОНИ МЫ ВЫ ТЫ МНЕ ГДЕ КОГДА УЖЕ ЕЩЕ ЕЩЁ ВОТ ЧЕМ ЧЕГО КОГО
    ХТО ЩО ЯК ТОЙ ТА ЦЕ ЦЯ ЦЕЙ ЦІ ЙОГО ЇЇ ЇХ ВСІ НІ АБО АЛЕ ЧИ ВІД ПІД НАД ІЗ ЗІ ВІН ВОНА ВОНИ МИ ВИ ТИ
    МЕНІ ДЕ КОЛИ ВЖЕ ЩЕ ОСЬ ЧОМУ ЯКИЙ ЯКА ЯКЕ ЯКІ ТАКОЖ ЛИШЕ ТІЛЬКИ""".split()
)

# Institution heads that open sentences as common nouns with a genitive after them ("Суд первой
# инстанции", "Группа женщин"): only inside a sentence do they start a name.
GENERIC_HEADS = _keys("суд суда группа групи группы совет", "ru") | _keys("суд група групи", "uk")

# Heads that a sentence-opening adjective turns into a description, not a name ("Экспертная
# группа", "Харківська компанія").
GENERIC_ORG_HEADS = (_keys("компания компании группа группы холдинг", "ru")
                     | _keys("компанія компанії група групи холдинг", "uk"))

# Domain endings that make a capitalised word before them a site's name ("NEWSru.com", "Лента.ру").
DOMAIN_ENDINGS = frozenset("com ru ua net org info io kz by uz md ge am az eu de uk fm tv su рф ру укр".split())

# Lower-case words after an institution that point back to a place named earlier ("Верховный суд
# страны"): not part of the name (prefixes of their forms).
DEICTIC_OWNERS = ("стран", "країн", "государств", "держав")

# Head nouns of multi-word place names written with one capital: "Балтийское море", "Тверская область".
_LOC_HEADS = {
    "ru": "море океан залив пролив остров острова полуостров область край республика округ река озеро горы улица площадь проспект "
          "канал район",
    "uk": "море океан затока протока острів острови півострів область край республіка округ річка озеро гори вулиця площа проспект "
          "канал район",
    "en": "sea ocean gulf bay strait island islands peninsula region province republic river lake mountains "
          "mountain street square road avenue bridge city county valley desert coast",
}

# Institutions the knowledge base may not list yet, as (type, names in one language).
FALLBACK_NAMES: tuple[tuple[EntityType, str, tuple[str, ...]], ...] = (
    ("ORG", "ru", ("Евросоюз", "ЕС", "Еврокомиссия", "Европарламент", "Европейский союз", "Европейская комиссия",
                   "Европейский парламент", "НАТО", "ООН", "МИД", "МВФ", "ВОЗ", "ОБСЕ", "Совбез ООН", "Госдума",
                   "Государственная дума", "Кремль", "Белый дом", "Пентагон", "Минздрав", "Минобороны", "Еврокомиссия",
                   "Минфин", "Минюст", "МВД", "МЧС", "Минэнерго", "Минтранс", "Минкультуры", "Минобрнауки",
                   "Генпрокуратура", "ЦИК", "Конституционный суд", "Счетная палата", "Мосгордума", "Киевсовет")),
    ("ORG", "uk", ("Євросоюз", "ЄС", "Єврокомісія", "Європарламент", "Європейський союз", "Європейська комісія",
                   "НАТО", "ООН", "МЗС", "МВФ", "ВООЗ", "ОБСЄ", "Верховна Рада", "Кремль", "Білий дім", "Пентагон",
                   "Офіс президента", "Міноборони", "МОЗ", "Мінфін", "Мін'юст", "МВС", "Мінекономіки", "Мінцифри",
                   "Міненерго", "Мінкульт", "Мінінфраструктури", "МОН", "Генпрокуратура", "Офіс генпрокурора", "ЦВК",
                   "Конституційний суд", "Рахункова палата", "Київрада", "Мосміськдума")),
    ("ORG", "en", ("European Union", "EU", "European Commission", "European Parliament", "NATO", "UN", "United Nations",
                   "IMF", "WHO", "OSCE", "Kremlin", "White House", "Pentagon", "State Department")),
    ("LOC", "ru", ("Соединенные Штаты", "Соединенных Штатов", "Соединенным Штатам", "Соединенными Штатами",
                   "Соединенных Штатах", "Нидерланды", "Нидерландов", "Нидерландам", "Нидерландах", "Великобритания",
                   "Британия", "Россия", "Украина", "Германия", "Франция", "Китай", "Индия", "Турция", "Беларусь",
                   "Белоруссия", "Казахстан", "Узбекистан", "Киргизия", "Таджикистан", "КНДР", "ЮАР", "Бразилия",
                   "Аргентина", "Европа", "Азия", "Африка")),
    ("LOC", "uk", ("Сполучені Штати", "Сполучених Штатів", "Сполученим Штатам", "Сполученими Штатами",
                   "Сполучених Штатах", "Нідерланди", "Нідерландів", "Великобританія", "Північна Ірландія", "Англія",
                   "Шотландія", "Уельс", "Велика Британія", "Британія", "Росія",
                   "Україна", "Німеччина", "Франція", "Китай", "Індія", "Туреччина", "Білорусь", "Казахстан",
                   "Європа", "Азія", "Африка", "Київ", "Москва", "Вашингтон", "Лондон", "Брюссель", "Берлін", "Париж")),
    # Platforms, products and events: MISC, so that they are not taken for organisations or people.
    *(("MISC", lang, ("Telegram", "Twitter", "Facebook", "WhatsApp", "Viber", "Instagram", "YouTube", "TikTok", "Skype",
                      "Zoom", "Signal", "Brexit", "COVID-19", "Covid-19", "Sputnik V", "CoronaVac", "Covaxin", "iPhone"))
      for lang in ("ru", "uk", "en")),
    ("MISC", "ru", ("Телеграм", "Телеграмм", "Твиттер", "Фейсбук", "Инстаграм", "Ютуб", "Вайбер", "Ватсап", "ТикТок",
                    "Тик-Ток", "Скайп", "Брексит", "Брекзит", "Спутник V", "Спутник Лайт", "ЭпиВакКорона",
                    "КовиВак")),
    ("MISC", "uk", ("Телеграм", "Твіттер", "Фейсбук", "Інстаграм", "Ютуб", "Вайбер", "ТікТок", "Тік-Ток", "Скайп",
                    "Брексит", "Брекзит", "Супутник V", "Спутник V")),
    ("LOC", "en", ("United States", "Britain", "Great Britain", "Russia", "Ukraine", "Europe", "Asia", "Africa",
                   "America", "North America", "South America", "Latin America", "Central America", "Middle East",
                   "Australia", "Antarctica", "Arctic", "Caucasus", "Balkans", "Scandinavia", "Siberia",
                   "Central Asia", "Southeast Asia", "Gaza Strip", "West Bank")),
    # Parts of the world and historical or popular names of regions (ISO 3166-2 has only the
    # official "Полтавская область"; news writes "Полтавщина").
    ("LOC", "ru", ("Америка", "Северная Америка", "Южная Америка", "Латинская Америка", "Центральная Америка",
                   "Австралия", "Антарктида", "Антарктика", "Арктика", "Океания", "Евразия", "Ближний Восток",
                   "Дальний Восток", "Средняя Азия", "Центральная Азия", "Юго-Восточная Азия", "Кавказ",
                   "Северный Кавказ", "Закавказье", "Балканы", "Скандинавия", "Прибалтика", "Сибирь", "Урал",
                   "Поволжье", "Средиземноморье", "Чечня", "Полтавщина", "Киевщина", "Харьковщина", "Львовщина",
                   "Черниговщина", "Житомирщина", "Винничина", "Сумщина", "Херсонщина", "Николаевщина",
                   "Тернопольщина", "Кировоградщина", "Днепропетровщина", "Луганщина", "Донетчина", "Черкасщина",
                   "Запорожье", "Закарпатье", "Прикарпатье", "Буковина", "Волынь", "Галиция", "Подолье",
                   "Слобожанщина", "Полесье", "Бессарабия", "Кубань", "Приазовье", "Причерноморье", "Подмосковье",
                   "Приморье", "Забайкалье", "Ставрополье", "Донбасс")),
    ("LOC", "uk", ("Америка", "Північна Америка", "Південна Америка", "Латинська Америка", "Центральна Америка",
                   "Австралія", "Антарктида", "Антарктика", "Арктика", "Океанія", "Євразія", "Близький Схід",
                   "Далекий Схід", "Середня Азія", "Центральна Азія", "Південно-Східна Азія", "Кавказ",
                   "Північний Кавказ", "Закавказзя", "Балкани", "Скандинавія", "Прибалтика", "Сибір", "Урал",
                   "Поволжя", "Середземномор'я", "Чечня", "Полтавщина", "Київщина", "Харківщина", "Львівщина", "Одещина",
                   "Чернігівщина", "Житомирщина", "Вінниччина", "Сумщина", "Херсонщина", "Миколаївщина",
                   "Тернопільщина", "Рівненщина", "Хмельниччина", "Кіровоградщина", "Дніпропетровщина",
                   "Луганщина", "Донеччина", "Черкащина", "Івано-Франківщина", "Запоріжжя", "Закарпаття",
                   "Прикарпаття", "Буковина", "Волинь", "Галичина", "Поділля", "Слобожанщина", "Полісся",
                   "Бессарабія", "Кубань", "Приазов'я", "Причорномор'я", "Таврія", "Донбас")),
)


def loc_heads(lang: str) -> frozenset[str]:
    return _keys(_LOC_HEADS.get(lang, ""), lang)
