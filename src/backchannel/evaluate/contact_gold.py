"""Contact gold from the evaluation sets in ``../shared/data/eval``, in the CONTRACT.md format.

Each reader is pure: it takes the data root and returns :class:`ContactGold` — the documents
(key, text, language) to ingest, the gold lines (``{"doc", "contacts": [{"between", "polarity",
"accept_polarity", "optional"}]}``) and the entity alias map (canonical name → aliases) that
``eval contacts`` scores against. Every document of the chosen split is in the gold, with an
empty contact list where the dataset marks none, so spurious reports count against precision.
Nothing of the texts is copied into the repository.

Decisions (one place, so the scores can be read against them):

* **factRuEval-2016** ``Meeting`` facts (devset and testset pooled, 254 documents, then split in
  two by a hash of the document id: ``dev`` for tuning, ``test`` for reporting). Every pair of a
  fact's participants is one gold pair. An entity's aliases are the surface forms of its object
  mentions and its nominative name from the ``.coref`` keys (surname; first name + surname;
  full name; ``name`` for organisations and places). Polarity from ``Модальность``:
  ``отрицание`` → denied, ``будущее``/``возможность`` → hypothetical, otherwise asserted.
  A Meeting is people meeting or talking: reports of kind ``message`` or ``request`` (a letter,
  an invitation) are left out of this dataset's scoring.
* **WikiEvents** (``*_info.jsonl``: each argument points at its most informative mention):
  events whose type ends in ``.Meet`` or ``.Correspondence`` (Contact.Contact.Meet, …, and
  RequestCommand.Meet, ThreatenCoerce.Correspondence …: a request or threat made in a meeting
  or a letter is a contact between the two sides). ``Contact.Contact.Unspecified`` and
  ``.Broadcast`` are statements ("said", "declared") or public addresses and do not count.
  Participants are the ``Participant`` arguments; a pair with a non-name argument ("leaders")
  is optional (a name-level scorer cannot match it). The text is rebuilt one sentence a line from
  the ``sentences`` field (the ``text`` field runs sentences together without a space).
* **RAMS** (one trigger per five-sentence window): ``contact.*.meet`` and
  ``contact.*.correspondence`` except funeral/vigil, media statement and public statement; plus
  ``contact.discussion.n/a`` and ``contact.negotiate.n/a`` (talks with the medium unsaid).
  ``*.broadcast`` (speeches, press) is not a contact. Participants are the participant,
  communicator and recipient arguments. ``contact.prevarication.*`` (lying or denying) is a
  statement about something else, not a refused contact, so it is not mapped to ``denied``.
* **seeds** (``../shared/data/seeds`` with ``../shared/data/gold/seeds.*``): the files are ingested
  as they are; the gold is already in the CONTRACT format.
* The English sets carry no modality: every gold pair accepts any polarity and their polarity
  accuracy is not reported.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from backchannel.evaluate.contacts import fold
from backchannel.evaluate.gold import read_text

POLARITIES = ("asserted", "denied", "hypothetical")


@dataclass(frozen=True, slots=True)
class ContactDoc:
    key: str
    """The file name (no extension) the document is ingested under; gold lines use it."""
    text: str
    lang: str


@dataclass(slots=True)
class ContactGold:
    """A dataset's documents, gold lines and alias map, ready for ``eval contacts``."""

    name: str
    docs: list[ContactDoc] = field(default_factory=list)
    gold: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, list[str]] = field(default_factory=dict)
    polarity_scored: bool = True
    kinds: frozenset[str] | None = None
    """The report kinds the dataset's event type covers (None: all); other reports are not scored."""
    paths: list[Path] = field(default_factory=list)
    """Files to ingest as they are (the seeds keep their metadata headers), besides ``docs``."""
    _owner: dict[str, str] = field(default_factory=dict)
    """Folded alias → canonical name: an entity sharing an alias with a known one is that one
    (the scorer resolves an alias to one entity, so two entities must never share one)."""

    def add_doc(self, doc: ContactDoc, contacts: list[dict[str, Any]]) -> None:
        """A document and its gold contacts (a pair named by two facts of the same polarity is one
        unit of the score, so it is kept once)."""
        unique = {(tuple(c["between"]), c["polarity"], c["optional"]): c for c in contacts}
        self.docs.append(doc)
        self.gold.append({"doc": doc.key, "contacts": list(unique.values())})

    def add_entity(self, canonical: str, aliases: Iterable[str]) -> str:
        names = [n for n in (" ".join(a.split()) for a in [canonical, *aliases]) if n]
        canonical = next((self._owner[fold(n)] for n in names if fold(n) in self._owner), canonical)
        known = self.entities.setdefault(canonical, [])
        for name in names:
            self._owner.setdefault(fold(name), canonical)
            if name not in known:
                known.append(name)
        return canonical


def in_split(key: str, split: str | None) -> bool:
    """A deterministic half of the documents: ``dev`` or ``test`` by a hash of the key."""
    if split is None:
        return True
    even = int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0
    return even if split == "dev" else not even


def contact(between: Iterable[str], polarity: str = "asserted", accept: Iterable[str] = (),
            optional: bool = False) -> dict[str, Any]:
    return {"between": sorted(between), "polarity": polarity,
            "accept_polarity": sorted({polarity, *accept}), "optional": optional}


def pairs(names: Iterable[str]) -> Iterator[tuple[str, str]]:
    return combinations(sorted(set(names)), 2)


# --- factRuEval-2016 -----------------------------------------------------------------------

FACTRU_KINDS = frozenset({"meeting", "talks", "visit", "call", "contact"})
"""A Meeting fact is people meeting or talking; a letter or a request alone is not one."""
_MODALITY = {"отрицание": "denied", "будущее": "hypothetical", "возможность": "hypothetical"}


@dataclass(frozen=True, slots=True)
class _FactruObject:
    mentions: tuple[str, ...]
    names: dict[str, list[str]]


def _blocks(text: str) -> Iterator[list[str]]:
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines:
            yield lines


def _coref(text: str) -> dict[str, _FactruObject]:
    objects: dict[str, _FactruObject] = {}
    for lines in _blocks(text):
        head = lines[0].split()
        names: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, _, value = line.partition(" ")
            names.setdefault(key.rstrip("0123456789"), []).append(value.strip())
        objects[head[0]] = _FactruObject(tuple(head[1:]), names)
    return objects


def _nominative(names: dict[str, list[str]]) -> list[str]:
    first, last = names.get("firstname", [])[:1], names.get("lastname", [])[:1]
    middle = names.get("patronymic", [])[:1]
    found = [*names.get("name", []), *names.get("nickname", []), *last]
    firsts = " ".join(names.get("firstname", []))
    if first and last:
        found += [f"{first[0]} {last[0]}", f"{last[0]} {first[0]}", f"{firsts} {last[0]}", f"{last[0]} {firsts}"]
        if middle:
            found.append(f"{first[0]} {middle[0]} {last[0]}")
    return found


def _surfaces(base: Path, text: str) -> dict[str, str]:
    """Object mention id → its surface text (its spans, text order, duplicates dropped)."""
    spans: dict[str, tuple[int, int]] = {}
    for line in read_text(base.with_suffix(".spans")).splitlines():
        f = line.partition("#")[0].split()
        if len(f) >= 4:
            spans[f[0]] = (int(f[2]), int(f[2]) + int(f[3]))
    found: dict[str, str] = {}
    for line in read_text(base.with_suffix(".objects")).splitlines():
        f = line.partition("#")[0].split()
        parts = sorted({spans[s] for s in f[2:] if s in spans})
        if parts:
            found[f[0]] = " ".join(text[s:e] for s, e in parts)
    return found


def _meetings(facts: str) -> Iterator[tuple[list[str], str]]:
    """(participant object ids, polarity) of each Meeting fact."""
    for lines in _blocks(facts):
        if lines[0].split()[-1] != "Meeting":
            continue
        ids = [line.split()[1] for line in lines[1:] if line.startswith("Participant ") and len(line.split()) > 1]
        modality = next((line.split(" ", 1)[1].strip() for line in lines if line.startswith("Модальность ")), "")
        yield [i.removeprefix("obj") for i in ids], _MODALITY.get(modality, "asserted")


def _factru_entity(gold: ContactGold, obj: _FactruObject, surfaces: dict[str, str]) -> str:
    nominative = _nominative(obj.names)
    aliases = [*nominative, *(surfaces[m] for m in obj.mentions if m in surfaces)]
    canonical = (nominative[0] if nominative else aliases[0]) if aliases else "?"
    if obj.names.get("firstname") and obj.names.get("lastname"):
        canonical = f"{obj.names['firstname'][0]} {obj.names['lastname'][0]}"
    return gold.add_entity(canonical, aliases)


def read_factru_meetings(root: Path, split: str | None = None) -> ContactGold:
    gold = ContactGold("factru-meeting", kinds=FACTRU_KINDS)
    folder = root / "factrueval2016"
    for facts in sorted(folder.glob("*set/*.facts")):
        base = facts.with_suffix("")
        if not (base.with_suffix(".txt").is_file() and in_split(base.name, split)):
            continue
        text = read_text(base.with_suffix(".txt"))
        objects = _coref(read_text(base.with_suffix(".coref")))
        surfaces = _surfaces(base, text)
        items = []
        for ids, polarity in _meetings(read_text(facts)):
            names = [_factru_entity(gold, objects[i], surfaces) for i in ids if i in objects]
            items += [contact(p, polarity) for p in pairs(names)]
        gold.add_doc(ContactDoc(base.name, text, "ru"), items)
    return gold


# --- English event sets ----------------------------------------------------------------------

_ARTICLES = ("the ", "The ", "a ", "A ", "an ", "An ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Mr ", "Mrs ", "Ms ", "Dr ")
_LOWER_OK = frozenset("of and for de al bin ibn van von la le on in".split())
_PRONOUNS = frozenset("he she they it we i you him her them us his their its who".split())


def name_like(text: str) -> str | None:
    """The mention as a name ("the Kremlin" → "Kremlin"), or None for a nominal or pronoun."""
    for article in _ARTICLES:
        text = text.removeprefix(article)
    words = text.split()
    if not words or text.lower() in _PRONOUNS:
        return None
    if all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _LOWER_OK for w in words) and words[0][:1].isupper():
        return text
    return None


def english_aliases(name: str) -> list[str]:
    """A name and, for a two- or three-word person-like name, its last word ("Putin")."""
    words = name.split()
    aliases = [name]
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
        aliases.append(words[-1])
    return aliases


def _english_contact(gold: ContactGold, mentions: list[str]) -> list[dict[str, Any]]:
    """Gold pairs of one event's participant mentions; a pair with a non-name is optional."""
    names = [(m, name_like(m)) for m in mentions]
    keyed = []
    for surface, name in names:
        if name:
            keyed.append((gold.add_entity(name, english_aliases(name)), True))
        else:
            keyed.append((f"?{surface}", False))
    items = []
    for (a, a_name), (b, b_name) in combinations(sorted(set(keyed)), 2):
        if a != b:
            items.append(contact((a, b), "asserted", POLARITIES, optional=not (a_name and b_name)))
    return items


def _wikievents_contact(event_type: str) -> bool:
    return event_type.startswith("Contact.") and event_type.rsplit(".", 1)[-1] in ("Meet", "Correspondence")


def _json_lines(root: Path, name: str, split: str | None) -> Iterator[dict[str, Any]]:
    """The records of a dataset's ``dev``/``test`` JSON-lines files (``name`` has ``{part}``)."""
    for part in ("dev", "test") if split is None else (split,):
        path = root / name.format(part=part)
        if path.is_file():
            for line in read_text(path).splitlines():
                if line.strip():
                    yield json.loads(line)


def read_wikievents_contacts(root: Path, split: str | None = None) -> ContactGold:
    gold = ContactGold("wikievents", polarity_scored=False)
    for record in _json_lines(root, "wikievents/{part}_info.jsonl", split):
        mentions = {m["id"]: str(m["text"]) for m in record["entity_mentions"]}
        items = []
        for event in record["event_mentions"]:
            if _wikievents_contact(str(event["event_type"])):
                who = [mentions[a["entity_id"]] for a in event["arguments"]
                       if a["role"] == "Participant" and a["entity_id"] in mentions]
                items += _english_contact(gold, who)
        # its "text" runs sentences together ("…last night.Mr Whitelaw …"): one sentence a line
        text = "\n".join(str(sentence[1]) for sentence in record.get("sentences", [])) or str(record["text"])
        gold.add_doc(ContactDoc(str(record["doc_id"]), text, "en"), items)
    return gold


_RAMS_ROLES = frozenset({"participant", "communicator", "recipient"})
_RAMS_NOT_CONTACT = frozenset({"funeralvigil", "mediastatement", "publicstatementinperson"})
_DETOKENISE = re.compile(r" (?=[,.;:!?%)\]'’]|n't|'s)|(?<=[(\[$]) ")


def rams_is_contact(event_type: str) -> bool:
    top, kind, medium = (event_type.split(".") + ["", ""])[:3]
    if top != "contact" or kind in _RAMS_NOT_CONTACT:
        return False
    return medium in ("meet", "correspondence") or (medium == "n/a" and kind in ("discussion", "negotiate"))


def detokenise(tokens: list[str]) -> str:
    return _DETOKENISE.sub("", " ".join(tokens))


def read_rams_contacts(root: Path, split: str | None = None) -> ContactGold:
    gold = ContactGold("rams", polarity_scored=False)
    for record in _json_lines(root, "rams/{part}.jsonlines", split):
        tokens = [t for sentence in record["sentences"] for t in sentence]
        items = []
        if any(rams_is_contact(t[0]) for trigger in record["evt_triggers"] for t in trigger[2]):
            who = [detokenise(tokens[s : e + 1]) for s, e, roles in record["ent_spans"]
                   if any(re.sub(r"^evt\d+arg\d+", "", r[0]) in _RAMS_ROLES for r in roles)]
            items = _english_contact(gold, who)
        text = "\n".join(detokenise(s) for s in record["sentences"])
        gold.add_doc(ContactDoc(str(record["doc_key"]), text, "en"), items)
    return gold


# --- seeds -----------------------------------------------------------------------------------


def read_seed_contacts(root: Path, split: str | None = None) -> ContactGold:
    """``root`` is the ``eval`` folder; the seeds and their gold lie beside it."""
    gold = ContactGold("seeds")
    data = root.parent
    lines = data / "gold" / "seeds.contacts.jsonl"
    if not lines.is_file():
        return gold
    for line in read_text(lines).splitlines():
        record = json.loads(line) if line.strip() else None
        if record and in_split(Path(str(record["doc"])).stem, split):
            gold.gold.append(record)
            gold.paths.append(data / "seeds" / str(record["doc"]))
    gold.entities = {str(k): [str(a) for a in v] for k, v in json.loads(read_text(data / "gold" / "seeds.entities.json")).items()}
    return gold


READERS = {
    "factru-meeting": read_factru_meetings,
    "wikievents": read_wikievents_contacts,
    "rams": read_rams_contacts,
    "seeds": read_seed_contacts,
}
