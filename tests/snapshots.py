"""What a store holds, as text to compare: its exports and its rejections (after an integrity check)."""

from __future__ import annotations

import io

from backchannel.workspace import Workspace


def snapshot(db: str, kinds: tuple[str, ...] = ("articles", "mentions", "contacts")) -> dict[str, str]:
    with Workspace.open(db=db) as ws:
        assert ws.check() == []
        out = {}
        for kind in kinds:
            buffer = io.StringIO()
            ws.export(kind, buffer)
            out[kind] = buffer.getvalue()
        out["rejected"] = "\n".join(sorted(f"{r.source_path}: {r.reason}" for r in ws.rejections()))
        return out
