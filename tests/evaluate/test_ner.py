"""The harness end to end on the tiny sets: a fake recogniser, the report, the files, the script."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from collections.abc import Sequence
from pathlib import Path

import pytest

from backchannel.errors import BackchannelError
from backchannel.evaluate import NerReport, datasets
from backchannel.evaluate.gold import GoldDoc
from backchannel.evaluate.ner import Recognize, analyze_recognizer, main, run_ner_eval, write_results
from backchannel.evaluate.scoring import MentionLike
from backchannel.model import Article, ArticleAnalysis, Mention
from tests.evaluate.helpers import Sys, write_all


def gold_echo(root: Path) -> dict[str, GoldDoc]:
    return {doc.text: doc for ds in datasets(root=root) for doc in ds.docs()}


def echo_recognizer(root: Path, drop_type: str | None = None) -> Recognize:
    by_text = gold_echo(root)

    def recognize(text: str, lang: str, date: str | None) -> Sequence[MentionLike]:
        return [
            Sys(m.start, m.end, m.surface, m.base or m.surface, m.type, m.link_id)
            for m in by_text[text].mentions
            if m.type != drop_type
        ]

    return recognize


def test_perfect_system_scores_one_everywhere(tmp_path: Path) -> None:
    root = write_all(tmp_path)
    report = run_ner_eval(echo_recognizer(root), datasets(root=root))
    assert report.skipped == ()
    assert {(r.dataset, r.lang, r.docs) for r in report.runs} == {
        ("slavicner", "ru", 1),
        ("slavicner", "uk", 1),
        ("ner-uk", "uk", 1),
        ("factrueval", "ru", 1),
        ("wikievents", "en", 1),
    }
    assert all(s.relaxed.fn == s.relaxed.fp == 0 and s.strict.fn == s.strict.fp == 0 for s in report.scores)
    assert {r.dataset: r.base_forms.accuracy for r in report.runs if r.base_forms.gold} == {
        "slavicner": 1.0,
        "factrueval": 1.0,
    }
    (link,) = report.linking
    assert (link.dataset, link.result.mentions, link.result.pairwise.f1, link.result.cross_lingual.tp) == (
        "slavicner",
        5,
        1.0,
        3,
    )


def test_a_missing_type_lowers_recall_only(tmp_path: Path) -> None:
    root = write_all(tmp_path)
    report = run_ner_eval(echo_recognizer(root, drop_type="LOC"), datasets(["slavicner"], root))
    loc, all_ = report.score("slavicner", "ru", "LOC"), report.score("slavicner", "ru")
    assert loc is not None and all_ is not None
    assert (loc.relaxed.tp, loc.relaxed.fn, loc.relaxed.precision) == (0, 1, 0.0)
    assert (all_.relaxed.tp, all_.relaxed.fp, all_.relaxed.fn) == (4, 0, 1)


def test_the_identity_callback_decides_linking(tmp_path: Path) -> None:
    root = write_all(tmp_path)
    report = run_ner_eval(echo_recognizer(root), datasets(["slavicner"], root), identity=lambda m: m.surface)
    result = report.linking[0].result
    # every surface form differs ("Путина" ≠ "Владимир Путин"): nothing linked, nothing wrongly merged
    assert (result.pairwise.tp, result.pairwise.fp, result.pairwise.fn) == (0, 0, 4)
    assert result.bcubed_precision == 1.0 and result.bcubed_recall < 1.0


def test_limit_is_per_language(tmp_path: Path) -> None:
    root = write_all(tmp_path)
    extra = root / "slavicner" / "raw" / "brexit" / "ru" / "brexit_ru.txt_file_2.txt"
    extra.write_text("Ещё один текст.", encoding="utf-8")
    (root / "slavicner" / "ner" / "brexit" / "ru" / "brexit_ru.txt_file_2.tsv").write_text(
        "", encoding="utf-8"
    )
    seen: list[str] = []

    def recognize(text: str, lang: str, date: str | None) -> Sequence[MentionLike]:
        seen.append(lang)
        return []

    report = run_ner_eval(recognize, datasets(["slavicner"], root), limit=1)
    assert sorted(seen) == ["ru", "uk"]
    assert report.limit == 1


def test_split_halves_partition_the_documents_and_errors_reach_the_sink(tmp_path: Path) -> None:
    root = write_all(tmp_path)
    sets = datasets(root=root)
    docs = {part: sum(r.docs for r in run_ner_eval(echo_recognizer(root), sets, split=part).runs)
            for part in ("dev", "test")}
    assert docs["dev"] + docs["test"] == sum(r.docs for r in run_ner_eval(echo_recognizer(root), sets).runs)
    seen: list[tuple[str, str, str]] = []
    report = run_ner_eval(echo_recognizer(root, drop_type="LOC"), sets,
                          errors=lambda name, doc, errors: seen.extend((name, e.kind, e.type) for e in errors))
    assert seen and {kind for _, kind, _ in seen} == {"FN"} and {t for _, _, t in seen} == {"LOC"}
    assert report.split is None


def test_absent_datasets_are_skipped_not_fatal(tmp_path: Path) -> None:
    report = run_ner_eval(lambda text, lang, date: [], datasets(root=tmp_path))
    assert [s.dataset for s in report.skipped] == ["slavicner", "ner-uk", "factrueval", "wikievents"]
    assert report.runs == () and report.scores == ()
    assert "## Skipped" in report.to_markdown()
    assert json.loads(report.to_json())["skipped"][0]["dataset"] == "slavicner"


def test_report_json_markdown_and_files(tmp_path: Path) -> None:
    root = write_all(tmp_path / "data")
    report = run_ner_eval(echo_recognizer(root), datasets(root=root))
    data = json.loads(report.to_json())
    assert {r["dataset"] for r in data["recognition"]} == {"slavicner", "ner-uk", "factrueval", "wikievents"}
    assert data["recognition"][0]["relaxed"]["f1"] == 1.0
    assert data["runs"][0]["ms_per_doc"] >= 0
    markdown = report.to_markdown()
    assert "| slavicner | ru | PER |" in markdown and "Cross-lingual PER linking" in markdown
    json_path, md_path = write_results(report, tmp_path / "results")
    assert json.loads(json_path.read_text(encoding="utf-8")) == data
    assert md_path.read_text(encoding="utf-8") == markdown
    assert isinstance(report, NerReport)


@pytest.fixture
def fake_stage(monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """A stand-in ``backchannel.analyze`` that tags every "Путин" as PER."""
    seen: list[Article] = []

    def load_models(settings: object) -> str:
        return "models"

    def analyze(article: Article, models: object) -> ArticleAnalysis:
        assert models == "models"
        seen.append(article)
        at = article.text.find("Путин")
        mentions = () if at < 0 else (Mention(at, at + 5, "Путин", "Путин", "PER", 0),)
        return ArticleAnalysis(article.id, article.language, (), mentions)

    module = types.ModuleType("backchannel.analyze")
    module.load_models = load_models  # type: ignore[attr-defined]
    module.analyze = analyze  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "backchannel.analyze", module)
    return seen


def test_analyze_recognizer_builds_an_article(fake_stage: list[Article]) -> None:
    recognize = analyze_recognizer("models")
    (m,) = recognize("Путин приехал.", "ru", "2020-01-02")
    assert (m.start, m.end, m.type) == (0, 5, "PER")
    (article,) = fake_stage
    assert (article.text, article.language, article.published, article.format) == (
        "Путин приехал.",
        "ru",
        "2020-01-02",
        "text",
    )


def test_without_the_analysis_stage_the_error_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "backchannel.analyze", None)
    with pytest.raises(BackchannelError, match="backchannel.analyze"):
        analyze_recognizer(object())


def test_script_runs_writes_and_prints(
    fake_stage: list[Article], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_all(tmp_path / "data")
    code = main(
        [
            "--dataset",
            "slavicner,wikievents",
            "--data",
            str(root),
            "--results",
            str(tmp_path / "out"),
            "--limit",
            "5",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "# NER evaluation" in out and "| slavicner | ru | PER |" in out
    assert json.loads((tmp_path / "out" / "ner.json").read_text(encoding="utf-8"))["limit_per_language"] == 5
    assert (tmp_path / "out" / "ner.md").is_file()


def test_evaluate_ner_writes_the_error_file(fake_stage: list[Article], tmp_path: Path) -> None:
    from backchannel.config import Settings
    from backchannel.evaluate.ner import evaluate_ner

    root = write_all(tmp_path / "data")
    errors = tmp_path / "out" / "errors.tsv"
    report = evaluate_ner(Settings(), ["slavicner"], None, root, None, "dev", errors)
    lines = errors.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["dataset", "lang", "doc", "kind", "type", "form", "other", "context"]
    assert all(len(line.split("\t")) == 8 for line in lines)
    assert report.split == "dev" and "dev half of each dataset" in report.to_markdown()


def test_script_rejects_an_unknown_dataset(
    fake_stage: list[Article], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--dataset", "conll", "--data", str(tmp_path), "--results", str(tmp_path / "out")]) == 2
    assert "unknown evaluation dataset conll" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_importing_the_harness_loads_no_stage_and_reads_no_data() -> None:
    code = "import sys, backchannel.evaluate.ner; print('backchannel.analyze' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "False"
