"""Shared fixtures: a small knowledge base we write here (so the tests do not move when the
shipped KB grows) and the models built on it, once per session."""

from __future__ import annotations

import pytest
import yaml

from backchannel.analyze import Models, analyze, load_models
from backchannel.config import Settings
from backchannel.kb import parse_actors
from backchannel.kb.model import KnowledgeBase
from backchannel.model import Article, ArticleAnalysis

KB_YAML = """
- id: vladimir-putin
  type: PER
  kind: person
  country: RU
  names: {en: [Vladimir Putin, Putin], ru: [Владимир Путин, Путин], uk: [Володимир Путін, Путін]}
  offices:
    - {role: head_of_state, of: RU, start: 2012-05-07}
    - {role: head_of_state, of: RU, start: 2000-05-07, end: 2008-05-07}
- id: dmitry-medvedev
  type: PER
  kind: person
  names: {en: [Dmitry Medvedev, Medvedev], ru: [Дмитрий Медведев, Медведев], uk: [Дмитро Медведєв, Медведєв]}
  offices:
    - {role: head_of_state, of: RU, start: 2008-05-07, end: 2012-05-07}
- id: dmitry-peskov
  type: PER
  kind: person
  names: {en: [Dmitry Peskov, Peskov], ru: [Дмитрий Песков, Песков], uk: [Дмитро Пєсков, Пєсков]}
  offices: [{role: spokesperson, of: RU, start: 2012-05-22}]
- id: sergey-lavrov
  type: PER
  kind: person
  names: {en: [Sergey Lavrov, Lavrov], ru: [Сергей Лавров, Лавров], uk: [Сергій Лавров, Лавров]}
  offices: [{role: foreign_minister, of: RU, start: 2004-03-09}]
- id: hakan-fidan
  type: PER
  kind: person
  names: {en: [Hakan Fidan, Fidan], ru: [Хакан Фидан, Фидан], uk: [Хакан Фідан, Фідан]}
  offices: [{role: foreign_minister, of: TR, start: 2023-06-04}]
- id: mevlut-cavusoglu
  type: PER
  kind: person
  names: {en: [Mevlut Cavusoglu, Cavusoglu], ru: [Мевлют Чавушоглу, Чавушоглу], uk: [Мевлют Чавушоглу, Чавушоглу]}
  offices: [{role: foreign_minister, of: TR, start: 2015-11-24, end: 2023-06-04}]
- id: recep-erdogan
  type: PER
  kind: person
  names: {en: [Recep Tayyip Erdogan, Erdogan], ru: [Реджеп Тайип Эрдоган, Эрдоган], uk: [Реджеп Таїп Ердоган, Ердоган]}
- id: xi-jinping
  type: PER
  kind: person
  names: {en: [Xi Jinping, Xi], ru: [Си Цзиньпин], uk: [Сі Цзіньпін]}
- id: elon-musk
  type: PER
  kind: person
  names: {en: [Elon Musk, Musk], ru: [Илон Маск, Маск], uk: [Ілон Маск, Маск]}
- id: sergei-kiriyenko
  type: PER
  kind: person
  names: {en: [Sergei Kiriyenko, Kiriyenko], ru: [Сергей Кириенко, Кириенко], uk: [Сергій Кирієнко, Кирієнко]}
- id: emmanuel-macron
  type: PER
  kind: person
  names: {en: [Emmanuel Macron, Macron], ru: [Эммануэль Макрон, Макрон], uk: [Еммануель Макрон, Макрон]}
- id: narendra-modi
  type: PER
  kind: person
  names: {en: [Narendra Modi, Modi], ru: [Нарендра Моди, Моди], uk: [Нарендра Моді, Моді]}
- id: alexander-lukashenko
  type: PER
  kind: person
  names: {en: [Alexander Lukashenko, Lukashenko], ru: [Александр Лукашенко, Лукашенко], uk: [Олександр Лукашенко, Лукашенко]}
- id: kassym-jomart-tokayev
  type: PER
  kind: person
  names: {en: [Kassym-Jomart Tokayev, Tokayev], ru: [Касым-Жомарт Токаев, Токаев], uk: [Касим-Жомарт Токаєв, Токаєв]}
- id: lula-da-silva
  type: PER
  kind: person
  names: {en: [Luiz Inacio Lula da Silva, Lula da Silva, Lula], ru: [Луис Инасиу Лула да Силва, Лула да Силва, Лула], uk: [Луїс Інасіу Лула да Сілва, Лула да Сілва, Лула]}
- id: emomali-rahmon
  type: PER
  kind: person
  names: {en: [Emomali Rahmon, Rahmon], ru: [Эмомали Рахмон, Рахмон], uk: [Емомалі Рахмон, Рахмон]}
- id: kim-jong-un
  type: PER
  kind: person
  names: {en: [Kim Jong Un], ru: [Ким Чен Ын], uk: [Кім Чен Ин]}
- id: olaf-scholz
  type: PER
  kind: person
  names: {en: [Olaf Scholz, Scholz], ru: [Олаф Шольц, Шольц], uk: [Олаф Шольц, Шольц]}
- id: bruno-le-maire
  type: PER
  kind: person
  names: {en: [Bruno Le Maire], ru: [Брюно Ле Мэр], uk: [Брюно Ле Мер]}
- id: imran-khan
  type: PER
  kind: person
  names: {en: [Imran Khan], ru: [Имран Хан], uk: [Імран Хан]}
- id: city-hanoi
  type: LOC
  kind: city
  country: VN
  names: {en: [Hanoi], ru: [Ханой], uk: [Ханой]}
- id: country-tr
  type: LOC
  kind: country
  country: TR
  names: {en: [Turkey, Türkiye], ru: [Турция], uk: [Туреччина]}
- id: country-ru
  type: LOC
  kind: country
  country: RU
  names: {en: [Russia], ru: [Россия, РФ], uk: [Росія, РФ]}
- id: org-nato
  type: ORG
  kind: organisation
  names: {en: [NATO], ru: [НАТО], uk: [НАТО]}
- id: kremlin
  type: ORG
  kind: institution
  country: RU
  names: {en: [Kremlin], ru: [Кремль], uk: [Кремль]}
"""


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase(tuple(parse_actors(yaml.safe_load(KB_YAML), "test-kb")))


@pytest.fixture(scope="session")
def models(kb: KnowledgeBase) -> Models:
    return load_models(Settings(), kb=kb)


def article(text: str, lang: str, published: str | None = "2024-05-01") -> Article:
    return Article(
        id="test", source_path="test", source_key="test", raw_sha256="0", format="text", title=None,
        outlet=None, url=None, author=None, published=published, language=lang, language_declared=lang,
        warnings=(), metadata={}, text=text,
    )


def run(models: Models, text: str, lang: str, published: str | None = "2024-05-01") -> ArticleAnalysis:
    return analyze(article(text, lang, published), models)
