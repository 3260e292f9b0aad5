"""Typo detection against pyspellchecker's English word list: membership only (never `correction()`: 175 ms a word).

British and American spellings are both correct: a word the English dictionary does not know is accepted
when its American form is known (organisation/organization, colour/color, centre/center...).
"""
from __future__ import annotations

import gzip
import json
import pkgutil
import re
import threading
from functools import lru_cache

from rubrics.lexicon import BRITISH_SUFFIXES, EXTRA_WORDS

_lock = threading.Lock()
_words: frozenset[str] | None = None
KEY_RE = re.compile(r'"([^"\\]*)":')


def known_words() -> frozenset[str]:
    """The words `word in SpellChecker(distance=1)` accepts once EXTRA_WORDS are loaded into it: pyspellchecker's
    English frequency list with its keys lower-cased (as SpellChecker does), plus EXTRA_WORDS.

    Read straight from the package's resources/en.json.gz: membership is all the scorer asks, and building the
    SpellChecker object (parsing the counts, summing them, the letter set) was a quarter of a second of a fresh
    process's first score; the keys alone take a regular expression over the file."""
    global _words
    if _words is None:
        with _lock:
            if _words is None:
                raw = gzip.decompress(pkgutil.get_data("spellchecker", "resources/en.json.gz") or b"").decode("utf-8")
                # {"word": count, ...}; a key with an escape in it would need the JSON decoder
                keys = json.loads(raw) if "\\" in raw else KEY_RE.findall(raw)
                _words = frozenset([k.lower() for k in keys] + [w.lower() for w in EXTRA_WORDS])
    return _words


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
    words = known_words()
    if word.lower() in words:
        return False
    return not any(alt.lower() in words for alt in _american(word))


def unknown_words(words: list[str]) -> list[str]:
    """Words (already lower-cased, letters only) that are neither English nor British/American variants."""
    return [w for w in words if _is_unknown(w)]


@lru_cache(maxsize=4096)
def is_english(word: str) -> bool:
    """True when the lower-cased word is in the dictionary (used to tell SHOUTED words from acronyms)."""
    return len(word) > 2 and not _is_unknown(word.lower())
