"""Written PDF parts shared by every process (issue 17): a repeat export is fast on any worker, not only on the
one that made the first.

Two tiers: each process keeps portfolio's in-memory PageCache (PAGE_CACHE_MB), in front of a store every process
reaches: a folder on disk by default (PART_CACHE_DIR; share it between hosts as you share EXPORT_DIR), or Redis
(PART_CACHE=redis, REDIS_URL); PART_CACHE=memory keeps only the per-process tier. Keys are the content hashes
portfolio makes, so an entry never goes stale: a changed attempt has another key. Values are written PDF parts,
stored in a plain format (never pickle: whoever can write the shared folder must not be able to run code here).
"""
from __future__ import annotations

import json
import os
import secrets
import threading
from pathlib import Path

from flask import current_app

import portfolio

MAX_KEY = 128


def encode(value) -> bytes:
    """A cached part: written bytes, or (page count, written bytes, stand-in anchors)."""
    if isinstance(value, bytes | bytearray):
        return b"B" + bytes(value)
    pages, body, stand_ins = value
    head = json.dumps({"pages": int(pages), "stand_ins": sorted(stand_ins)}).encode()
    return b"T" + len(head).to_bytes(4, "big") + head + bytes(body)


def decode(data: bytes):
    if data[:1] == b"B":
        return data[1:]
    if data[:1] != b"T":
        raise ValueError("not a cached part")
    size = int.from_bytes(data[1:5], "big")
    head = json.loads(data[5:5 + size])
    return int(head["pages"]), data[5 + size:], frozenset(head["stand_ins"])


def _safe(key) -> str:
    text = str(key)
    if not text or len(text) > MAX_KEY or not all(c in "0123456789abcdef" for c in text):
        raise ValueError("cache keys are content hashes (hex)")
    return text


class DiskStore:
    """One file per part under `folder`/ab/abcdef...; written to a temporary name and renamed, so a reader in
    another process sees a whole file or none. Bounded by `max_bytes`: the oldest files go first."""

    def __init__(self, folder: str | Path, max_bytes: int):
        self.folder, self.max_bytes = Path(folder), max_bytes
        self._writes = 0

    def _path(self, key) -> Path:
        name = _safe(key)
        return self.folder / name[:2] / name

    def get(self, key) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, ValueError):
            return None

    def put(self, key, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        self._writes += 1
        if self._writes % 50 == 0:
            self.trim()

    def trim(self) -> None:
        """Delete the least recently written parts until the folder is within max_bytes."""
        files = []
        for path in self.folder.glob("??/*"):
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _m, size, _p in files)
        for _mtime, size, path in sorted(files):
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size


class RedisStore:
    """Parts in Redis, kept 30 days after they were written. Redis down or slow (2 s) is a miss on read and
    nothing kept on write: the cache costs speed, never an export."""

    def __init__(self, url: str, max_age_seconds: int = 30 * 24 * 3600):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.max_age = max_age_seconds
        self.errors = (redis.exceptions.RedisError,)

    def get(self, key) -> bytes | None:
        try:
            return self.client.get("replyready:part:" + _safe(key))
        except self.errors:
            return None

    def put(self, key, data: bytes) -> None:
        try:
            self.client.set("replyready:part:" + _safe(key), data, ex=self.max_age)
        except self.errors as exc:
            raise OSError(f"the shared part cache (Redis) did not take the part: {exc}") from exc


class SharedPageCache:
    """portfolio's PageCache interface (get, put) over a per-process memory tier and a shared store."""

    def __init__(self, memory: portfolio.PageCache, store):
        self.memory, self.store = memory, store
        self.shared_hits = 0

    def get(self, key):
        value = self.memory.get(key)
        if value is not None or self.store is None:
            return value
        data = self.store.get(key)
        if data is None:
            return None
        try:
            value = decode(data)
        except (ValueError, KeyError, json.JSONDecodeError):
            return None   # a damaged file is a miss: the part is made again and overwrites it
        self.shared_hits += 1
        self.memory.put(key, value)
        return value

    def put(self, key, value, cost: int | None = None) -> None:
        self.memory.put(key, value, cost)
        if self.store is not None:
            try:
                self.store.put(key, encode(value))
            except OSError:   # a full or unwritable shared store costs speed, never an export
                current_app.logger.warning("could not write a PDF part to the shared cache", exc_info=True)


_caches: dict[tuple, SharedPageCache] = {}
_lock = threading.Lock()


def page_cache() -> SharedPageCache:
    """This process's cache for the app's configuration."""
    config = current_app.config
    kind = config.get("PART_CACHE", "disk")
    where = config.get("REDIS_URL") if kind == "redis" else config.get("PART_CACHE_DIR")
    key = (kind, where)
    with _lock:
        cache = _caches.get(key)
        if cache is None:
            store = None
            if kind == "disk":
                store = DiskStore(where, int(config.get("PART_CACHE_MB", 1024)) * 2**20)
            elif kind == "redis":
                store = RedisStore(where)
            cache = _caches[key] = SharedPageCache(portfolio.PageCache.from_env(os.environ), store)
            while len(_caches) > 4:   # one configuration per app; tests make many: keep the newest few
                del _caches[next(iter(_caches))]
        return cache
