"""Typo detection with pyspellchecker's `unknown()` only (never `correction()`: 175 ms a word at distance 2).

British and American spellings are both correct: a word the English dictionary does not know is accepted
when its American form is known (organisation/organization, colour/color, centre/center...).
"""
from __future__ import annotations

import threading
from functools import lru_cache

from rubrics.lexicon import BRITISH_SUFFIXES, EXTRA_WORDS

_lock = threading.Lock()
_checker = None


def _spellchecker():
    global _checker
    if _checker is None:
        with _lock:
            if _checker is None:
                from spellchecker import SpellChecker
                sc = SpellChecker(distance=1)
                sc.word_frequency.load_words(EXTRA_WORDS)
                _checker = sc
    return _checker


def _american(word: str) -> list[str]:
    out = []
    for gb, us in BRITISH_SUFFIXES:
        if word.endswith(gb):
            out.append(word[: -len(gb)] + us)
    if word.endswith("ll") or "ll" in word:
        out.append(word.replace("ll", "l", 1))
    if "ae" in word or "oe" in word:
        out.append(word.replace("ae", "e").replace("oe", "e"))
    return out


@lru_cache(maxsize=4096)
def _is_unknown(word: str) -> bool:
    sc = _spellchecker()
    if word in sc:
        return False
    return not any(alt in sc for alt in _american(word))


def unknown_words(words: list[str]) -> list[str]:
    """Words (already lower-cased, letters only) that are neither English nor British/American variants."""
    return [w for w in words if _is_unknown(w)]


@lru_cache(maxsize=4096)
def is_english(word: str) -> bool:
    """True when the lower-cased word is in the dictionary (used to tell SHOUTED words from acronyms)."""
    return len(word) > 2 and not _is_unknown(word.lower())
