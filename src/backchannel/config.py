"""One configuration, layered once: defaults → user TOML → environment → CLI flags."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from backchannel.errors import ConfigError

DEFAULT_DB = "backchannel.db"

EnglishNer = Literal["spacy", "rules"]
ENGLISH_NER: tuple[EnglishNer, ...] = ("spacy", "rules")
"""Values of ``english_ner``."""


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    """SQLite file path, or a ``postgresql://`` URL."""
    max_bytes: int = 25_000_000
    """Inputs larger than this are rejected with a reason (files, stdin, records)."""
    batch_size: int = 200
    """Documents committed per transaction during ingest."""
    languages: tuple[str, ...] = ("ru", "uk", "en")
    """Languages the detector may answer; anything else is reported as the nearest of these or ``und``."""
    repeated_line_min_articles: int = 4
    """A line seen in at least this many articles of one outlet is boilerplate."""
    default_outlet: str | None = None
    """Outlet given to inputs whose metadata names none."""
    max_analysis_chars: int = 100_000
    """Longer articles are stored whole but analysed (NER, contacts) on their first this many characters."""
    story_sentences: int = 3
    """Sentences embedded per article for story grouping (title first); 0 turns stories off."""
    english_ner: EnglishNer = "rules"
    """English names: ``rules`` keeps English on the rules and the knowledge base alone (under
    1 ms per 1,000 characters; spaCy is never loaded); ``spacy`` adds spaCy's small English NER
    to the rules where its package is installed (about 15 ms per 1,000 characters, twenty times
    the rules, for about the same F1 on WikiEvents)."""


CHOICES: dict[str, tuple[str, ...]] = {"english_ner": ENGLISH_NER}
"""Settings that take one of a few words."""


ENV_PREFIX = "BACKCHANNEL_"


def config_path() -> Path:
    explicit = os.environ.get(f"{ENV_PREFIX}CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "backchannel" / "config.toml"


def _coerce(name: str, value: Any, current: Any) -> Any:
    try:
        if isinstance(current, bool):
            return value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
        if isinstance(current, int):
            return int(value)
        if isinstance(current, tuple):
            items = value if isinstance(value, list | tuple) else str(value).split(",")
            return tuple(str(v).strip() for v in items if str(v).strip())
        if name in CHOICES:
            return _choice(name, str(value).strip().lower())
        return None if value in ("", None) else str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting '{name}' has an invalid value {value!r}", "fix it in the config file or environment") from exc


def _choice(name: str, value: str) -> str:
    if value not in CHOICES[name]:
        raise ConfigError(f"setting '{name}' has an invalid value {value!r}", f"one of: {', '.join(CHOICES[name])}")
    return value


def _apply(settings: Settings, values: Mapping[str, Any], origin: str) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"unknown setting '{key}' in {origin}", f"known settings: {', '.join(known)}")
        changes[name] = _coerce(name, value, getattr(settings, name))
    return replace(settings, **changes)


def load_settings(overrides: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Resolve the effective settings; ``overrides`` are CLI flags (None values are ignored)."""
    env = os.environ if env is None else env
    settings = Settings()
    path = config_path()
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}", "fix or remove the file") from exc
        settings = _apply(settings, data.get("backchannel", data), str(path))
    from_env = {
        f.name: env[f"{ENV_PREFIX}{f.name.upper()}"]
        for f in fields(Settings)
        if f"{ENV_PREFIX}{f.name.upper()}" in env
    }
    settings = _apply(settings, from_env, "environment")
    if overrides:
        settings = _apply(settings, {k: v for k, v in overrides.items() if v is not None}, "command line")
    return settings
