"""Nothing lost: an ingest killed with SIGKILL in the middle, then run again, ends with exactly
what one uninterrupted run stores: no duplicate and no missing article, report or rejection."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from backchannel.store import Store
from tests.generated import write_corpus
from tests.snapshots import snapshot

KINDS = ("articles", "contacts")


def ingest_cmd(db: str, corpus: Path) -> list[str]:
    return [str(Path(sys.executable).parent / "backchannel"), "--db", db, "ingest", "-q", "--batch-size", "25",
            str(corpus)]


def test_sigkill_mid_ingest_then_rerun_loses_nothing(tmp_path: Path, db_target: str) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 200)
    killed_db = db_target
    Store.open(killed_db).close()
    proc = subprocess.Popen(ingest_cmd(killed_db, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        store = Store.open(killed_db)
        stored = store.counts()["articles"]
        store.close()
        if stored >= 25:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed: make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 25 <= Store.open(killed_db).counts()["articles"] < 192

    rerun = subprocess.run(ingest_cmd(killed_db, corpus), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    check = subprocess.run([*ingest_cmd(killed_db, corpus)[:3], "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr

    clean_db = str(tmp_path / "clean.db")
    assert subprocess.run(ingest_cmd(clean_db, corpus), capture_output=True, timeout=600).returncode == 0
    killed, clean = snapshot(killed_db, KINDS), snapshot(clean_db, KINDS)
    assert killed == clean
    assert clean["articles"].count("\n") == 192
    assert clean["rejected"].count("\n") + 1 == 8
    assert clean["contacts"].count("\n") >= 150
