"""`make bench`: web page render timings (server side: query + template), on a synthetic store.

The synthetic store is our sample corpus (examples/corpus, ingested with full analysis: events and
stories included) copied until it holds ``--articles`` current articles (default 100,000): every
copy gets new article, report, mention and story rows (ids prefixed ``z``; publication dates and
the reports' times shifted back one day per copy, month- and year-precision times with them), the
entities stay shared — so the corpus's main actors (Putin, Erdoğan, Trump…) are in every copy, a
worst case for the actor, pair and network pages. Each copy's events are the corpus's events (as
ingest consolidated them) copied with it — ids prefixed, times shifted likewise — as if each copy
were a separate stretch of news; running the consolidation over the copies instead would chain the
copies' undated reports of a pair into single events of thousands of reports. The full-text index
is filled by its triggers as the articles are inserted. It is cached in
benchmarks/.cache/ (delete it to rebuild). Each page is requested in-process through the ASGI app (FastAPI TestClient), once to
warm up, then ``--runs`` times; the median and the maximum are written to
benchmarks/results/web.json and web.md.

    python benchmarks/web_bench.py                 # 100,000 articles (~2 min to build the first time)
    python benchmarks/web_bench.py --articles 20000 --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

from backchannel.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "benchmarks" / ".cache"
RESULTS = REPO / "benchmarks" / "results"
TARGET_MS = 300
def _shifted(column: str, sentinel: bool = False) -> str:
    """SQL for a time shifted back :k days, at its own precision (day, month or year); with
    ``sentinel``, the open ends of a span (0001-01-01, 9999-12-31) stay as they are."""
    keep = f"WHEN {column} IN ('0001-01-01', '9999-12-31') THEN {column} " if sentinel else ""
    return (f"CASE {keep}WHEN length({column}) = 10 THEN date({column}, '-' || :k || ' days') "
            f"WHEN length({column}) = 7 THEN strftime('%Y-%m', date({column} || '-01', '-' || :k || ' days')) "
            f"WHEN length({column}) = 4 THEN strftime('%Y', date({column} || '-01-01', '-' || :k || ' days')) "
            f"ELSE {column} END")


COPY_SQL = [
    """INSERT INTO articles (id, source_key, source_path, version, is_current, raw_sha256, raw_size, format, title,
         outlet, url, author, published, language, language_declared, warnings, meta, languages, text, ingested_at,
         run_id)
       SELECT 'z' || printf('%05x', :k) || substr(id, 7), source_key || '#syn' || :k, source_path || '#syn' || :k,
         version, is_current, raw_sha256, raw_size, format, title, outlet, url, author,
         CASE WHEN length(published) = 10 THEN date(published, '-' || :k || ' days') ELSE published END,
         language, language_declared, warnings, meta, languages, text, ingested_at, run_id
       FROM articles WHERE id IN (SELECT id FROM template)""",
    """INSERT INTO mentions (article_id, start, "end", surface, base, type, cluster, role, entity_id)
       SELECT 'z' || printf('%05x', :k) || substr(article_id, 7), start, "end", surface, base, type, cluster, role,
         entity_id FROM mentions WHERE article_id IN (SELECT id FROM template)""",
    f"""INSERT INTO reports (id, article_id, kind, polarity, confidence, cue, evidence_start, evidence_end, when_text,
         when_start, when_end, when_precision, where_name, where_entity_id, participants, according_to)
       SELECT 'z' || printf('%05x', :k) || substr(id, 7), 'z' || printf('%05x', :k) || substr(article_id, 7), kind,
         polarity, confidence, cue, evidence_start, evidence_end, when_text, {_shifted("when_start")},
         {_shifted("when_end")}, when_precision, where_name, where_entity_id, participants, according_to
       FROM reports WHERE article_id IN (SELECT id FROM template)""",
    """INSERT INTO report_participants (report_id, entity_id, role)
       SELECT 'z' || printf('%05x', :k) || substr(report_id, 7), entity_id, role FROM report_participants
       WHERE report_id IN (SELECT id FROM reports WHERE article_id IN (SELECT id FROM template))""",
    """INSERT INTO stories (id, title, representative_id, first_published, last_published, articles, languages, outlets)
       SELECT 'z' || printf('%05x', :k) || substr(id, 7), title, 'z' || printf('%05x', :k) || substr(representative_id, 7),
         date(first_published, '-' || :k || ' days'), date(last_published, '-' || :k || ' days'), articles, languages,
         outlets FROM stories WHERE id IN (SELECT story_id FROM story_articles WHERE article_id IN (SELECT id FROM template))""",
    """INSERT INTO story_articles (article_id, story_id, score, copy_of)
       SELECT 'z' || printf('%05x', :k) || substr(article_id, 7), 'z' || printf('%05x', :k) || substr(story_id, 7), score,
         CASE WHEN copy_of IS NULL THEN NULL ELSE 'z' || printf('%05x', :k) || substr(copy_of, 7) END
       FROM story_articles WHERE article_id IN (SELECT id FROM template)""",
    f"""INSERT INTO events (id, kind, participants, when_start, when_end, when_precision, sort_key, status, sources,
         report_count, outlets, first_reported, last_reported)
       SELECT 'z' || printf('%05x', :k) || substr(id, 7), kind, participants, {_shifted("when_start")},
         {_shifted("when_end")}, when_precision, {_shifted("sort_key")}, status, sources, report_count, outlets,
         {_shifted("first_reported")}, {_shifted("last_reported")}
       FROM events WHERE id IN (SELECT event_id FROM event_reports WHERE article_id IN (SELECT id FROM template))""",
    """INSERT INTO event_reports (report_id, event_id, article_id, voice)
       SELECT 'z' || printf('%05x', :k) || substr(report_id, 7), 'z' || printf('%05x', :k) || substr(event_id, 7),
         'z' || printf('%05x', :k) || substr(article_id, 7), voice
       FROM event_reports WHERE article_id IN (SELECT id FROM template)""",
    f"""INSERT INTO event_actors (entity_id, other_id, event_id, sort_key, kind, status, span_start, span_end)
       SELECT entity_id, other_id, 'z' || printf('%05x', :k) || substr(event_id, 7), {_shifted("sort_key")}, kind,
         status, {_shifted("span_start", sentinel=True)}, {_shifted("span_end", sentinel=True)}
       FROM event_actors WHERE event_id IN (SELECT event_id FROM event_reports WHERE article_id IN (SELECT id FROM template))""",
]



def build_store(articles: int) -> Path:
    """The sample corpus, ingested, then copied until the store holds ``articles`` articles."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"web-events-{articles}.db"
    if path.exists():
        return path
    partial = CACHE / f"web-events-{articles}.partial.db"
    for old in CACHE.glob(partial.name + "*"):
        old.unlink()
    started = time.perf_counter()
    with Workspace.open(db=str(partial)) as ws:
        ws.ingest([str(REPO / "examples" / "corpus")])
        with ws.store.engine.begin() as c:
            c.execute(text("CREATE TEMP TABLE template AS SELECT id FROM articles WHERE is_current"))
            base = int(c.execute(text("SELECT count(*) FROM template")).scalar() or 0)
            copies = max(0, (articles - base + base - 1) // base)
            for k in range(1, copies + 1):
                for sql in COPY_SQL:
                    c.execute(text(sql), {"k": k})
        with ws.store.engine.connect() as c:
            c.execute(text("ANALYZE"))
            c.commit()
    partial.rename(path)
    print(f"built {path} ({base * (copies + 1)} articles) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def pages(ws: Workspace) -> dict[str, str]:
    from backchannel import query

    article = next(a for a in ws.articles() if a.title and "Эрдоган" in a.title)
    contested = query.list_events(ws.store, query.EventFilter(status="contested", limit=1, newest_first=True))[0]
    largest = max(query.list_events(ws.store, query.EventFilter(actor="vladimir-putin", limit=2000)),
                  key=lambda e: e.reports)
    story = ws.stories(limit=1)[0]
    return {
        "home": "/",
        "search: actor, inflected (Путина)": "/search?q=%D0%9F%D1%83%D1%82%D0%B8%D0%BD%D0%B0",
        "search: rare word (судоходство)": "/search?q=%D1%81%D1%83%D0%B4%D0%BE%D1%85%D0%BE%D0%B4%D1%81%D1%82%D0%B2%D0%BE",
        "search: no match": "/search?q=zzqxj",
        "actor: Vladimir Putin (most reports)": "/actors/vladimir-putin",
        "actor: Tamás Sulyok (1 report per copy)": "/actors/tamas-sulyok",
        "API network: Vladimir Putin": "/api/actors/vladimir-putin/network",
        "pair: Putin × Erdoğan": "/pairs/vladimir-putin/recep-tayyip-erdogan",
        "events": "/events",
        "API events: calls": "/api/events?kind=call",
        "disputed": "/disputed",
        f"event: contested ({contested.reports} reports)": f"/events/{contested.id}",
        f"event: Putin's largest ({largest.reports} reports)": f"/events/{largest.id}",
        "stories": "/stories",
        f"story ({story.articles} articles)": f"/stories/{story.id}",
        "article": f"/articles/{article.id}",
        "curation": "/curation",
        "API actor: Vladimir Putin": "/api/actors/vladimir-putin",
    }


def measure(db: Path, runs: int) -> list[dict[str, object]]:
    from fastapi.testclient import TestClient

    from backchannel.web.app import create_app

    rows: list[dict[str, object]] = []
    with Workspace.open(db=str(db)) as ws, TestClient(create_app(ws, hosts=["testserver"])) as client:
        for name, url in pages(ws).items():
            first = client.get(url)
            assert first.status_code == 200, (url, first.status_code, first.text[:200])
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200
            rows.append({"page": name, "url": url, "median_ms": round(statistics.median(times), 1),
                         "max_ms": round(max(times), 1), "bytes": len(first.content),
                         "under_target": max(times) < TARGET_MS})
            print(f"{name:45} {rows[-1]['median_ms']:8.1f} ms  (max {rows[-1]['max_ms']:.1f})", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = build_store(args.articles)
    with Workspace.open(db=str(db)) as ws, ws.store.engine.connect() as c:
        counts = {t: int(c.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0)
                  for t in ("articles", "mentions", "reports", "report_participants", "entities", "events",
                            "stories")}
    rows = measure(db, args.runs)
    load = os.getloadavg()[0]
    result = {"store": counts, "runs": args.runs, "target_ms": TARGET_MS, "pages": rows,
              "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                         "load_average_1min": round(load, 2)}}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "web.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
    lines = ["# Web page timings (`make bench`, benchmarks/web_bench.py)", "",
             f"Synthetic SQLite store: {counts['articles']:,} articles, {counts['mentions']:,} mentions, "
             f"{counts['reports']:,} contact reports, {counts['events']:,} events, {counts['stories']:,} stories, "
             f"{counts['entities']:,} entities (the sample corpus copied; "
             "see the script's docstring). Server-side time per request through the ASGI app (query + "
             f"template), median and maximum of {args.runs} runs after one warm-up; target < {TARGET_MS} ms. "
             f"Machine: {os.cpu_count()} CPUs, 1-minute load average {load:.1f} when measured (shared machine).", "",
             "| page | median ms | max ms | KB | < target |", "|---|---:|---:|---:|:---:|"]
    lines += [f"| {r['page']} | {r['median_ms']} | {r['max_ms']} | {int(r['bytes']) // 1024} | "  # type: ignore[call-overload]
              f"{'yes' if r['under_target'] else 'NO'} |" for r in rows]
    (RESULTS / "web.md").write_text("\n".join(lines) + "\n")
    print(f"results written to {RESULTS}/web.json and web.md", file=sys.stderr)


if __name__ == "__main__":
    main()
