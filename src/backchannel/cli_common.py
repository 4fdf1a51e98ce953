"""What every CLI module shares: the consoles and opening the workspace."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.console import Console

from backchannel.config import ENGLISH_NER, load_settings
from backchannel.workspace import Workspace

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., object])


def english_ner_option(command: F) -> F:
    """``--english-ner spacy|rules`` (the setting ``english_ner`` for this run)."""
    return click.option(
        "--english-ner", type=click.Choice(ENGLISH_NER),
        help="English names: the rules alone (default, under 1 ms per 1,000 characters) or "
             "spaCy's NER with the rules (~15 ms); setting english_ner.",
    )(command)


def workspace(ctx: click.Context, **overrides: Any) -> Workspace:
    settings = load_settings({"db": ctx.find_root().obj["db"], **overrides})
    ws = Workspace.open(settings)
    ctx.call_on_close(ws.close)
    return ws
