"""An Obsidian vault: a note per actor, event, story and article, linked with wikilinks.

Front matter follows the clipper conventions of our sample notes (wikilinks quoted as
``'[[…]]'``, ISO dates, tags). Every note we write carries ``backchannel-id`` in its front
matter; a re-export overwrites, renames or deletes only notes that carry it, and never takes a
file name that a note of the user's already has (anywhere in the vault, ignoring case).
While no events are consolidated, each contact report stands as an event of its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from backchannel.errors import InputError
from backchannel.export.base import Target
from backchannel.export.codes import kind_code
from backchannel.export.dataset import ExportData, Record, contact_events, event_date, event_parties, party_id
from backchannel.export.names import NameAllocator

MARK = "backchannel-id"
FOLDERS = {"actor": "Actors", "event": "Events", "story": "Stories", "article": "Articles"}
HEAD_LIMIT = 65536
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MARK_LINE = re.compile(r"^backchannel-id:(.*)$", re.MULTILINE)
SECTIONS = (("asserted", "Claims"), ("denied", "Denials"), ("hypothetical", "Plans, proposals and expectations"))


@dataclass(frozen=True, slots=True)
class Note:
    key: str
    """``actor:…``, ``event:…``, ``story:…`` or ``article:…``: what ``backchannel-id`` holds."""
    folder: str
    stem: str
    front: Mapping[str, Any]
    body: str

    def render(self) -> str:
        front = yaml.dump(dict(self.front), Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{front}---\n\n{self.body.rstrip()}\n"


def read_mark(path: Path) -> str | None:
    """The ``backchannel-id`` of a note's front matter; None for a note we did not write."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(HEAD_LIMIT)
    except OSError:
        return None
    if not head.startswith("---\n"):
        return None
    end = head.find("\n---", 4)
    found = MARK_LINE.search(head, 4, end) if end > 0 else None
    if found is None:
        return None
    try:
        mark = yaml.load(found.group(1), Loader=LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    return mark if isinstance(mark, str) else None


def scan(vault: Path) -> tuple[dict[str, Path], set[str]]:
    """Our notes by key, and the stems of every other file (which we must not take)."""
    ours: dict[str, Path] = {}
    taken: set[str] = set()
    for path in sorted(vault.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(vault).parts) or path.is_dir():
            continue
        key = read_mark(path) if path.suffix == ".md" and not path.is_symlink() else None
        if key is None or key in ours:
            taken.add(path.stem if path.suffix == ".md" else path.name)
        else:
            ours[key] = path
    return ours, taken


def escape(text: str) -> str:
    """Text that cannot open a wikilink or embed (quotes and article bodies are not ours to link): a
    zero-width space splits ``[[`` and ``]]`` (a backslash escape is not honoured by every reader)."""
    return text.replace("[[", "[\u200b[").replace("]]", "]\u200b]")


def source_stem(source_path: str) -> str:
    """``a/b/wire.jsonl#2`` → ``wire#2``; ``notes/x.txt`` → ``x``."""
    name = source_path.rsplit("/", 1)[-1]
    base, _, record = name.partition("#")
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    return f"{stem}#{record}" if record else stem


class Builder:
    """Builds every note of one export (pure: data and the names already taken → notes)."""

    def __init__(self, data: ExportData, taken: Iterable[str]) -> None:
        self.data = data
        self.names = NameAllocator(taken)
        self.events = contact_events(data)
        self.reports = data.report_index()
        self.actors = data.actor_index()
        self.articles = data.article_index()
        self.story_of: dict[str, list[str]] = defaultdict(list)
        for s in data.stories:
            for a in s["articles"]:
                self.story_of[a["id"]].append(str(s["story_id"]))
        self.events_of_actor: dict[str, list[Record]] = defaultdict(list)
        self.events_of_article: dict[str, list[Record]] = defaultdict(list)
        for e in self.events:
            for actor_id in event_parties(e):
                self.events_of_actor[actor_id].append(e)
            for art_id in dict.fromkeys(str(self.reports[r]["article"]["id"]) for r in e["reports"] if r in self.reports):
                self.events_of_article[art_id].append(e)
        for a in data.actors:
            self.names.allocate("actor:" + a.id, a.name)
        for e in self.events:
            self.names.allocate("event:" + str(e["event_id"]), self._event_title(e))
        for s in data.stories:
            self.names.allocate("story:" + str(s["story_id"]), str(s.get("title") or "Story " + str(s["story_id"])))
        for art in data.articles:
            self.names.allocate("article:" + art.id, art.title or source_stem(art.source_path))

    def link(self, key: str) -> str:
        stem = self.names.stems.get(key)
        return f"[[{stem}]]" if stem else escape(key.split(":", 1)[-1])

    def actor_link(self, party: Record) -> str:
        return self.link("actor:" + party_id(party))

    def _event_title(self, e: Record) -> str:
        names = ", ".join(str(p.get("name") or "?") for p in e.get("participants") or ())
        return f"{event_date(e) or 'undated'} {e['kind']} – {names}"

    def note(self, key: str, front: dict[str, Any], body: str) -> Note:
        kind = key.split(":", 1)[0]
        return Note(key, FOLDERS[kind], self.names.stems[key], {MARK: key, "type": kind, **front}, body)

    def notes(self) -> Iterator[Note]:
        for a in self.data.actors:
            yield self.actor_note(a.id)
        for e in self.events:
            yield self.event_note(e)
        for s in self.data.stories:
            yield self.story_note(s)
        for art in self.data.articles:
            yield self.article_note(art.id)

    # --- actors ---------------------------------------------------------------------------
    def actor_note(self, actor_id: str) -> Note:
        a = self.actors[actor_id]
        mine = self.events_of_actor.get(actor_id, [])
        by_other: dict[str, list[Record]] = defaultdict(list)
        for e in mine:
            for other in event_parties(e):
                if other != actor_id:
                    by_other[other].append(e)
        lines = [f"# {escape(a.name)}", "", f"**Type:** {a.type}"
                 + (f" · **Wikidata:** [{a.qid}](https://www.wikidata.org/wiki/{a.qid})" if a.qid else ""), ""]
        by_lang: dict[str, list[str]] = defaultdict(list)
        for lang, name in a.names:
            by_lang[lang].append(escape(name))
        if by_lang:
            lines += ["## Names", *(f"- {lang}: {', '.join(ns)}" for lang, ns in by_lang.items()), ""]
        if a.offices:
            lines += ["## Offices", *(f"- {escape(o.title or o.role)} ({o.role}, {o.of})"
                                      f"{' from ' + o.start if o.start else ''}{' to ' + o.end if o.end else ''}"
                                      for o in a.offices), ""]
        lines += ["## Contacts", "", "| With | Events | Kinds | First | Last | Statuses |", "|---|---|---|---|---|---|"]
        for other, found in sorted(by_other.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            dates = sorted(d for d in (event_date(e) for e in found) if d)
            lines.append(f"| {self.link('actor:' + other)} | {len(found)} | "
                         f"{', '.join(sorted({str(e['kind']) for e in found}))} | {dates[0] if dates else ''} | "
                         f"{dates[-1] if dates else ''} | {', '.join(sorted({str(e['status']) for e in found}))} |")
        lines += ["", "## Timeline", ""]
        for e in sorted(mine, key=lambda e: (event_date(e) or "9999", str(e["event_id"]))):
            others = ", ".join(self.link("actor:" + o) for o in event_parties(e) if o != actor_id)
            lines.append(f"- {event_date(e) or 'undated'} · {e['kind']} ({e['status']}) with {others or '—'}: "
                         f"{self.link('event:' + str(e['event_id']))}")
        front = {"name": a.name, "aliases": list(a.aliases), "entity-type": a.type, "wikidata": a.qid,
                 "offices": [o.title or o.role for o in a.offices],
                 "contacts": [self.link("actor:" + o) for o in sorted(by_other)],
                 "tags": ["backchannel/actor", f"backchannel/{a.type.lower()}"]}
        return self.note("actor:" + actor_id, {k: v for k, v in front.items() if v}, "\n".join(lines))

    # --- events ---------------------------------------------------------------------------
    def _report_lines(self, report: Record) -> list[str]:
        art = report.get("article") or {}
        sources = ", ".join(self.actor_link(s) for s in report.get("according_to") or ())
        head = (f"- {self.link('article:' + str(art.get('id')))} ({escape(str(art.get('outlet') or 'unknown outlet'))}"
                f", {art.get('published') or 'undated'})" + (f", according to {sources}" if sources else "") + ":")
        quote = escape(" ".join(str((report.get("evidence") or {}).get("text") or "").split()))
        return [head, f"  > {quote}"]

    def event_note(self, e: Record) -> Note:
        key = "event:" + str(e["event_id"])
        code = kind_code(str(e["kind"]))
        when = e.get("when") or {}
        reports = [self.reports[r] for r in e["reports"] if r in self.reports]
        parties = [self.actor_link(p) for p in e.get("participants") or ()]
        articles = list(dict.fromkeys(self.link("article:" + str(r["article"]["id"])) for r in reports))
        lines = [f"# {escape(self.names.stems[key])}", "",
                 f"**Kind:** {e['kind']} (CAMEO {code.cameo}) · **Status:** {e['status']} · "
                 f"**When:** {when.get('start') or 'unknown'}" + (f" – {when['end']}" if when.get("end") and when.get("end") != when.get("start") else ""),
                 "", f"**Participants:** {', '.join(parties)}"]
        places = list(dict.fromkeys(self.actor_link(r["where"]) for r in reports if r.get("where")))
        lines += [f"**Where:** {', '.join(places)}", ""] if places else [""]
        for polarity, title in SECTIONS:
            found = [r for r in reports if r["polarity"] == polarity]
            if found:
                lines += [f"## {title}", ""] + [x for r in found for x in self._report_lines(r)] + [""]
        stories = sorted({s for r in reports for s in self.story_of.get(str(r["article"]["id"]), ())})
        front = {"kind": e["kind"], "cameo": code.cameo, "status": e["status"], "start": when.get("start"),
                 "end": when.get("end"), "participants": parties, "articles": articles,
                 "stories": [self.link("story:" + s) for s in stories], "outlets": list(e.get("outlets") or ()),
                 "first-reported": e.get("first_reported"), "reports": len(e["reports"]),
                 "tags": ["backchannel/event", f"backchannel/kind/{e['kind']}", f"backchannel/status/{e['status']}"]}
        return self.note(key, {k: v for k, v in front.items() if v not in (None, [], "")}, "\n".join(lines))

    # --- stories and articles -------------------------------------------------------------
    def story_note(self, s: Record) -> Note:
        key = "story:" + str(s["story_id"])
        arts = [self.link("article:" + str(a["id"])) for a in s["articles"]]
        lines = [f"# {escape(str(s.get('title') or self.names.stems[key]))}", "", "## Articles", "",
                 *(f"- {link} ({a.get('language') or '?'})" for link, a in zip(arts, s["articles"], strict=True))]
        front = {"title": s.get("title"), "languages": list(s.get("languages") or ()),
                 "first-published": s.get("first_published"), "articles": arts, "tags": ["backchannel/story"]}
        return self.note(key, {k: v for k, v in front.items() if v}, "\n".join(lines))

    def article_note(self, article_id: str) -> Note:
        art = self.articles[article_id]
        key = "article:" + article_id
        in_events = self.events_of_article.get(article_id, [])
        lines = [f"# {escape(art.title or self.names.stems[key])}", ""]
        if in_events:
            lines += ["## Contacts reported here", "",
                      *(f"- {self.link('event:' + str(e['event_id']))}" for e in in_events), ""]
        lines += ["## Text", "", escape(art.text)]
        front = {"title": art.title, "url": art.url, "publication": art.outlet, "published": art.published,
                 "author": art.author, "language": art.language, "source-path": art.source_path,
                 "stories": [self.link("story:" + s) for s in self.story_of.get(article_id, ())],
                 "events": [self.link("event:" + str(e["event_id"])) for e in in_events],
                 "tags": ["backchannel/article", f"lang/{art.language}"]}
        return self.note(key, {k: v for k, v in front.items() if v}, "\n".join(lines))


def _inside(vault: Path, path: Path) -> bool:
    return path.resolve().is_relative_to(vault.resolve())


def _same(path: Path, content: bytes) -> bool:
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def write_vault(vault: Path, notes: Sequence[Note], ours: Mapping[str, Path]) -> int:
    """Write the notes; delete our notes that were renamed or are no longer exported."""
    written: set[Path] = set()
    for note in notes:
        path = vault / note.folder / f"{note.stem}.md"
        if not _inside(vault, path) or path.is_symlink():
            raise InputError(f"{path}: refusing to write outside the vault or through a link")
        path.parent.mkdir(parents=True, exist_ok=True)
        content = note.render().encode("utf-8")
        if not _same(path, content):  # an unchanged note keeps its file (and its mtime, for sync tools)
            path.write_bytes(content)
        written.add(path)
    for old in ours.values():
        if old not in written and _inside(vault, old) and not old.is_symlink():
            old.unlink(missing_ok=True)
    return len(written)


class ObsidianExporter:
    target: Target = "folder"

    def export(self, data: ExportData, path: Path) -> int:
        if path.exists() and not path.is_dir():
            raise InputError(f"{path}: not a folder", "give the vault's folder (it is created when missing)")
        path.mkdir(parents=True, exist_ok=True)
        ours, taken = scan(path)
        notes = list(Builder(data, taken).notes())
        return write_vault(path, notes, ours)
