"""The NER evaluation: run a recogniser over the gold sets, score it, write the results.

``run_ner_eval(recognize, datasets)`` works with any recogniser
``recognize(text, lang, date) -> [mention with start, end, surface, base, type, kb_id]``;
``analyze_recognizer(models)`` adapts the real analysis stage, and ``evaluate_ner(settings)``
is what ``backchannel eval ner`` and ``python -m backchannel.evaluate.ner`` run.
Scores are defined in :mod:`backchannel.evaluate.scoring`, gold formats in
:mod:`backchannel.evaluate.datasets`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import backchannel
from backchannel.config import ENGLISH_NER, Settings
from backchannel.errors import BackchannelError
from backchannel.evaluate.contact_gold import in_split
from backchannel.evaluate.datasets import DATASET_NAMES, Dataset, datasets
from backchannel.evaluate.gold import GoldDoc
from backchannel.evaluate.report import ALL, LangRun, LinkingScore, NerReport, Skipped, TypeScore
from backchannel.evaluate.scoring import (
    BaseFormResult,
    Counts,
    Identity,
    LinkItem,
    MentionLike,
    RelaxedError,
    base_forms,
    default_identity,
    link_items,
    linking,
    relaxed_counts,
    relaxed_errors,
    strict_counts,
)
from backchannel.model import Article, sha256_hex

if TYPE_CHECKING:
    from backchannel.kb.index import KbIndex

Recognize = Callable[[str, str, str | None], Sequence[MentionLike]]
"""``recognize(text, lang, date)``: the system under test."""
ErrorSink = Callable[[str, GoldDoc, Sequence[RelaxedError]], None]
"""``sink(dataset, doc, errors)``: receives each document's relaxed misses (``--errors``)."""

__all__ = [
    "ErrorSink",
    "Recognize",
    "analyze_recognizer",
    "default_results_folder",
    "evaluate_ner",
    "main",
    "run_ner_eval",
    "write_results",
]


# --- running -------------------------------------------------------------------------------


@dataclass
class _Totals:
    """Mutable accumulator of one dataset × language while its documents are scored."""

    docs: int = 0
    mentions: int = 0
    seconds: float = 0.0
    base: BaseFormResult = BaseFormResult(0, 0, 0)
    relaxed: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    strict: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))


def _score_doc(totals: _Totals, doc: GoldDoc, system: Sequence[MentionLike], types: Sequence[str]) -> None:
    totals.docs += 1
    totals.mentions += len(doc.mentions)
    for t, c in relaxed_counts(doc.mentions, system, types).items():
        totals.relaxed[t] += c
    for t, c in strict_counts(doc.mentions, system, types).items():
        totals.strict[t] += c
    totals.base += base_forms(doc.mentions, system)


def _limited(docs: Iterable[GoldDoc], limit: int | None, split: str | None = None) -> Iterable[GoldDoc]:
    """The first ``limit`` documents of each language of the ``split`` half, in reader order."""
    seen: dict[str, int] = defaultdict(int)
    for doc in docs:
        if not in_split(doc.id, split):
            continue
        if limit is None or seen[doc.lang] < limit:
            seen[doc.lang] += 1
            yield doc


def run_ner_eval(
    recognize: Recognize,
    datasets: Sequence[Dataset],
    limit: int | None = None,
    identity: Identity = default_identity,
    split: str | None = None,
    errors: ErrorSink | None = None,
) -> NerReport:
    """Score ``recognize`` on every dataset (per language, ``limit`` documents at most; only
    the ``dev`` or ``test`` half of each when ``split`` is given); absent or empty datasets are
    reported as skipped. ``errors`` receives each document's relaxed misses."""
    runs: list[LangRun] = []
    scores: list[TypeScore] = []
    links: list[LinkingScore] = []
    skipped: list[Skipped] = []
    for ds in datasets:
        if not ds.present:
            skipped.append(Skipped(ds.name, f"absent: {ds.path}"))
            continue
        per_lang: dict[str, _Totals] = {}
        items: list[LinkItem] = []
        has_links = False
        for doc in _limited(ds.docs(), limit, split):
            started = time.perf_counter()
            system = list(recognize(doc.text, doc.lang, doc.date))
            elapsed = time.perf_counter() - started
            totals = per_lang.setdefault(doc.lang, _Totals())
            totals.seconds += elapsed
            _score_doc(totals, doc, system, ds.types)
            if errors is not None:
                errors(ds.name, doc, relaxed_errors(doc.text, doc.mentions, system, ds.types))
            has_links = has_links or any(m.type == "PER" and m.link_id for m in doc.mentions)
            items.extend(link_items(doc.lang, doc.mentions, system, identity))
        if not per_lang:
            skipped.append(Skipped(ds.name, f"no annotated documents found in {ds.path}"))
            continue
        for lang, t in per_lang.items():
            runs.append(LangRun(ds.name, lang, t.docs, t.mentions, t.seconds, t.base))
            for etype in ds.types:
                scores.append(TypeScore(ds.name, lang, etype, t.relaxed[etype], t.strict[etype]))
            scores.append(
                TypeScore(
                    ds.name,
                    lang,
                    ALL,
                    sum((t.relaxed[e] for e in ds.types), Counts()),
                    sum((t.strict[e] for e in ds.types), Counts()),
                )
            )
        if has_links:
            links.append(LinkingScore(ds.name, linking(items)))
    return NerReport(tuple(runs), tuple(scores), tuple(links), tuple(skipped), limit=limit, split=split)


# --- the real analysis stage ---------------------------------------------------------------


def _article(text: str, lang: str, date: str | None) -> Article:
    digest = sha256_hex(text.encode("utf-8"))
    return Article(
        id=digest[:16],
        source_path="evaluation",
        source_key=f"evaluation:{digest}",
        raw_sha256=digest,
        format="text",
        title=None,
        outlet=None,
        url=None,
        author=None,
        published=date,
        language=lang,
        language_declared=lang,
        warnings=(),
        metadata={},
        text=text,
    )


def _analysis_stage() -> ModuleType:
    """``backchannel.analyze``, imported only when asked for, so that the harness (and its
    tests) work before and without the analysis stage."""
    try:
        stage = importlib.import_module("backchannel.analyze")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("backchannel"):
            raise
        stage = None
    if stage is None or not all(hasattr(stage, name) for name in ("analyze", "load_models")):
        raise BackchannelError(
            "the NER stage (backchannel.analyze: load_models, analyze) is not available",
            "build the analysis stage first",
        )
    return stage


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A mention with the identity cross-document linking gives its in-document cluster."""

    start: int
    end: int
    surface: str
    base: str
    type: str
    kb_id: str | None
    link: str


def analyze_recognizer(models: object, index: KbIndex | None = None) -> Recognize:
    """A recogniser over ``backchannel.analyze.analyze`` with the given loaded models; with a
    KB ``index`` each mention carries its cluster's linking identity (``LinkedMention``).

    Role-only mentions ("глава МИД Турции" with no name, resolved to the office holder) are
    descriptive, not named, mentions: the NER gold does not annotate them, so they are left out
    of recognition scoring (they remain in the product's output)."""
    analyze = _analysis_stage().analyze

    def recognize(text: str, lang: str, date: str | None) -> Sequence[MentionLike]:
        analysis = analyze(_article(text, lang, date), models)
        named = [m for m in analysis.mentions if not (m.role and m.surface == m.role)]
        if index is None:
            return named
        from backchannel.consolidate.linking import cluster_identities

        links = cluster_identities(index, analysis)
        return [LinkedMention(m.start, m.end, m.surface, m.base, m.type, m.kb_id, links[m.cluster]) for m in named]

    return recognize


def default_results_folder() -> Path:
    return Path(backchannel.__file__).resolve().parents[2] / "benchmarks" / "results"


def write_results(report: NerReport, folder: Path) -> tuple[Path, Path]:
    """Write ``ner.json`` and ``ner.md`` into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    json_path, md_path = folder / "ner.json", folder / "ner.md"
    json_path.write_text(report.to_json(), encoding="utf-8")
    md_path.write_text(report.to_markdown(), encoding="utf-8")
    return json_path, md_path


_ERROR_COLUMNS = ("dataset", "lang", "doc", "kind", "type", "form", "other", "context")


def error_rows(dataset: str, doc: GoldDoc, errors: Sequence[RelaxedError]) -> list[str]:
    """Tab-separated lines of the ``--errors`` file (columns :data:`_ERROR_COLUMNS`)."""
    return [
        "\t".join(
            " ".join(field.split())
            for field in (dataset, doc.lang, doc.id, e.kind, e.type, e.form, " | ".join(e.other), e.context)
        )
        for e in errors
    ]


def linking_identity(mention: MentionLike) -> str:
    """The identity the store's linking gives a mention: its cluster's (``LinkedMention``), else
    its KB actor, else its spelling-insensitive key (the same skeleton that joins "Кириенко" and
    "Кирієнко" across articles)."""
    if isinstance(mention, LinkedMention):
        return mention.link
    from backchannel.consolidate.keys import key

    return mention.kb_id or key("PER", mention.base or mention.surface)


def evaluate_ner(
    settings: Settings,
    names: Sequence[str] | None = None,
    limit: int | None = None,
    root: Path | None = None,
    folder: Path | None = None,
    split: str | None = None,
    errors_path: Path | None = None,
) -> NerReport:
    """Load the NER models, score them on the evaluation sets (or their ``split`` half) and,
    when ``folder`` is given, write ``ner.json``/``ner.md`` there; with ``errors_path``, every
    relaxed false positive and negative goes there as TSV. What ``backchannel eval ner`` runs."""
    chosen = datasets(names, root)
    load_models = _analysis_stage().load_models
    started = time.perf_counter()
    models = load_models(settings)
    from backchannel.kb.index import build_index

    kb = getattr(models, "kb", None)  # a stand-in stage (tests) may have no knowledge base
    index = build_index(kb) if kb is not None else None
    setup = time.perf_counter() - started
    rows = ["\t".join(_ERROR_COLUMNS)]

    def sink(dataset: str, doc: GoldDoc, found: Sequence[RelaxedError]) -> None:
        rows.extend(error_rows(dataset, doc, found))

    report = replace(
        run_ner_eval(
            analyze_recognizer(models, index),
            chosen,
            limit,
            identity=linking_identity,
            split=split,
            errors=sink if errors_path is not None else None,
        ),
        setup_seconds=round(setup, 3),
        english_ner=settings.english_ner,
    )
    if errors_path is not None:
        errors_path.parent.mkdir(parents=True, exist_ok=True)
        errors_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    if folder is not None:
        write_results(report, folder)
    return report


# --- python -m backchannel.evaluate.ner ---------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m backchannel.evaluate.ner",
        description="Score the NER stage on the evaluation sets; writes ner.json and ner.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: python -m backchannel.evaluate.ner --limit 20 --dataset slavicner,wikievents",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="at most N documents per dataset and language"
    )
    parser.add_argument(
        "--dataset", default=",".join(DATASET_NAMES), help=f"comma-separated: {','.join(DATASET_NAMES)}"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="evaluation data root (default ../shared/data/eval)"
    )
    parser.add_argument(
        "--results", type=Path, default=default_results_folder(), help="folder for ner.json/ner.md"
    )
    parser.add_argument(
        "--english-ner", choices=ENGLISH_NER, default=None, help="the rules alone (default), or spaCy with the rules"
    )
    args = parser.parse_args(argv)
    from backchannel.config import load_settings

    names = [n.strip() for n in args.dataset.split(",") if n.strip()]
    try:
        report = evaluate_ner(load_settings({"english_ner": args.english_ner}), names, args.limit, args.data, args.results)
    except BackchannelError as exc:
        print(f"error: {exc}", file=sys.stderr)  # noqa: T201 - this is the script's command line
        return exc.exit_code
    print(report.to_markdown())  # noqa: T201 - this is the script's command line
    return 0


if __name__ == "__main__":
    sys.exit(main())
