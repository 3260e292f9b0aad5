"""How cue patterns run fast: a lower-case twin of each case-insensitive pattern, and substring gates.

`rx()` compiles a case-insensitive pattern and, when it has no capital-letter class, a twin without re.I that
runs on the lower-cased reply (same matches, cheaper). `gate()` names substrings one of which must be in the
lower-cased reply for the pattern to match at all; a cheap C-level check skips the costly ones. Both are fast
paths only: `exact()` turns them off, and tests/rubrics/test_fast_paths.py scores every labelled reply both ways.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Iterator

FAST: dict[int, re.Pattern] = {}   # case-insensitive pattern -> twin compiled without re.I (run on lower text)
GATE_RE: dict[int, re.Pattern] = {}  # pattern -> alternation of substrings, one of which must be in the lower text
_enabled = [True]


def rx(pattern: str) -> re.Pattern:
    """Compile a case-insensitive cue pattern (literals written in lower case) and its fast twin."""
    p = re.compile(pattern, re.I)
    if not re.search(r"\[[^\]]*A-Z", pattern):     # a twin on lower text cannot see capitals
        FAST[id(p)] = re.compile(pattern)
    return p


def gate(pattern: re.Pattern, substrings: tuple[str, ...]) -> None:
    """The pattern can only match when one of `substrings` is in the lower-cased text."""
    GATE_RE[id(pattern)] = re.compile("|".join(re.escape(g) for g in substrings))


def fast_paths() -> bool:
    return _enabled[0]


@contextmanager
def exact() -> Iterator[None]:
    """Run with every fast path off (twins, gates and the detectors' shortcuts), to prove they change nothing."""
    _enabled[0] = False
    try:
        yield
    finally:
        _enabled[0] = True


def lsearch(pattern: re.Pattern, lower_text: str):
    """Search lower-cased text with the pattern's fast twin (same result as the case-insensitive pattern)."""
    if not _enabled[0]:
        return pattern.search(lower_text)
    return FAST.get(id(pattern), pattern).search(lower_text)
