"""Hostile input end to end: every hand-made hostile file ends as an article or a rejection with a
reason (with the limits that keep time and memory per file bounded), and the analysis of
arbitrary text never raises."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.analysis import Analyzer
from backchannel.config import Settings
from backchannel.model import Article, ArticleAnalysis, article_id
from tests.hostile_files import TEXT, hostile_files

PEAK_RSS_MB = 1500


def cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "backchannel"), "--db", db, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def test_every_hostile_file_is_analysed_or_rejected_with_a_reason(tmp_path: Path) -> None:
    files = hostile_files(tmp_path / "in")
    db = str(tmp_path / "h.db")
    done = cli(db, "ingest", "-q", str(tmp_path / "in"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 < PEAK_RSS_MB
    articles = [json.loads(line) for line in cli(db, "export", "articles").stdout.splitlines()]
    rejected = [json.loads(line) for line in cli(db, "rejected", "--json").stdout.splitlines()]
    assert all(r["reason"].strip() for r in rejected)
    for name in files:
        ended = [a for a in articles if Path(a["source_path"].split("#")[0]).name == name]
        ended += [r for r in rejected if Path(r["source_path"].split("#")[0]).name == name]
        assert ended, f"{name} was neither stored nor rejected"
    by_name = {Path(a["source_path"].split("#")[0]).name: a for a in articles}
    assert "huge.txt" not in by_name  # 50 MB: over max_bytes
    assert any("only the first" in w for w in by_name["long-article.txt"]["warnings"])
    assert any("HTML elements" in w for w in by_name["deep-unclosed.html"]["warnings"])
    assert "root:" not in json.dumps(articles)  # no external entity was resolved
    assert cli(db, "check").returncode == 0


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Settings(max_analysis_chars=2000))


PIECES = st.sampled_from([
    TEXT, "Путин", "Путіна", "Зеленський", "с ", "и ", "\u200f", "\u202e", "\u0301", "\x00", "🇺🇦", "«", "»",
    "(", ")", "\n\n", ". ", "2024", "25 октября ", "по телефону", "встретился", "مرحبا", "習近平", "Mr. ", "—",
])  # fmt: skip


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), min_size=1, max_size=60).map("".join))
def test_analysis_of_arbitrary_text_never_raises(analyzer: Analyzer, text: str) -> None:
    article = Article(
        id=article_id("/fuzz", "0" * 64), source_path="fuzz.txt", source_key="/fuzz", raw_sha256="0" * 64,
        format="text", title=None, outlet=None, url=None, author=None, published="2024-10-25", language="ru",
        language_declared=None, warnings=(), metadata={}, text=text, languages=(),
    )
    analysis = analyzer.analyze(article)
    assert isinstance(analysis, ArticleAnalysis)
    for report in analysis.reports:
        assert 0 <= report.evidence_start <= report.evidence_end <= len(text)
