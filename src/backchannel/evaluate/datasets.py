"""Readers for the NER evaluation sets in ``../shared/data/eval``, each into our own gold records.

Every reader takes the data root (the folder that holds ``slavicner/``, ``ner-uk/`` …) and
yields :class:`GoldDoc` records; a dataset that is absent yields nothing. The texts and
annotations stay where they are: nothing of them is copied into the repository.

Format decisions (one place, so the report can be read against them):

* **SlavicNER** (``ner/<topic>/<lang>/*.tsv`` + ``raw/…/*.txt``): ru and uk, every topic that
  has annotations (``us_election_2020`` has raw texts only and is skipped). PRO and EVT → MISC.
  Base forms and cross-lingual ids are kept; the date comes from the ru/uk header TSV.
* **ner-uk** 2.0 (BRAT ``.ann`` over tokenised ``.txt``, the ``TEST`` part of
  ``dev-test-split.txt``): PERS → PER, ORG, LOC; ART (products, titles) and MISC → MISC;
  DOC, JOB and the numeric types are not names and are skipped. No base forms, no ids.
* **factRuEval-2016** (``testset``): the layer natasha/naeval score against — a Person object
  is one mention over its name spans; Org objects give their ``org_name`` spans, Location and
  LocOrg objects their ``loc_name`` spans (descriptors such as "компания" are not names);
  Project and Facility are skipped. PER base forms are built from the ``.coref`` name keys
  (firstname/lastname/patronymic/nickname) of the parts the mention has, in text order.
* **WikiEvents** (``dev`` + ``test``; there is no train split here, and we never train on it):
  its entity mentions include pronouns and nominals, so only name-like mentions are kept;
  GPE/FAC → LOC, demonyms → MISC (the rules are in :mod:`backchannel.evaluate.wikievents`).

In every set, a gold mention that lies inside another kept one of the same document is dropped
(flat NER: only the outermost span counts).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import backchannel
from backchannel.errors import UsageError
from backchannel.evaluate.gold import ENTITY_TYPES, GoldDoc, GoldMention, outermost, read_text
from backchannel.evaluate.wikievents import read_wikievents
from backchannel.model import EntityType

__all__ = ["DATASET_NAMES", "Dataset", "GoldDoc", "GoldMention", "datasets", "default_root", "parse_brat"]


def default_root() -> Path:
    """``../shared/data/eval`` beside the repository checkout."""
    return Path(backchannel.__file__).resolve().parents[2].parent / "shared" / "data" / "eval"


Reader = Callable[[Path], Iterator[GoldDoc]]


@dataclass(frozen=True, slots=True)
class Dataset:
    """One evaluation set: where it lives under the data root and how to read it."""

    name: str
    folder: str
    reader: Reader
    types: tuple[EntityType, ...]
    """The entity types its gold covers; system mentions of other types are not scored."""
    root: Path

    @property
    def path(self) -> Path:
        return self.root / self.folder

    @property
    def present(self) -> bool:
        return self.path.is_dir()

    def docs(self) -> Iterator[GoldDoc]:
        return self.reader(self.root) if self.present else iter(())


# --- SlavicNER -----------------------------------------------------------------------------

_SLAVIC_TYPES: dict[str, EntityType] = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "PRO": "MISC",
    "EVT": "MISC",
}


def _slavicner_dates(folder: Path) -> dict[tuple[str, str, str], str]:
    path = folder / "metadata_ru_uk_headers_from_UL-FRI.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(r["topic"], r["lang"], r["file"]): r["date"] for r in rows if r.get("date")}


def read_slavicner(root: Path, languages: tuple[str, ...] = ("ru", "uk")) -> Iterator[GoldDoc]:
    folder = root / "slavicner"
    dates = _slavicner_dates(folder)
    for topic_dir in sorted(p for p in (folder / "ner").glob("*") if p.is_dir()):
        for lang in languages:
            for tsv in sorted((topic_dir / lang).glob("*.tsv")):
                raw = folder / "raw" / topic_dir.name / lang / (tsv.name[: -len(".tsv")] + ".txt")
                if not raw.is_file():
                    continue
                text = read_text(raw)
                mentions = []
                for line in read_text(tsv).split("\n"):
                    fields = line.split("\t")
                    if len(fields) != 6 or fields[4] not in _SLAVIC_TYPES:
                        continue
                    start, end, surface, base, kind, link = fields
                    mentions.append(
                        GoldMention(
                            int(start), int(end), surface, base or None, _SLAVIC_TYPES[kind], link or None
                        )
                    )
                yield GoldDoc(
                    id=f"{topic_dir.name}/{lang}/{raw.stem}",
                    lang=lang,
                    text=text,
                    mentions=tuple(mentions),
                    topic=topic_dir.name,
                    date=(dates.get((topic_dir.name, lang, raw.name)) or "")[:10] or None,
                )


# --- ner-uk --------------------------------------------------------------------------------

_NER_UK_TYPES: dict[str, EntityType] = {
    "PERS": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "ART": "MISC",
    "MISC": "MISC",
}
_BRAT_ENTITY = re.compile(r"^T\d+\t")
_BRAT_RECORD = re.compile(r"^[TREAMN#*]\d*\t")


def _test_ids(split_file: Path) -> list[str]:
    ids: list[str] = []
    part = None
    for line in read_text(split_file).splitlines():
        line = line.strip()
        if line in ("DEV", "TEST"):
            part = line
        elif line and part == "TEST":
            ids.append(line)
    return ids


def parse_brat(ann: str) -> Iterator[tuple[str, int, int, str]]:
    """``(type, start, end, text)`` of each entity line of a BRAT ``.ann`` (tab-separated
    ``T<n> TYPE start end text`` as ner-uk writes it, or ``T<n> TYPE start end<TAB>text``).
    An entity whose text runs over a line break continues on the next line."""
    records: list[str] = []
    for line in ann.rstrip("\n").split("\n") if ann.strip() else []:
        if _BRAT_RECORD.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    for record in records:
        if not _BRAT_ENTITY.match(record):
            continue
        fields = record.split("\t")
        head = fields[1].split(" ") if len(fields) == 3 else fields[1:4]
        if len(head) != 3 or not (head[1].isdigit() and head[2].isdigit()):
            continue  # discontinuous spans ("0 5;7 9") are not used by ner-uk
        yield head[0], int(head[1]), int(head[2]), fields[-1]


def read_ner_uk(root: Path) -> Iterator[GoldDoc]:
    data = root / "ner-uk" / "v2.0" / "data"
    split = data / "dev-test-split.txt"
    if not split.is_file():
        return
    for doc_id in _test_ids(split):
        source = next((s for s in ("bruk", "ng") if (data / s / f"{doc_id}.ann").is_file()), None)
        if source is None:
            continue
        text = read_text(data / source / f"{doc_id}.txt")
        mentions = [
            GoldMention(start, end, surface, None, _NER_UK_TYPES[kind])
            for kind, start, end, surface in parse_brat(read_text(data / source / f"{doc_id}.ann"))
            if kind in _NER_UK_TYPES
        ]
        yield GoldDoc(
            id=f"{source}/{doc_id}", lang="uk", text=text, mentions=outermost(mentions), topic=source
        )


# --- factRuEval-2016 -----------------------------------------------------------------------

_FACTRU_TYPES: dict[str, tuple[EntityType, str | None]] = {
    "Person": ("PER", None),
    "Org": ("ORG", "org_name"),
    "Location": ("LOC", "loc_name"),
    "LocOrg": ("LOC", "loc_name"),
}
_PERSON_PARTS = {
    "name": "firstname",
    "surname": "lastname",
    "patronymic": "patronymic",
    "nickname": "nickname",
}


def _rows(path: Path) -> Iterator[list[str]]:
    """Whitespace-split fields of each non-empty line, the ``# …`` comment dropped."""
    for line in read_text(path).splitlines():
        fields = line.partition("#")[0].split()
        if fields:
            yield fields


def _coref_names(path: Path) -> dict[str, dict[str, list[str]]]:
    """mention id → {coref key → values} (``firstname1`` is folded into ``firstname``)."""
    by_mention: dict[str, dict[str, list[str]]] = {}
    if not path.is_file():
        return by_mention
    for block in read_text(path).split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        names: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, _, value = line.partition(" ")
            names.setdefault(key.rstrip("0123456789"), []).append(value.strip())
        for mention_id in lines[0].split()[1:]:
            by_mention[mention_id] = names
    return by_mention


def _closest(values: list[str], surface: str) -> str:
    """The value sharing the longest case-folded prefix with the surface form ("Саши" → Саша)."""

    def shared(value: str) -> int:
        n = 0
        for a, b in zip(value.casefold(), surface.casefold(), strict=False):
            if a != b:
                break
            n += 1
        return n

    return max(values, key=shared)


def _person_base(
    parts: list[tuple[str, int, int]], text: str, names: dict[str, list[str]] | None
) -> str | None:
    if not names:
        return None
    words = []
    for kind, start, end in sorted(parts, key=lambda p: p[1]):
        values = names.get(_PERSON_PARTS[kind])
        if not values:
            return None
        words.append(_closest(values, text[start:end]))
    return " ".join(words) or None


def _factru_doc(base: Path) -> GoldDoc:
    text = read_text(base.with_suffix(".txt"))
    spans = {f[0]: (f[1], int(f[2]), int(f[2]) + int(f[3])) for f in _rows(base.with_suffix(".spans"))}
    names = _coref_names(base.with_suffix(".coref"))
    mentions: list[GoldMention] = []
    for fields in _rows(base.with_suffix(".objects")):
        mention_id, kind, parts = fields[0], fields[1], [spans[s] for s in fields[2:] if s in spans]
        if kind not in _FACTRU_TYPES or not parts:
            continue
        etype, name_span = _FACTRU_TYPES[kind]
        if name_span is None:
            person = [p for p in parts if p[0] in _PERSON_PARTS]
            if person:
                start, end = min(p[1] for p in person), max(p[2] for p in person)
                mentions.append(
                    GoldMention(
                        start, end, text[start:end], _person_base(person, text, names.get(mention_id)), etype
                    )
                )
        else:
            mentions.extend(GoldMention(s, e, text[s:e], None, etype) for t, s, e in parts if t == name_span)
    return GoldDoc(id=base.name, lang="ru", text=text, mentions=outermost(mentions))


def read_factrueval(root: Path) -> Iterator[GoldDoc]:
    folder = root / "factrueval2016" / "testset"
    for objects in sorted(folder.glob("*.objects"), key=lambda p: (len(p.stem), p.stem)):
        base = objects.with_suffix("")
        if base.with_suffix(".txt").is_file() and base.with_suffix(".spans").is_file():
            yield _factru_doc(base)


# --- the registry --------------------------------------------------------------------------

DATASET_NAMES: tuple[str, ...] = ("slavicner", "ner-uk", "factrueval", "wikievents")


def datasets(names: Iterable[str] | None = None, root: Path | None = None) -> tuple[Dataset, ...]:
    """The evaluation sets by name (all of them by default), read from ``root``
    (:func:`default_root` by default)."""
    root = default_root() if root is None else root
    chosen = DATASET_NAMES if names is None else tuple(names)
    unknown = [name for name in chosen if name not in DATASET_NAMES]
    if unknown:
        raise UsageError(
            f"unknown evaluation dataset {', '.join(unknown)}", f"choose from {', '.join(DATASET_NAMES)}"
        )
    table = {
        "slavicner": Dataset("slavicner", "slavicner", read_slavicner, ENTITY_TYPES, root),
        "ner-uk": Dataset("ner-uk", "ner-uk", read_ner_uk, ENTITY_TYPES, root),
        "factrueval": Dataset("factrueval", "factrueval2016", read_factrueval, ("PER", "ORG", "LOC"), root),
        "wikievents": Dataset("wikievents", "wikievents", read_wikievents, ENTITY_TYPES, root),
    }
    return tuple(table[name] for name in chosen)
