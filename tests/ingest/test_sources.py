"""Inputs → files: folders (recursive, sorted, hidden skipped), globs, missing paths, naming."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backchannel.ingest import InputFile, expand_inputs
from backchannel.model import RawDocument, Rejected

from .helpers import documents, only, read_all, write


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Вторая статья.")
    write(root / "a.md", "# Перша стаття\n\nТекст.")
    write(root / "sub" / "c.html", "<html><body><p>Third</p></body></html>")
    write(root / "sub" / "deeper" / "d.txt", "Четвёртая.")
    write(root / ".hidden.txt", "hidden file")
    write(root / ".git" / "config.txt", "hidden folder")
    write(root / ".obsidian" / "workspace.json", '{"text": "hidden vault settings"}')
    write(root / "sub" / ".trash" / "old.md", "hidden subfolder")
    monkeypatch.chdir(tmp_path)
    return root


def test_folder_is_walked_recursively_in_name_order_skipping_hidden_entries(corpus: Path) -> None:
    results = read_all(["corpus"])
    assert [item.source_path for item in results] == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/c.html",
        "corpus/sub/deeper/d.txt",
    ]
    assert [item.source_key for item in results] == [
        str(corpus.resolve() / "a.md"),
        str(corpus.resolve() / "b.txt"),
        str(corpus.resolve() / "sub" / "c.html"),
        str(corpus.resolve() / "sub" / "deeper" / "d.txt"),
    ]
    assert [item.format for item in documents(results)] == ["markdown", "text", "html", "text"]


@pytest.mark.parametrize(
    ("given", "first"),
    [
        ("corpus/", "corpus/a.md"),
        ("./corpus", "./corpus/a.md"),
        ("sub/../corpus", "sub/../corpus/a.md"),
    ],
)
def test_source_path_is_the_folder_as_given_joined_with_the_path_inside(
    corpus: Path, given: str, first: str
) -> None:
    (corpus.parent / "sub").mkdir()
    results = read_all([given])
    assert results[0].source_path == first
    assert results[0].source_key == str(corpus.resolve() / "a.md")


def test_relative_folder_above_the_working_directory(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus / "sub")
    results = read_all(["../../corpus/sub/deeper"])
    assert [item.source_path for item in results] == ["../../corpus/sub/deeper/d.txt"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("corpus/*.txt", ["corpus/b.txt"]),
        ("corpus/**/*.txt", ["corpus/b.txt", "corpus/sub/deeper/d.txt"]),
        ("corpus/?.md", ["corpus/a.md"]),
        ("corpus/[ab].*", ["corpus/a.md", "corpus/b.txt"]),
        ("corpus/s*", ["corpus/sub/c.html", "corpus/sub/deeper/d.txt"]),
        ("corpus/*", ["corpus/a.md", "corpus/b.txt", "corpus/sub/c.html", "corpus/sub/deeper/d.txt"]),
    ],
)
def test_glob_patterns(corpus: Path, pattern: str, expected: list[str]) -> None:
    results = read_all([pattern])
    assert all(isinstance(item, RawDocument) for item in results)
    assert [item.source_path for item in results] == expected


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("corpus/missing.txt", "no such file or directory"),
        ("nowhere/at/all", "no such file or directory"),
        ("corpus/*.pdf", "pattern matched no files"),
        ("corpus/**/*.rss", "pattern matched no files"),
        ("x" * 5000, "unusable path: File name too long"),
    ],
)
def test_missing_inputs_are_rejected_and_the_run_goes_on(corpus: Path, given: str, reason: str) -> None:
    results = read_all([given, "corpus/a.md"])
    assert results[0] == Rejected(given, os.path.abspath(given), reason)
    assert results[1].source_path == "corpus/a.md"
    assert isinstance(results[1], RawDocument)


def test_a_file_reached_twice_is_read_once(corpus: Path) -> None:
    results = read_all(["corpus/a.md", "corpus", "corpus/*.md"])
    assert [item.source_path for item in results] == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/c.html",
        "corpus/sub/deeper/d.txt",
    ]


def test_hidden_file_given_by_name_is_read(corpus: Path) -> None:
    assert only(read_all(["corpus/.hidden.txt"])).source_path == "corpus/.hidden.txt"


def test_file_name_with_glob_characters_is_read_as_a_path(tmp_path: Path) -> None:
    path = write(tmp_path / "report [draft].txt", "Text with brackets in its name.")
    assert isinstance(only(read_all([path])), RawDocument)


def test_empty_folder_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty" / ".git").mkdir(parents=True)
    result = only(read_all([tmp_path / "empty"]))
    assert isinstance(result, Rejected)
    assert result.reason.startswith("folder has no files")


def test_broken_symlink_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    assert only(read_all([tmp_path / "link.txt"])).reason == "broken symbolic link"  # type: ignore[union-attr]


def test_symlinked_folder_loop_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "root" / "a.txt", "text")
    (tmp_path / "root" / "loop").symlink_to(tmp_path / "root")
    assert [item.source_path for item in read_all([tmp_path / "root"])] == [str(tmp_path / "root" / "a.txt")]


def test_fifo_is_rejected_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = only(read_all([tmp_path / "pipe.txt"]))
    assert isinstance(result, Rejected)
    assert result.reason.startswith("not a regular file")


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backchannel.ingest import readers

    locked = write(tmp_path / "locked.txt", "secret")
    write(tmp_path / "open.txt", "public")

    def refuse(path: Path, mode: str = "r") -> object:
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return open(path, mode)

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    results = read_all([tmp_path])
    assert results[0] == Rejected(str(locked), str(locked.resolve()), "cannot read file: Permission denied")
    assert isinstance(results[1], RawDocument)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_file_without_read_permission_is_rejected(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", "secret")
    locked.chmod(0)
    result = only(read_all([locked]))
    assert isinstance(result, Rejected)
    assert "Permission denied" in result.reason


def test_expand_inputs_lists_the_files_for_a_progress_bar(corpus: Path) -> None:
    items = expand_inputs(["corpus", "-", "nothing.txt"])
    files = [item for item in items if isinstance(item, InputFile)]
    assert [item.source_path for item in files] == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/c.html",
        "corpus/sub/deeper/d.txt",
        "-",
    ]
    assert files[-1].path is None
    assert [item.reason for item in items if isinstance(item, Rejected)] == ["no such file or directory"]
