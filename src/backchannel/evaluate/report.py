"""The NER evaluation report: per dataset × language × type scores, base forms, linking, time.

``NerReport.to_json()`` is what ``benchmarks/results/ner.json`` holds; ``to_markdown()`` is
``ner.md`` and what the command prints.
"""

from __future__ import annotations

import json
import platform
import time
from collections import Counter
from dataclasses import dataclass, field

from backchannel.evaluate.scoring import BaseFormResult, Counts, LinkingResult

ALL = "ALL"
TARGETS: dict[tuple[str, str], float] = {
    **{("PER", lang): f1 for lang, f1 in (("ru", 0.95), ("uk", 0.93), ("en", 0.90))},
    **{("LOC", lang): 0.90 for lang in ("ru", "uk", "en")},
    **{("ORG", lang): 0.80 for lang in ("ru", "uk", "en")},
}
"""Issue 3's recognition F1 targets by (type, language)."""
BASE_FORM_TARGET = 0.95
LINKING_TARGET = 0.90
_KEPT_ERRORS = 30


@dataclass(frozen=True, slots=True)
class TypeScore:
    dataset: str
    lang: str
    type: str
    """An entity type, or ``ALL`` for the micro-average over the dataset's types."""
    relaxed: Counts
    strict: Counts


@dataclass(frozen=True, slots=True)
class LangRun:
    """One dataset × language: size, time spent in the recogniser, base-form accuracy."""

    dataset: str
    lang: str
    docs: int
    gold_mentions: int
    seconds: float
    base_forms: BaseFormResult

    @property
    def ms_per_doc(self) -> float:
        return 1000 * self.seconds / self.docs if self.docs else 0.0


@dataclass(frozen=True, slots=True)
class LinkingScore:
    dataset: str
    result: LinkingResult


@dataclass(frozen=True, slots=True)
class Skipped:
    dataset: str
    reason: str


@dataclass(frozen=True, slots=True)
class NerReport:
    runs: tuple[LangRun, ...]
    scores: tuple[TypeScore, ...]
    linking: tuple[LinkingScore, ...]
    skipped: tuple[Skipped, ...]
    limit: int | None = None
    split: str | None = None
    """``dev`` or ``test`` when only that half of each dataset was scored."""
    when: str = field(default_factory=lambda: time.strftime("%Y-%m-%dT%H:%M:%S"))
    machine: str = field(
        default_factory=lambda: (
            f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
        )
    )
    setup_seconds: float | None = None
    """Time to load the models, when the harness loaded them."""
    english_ner: str | None = None
    """The setting ``english_ner`` the English documents ran with, when the harness knows it."""

    def score(self, dataset: str, lang: str, type: str = ALL) -> TypeScore | None:
        return next((s for s in self.scores if (s.dataset, s.lang, s.type) == (dataset, lang, type)), None)

    def to_json(self) -> str:
        return json.dumps(_report_data(self), indent=2, ensure_ascii=False) + "\n"

    def to_markdown(self) -> str:
        return _markdown(self)


def _prf(c: Counts) -> dict[str, float | int]:
    return {
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "f1": round(c.f1, 4),
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
    }


def _common_errors(result: BaseFormResult) -> list[dict[str, object]]:
    """The most frequent distinct base-form misses, for whoever works on lemmatisation."""
    counts = Counter(result.errors).most_common(_KEPT_ERRORS)
    return [{"surface": s, "gold": g, "system": y, "count": n} for (s, g, y), n in counts]


def _report_data(r: NerReport) -> dict[str, object]:
    return {
        "when": r.when,
        "machine": r.machine,
        "limit_per_language": r.limit,
        "split": r.split,
        "model_load_seconds": r.setup_seconds,
        "english_ner": r.english_ner,
        "runs": [
            {
                "dataset": x.dataset,
                "lang": x.lang,
                "docs": x.docs,
                "gold_mentions": x.gold_mentions,
                "seconds": round(x.seconds, 3),
                "ms_per_doc": round(x.ms_per_doc, 2),
                "base_forms": {
                    "gold": x.base_forms.gold,
                    "found": x.base_forms.found,
                    "correct": x.base_forms.correct,
                    "accuracy": round(x.base_forms.accuracy, 4),
                    "errors": _common_errors(x.base_forms),
                },
            }
            for x in r.runs
        ],
        "recognition": [
            {
                "dataset": s.dataset,
                "lang": s.lang,
                "type": s.type,
                "relaxed": _prf(s.relaxed),
                "strict": _prf(s.strict),
            }
            for s in r.scores
        ],
        "linking": [
            {
                "dataset": link.dataset,
                "mentions": link.result.mentions,
                "pairwise": _prf(link.result.pairwise),
                "cross_lingual_pairs": _prf(link.result.cross_lingual),
                "bcubed": {
                    "precision": round(link.result.bcubed_precision, 4),
                    "recall": round(link.result.bcubed_recall, 4),
                    "f1": round(link.result.bcubed_f1, 4),
                },
            }
            for link in r.linking
        ],
        "skipped": [{"dataset": s.dataset, "reason": s.reason} for s in r.skipped],
    }


def _f(x: float) -> str:
    return f"{x:.3f}"


def _mark(value: float, target: float | None) -> str:
    return "" if target is None else f"{target:.2f} {'✓' if value >= target else '✗'}"


def _markdown(r: NerReport) -> str:
    limit = f" · first {r.limit} docs per language" if r.limit is not None else ""
    limit += f" · {r.split} half of each dataset" if r.split is not None else ""
    load = f" · models loaded in {r.setup_seconds:.1f} s" if r.setup_seconds is not None else ""
    load += f" · English NER: {r.english_ner}" if r.english_ner is not None else ""
    lines = [
        "# NER evaluation",
        "",
        f"{r.when} · {r.machine}{limit}{load}",
        "",
        "## Recognition",
        "",
        'Document level, BSNLP "relaxed" (distinct type + surface form per document); strict = exact span + type.',
        "",
        "| dataset | lang | type | gold forms | P | R | F1 | target | strict P | strict R | strict F1 |",
        "|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for s in r.scores:
        rel, st = s.relaxed, s.strict
        lines.append(
            f"| {s.dataset} | {s.lang} | {s.type} | {rel.tp + rel.fn} | {_f(rel.precision)} | {_f(rel.recall)} | "
            f"**{_f(rel.f1)}** | {_mark(rel.f1, TARGETS.get((s.type, s.lang)))} | {_f(st.precision)} | "
            f"{_f(st.recall)} | {_f(st.f1)} |"
        )
    lines += [
        "",
        "## PER base forms",
        "",
        "Over gold PER mentions with a base form whose exact span the system found.",
        "",
        "| dataset | lang | gold PER with base | found | correct | accuracy | target |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for x in r.runs:
        b = x.base_forms
        if b.gold:
            target = BASE_FORM_TARGET if x.lang in ("ru", "uk") else None
            lines.append(
                f"| {x.dataset} | {x.lang} | {b.gold} | {b.found} | {b.correct} | **{_f(b.accuracy)}** | "
                f"{_mark(b.accuracy, target)} |"
            )
    if r.linking:
        lines += [
            "",
            "## Cross-lingual PER linking",
            "",
            "Over gold PER mentions with a cross-lingual id that the system found as PER.",
            "",
            "| dataset | mentions | pairwise P | R | F1 | target | ru↔uk pairs P | R | F1 | B³ P | R | F1 |",
            "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|",
        ]
        for link in r.linking:
            lr, pw, cl = link.result, link.result.pairwise, link.result.cross_lingual
            lines.append(
                f"| {link.dataset} | {lr.mentions} | {_f(pw.precision)} | {_f(pw.recall)} | **{_f(pw.f1)}** | "
                f"{_mark(pw.f1, LINKING_TARGET)} | {_f(cl.precision)} | {_f(cl.recall)} | {_f(cl.f1)} | "
                f"{_f(lr.bcubed_precision)} | {_f(lr.bcubed_recall)} | {_f(lr.bcubed_f1)} |"
            )
    lines += [
        "",
        "## Time",
        "",
        "| dataset | lang | docs | gold mentions | ms / doc |",
        "|---|---|---:|---:|---:|",
    ]
    lines += [
        f"| {x.dataset} | {x.lang} | {x.docs} | {x.gold_mentions} | {x.ms_per_doc:.1f} |" for x in r.runs
    ]
    if r.skipped:
        lines += ["", "## Skipped", ""] + [f"- {s.dataset}: {s.reason}" for s in r.skipped]
    return "\n".join(lines) + "\n"
