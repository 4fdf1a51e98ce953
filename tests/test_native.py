"""The mypyc build's bookkeeping: the module list and the stale-build check (backchannel.native)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel import native


def test_listed_modules_exist_and_are_no_packages() -> None:
    sources = native.sources()
    assert len(sources) > 10
    for source in sources:
        assert source.is_file(), source
        assert source.name != "__init__.py"  # a package's __init__ stays Python (it is patched by the bench)


def test_this_test_run_uses_no_stale_build() -> None:
    assert native.stale() == []  # conftest stops the session otherwise


def test_stale_lists_a_compiled_module_whose_source_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "src" / "pkg" / "mod.py"
    source.parent.mkdir(parents=True)
    source.write_text("x = 1\n")
    (source.parent / "mod.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    monkeypatch.setattr(native, "sources", lambda: [source])
    monkeypatch.setattr(native, "SOURCE_ROOT", tmp_path / "src")
    monkeypatch.setattr(native, "MANIFEST", tmp_path / "native.json")
    monkeypatch.setattr(native, "EXTENSION_SUFFIXES", [".cpython-311-x86_64-linux-gnu.so"])
    assert native.stale() == []  # nothing recorded: an installed wheel
    assert native.record() == 0  # no shared runtime: the build is removed
    (source.parent / "mod.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (tmp_path / "src" / f"{native.GROUP}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    assert native.record() == 1
    assert json.loads((tmp_path / "native.json").read_text()) == {"pkg/mod.py": native._digest(source)}
    assert native.stale() == []
    source.write_text("x = 2\n")
    assert native.stale() == ["pkg/mod.py"]
    assert native.remove() == 1
    assert native.compiled() == [] and native.stale() == []
