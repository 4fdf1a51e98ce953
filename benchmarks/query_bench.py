"""`make bench` (queries): latency of `contacts` and `actor` on a store of 100,000+ articles, and the
cost of adding a batch of 1,000 articles through the real pipeline to stores of 10k and 100k.

How the store is scaled up (documented in benchmarks/results/queries.md too): the knowledge base's
people become entities (with all their names, as linking creates them); synthetic articles are
bulk-inserted in chunks of 1,000 — each a short Russian text of three contact sentences between
actors drawn from a Zipf distribution (so a few actors are as prominent as Putin is in the
news), with publication dates spread over 2015–2025, 200 outlets, 30 cited sources, times of day
or month precision or none, 85 % asserted / 10 % hypothetical / 5 % denied — with their reports,
report participants and mentions rows, and after each chunk the real incremental event
consolidation (``update_events``) runs, exactly as ingest runs it. The batch cost is measured
with the real pipeline and the default settings (clean → store → NER → linking → contacts →
events → stories, whose sentence embeddings take most of it) on 1,000 articles made by
replicating our sample corpus (examples/corpus) under new source keys. Queries go
through the library the CLI calls (``backchannel.query``), with actor names as users type them
(names in ru/uk/en and inflected forms).

Usage: python benchmarks/query_bench.py [--articles 100000]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from backchannel import pipeline, query
from backchannel.config import Settings
from backchannel.consolidate.linking import ensure_kb_entity
from backchannel.kb import load_kb
from backchannel.model import RawDocument, article_id, sha256_hex
from backchannel.store.events import update_events
from backchannel.store.schema import articles, mentions, report_participants, reports
from backchannel.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
CHUNK = 1000
DENSITY_NOTE = (
    "The synthetic chunks' consolidation grows with the density of events per actor pair per week: their dates are spread over a fixed eleven years, so ten times the articles is ten times the events of the same hot pair in the same week, each of which a new report of that pair must be compared with. The real batch, whose pairs and dates do not get denser with the store, shows the cost that depends on the store's size."
)
START = date(2015, 1, 1)
DAYS = (date(2025, 12, 31) - START).days
SENTENCES = {
    "call": "{a} провел телефонный разговор с {b}.",
    "meeting": "{a} встретился с {b} в столице.",
    "talks": "{a} и {b} провели переговоры.",
    "visit": "{a} посетил {b} с визитом.",
    "message": "{a} направил письмо {b}.",
    "contact": "{a} поддерживает контакты с {b}.",
}


class Synth:
    """Generates synthetic articles with their reports, participants and mentions rows."""

    def __init__(self, people: Sequence[tuple[str, str]], seed: int = 7) -> None:
        self.people = list(people)
        self.rng = random.Random(seed)
        self.weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.people))]
        self.now = datetime.now(UTC)

    def pair(self) -> tuple[tuple[str, str], tuple[str, str]]:
        while True:
            a, b = self.rng.choices(self.people, self.weights, k=2)
            if a != b:
                return a, b

    def article(self, n: int) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        rng = self.rng
        day = START + timedelta(days=rng.randrange(DAYS))
        key = f"synthetic://{n}"
        text_parts: list[str] = []
        rows: list[dict[str, Any]] = []
        parts: list[dict[str, Any]] = []
        ments: list[dict[str, Any]] = []
        offset = 0
        aid = article_id(key, sha256_hex(key.encode()))
        for i in range(1, 4):
            (a_id, a_name), (b_id, b_name) = self.pair()
            kind = rng.choice(list(SENTENCES))
            sentence = SENTENCES[kind].format(a=a_name, b=b_name)
            polarity = rng.choices(("asserted", "hypothetical", "denied"), (85, 10, 5))[0]
            roll = rng.random()
            when = (day - timedelta(days=rng.randrange(3))).isoformat() if roll < 0.5 else (
                day.isoformat()[:7] if roll < 0.7 else None)
            source = [{"entity_id": None, "name": f"Источник {rng.randrange(30)}"}] if rng.random() < 0.5 else []
            rid = f"{aid}-{i}"
            rows.append({
                "id": rid, "article_id": aid, "kind": kind, "polarity": polarity, "confidence": 0.8, "cue": kind,
                "evidence_start": offset, "evidence_end": offset + len(sentence), "when_text": when, "when_start": when,
                "when_end": when, "when_precision": ("day" if when and len(when) == 10 else "month") if when else None,
                "where_name": None, "where_entity_id": None,
                "participants": [{"entity_id": a_id, "name": a_name, "role": "initiator"},
                                 {"entity_id": b_id, "name": b_name, "role": "recipient"}],
                "according_to": source,
            })
            parts += [{"report_id": rid, "entity_id": a_id, "role": "initiator"},
                      {"report_id": rid, "entity_id": b_id, "role": "recipient"}]
            b_at = sentence.index(b_name)
            for cluster, (eid, name, at) in enumerate(((a_id, a_name, 0), (b_id, b_name, b_at)), 2 * i):
                ments.append({"article_id": aid, "start": offset + at, "end": offset + at + len(name), "surface": name,
                              "base": name, "type": "PER", "cluster": cluster, "entity_id": eid,
                              "role": "президент" if rng.random() < 0.1 else None})
            text_parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(text_parts)
        article = {
            "id": aid, "source_key": key, "source_path": key, "version": 1, "is_current": True,
            "raw_sha256": sha256_hex(key.encode()), "raw_size": len(text.encode()), "format": "text",
            "title": text_parts[0], "outlet": f"Издание {rng.randrange(200)}", "url": None, "author": None,
            "published": day.isoformat(), "language": "ru", "language_declared": None, "warnings": [], "meta": {},
            "languages": [], "text": text, "ingested_at": self.now, "run_id": None,
        }
        return article, rows, parts, ments


def fill(ws: Workspace, synth: Synth, start: int, stop: int) -> list[float]:
    """Insert synthetic articles ``start..stop`` in chunks; returns event-consolidation seconds per chunk."""
    timings: list[float] = []
    for first in range(start, stop, CHUNK):
        batch = [synth.article(n) for n in range(first, min(stop, first + CHUNK))]
        with ws.store.batch(None) as b:
            c: Connection = b.entities.c
            c.execute(insert(articles), [a for a, *_ in batch])
            c.execute(insert(reports), [r for _, rows, _, _ in batch for r in rows])
            c.execute(insert(report_participants), [p for _, _, parts, _ in batch for p in parts])
            c.execute(insert(mentions), [m for *_, ments in batch for m in ments])
            started = time.perf_counter()
            update_events(c, [a["id"] for a, *_ in batch])
            timings.append(time.perf_counter() - started)
    return timings


def corpus_batch(ws: Workspace, tag: str, size: int = 1000) -> list[RawDocument]:
    """``size`` documents: our sample corpus replicated under new source keys."""
    from backchannel.ingest import read_inputs

    base = [d for d in read_inputs([str(REPO / "examples" / "corpus")], ws.settings) if isinstance(d, RawDocument)]
    return [replace(d, source_key=f"{d.source_key}~{tag}{k}", source_path=f"{d.source_path}~{tag}{k}")
            for k in range(size // len(base) + 1) for d in base][:size]


def add_batch(ws: Workspace, tag: str) -> dict[str, float]:
    docs = corpus_batch(ws, tag)
    settings = replace(ws.settings, batch_size=len(docs))
    started = time.perf_counter()
    summary = pipeline.ingest(ws.store, docs, settings, analyzer=ws.analyzer)
    seconds = time.perf_counter() - started
    return {"articles": summary.ingested, "seconds": round(seconds, 2),
            "ms_per_article": round(seconds * 1000 / max(1, summary.ingested), 2)}


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2), "queries": len(ordered)}


def refs(people: Sequence[tuple[str, str]], names: dict[str, list[str]], synth: Synth, n: int) -> list[str]:
    """Actor references as users type them: names in any language, some inflected (genitive)."""
    out: list[str] = []
    for _ in range(n):
        (eid, _name), = synth.rng.choices(people, synth.weights, k=1)
        choice = synth.rng.choice(names.get(eid) or [eid])
        if synth.rng.random() < 0.2 and choice[-1:] in "нвкрлмт":
            choice += "а"  # "Путина", "Лаврова"
        out.append(choice)
    return out


def measure_queries(ws: Workspace, people: Sequence[tuple[str, str]], names: dict[str, list[str]],
                    synth: Synth, n: int = 300) -> dict[str, Any]:
    results: dict[str, Any] = {}
    cases = {
        "contacts ACTOR": lambda r, o: query.contacts(ws.store, r, limit=100),
        "contacts ACTOR --with ACTOR": lambda r, o: query.contacts(ws.store, r, o, limit=100),
        "contacts ACTOR --since --kind --status": lambda r, o: query.contacts(
            ws.store, r, since="2020", kind="call", status="confirmed", limit=100),
        "actor ACTOR": lambda r, o: query.actor(ws.store, r),
        "timeline ACTOR": lambda r, o: query.timeline(ws.store, r, limit=100),
    }
    for label, run in cases.items():
        samples: list[float] = []
        for ref, other in zip(refs(people, names, synth, n), refs(people, names, synth, n), strict=True):
            started = time.perf_counter()
            try:
                run(ref, other)
            except Exception as exc:  # noqa: BLE001 - an unresolvable made-up inflection is a miss, timed all the same
                if exc.__class__.__name__ != "UsageError":
                    raise
            samples.append(time.perf_counter() - started)
        results[label] = percentiles(samples)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", metavar="FILE", help="Keep a copy of the large store here (for profiling).")
    args = parser.parse_args(argv)
    kb = load_kb()
    actors = [a for a in kb.actors if a.type == "PER"]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        ws = Workspace.open(Settings(db=str(db)))
        with ws.store.batch(None) as b:
            people = [(ensure_kb_entity(b.entities, a), a.display_name) for a in actors]
            names = {eid: [n for _, n in b.entities.names(eid)] for eid, _ in people}
        synth = Synth(people)
        _ = ws.analyzer.models, ws.analyzer.index  # models load outside the timed batches
        started = time.perf_counter()
        small = min(10_000, args.articles)
        fill_small = fill(ws, synth, 0, small)
        analyzer = ws.analyzer
        ws.close()
        for suffix in ("", "-wal"):
            if Path(f"{db}{suffix}").exists():
                shutil.copy(f"{db}{suffix}", Path(tmp) / f"small.db{suffix}")
        ws = Workspace.open(Settings(db=str(db)))
        ws.analyzer = analyzer
        fill_large = fill(ws, synth, small, args.articles)
        build_seconds = time.perf_counter() - started
        counts = ws.store.counts()
        latencies = measure_queries(ws, people, names, synth)
        large_batch = add_batch(ws, "large")
        ws.close()
        if args.keep:
            shutil.copy(db, args.keep)
        small_ws = Workspace.open(Settings(db=str(Path(tmp) / "small.db")))
        small_ws.analyzer = analyzer
        small_batch = add_batch(small_ws, "small")
        small_ws.close()
    ratio = large_batch["seconds"] / small_batch["seconds"] if small_batch["seconds"] else None
    result = {
        "machine": f"{platform.machine()} · Python {sys.version.split()[0]} · {platform.system()}",
        "store_articles": counts["articles"],
        "build_seconds": round(build_seconds, 1),
        "synthetic_event_update_ms_per_1000": {
            "first_10_chunks_median": round(statistics.median(fill_small[:10]) * 1000, 1),
            "last_10_chunks_median": round(statistics.median((fill_large or fill_small)[-10:]) * 1000, 1),
        },
        "latency": latencies,
        "batch_of_1000_real_pipeline": {f"store of {small:,}": small_batch,
                                        f"store of {counts['articles']:,}": large_batch,
                                        "ratio_large_to_small": round(ratio, 2) if ratio else None},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "queries.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "queries.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


def markdown(r: dict[str, Any]) -> str:
    lines = [
        "# Query latency and batch cost (`make bench`)", "",
        f"Machine: {r['machine']}. Store: {r['store_articles']:,} articles (built in {r['build_seconds']} s).", "",
        "Method: " + " ".join(__doc__.split("How the store is scaled up (documented in benchmarks/results/queries.md"
                                             " too): ")[1].split("Usage:")[0].split()), "",
        "| query | p50 ms | p95 ms | max ms | queries |", "|---|---:|---:|---:|---:|",
    ]
    for label, p in r["latency"].items():
        lines.append(f"| `{label}` | {p['p50_ms']} | {p['p95_ms']} | {p['max_ms']} | {p['queries']} |")
    lines += ["", "Adding a batch of 1,000 articles through the real pipeline with the default settings (clean, store, NER, linking, contacts, events, stories):", "",
              "| store | seconds | ms per article |", "|---|---:|---:|"]
    for label, b in r["batch_of_1000_real_pipeline"].items():
        if isinstance(b, dict):
            lines.append(f"| {label} | {b['seconds']} | {b['ms_per_article']} |")
    lines += ["", f"Ratio (large / small store): {r['batch_of_1000_real_pipeline']['ratio_large_to_small']}.",
              "", "Event consolidation of a synthetic chunk of 1,000 articles (median ms): first 10 chunks "
              f"{r['synthetic_event_update_ms_per_1000']['first_10_chunks_median']}, last 10 chunks "
              f"{r['synthetic_event_update_ms_per_1000']['last_10_chunks_median']}. " + DENSITY_NOTE, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
