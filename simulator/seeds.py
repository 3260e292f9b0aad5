"""Stable seeds: every random choice comes from a `random.Random` seeded from a SHA-256 of its inputs.

Python's built-in `hash()` is salted per process, so it is never used: the same (scenario, seed, turn,
reply) gives the same customer on any machine and in any process.
"""
from __future__ import annotations

import hashlib
import random


def stable_int(*parts: object) -> int:
    text = "\x1f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def rng_for(*parts: object) -> random.Random:
    return random.Random(stable_int(*parts))
