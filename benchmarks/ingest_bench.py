"""`make bench`: ingest throughput, re-ingest (unchanged) throughput, store size, peak memory.

Runs on our own sample corpus always, and on ../shared/data (seeds, Telegram posts, SlavicNER
raw ru/uk) when it is there; writes benchmarks/results/ingest.json and ingest.md.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from backchannel.config import Settings
from backchannel.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
RESULTS = REPO / "benchmarks" / "results"


def corpora() -> dict[str, list[str]]:
    sets = {"sample corpus (examples/corpus)": [str(REPO / "examples" / "corpus")]}
    if SHARED.is_dir():
        sets["seeds (5 articles)"] = [str(SHARED / "seeds")]
        sets["telegram-ru-news-2024 (3,905 posts)"] = [str(SHARED / "eval" / "telegram-ru-news-2024" / "raw")]
        sets["slavicner raw ru+uk"] = [str(SHARED / "eval" / "slavicner" / "raw")]
    return sets


MODES = {"none": "none (--no-analyze)", "analysis": "NER + linking + contacts",
         "stories": "NER + linking + contacts + stories",
         "stories-2w": "NER + linking + contacts + stories, --workers 2"}
WORKERS = {"stories-2w": 2}
SMALL = {"sample corpus (examples/corpus)", "seeds (5 articles)"}
"""Too small for worker processes to pay for their start: measured in one process only."""


def measure(name: str, inputs: list[str], mode: str) -> dict[str, object]:
    analyze = mode != "none"
    stories = mode.startswith("stories")
    workers = WORKERS.get(mode, 1)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        settings = Settings(db=str(db), story_sentences=Settings().story_sentences if stories else 0)
        with Workspace.open(settings) as ws:
            if analyze:  # load models, the knowledge base and the embedder outside the timed run
                _ = ws.analyzer.models, ws.analyzer.index
            if stories:
                ws.analyzer.embedder.embed(["load the sentence embedder before timing"])
            # with workers the timed run includes starting them and loading their models
            first = ws.ingest(inputs, analyze=analyze, workers=workers)
            second = ws.ingest(inputs, analyze=analyze)
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
    docs = first.ingested + first.unchanged + first.rejected
    return {
        "corpus": name,
        "analysis": MODES[mode],
        "workers": workers,
        "documents": docs,
        "ingested": first.ingested,
        "rejected": first.rejected,
        "seconds": round(first.seconds, 3),
        "documents_per_s": round(docs / first.seconds, 1) if first.seconds else None,
        "ms_per_document": round(first.seconds * 1000 / docs, 2) if docs else None,
        "reingest_unchanged": second.unchanged,
        "reingest_not_unchanged": second.ingested + second.rejected,
        "reingest_seconds": round(second.seconds, 3),
        "store_bytes_per_1000_articles": round(size / first.ingested * 1000) if first.ingested else None,
    }


def main() -> int:
    load = os.getloadavg()[0]
    rows: list[dict[str, object]] = []
    lines: list[str] = []
    for name, inputs in corpora().items():
        for mode in MODES:
            if mode not in WORKERS or name not in SMALL:
                rows.append(measure(name, inputs, mode))
                lines = write(rows, load)  # after every run, so a stopped bench keeps what it measured
    print("\n".join(lines))
    if not SHARED.is_dir():
        print("(../shared/data absent: only the sample corpus was measured)", file=sys.stderr)
    return 0


def write(rows: list[dict[str, object]], load: float) -> list[str]:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "peak_rss_mb": round(peak_mb),
        "worker_peak_rss_mb": round(worker_peak_mb),
        "load_average_at_start": round(load, 2),
        "load_average_at_end": round(os.getloadavg()[0], 2),
        "note": "peak RSS is the whole bench process (models loaded once); worker_peak_rss_mb the largest "
                "worker process of the --workers runs (each holds its own models)",
        "runs": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    lines = [
        "# Ingest benchmark", "",
        f"{result['when']} · {result['machine']} · {os.cpu_count()} CPUs · peak RSS {result['peak_rss_mb']} MB "
        f"(main process), {result['worker_peak_rss_mb']} MB (largest worker process) · load average {result['load_average_at_start']} at start, "
        f"{result['load_average_at_end']} at end (other work shares this machine)", "",
        "| corpus | analysis | documents | ingested | rejected | s | documents/s | ms/document | re-ingest unchanged | re-ingest s | store bytes / 1,000 articles |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['corpus']} | {r['analysis']} | {r['documents']} | {r['ingested']} | {r['rejected']} | {r['seconds']} | "
            f"{r['documents_per_s']} | {r['ms_per_document']} | {r['reingest_unchanged']} | {r['reingest_seconds']} | "
            f"{r['store_bytes_per_1000_articles']} |"
        )
    (RESULTS / "ingest.md").write_text("\n".join(lines) + "\n")
    return lines


if __name__ == "__main__":
    sys.exit(main())
