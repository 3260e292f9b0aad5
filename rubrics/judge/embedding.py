"""Sentence embeddings from WordLlama's 256-dimension weights (the one module that reads them).

`wordllama==0.4.0.post1` ships its weights (`weights/l2_supercat_256.safetensors`) and its tokenizer
(`tokenizers/l2_supercat_tokenizer_config.json`) inside the wheel. `WordLlama.load()` takes ~2.5 s here (its import
pulls in its training stack) and looks for the tokenizer under `tokenizer/`, so this module reads the same two files
directly: the tokenizer with `tokenizers` (as WordLlama does: no special tokens, no truncation) and the float16
weight matrix memory-mapped with numpy (the safetensors header is 8 bytes of length and a JSON table). A text's
vector is the mean of its tokens' rows, exactly as `WordLlamaInference.embed` computes it
(tests/rubrics/test_judge_embedding.py compares the two). Nothing is downloaded: no network at run time or install.

Loaded lazily, once per process. `embedder()` returns None when the package or its files are missing (the scorer
then falls back to its rules and says so).
"""
from __future__ import annotations

import importlib.util
import itertools
import json
import os
import struct
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

CONFIG = "l2_supercat"
DIM = 256
WEIGHTS = f"weights/{CONFIG}_{DIM}.safetensors"
TOKENIZER = f"tokenizers/{CONFIG}_tokenizer_config.json"
TENSOR = "embedding.weight"
_DTYPES = {"F16": np.float16, "F32": np.float32}
_lock = threading.Lock()
_state: dict = {}


class EmbeddingUnavailable(RuntimeError):
    """The WordLlama package or its shipped files cannot be read."""


def package_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")       # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingUnavailable("the wordllama package is not installed (pip install wordllama==0.4.0.post1)")
    return Path(next(iter(spec.submodule_search_locations)))


def read_safetensor(path: Path, key: str = TENSOR) -> np.ndarray:
    """One tensor of a .safetensors file, memory-mapped (no copy, no load time)."""
    with open(path, "rb") as fh:
        (size,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(size))
    meta = header[key]
    start, end = meta["data_offsets"]
    dtype = _DTYPES[meta["dtype"]]
    return np.memmap(path, dtype=dtype, mode="r", offset=8 + size + start, shape=tuple(meta["shape"]))


# The tokenizer's own thread pool costs more than it saves on a few short sentences (0.27 ms against 0.50 ms for a
# reply's sentences here); the caller's setting wins.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder:
    """Mean-pooled WordLlama vectors, normalised to unit length (so a dot product is the cosine similarity)."""

    def __init__(self, root: Path):
        from tokenizers import Tokenizer
        weights, tok = root / WEIGHTS, root / TOKENIZER
        if not weights.exists() or not tok.exists():
            raise EmbeddingUnavailable(f"wordllama's shipped files are missing under {root}")
        # a plain ndarray view of the memory map: still mapped, not copied, but indexing it skips np.memmap's
        # per-call wrapping (a third of a gather's cost on a reply's few dozen tokens)
        self.matrix = np.asarray(read_safetensor(weights))
        self.tokenizer = Tokenizer.from_file(str(tok))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.vocab = self.matrix.shape[0]

    def raw(self, text: str) -> np.ndarray:
        """WordLlama's own vector for `text` (the mean of its token rows, not normalised)."""
        ids = np.clip(np.asarray(self.tokenizer.encode(text, add_special_tokens=False).ids, dtype=np.int64),
                      0, self.vocab - 1)
        if ids.size == 0:
            return np.zeros(self.matrix.shape[1], dtype=np.float32)
        return np.asarray(self.matrix[ids], dtype=np.float32).sum(axis=0, dtype=np.float32) / np.float32(ids.size)

    def vector(self, text: str) -> np.ndarray:
        v = self.raw(text)
        n = float(np.linalg.norm(v))
        return v / n if n > 0 else v

    def vectors(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of several texts: one tokenizer call and one gather for all of them (the same numbers as
        `vector` on each)."""
        dim = self.matrix.shape[1]
        if not texts:
            return np.zeros((0, dim), dtype=np.float32)
        # encode_batch_fast: the same ids as encode_batch, without the character offsets nobody reads here
        encoded = [e.ids for e in self.tokenizer.encode_batch_fast(texts, add_special_tokens=False)]
        counts = [len(e) for e in encoded]
        total = sum(counts)
        if total == 0:
            return np.zeros((len(texts), dim), dtype=np.float32)
        ids = np.fromiter(itertools.chain.from_iterable(encoded), dtype=np.int64, count=total)
        np.minimum(ids, self.vocab - 1, out=ids)          # token ids are never negative
        rows = self.matrix[ids].astype(np.float32)
        starts = list(itertools.accumulate(counts[:-1], initial=0))
        lengths = np.asarray(counts, dtype=np.float32)
        if all(counts):
            out = np.add.reduceat(rows, starts, axis=0)
            out /= lengths[:, None]
        else:                                               # a text with no tokens keeps a zero vector
            present = [i for i, c in enumerate(counts) if c]
            out = np.zeros((len(texts), dim), dtype=np.float32)
            out[present] = np.add.reduceat(rows, [starts[i] for i in present], axis=0) / lengths[present, None]
        # np.linalg.norm(out, axis=1, keepdims=True) computes exactly this; calling it costs more than the sums
        norms = np.sqrt(np.add.reduce(out * out, axis=1, keepdims=True))
        return np.divide(out, norms, out=out, where=norms > 0)


def embedder() -> Embedder | None:
    """The process's Embedder, loaded on first use; None (remembered) when it cannot load."""
    if "embedder" not in _state:
        with _lock:
            if "embedder" not in _state:
                try:
                    _state["embedder"] = Embedder(package_dir())
                    _state["error"] = None
                except (EmbeddingUnavailable, ImportError, OSError, KeyError, ValueError) as exc:
                    _state["embedder"] = None
                    _state["error"] = str(exc)
    return _state["embedder"]


def unavailable_reason() -> str | None:
    embedder()
    return _state.get("error")


@lru_cache(maxsize=2048)
def cached_vector(text: str) -> np.ndarray:
    """The unit vector of a text that recurs (a customer's message, scenario facts, prototypes)."""
    e = embedder()
    if e is None:
        raise EmbeddingUnavailable(unavailable_reason() or "no embedder")
    return e.vector(text)
