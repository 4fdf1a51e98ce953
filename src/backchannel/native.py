"""Which modules run compiled (mypyc, see setup.py), and whether those builds match their sources.

A compiled extension sits beside its source and wins the import, so a source edited after
``make native`` would silently not run: :func:`stale` finds such modules by the sources'
SHA-256 recorded at build time (``native.json``), and the test suite refuses to run then.

    python -m backchannel.native            # status
    python -m backchannel.native --record   # after an in-place build (make native does it)
    python -m backchannel.native --remove   # back to pure Python (make pure)
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SOURCE_ROOT = PACKAGE.parent
LIST = PACKAGE / "native.txt"
MANIFEST = PACKAGE / "native.json"
GROUP = "backchannel_native__mypyc"
"""The mypyc runtime shared by the compiled modules (a top-level module beside the package)."""


def sources() -> list[Path]:
    """The sources named in ``native.txt`` (paths there are relative to the repository root)."""
    if not LIST.is_file():
        return []
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return [SOURCE_ROOT.parent / line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _extensions(source: Path) -> list[Path]:
    stem = source.with_suffix("")
    return [p for suffix in EXTENSION_SUFFIXES if (p := stem.with_name(stem.name + suffix)).is_file()]


def _runtime() -> list[Path]:
    """The built shared runtime (:data:`GROUP`), if any."""
    return [p for suffix in EXTENSION_SUFFIXES if (p := SOURCE_ROOT / f"{GROUP}{suffix}").is_file()]


def compiled() -> list[Path]:
    """Sources that have a compiled extension beside them."""
    return [s for s in sources() if _extensions(s)]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _key(source: Path) -> str:
    return source.relative_to(SOURCE_ROOT).as_posix()


def record() -> int:
    """Write the SHA-256 of every compiled module's source; returns how many. A build whose
    shared runtime failed (the modules cannot import without it) is removed instead."""
    if not _runtime():
        remove()
        return 0
    built = compiled()
    MANIFEST.write_text(json.dumps({_key(s): _digest(s) for s in built}, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    return len(built)


def stale() -> list[str]:
    """Compiled modules whose source changed since ``make native`` recorded it. Nothing when no
    build was recorded (an installed wheel: its sources and extensions came together)."""
    try:
        known: dict[str, str] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [_key(s) for s in compiled() if known.get(_key(s)) != _digest(s)]


def remove() -> int:
    """Delete the compiled extensions (the package runs as pure Python); returns how many."""
    removed = 0
    for source in sources():
        for path in _extensions(source):
            path.unlink()
            removed += 1
    for runtime in _runtime():
        runtime.unlink()
    MANIFEST.unlink(missing_ok=True)
    return removed


def _say(line: str) -> None:
    sys.stdout.write(f"backchannel: {line}\n")


def main(argv: list[str]) -> int:
    if "--record" in argv:
        _say(f"{record()} compiled modules recorded")
    elif "--remove" in argv:
        _say(f"{remove()} compiled modules removed; pure Python")
    else:
        old = stale()
        _say(f"{len(compiled())} of {len(sources())} listed modules compiled"
             + (f"; stale (run make native): {', '.join(old)}" if old else ""))
        return 1 if old else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
