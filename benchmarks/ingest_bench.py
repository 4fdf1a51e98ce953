"""`make bench`: ingest throughput, re-ingest (unchanged) throughput, store size, peak memory, and
what analysis adds to the per-article time of the foundation pipeline (read, clean, detect
language, store: ``--no-analyze``), split into NER + linking and contact extraction.

Runs on our own sample corpus always, and on ../shared/data (seeds, Telegram posts, SlavicNER
raw ru/uk, WikiEvents' English texts) when it is there; writes benchmarks/results/ingest.json and
ingest.md.

Every measurement runs in a fresh process, as ``backchannel ingest`` does: models are loaded
before the timed run, their caches start empty. Times are CPU seconds of the measuring process
(and of its worker processes), which other work on a shared machine disturbs much less than
wall-clock seconds (also reported).

    python benchmarks/ingest_bench.py [--corpora seeds,slavicner] [--modes none,analysis] [--repeat 3]

A run limited to some corpora or modes replaces those rows of the last results and keeps the rest.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
RESULTS = REPO / "benchmarks" / "results"


def corpora() -> dict[str, list[str]]:
    sets = {"sample corpus (examples/corpus)": [str(REPO / "examples" / "corpus")]}
    if SHARED.is_dir():
        sets["seeds (5 articles)"] = [str(SHARED / "seeds")]
        sets["telegram-ru-news-2024 (3,905 posts)"] = [str(SHARED / "eval" / "telegram-ru-news-2024" / "raw")]
        sets["slavicner raw ru+uk"] = [str(SHARED / "eval" / "slavicner" / "raw")]
        if (SHARED / "eval" / "wikievents" / "dev.jsonl").is_file():
            sets["wikievents en (dev+test texts)"] = [str(_wikievents_texts())]
    return sets


def _wikievents_texts() -> Path:
    """WikiEvents' English documents (dev, then test) as plain-text files in the system's temporary
    folder, written once and reused by every measuring process (never inside the repository)."""
    from backchannel.evaluate.wikievents import read_wikievents

    texts = [doc.text for doc in read_wikievents(SHARED / "eval")]
    folder = Path(tempfile.gettempdir()) / "backchannel-bench-wikievents"
    folder.mkdir(exist_ok=True)
    for i, text in enumerate(texts):
        path = folder / f"{i:04d}.txt"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return folder


MODES = {"none": "none (--no-analyze)", "analysis": "NER + linking + contacts",
         "stories": "NER + linking + contacts + stories",
         "stories-2w": "NER + linking + contacts + stories, --workers 2"}
WORKERS = {"stories-2w": 2}
MIN_SPLIT = 20
"""Fewer articles than this give no split of what analysis adds (only the runs' rows)."""
SMALL = {"sample corpus (examples/corpus)", "seeds (5 articles)"}
"""Too small for worker processes to pay for their start: measured in one process only."""


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the --workers processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@contextmanager
def _timing(module: Any, name: str, spent: list[float]) -> Iterator[None]:
    """Add the CPU seconds of every call of ``module.name`` (in this process) to ``spent[0]``."""
    original: Callable[..., Any] = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    setattr(module, name, timed)
    try:
        yield
    finally:
        setattr(module, name, original)


def measure(name: str, inputs: list[str], mode: str) -> dict[str, object]:
    """One ingest of ``inputs`` (then a re-ingest), in this process; run in a fresh one."""
    import backchannel.contacts
    import backchannel.pipeline
    import backchannel.store.reports
    from backchannel.analyze.pipeline import find_spans
    from backchannel.config import Settings
    from backchannel.contacts.lexicon import lexicon
    from backchannel.parallel import peak_rss_mb
    from backchannel.workspace import Workspace

    analyze = mode != "none"
    stories = mode.startswith("stories")
    workers = WORKERS.get(mode, 1)
    contacts = [0.0]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        settings = Settings(db=str(db), story_sentences=Settings().story_sentences if stories else 0)
        with Workspace.open(settings) as ws:
            if analyze:  # load models, lexicons, the knowledge base and the embedder outside the timed run
                _ = ws.analyzer.models, ws.analyzer.index
                for lang in ("ru", "uk", "en"):
                    lexicon(lang)
                find_spans("Load the English model, loaded on first use, before timing.", "en", ws.analyzer.models)
            if stories:
                ws.analyzer.embedder.embed(["load the sentence embedder before timing"])
            # with workers the timed run includes starting them and loading their models
            with (_timing(backchannel.contacts, "extract_contacts", contacts),
                  _timing(backchannel.store.reports, "replace_reports", contacts),
                  _timing(backchannel.pipeline, "update_events", contacts)):  # events merge contact reports
                cpu = _cpu()
                first = ws.ingest(inputs, analyze=analyze, workers=workers)
                cpu = _cpu() - cpu
            second = ws.ingest(inputs, analyze=analyze)
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
    docs = first.ingested + first.unchanged + first.rejected
    return {
        "corpus": name,
        "mode": mode,
        "analysis": MODES[mode],
        "workers": workers,
        "documents": docs,
        "ingested": first.ingested,
        "rejected": first.rejected,
        "seconds": round(first.seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "documents_per_s": round(docs / first.seconds, 1) if first.seconds else None,
        "ms_per_document": round(first.seconds * 1000 / docs, 2) if docs else None,
        "cpu_ms_per_document": round(cpu * 1000 / docs, 3) if docs else None,
        "contacts_cpu_ms_per_document": round(contacts[0] * 1000 / docs, 3) if docs and mode == "analysis" else None,
        "reingest_unchanged": second.unchanged,
        "reingest_not_unchanged": second.ingested + second.rejected,
        "reingest_seconds": round(second.seconds, 3),
        "store_bytes_per_1000_articles": round(size / first.ingested * 1000) if first.ingested else None,
        "peak_rss_mb": round(peak_rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)),
    }


def in_fresh_process(name: str, inputs: list[str], mode: str) -> dict[str, object]:
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(measure, name, inputs, mode).result()


def overhead(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per corpus: foundation CPU ms per article, and what NER + linking and contacts add to it."""
    out: list[dict[str, Any]] = []
    by_key = {(r["corpus"], r.get("mode")): r for r in rows}
    for corpus in dict.fromkeys(r["corpus"] for r in rows):
        base, full = by_key.get((corpus, "none")), by_key.get((corpus, "analysis"))
        if not base or not full or full.get("contacts_cpu_ms_per_document") is None or not base.get("cpu_ms_per_document"):
            continue
        if int(base["documents"]) < MIN_SPLIT:
            continue  # the seeds: one-off costs and noise swamp a difference of two runs over five articles
        foundation = base["cpu_ms_per_document"]
        contacts = full["contacts_cpu_ms_per_document"]
        ner = full["cpu_ms_per_document"] - foundation - contacts
        out.append({
            "corpus": corpus, "foundation_cpu_ms": foundation,
            "ner_linking_cpu_ms": round(ner, 3), "ner_linking_pct": round(100 * ner / foundation, 1),
            "contacts_cpu_ms": contacts, "contacts_pct": round(100 * contacts / foundation, 1),
            "analysis_cpu_ms": round(ner + contacts, 3), "analysis_pct": round(100 * (ner + contacts) / foundation, 1),
            "ner_linking_pct_paired_range": _paired_range(base, full),
        })
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", help="comma-separated words; a corpus is measured when its name contains one")
    parser.add_argument("--modes", help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per corpus and mode, modes alternated; the run of median CPU time is kept")
    args = parser.parse_args()
    wanted = args.corpora.split(",") if args.corpora else None
    modes = args.modes.split(",") if args.modes else list(MODES)
    load = os.getloadavg()[0]
    rows: list[dict[str, object]] = []
    if wanted or args.modes:
        rows = [r for r in _previous() if r.get("mode") in MODES]
    lines: list[str] = []
    for name, inputs in corpora().items():
        if wanted and not any(w in name for w in wanted):
            continue
        wanted_modes = [m for m in modes if m not in WORKERS or name not in SMALL]
        runs: dict[str, list[dict[str, object]]] = {m: [] for m in wanted_modes}
        for _ in range(max(1, args.repeat)):
            for mode in wanted_modes:  # alternated, so a change in the machine's load hits every mode alike
                runs[mode].append(in_fresh_process(name, inputs, mode))
                row = _median(runs[mode])
                rows = [r for r in rows if (r["corpus"], r.get("mode")) != (name, mode)] + [row]
                lines = write(rows, load)  # after every run, so a stopped bench keeps what it measured
    print("\n".join(lines))
    if not SHARED.is_dir():
        print("(../shared/data absent: only the sample corpus was measured)", file=sys.stderr)
    return 0


def _median(runs: list[dict[str, object]]) -> dict[str, object]:
    """The run of median CPU time (the lower middle one of an even count), with how many there were
    and every run's CPU ms per document (and contacts'), in the order they ran."""
    ordered = sorted(runs, key=lambda r: float(str(r["cpu_seconds"])))
    return {**ordered[(len(ordered) - 1) // 2], "repeats": len(runs),
            "cpu_ms_per_document_runs": [r["cpu_ms_per_document"] for r in runs],
            "contacts_cpu_ms_per_document_runs": [r.get("contacts_cpu_ms_per_document") for r in runs]}


def _paired_range(base: dict[str, Any], full: dict[str, Any]) -> list[float] | None:
    """Lowest and highest share (%) NER + linking add to the foundation over the paired runs (the
    foundation run and the analysing run of one repeat ran one after the other), or None."""
    foundations = base.get("cpu_ms_per_document_runs") or []
    totals = full.get("cpu_ms_per_document_runs") or []
    contacts = full.get("contacts_cpu_ms_per_document_runs") or []
    if len(foundations) < 2 or not len(foundations) == len(totals) == len(contacts) or None in contacts:
        return None
    shares = [100 * (t - f - c) / f for f, t, c in zip(foundations, totals, contacts, strict=True)]
    return [round(min(shares), 1), round(max(shares), 1)]


def _previous() -> list[dict[str, object]]:
    try:
        runs: list[dict[str, object]] = json.loads((RESULTS / "ingest.json").read_text())["runs"]
    except (OSError, ValueError, KeyError):
        return []
    return runs


def _compiled() -> str:
    """Whether the analysis ran compiled (mypyc, ``make native``) or as pure Python."""
    from backchannel import native

    built, listed = len(native.compiled()), len(native.sources())
    return f"analysis compiled with mypyc ({built} of {listed} modules)" if built else "pure Python (not compiled)"


def write(rows: list[dict[str, object]], load: float) -> list[str]:
    order = {name: i for i, name in enumerate(corpora())}
    rows.sort(key=lambda r: (order.get(str(r["corpus"]), len(order)), list(MODES).index(str(r["mode"]))))
    split = overhead(rows)
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "compiled": _compiled(),
        "peak_rss_mb": max((int(str(r.get("peak_rss_mb") or 0)) for r in rows), default=0),
        "load_average_at_start": round(load, 2),
        "load_average_at_end": round(os.getloadavg()[0], 2),
        "note": "each run in a fresh process (models loaded before the timed run, caches empty); peak RSS is "
                "the measuring process's; CPU seconds include worker processes; analysis_overhead: CPU ms per "
                "article of --no-analyze (foundation) and what NER + linking (analysis minus foundation minus "
                "contacts) and contact extraction, storing reports and merging them into events add, as % of the "
                "foundation; with --repeat, the run of median CPU time per corpus and mode (its 'repeats' says of how many)",
        "analysis_overhead": split,
        "runs": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    lines = [
        "# Ingest benchmark", "",
        f"{result['when']} · {result['machine']} · {os.cpu_count()} CPUs · peak RSS {result['peak_rss_mb']} MB "
        f"(largest measuring process) · load average {result['load_average_at_start']} at start, "
        f"{result['load_average_at_end']} at end (other work shares this machine: CPU times are the steadier figures) · "
        f"{result['compiled']}", "",
        "## What analysis adds to the foundation pipeline (CPU ms per article)", "",
        "Foundation: `--no-analyze` (read, clean, detect language, store). NER + linking: tokens, features, "
        "names, base forms, coreference, KB resolution, entity linking and storing mentions. Contacts: "
        "contact extraction, storing reports and merging them into events. Stories off. Runs per corpus and mode: "
        f"{max((int(str(r.get('repeats') or 1)) for r in rows), default=1)} at most, alternated; the median's figures. "
        "Paired runs: the lowest and highest share NER + linking add over the repeats, each from the foundation run and "
        "the analysing run that followed it (the spread of one machine's noise).", "",
        "| corpus | foundation | NER + linking | % of foundation | paired runs | contacts | % of foundation | analysis in all | % of foundation |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in split:
        spread = s.get("ner_linking_pct_paired_range")
        paired = f"+{spread[0]} to +{spread[1]}%" if spread else ""
        lines.append(f"| {s['corpus']} | {s['foundation_cpu_ms']} | {s['ner_linking_cpu_ms']} | +{s['ner_linking_pct']}% | {paired} | "
                     f"{s['contacts_cpu_ms']} | +{s['contacts_pct']}% | {s['analysis_cpu_ms']} | +{s['analysis_pct']}% |")
    lines += [
        "", "## Runs", "",
        "| corpus | analysis | documents | ingested | rejected | s | CPU s | documents/s | ms/document | CPU ms/document | re-ingest unchanged | re-ingest s | store bytes / 1,000 articles |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['corpus']} | {r['analysis']} | {r['documents']} | {r['ingested']} | {r['rejected']} | {r['seconds']} | "
            f"{r.get('cpu_seconds')} | {r['documents_per_s']} | {r['ms_per_document']} | {r.get('cpu_ms_per_document')} | "
            f"{r['reingest_unchanged']} | {r['reingest_seconds']} | {r['store_bytes_per_1000_articles']} |"
        )
    (RESULTS / "ingest.md").write_text("\n".join(lines) + "\n")
    return lines


if __name__ == "__main__":
    sys.exit(main())
