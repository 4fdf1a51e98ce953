"""Build hook: the analysis hot path compiled to C with mypyc, when it can be.

Everything else about the package is in pyproject.toml. The modules in NATIVE are plain typed
Python (mypy --strict); mypyc turns them into C extensions that run the same code about a
quarter faster. Each extension is optional: without mypyc or a C compiler the build goes on
and the package runs as pure Python, with the same results.

``BACKCHANNEL_NATIVE=0`` builds pure Python. The editable install of ``make install`` is pure;
``make native`` then compiles in place (the extensions sit beside their sources, so a source
edited after that needs ``make native`` again: ``make test`` does it, and the test suite refuses
to run against a stale extension).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup

NATIVE_LIST = Path(__file__).resolve().parent / "src" / "backchannel" / "native.txt"


def native_modules() -> list[str]:
    """Source paths (relative to this file) of the modules to compile, from ``native.txt``."""
    lines = NATIVE_LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ext_modules() -> list[Extension]:
    if os.environ.get("BACKCHANNEL_NATIVE", "1") == "0":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        sys.stderr.write("backchannel: mypyc is not installed; building pure Python\n")
        return []
    extensions: list[Extension] = mypycify(
        ["--ignore-missing-imports", *native_modules()], opt_level="3", group_name="backchannel_native"
    )
    for extension in extensions:
        extension.optional = True  # no C compiler: pure Python, the same results
    return extensions


setup(ext_modules=ext_modules())
