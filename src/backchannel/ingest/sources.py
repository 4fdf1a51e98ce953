"""What the user typed → the files to read: paths, folders (recursive), glob patterns, ``-``.

Folders are walked in name order; hidden files and folders (``.git``, ``.obsidian``) are
skipped. A file reached twice (a folder and a glob naming the same file) is read once.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from backchannel.model import Rejected

STDIN = "-"
GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read: ``source_path`` as the user gave it (a folder's files: the folder as
    given joined with the path inside it), ``source_key`` its absolute resolved path.
    ``path`` is None for standard input."""

    source_path: str
    source_key: str
    path: Path | None


def expand_inputs(inputs: Sequence[str]) -> list[InputFile | Rejected]:
    """Every file the inputs name, in order (for a progress bar's total), with a Rejected for
    each input that names nothing."""
    return list(iter_inputs(inputs))


def iter_inputs(inputs: Sequence[str]) -> Iterator[InputFile | Rejected]:
    """Like :func:`expand_inputs`, lazily: folders are walked as the files are read."""
    seen: set[str] = set()
    for given in inputs:
        for item in _expand(given):
            if isinstance(item, InputFile):
                if item.source_key in seen:
                    continue
                seen.add(item.source_key)
            yield item


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return os.path.abspath(path)


def _expand(given: str) -> Iterator[InputFile | Rejected]:
    if given == STDIN:
        yield InputFile(STDIN, "stdin", None)
        return
    path = Path(os.path.expanduser(given))
    try:
        is_dir = path.is_dir()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        yield Rejected(
            given, os.path.abspath(given), f"unusable path: {getattr(exc, 'strerror', None) or exc}"
        )
        return
    if is_dir:
        yield from _walk(given, path)
    elif path.exists():
        yield InputFile(given, _key(path), path)
    elif path.is_symlink():
        yield Rejected(given, os.path.abspath(path), "broken symbolic link")
    elif GLOB_CHARACTERS & set(given):
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            yield Rejected(given, os.path.abspath(path), "pattern matched no files")
        for match in matches:
            found = Path(match)
            yield from _walk(match, found) if found.is_dir() else iter([InputFile(match, _key(found), found)])
    else:
        yield Rejected(given, os.path.abspath(path), "no such file or directory")


def _walk(given: str, root: Path) -> Iterator[InputFile | Rejected]:
    """The files under a folder, depth first in name order, hidden entries skipped."""
    found = False
    for item in _visit(given, root, {_key(root)}):
        found = found or isinstance(item, InputFile)
        yield item
    if not found:
        yield Rejected(given, _key(root), "folder has no files (hidden files and folders are skipped)")


def _visit(given: str, folder: Path, visited: set[str]) -> Iterator[InputFile | Rejected]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(
                (entry for entry in scan if not entry.name.startswith(".")), key=lambda e: e.name
            )
    except OSError as exc:
        yield Rejected(given, _key(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        shown = os.path.join(given, entry.name)
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            key = _key(path)
            if key not in visited:  # a symlink back up the tree is followed once
                yield from _visit(shown, path, visited | {key})
        else:
            yield InputFile(shown, _key(path), path)
