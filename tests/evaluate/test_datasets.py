"""Each reader on a tiny file in its dataset's own format; absent datasets yield nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.errors import UsageError
from backchannel.evaluate.datasets import DATASET_NAMES, datasets, parse_brat
from backchannel.evaluate.gold import GoldDoc
from tests.evaluate.helpers import FACTRU_TEXT, NER_UK_TEXT, SLAVIC_RU, write_all


def _docs(root: Path, name: str) -> list[GoldDoc]:
    (ds,) = datasets([name], root)
    return list(ds.docs())


def _triples(doc: GoldDoc) -> list[tuple[str, str | None, str]]:
    return [(m.surface, m.base, m.type) for m in doc.mentions]


def test_slavicner(tmp_path: Path) -> None:
    docs = _docs(write_all(tmp_path), "slavicner")
    assert [(d.id, d.lang, d.topic, d.date) for d in docs] == [
        ("brexit/ru/brexit_ru.txt_file_1", "ru", "brexit", "2018-09-20"),
        ("brexit/uk/brexit_uk.txt_file_1", "uk", "brexit", None),
    ]
    ru = docs[0]
    assert ru.text == SLAVIC_RU
    assert _triples(ru) == [
        ("Владимир Путин", "Владимир Путин", "PER"),
        ("Терезой Мэй", "Тереза Мэй", "PER"),
        ("Лондоне", "Лондон", "LOC"),
        ("Путина", "Путин", "PER"),
        ("Brexit", "Brexit", "MISC"),  # EVT (and PRO) → MISC
    ]
    assert [m.link_id for m in ru.mentions][:2] == ["PER-Vladimir-Putin", "PER-Theresa-May"]
    assert all(d.text[m.start : m.end] == m.surface for d in docs for m in d.mentions)


def test_ner_uk_reads_the_test_split_only(tmp_path: Path) -> None:
    (doc,) = _docs(write_all(tmp_path), "ner-uk")
    assert (doc.id, doc.lang, doc.topic, doc.text) == ("ng/t0000000test", "uk", "ng", NER_UK_TEXT)
    # JOB is not a name; the LOC nested inside the PERS is dropped; an entity over a line break is kept whole
    assert _triples(doc) == [
        ("Олег Ляшко", None, "PER"),
        ("Наші гроші .\nЛьвів", None, "ORG"),
        ("Київ", None, "LOC"),
    ]


@pytest.mark.parametrize(
    ("ann", "expected"),
    [
        ("T1\tPERS\t0\t4\tОлег\n", [("PERS", 0, 4, "Олег")]),  # ner-uk: five tab-separated fields
        ("T1\tPERS 0 4\tОлег\n", [("PERS", 0, 4, "Олег")]),  # standard BRAT
        (
            "T1\tORG\t0\t9\tНаші\nгроші\nT2\tLOC\t10\t14\tКиїв\n",
            [("ORG", 0, 9, "Наші\nгроші"), ("LOC", 10, 14, "Київ")],
        ),
        ("T1\tORG 0 4;5 9\tНаші гроші\n#1\tAnnotatorNotes T1\tx\n", []),  # discontinuous span, note
        ("", []),
    ],
)
def test_parse_brat(ann: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert list(parse_brat(ann)) == expected


def test_factrueval(tmp_path: Path) -> None:
    (doc,) = _docs(write_all(tmp_path), "factrueval")
    assert (doc.id, doc.lang, doc.text) == ("book_1", "ru", FACTRU_TEXT)
    assert _triples(doc) == [
        ("Рога и копыта", None, "ORG"),  # the org_name span, not the descriptor "Компания"
        ("Остапа Бендера", "Остап Бендер", "PER"),  # base from .coref, the closest first name
        ("Бендер", "Бендер", "PER"),
        ("Москву", None, "LOC"),  # LocOrg → LOC
    ]


def test_wikievents_keeps_names_only(tmp_path: Path) -> None:
    (doc,) = _docs(write_all(tmp_path), "wikievents")
    assert (doc.id, doc.lang, doc.topic) == ("wiki_test_topic_1_news_1", "en", "test_topic")
    assert [(m.surface, m.type) for m in doc.mentions] == [
        ("Dzhokhar Tsarnaev", "PER"),
        ("U.S.", "LOC"),
        ("Afghan", "MISC"),
        ("Tsarnaev", "PER"),
        ("Boston", "LOC"),
    ]
    assert all(doc.text[m.start : m.end] == m.surface for m in doc.mentions)


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_absent_dataset_yields_nothing(tmp_path: Path, name: str) -> None:
    (ds,) = datasets([name], tmp_path)
    assert not ds.present
    assert list(ds.docs()) == []


def test_unknown_dataset_name_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="conll"):
        datasets(["slavicner", "conll"], tmp_path)


def test_offsets_hold_in_files_with_crlf(tmp_path: Path) -> None:
    text = "Путин\r\nи Мэй."
    folder = tmp_path / "slavicner"
    (folder / "raw" / "t" / "ru").mkdir(parents=True)
    (folder / "ner" / "t" / "ru").mkdir(parents=True)
    (folder / "raw" / "t" / "ru" / "d.txt").write_bytes(text.encode("utf-8"))
    (folder / "ner" / "t" / "ru" / "d.tsv").write_text("9\t12\tМэй\tМэй\tPER\tPER-May\n", encoding="utf-8")
    (doc,) = _docs(tmp_path, "slavicner")
    assert doc.text == text and doc.text[9:12] == "Мэй"
