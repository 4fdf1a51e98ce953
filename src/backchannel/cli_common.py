"""What every CLI module shares: the consoles and opening the workspace."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console

from backchannel.config import load_settings
from backchannel.workspace import Workspace

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def workspace(ctx: click.Context, **overrides: Any) -> Workspace:
    settings = load_settings({"db": ctx.find_root().obj["db"], **overrides})
    ws = Workspace.open(settings)
    ctx.call_on_close(ws.close)
    return ws
