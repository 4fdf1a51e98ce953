"""`backchannel serve` in a subprocess on a free port, for tests that talk to it over HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli() -> str:
    return str(Path(sys.executable).with_name("backchannel"))


@contextmanager
def serving(db: str) -> Iterator[str]:
    """The base URL of a server over ``db``, once it answers; stopped afterwards."""
    port = free_port()
    proc = subprocess.Popen([cli(), "--db", db, "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(url + "/api/openapi.json", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError((proc.stdout.read() if proc.stdout else b"").decode()) from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
