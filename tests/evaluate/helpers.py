"""Tiny evaluation sets in each dataset's own format, written by the tests into tmp_path.

The texts are made up for the tests; nothing is copied from the real datasets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    return at, at + len(surface)


@dataclass(frozen=True)
class Sys:
    """A system mention (what a recogniser returns)."""

    start: int
    end: int
    surface: str
    base: str
    type: str
    kb_id: str | None = None


# --- SlavicNER -----------------------------------------------------------------------------

SLAVIC_RU = "Владимир Путин встретился с Терезой Мэй в Лондоне. Путина спросили о Brexit."
SLAVIC_UK = "Володимир Путін і Тереза Мей обговорили Brexit у Лондоні."


def write_slavicner(root: Path) -> None:
    folder = root / "slavicner"
    rows_ru = [
        ("Владимир Путин", "Владимир Путин", "PER", "PER-Vladimir-Putin"),
        ("Терезой Мэй", "Тереза Мэй", "PER", "PER-Theresa-May"),
        ("Лондоне", "Лондон", "LOC", "GPE-London"),
        ("Путина", "Путин", "PER", "PER-Vladimir-Putin"),
        ("Brexit", "Brexit", "EVT", "EVT-Brexit"),
    ]
    rows_uk = [
        ("Володимир Путін", "Володимир Путін", "PER", "PER-Vladimir-Putin"),
        ("Тереза Мей", "Тереза Мей", "PER", "PER-Theresa-May"),
        ("Brexit", "Brexit", "EVT", "EVT-Brexit"),
        ("Лондоні", "Лондон", "LOC", "GPE-London"),
    ]
    for lang, text, rows in (("ru", SLAVIC_RU, rows_ru), ("uk", SLAVIC_UK, rows_uk)):
        name = f"brexit_{lang}.txt_file_1"
        write(folder / "raw" / "brexit" / lang / f"{name}.txt", text)
        lines = [f"{s}\t{e}\t{m}\t{b}\t{t}\t{i}" for m, b, t, i in rows for s, e in [span(text, m)]]
        write(folder / "ner" / "brexit" / lang / f"{name}.tsv", "\n".join(lines) + "\n")
    # a topic with texts but no annotations (like us_election_2020): skipped
    write(
        folder / "raw" / "us_election_2020" / "ru" / "us_election_2020_ru.txt_file_1.txt", "Байден победил."
    )
    write(
        folder / "metadata_ru_uk_headers_from_UL-FRI.tsv",
        "topic\tlang\tfile\tdoc_id\tlang_hdr\tdate\turl\ttitle\tin_slavicner_raw\n"
        "brexit\tru\tbrexit_ru.txt_file_1.txt\tru-1\tru\t2018-09-20\thttp://example.org\tT\tyes\n",
    )


# --- ner-uk --------------------------------------------------------------------------------

NER_UK_TEXT = "Депутат Олег Ляшко відвідав « Наші гроші .\nЛьвів » та Київ ."


def write_ner_uk(root: Path) -> None:
    data = root / "ner-uk" / "v2.0" / "data"
    write(data / "dev-test-split.txt", "DEV\nd0000000dev1\nTEST\nt0000000test\n")
    write(data / "bruk" / "d0000000dev1.txt", "Не тестовий документ .")
    write(data / "bruk" / "d0000000dev1.ann", "")
    text = NER_UK_TEXT
    entities = [
        ("JOB", "Депутат"),
        ("PERS", "Олег Ляшко"),
        ("ORG", "Наші гроші .\nЛьвів"),  # runs over a line break, as some ner-uk entities do
        ("LOC", "Київ"),
        ("LOC", "Ляшко"),  # nested inside a PERS: dropped
    ]
    lines = [
        f"T{n}\t{kind}\t{s}\t{e}\t{surface}"
        for n, (kind, surface) in enumerate(entities, 1)
        for s, e in [span(text, surface)]
    ]
    write(data / "ng" / "t0000000test.txt", text)
    write(data / "ng" / "t0000000test.ann", "\n".join(lines) + "\n")


# --- factRuEval-2016 -----------------------------------------------------------------------

FACTRU_TEXT = "Компания «Рога и копыта» наняла Остапа Бендера. Бендер приехал в Москву."


def write_factrueval(root: Path) -> None:
    folder = root / "factrueval2016" / "testset"
    text = FACTRU_TEXT
    spans = [
        ("1", "org_descr", "Компания", 0),
        ("2", "org_name", "Рога и копыта", 0),
        ("3", "name", "Остапа", 0),
        ("4", "surname", "Бендера", 0),
        ("5", "surname", "Бендер", 1),
        ("6", "loc_name", "Москву", 0),
    ]
    span_lines = []
    for sid, kind, surface, nth in spans:
        s, e = span(text, surface, nth)
        span_lines.append(f"{sid} {kind} {s} {e - s} 100{sid} 1  # 100{sid} {surface}")
    write(folder / "book_1.txt", text)
    write(folder / "book_1.spans", "\n".join(span_lines) + "\n")
    write(
        folder / "book_1.objects",
        "11 Org 1 2 # Компания Рога и копыта\n12 Person 3 4 # Остапа Бендера\n13 Person 5 # Бендер\n14 LocOrg 6 # Москву\n",
    )
    write(
        folder / "book_1.coref",
        "1 11\nname Рога и копыта\n\n2 12 13\nfirstname Остап\nfirstname Ося\nlastname Бендер\n\n3 14\nname Москва\n",
    )
    write(folder / "book_2.txt", "Текст без разметки.")  # no .objects: not a test document


# --- WikiEvents ----------------------------------------------------------------------------

WIKI_SENTENCES = [
    ["Officials", "said", "Dzhokhar", "Tsarnaev", "met", "U.S.", "agents", "."],
    [
        "He",
        "told",
        "the",
        "Afghan",
        "officials",
        "that",
        "Tsarnaev",
        "was",
        "calm",
        "in",
        "Boston",
        "on",
        "Monday",
        ".",
    ],
]


def write_wikievents(root: Path) -> None:
    tokens = [t for s in WIKI_SENTENCES for t in s]
    text = " ".join(" ".join(s) for s in WIKI_SENTENCES)

    def at(word: str, nth: int = 0) -> int:
        return [i for i, t in enumerate(tokens) if t == word][nth]

    def mention(n: int, kind: str, first: int, last: int) -> dict[str, object]:
        return {
            "id": f"d-T{n}",
            "sent_idx": 0,
            "start": first,
            "end": last,
            "entity_type": kind,
            "mention_type": "UNK",
            "text": " ".join(tokens[first:last]),
        }

    mentions = [
        mention(1, "PER", at("Officials"), at("Officials") + 1),  # a nominal opening a sentence
        mention(2, "PER", at("Dzhokhar"), at("Tsarnaev") + 1),
        mention(3, "GPE", at("U.S."), at("U.S.") + 1),
        mention(4, "PER", at("He"), at("He") + 1),  # a pronoun
        mention(5, "GPE", at("Afghan"), at("Afghan") + 1),  # a demonym: MISC
        mention(6, "PER", at("the"), at("officials") + 1),  # a nominal
        mention(7, "PER", at("Tsarnaev", 1), at("Tsarnaev", 1) + 1),
        mention(8, "GPE", at("Boston"), at("Boston") + 1),
        mention(9, "VAL", at("Monday"), at("Monday") + 1),  # not a name type
    ]
    # the dataset's own sentence offsets drift from the text; the reader must not rely on them
    sentences = [[[[t, 0, 0] for t in s], " ".join(s)] for s in WIKI_SENTENCES]
    record = {
        "doc_id": "wiki_test_topic_1_news_1",
        "tokens": tokens,
        "text": text,
        "sentences": sentences,
        "entity_mentions": mentions,
        "relation_mentions": [],
        "event_mentions": [],
    }
    write(root / "wikievents" / "test.jsonl", json.dumps(record, ensure_ascii=False) + "\n")


def write_all(root: Path) -> Path:
    write_slavicner(root)
    write_ner_uk(root)
    write_factrueval(root)
    write_wikievents(root)
    return root
