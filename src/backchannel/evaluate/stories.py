"""``eval stories``: B-cubed precision/recall/F1 of story grouping.

* **ECB+** (English, 86 gold stories in look-alike pairs): the documents of one split are
  embedded and assigned with :func:`backchannel.consolidate.stories.assign_all` exactly as
  ingest does, in name order. ECB+ has no dates and we do not link its entities, so this scores
  the sentence-matching part alone. Thresholds were tuned on the ``tune`` split (odd topics);
  ``test`` (even topics) was not looked at while tuning.
* **Gold groupings of ingested folders** (the seeds, our sample corpus): the folder is ingested
  into a temporary store by the real pipeline (linking, dates, copies and all) and the stored
  stories are compared with a gold file ``{"stories": {"<file name>": "<gold story>", …}}``.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backchannel.config import Settings
from backchannel.consolidate.stories import StoryFeatures, StoryParams, assign_all, minhash, pick_sentences
from backchannel.consolidate.story_step import SentenceEmbedder
from backchannel.errors import InputError, UsageError
from backchannel.evaluate.bcubed import BCubed, bcubed
from backchannel.evaluate.ecbplus import StoryDoc, read_ecbplus

SPLITS = ("tune", "test", "all")
TARGET_F1 = 0.90


@dataclass(frozen=True, slots=True)
class FolderResult:
    name: str
    score: BCubed
    exact: bool
    groups: tuple[tuple[str, ...], ...]
    """The system's stories, as sorted file names."""


@dataclass(frozen=True, slots=True)
class StoriesReport:
    split: str
    ecb: BCubed | None
    ecb_seconds: float
    sentences: int
    cpu_ms_per_article: float | None
    folders: tuple[FolderResult, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "ecbplus": ({"split": self.split, **self.ecb.to_dict(), "target_f1": TARGET_F1,
                         "seconds": round(self.ecb_seconds, 1)} if self.ecb else None),
            "sentences_per_article": self.sentences,
            "embedding_cpu_ms_per_article": round(self.cpu_ms_per_article, 1) if self.cpu_ms_per_article else None,
            "folders": [{"name": f.name, **f.score.to_dict(), "exact": f.exact, "groups": [list(g) for g in f.groups]}
                        for f in self.folders],
        }

    def to_markdown(self) -> str:
        lines = ["# Stories (B-cubed)", "", "| data | split | docs | gold | system | P | R | F1 | exact |",
                 "|---|---|---:|---:|---:|---:|---:|---:|---|"]
        if self.ecb:
            e = self.ecb
            lines.append(f"| ECB+ | {self.split} | {e.items} | {e.gold_clusters} | {e.system_clusters} | "
                         f"{e.precision:.3f} | {e.recall:.3f} | {e.f1:.3f} | — |")
        for f in self.folders:
            s = f.score
            lines.append(f"| {f.name} | all | {s.items} | {s.gold_clusters} | {s.system_clusters} | "
                         f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {'yes' if f.exact else 'no'} |")
        lines += ["", f"Target: B-cubed F1 ≥ {TARGET_F1} on ECB+ and exact grouping of the seeds. "
                  f"{self.sentences} sentences embedded per article"]
        if self.cpu_ms_per_article:
            lines[-1] += f"; embedding cost {self.cpu_ms_per_article:.0f} ms CPU per article (ECB+)."
        for f in self.folders:
            if not f.exact:
                lines += ["", f"{f.name}: system stories", *(f"- {', '.join(g)}" for g in f.groups)]
        return "\n".join(lines) + "\n"


def _split(docs: Sequence[StoryDoc], split: str) -> list[StoryDoc]:
    if split not in SPLITS:
        raise UsageError(f"unknown split '{split}'", f"choose one of: {', '.join(SPLITS)}")
    if split == "all":
        return list(docs)
    return [d for d in docs if (d.topic % 2 == 1) == (split == "tune")]


def ecb_scores(docs: Sequence[StoryDoc], embedder: SentenceEmbedder, params: StoryParams) -> tuple[BCubed, float]:
    """B-cubed of assigning ``docs`` in name order; also the embedding CPU milliseconds per document."""
    features: list[StoryFeatures] = []
    cpu = 0.0
    for d in docs:
        started = time.process_time()
        vectors = embedder.embed(pick_sentences(None, d.sentences, params.sentences))
        cpu += time.process_time() - started
        features.append(StoryFeatures(d.name, None, frozenset(), vectors, minhash(" ".join(d.sentences)), ("", d.name)))
    system = {a.article_id: a.story_id for a in assign_all(features, params)}
    return bcubed({d.name: d.story for d in docs}, system), 1000 * cpu / max(1, len(docs))


def read_gold_stories(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data["stories"].items()}
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise InputError(f"cannot read story gold {path}: {exc}", 'expected {"stories": {"<file name>": "<story>"}}') from exc


def folder_scores(name: str, folder: Path, gold_file: Path, settings: Settings) -> FolderResult:
    """Ingest ``folder`` into a temporary store and compare its stories with the gold file."""
    from dataclasses import replace

    from backchannel.workspace import Workspace

    gold = read_gold_stories(gold_file)
    with tempfile.TemporaryDirectory() as tmp:
        with Workspace.open(replace(settings, db=str(Path(tmp) / "stories.db"))) as ws:
            ws.ingest([str(folder)])
            records = list(ws.store.iter_stories())
    system = {Path(a["source_path"]).name: r["story_id"] for r in records for a in r["articles"]}
    system = {k: v for k, v in system.items() if k in gold}
    groups: dict[str, list[str]] = {}
    for item, story in system.items():
        groups.setdefault(story, []).append(item)
    gold_groups: dict[str, list[str]] = {}
    for item, story in gold.items():
        gold_groups.setdefault(story, []).append(item)
    as_set = {frozenset(g) for g in groups.values()}
    exact = as_set == {frozenset(g) for g in gold_groups.values()} and len(system) == len(gold)
    return FolderResult(name, bcubed(gold, system), exact, tuple(sorted(tuple(sorted(g)) for g in groups.values())))


def evaluate_stories(settings: Settings, embedder: SentenceEmbedder, root: Path, folders: Sequence[tuple[str, Path, Path]],
                     split: str = "test", params: StoryParams | None = None, results: Path | None = None,
                     limit: int | None = None) -> StoriesReport:
    """Score ECB+ (``split``) and every (name, folder, gold file) present; write stories.json/.md."""
    params = params or StoryParams(sentences=settings.story_sentences)
    docs = _split(list(read_ecbplus(root)), split)[:limit]
    ecb: BCubed | None = None
    cpu: float | None = None
    started = time.perf_counter()
    if docs:
        ecb, cpu = ecb_scores(docs, embedder, params)
    seconds = time.perf_counter() - started
    found = tuple(folder_scores(name, folder, gold, settings) for name, folder, gold in folders
                  if folder.is_dir() and gold.is_file())
    report = StoriesReport(split, ecb, seconds, params.sentences, cpu, found)
    if results is not None:
        results.mkdir(parents=True, exist_ok=True)
        (results / "stories.json").write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n")
        (results / "stories.md").write_text(report.to_markdown())
    return report
