"""The learner's own words for "what went well": the sentence around an evidence span, kept short."""
from __future__ import annotations

import re
from typing import Sequence

from rubrics.text import Span

MAX_QUOTE = 120
END_RE = re.compile(r"[.!?\n]")
HANDLES_RE = re.compile(r"^(?:@\w+[\s,:]*)+")


def _sentence(text: str, start: int, end: int) -> str:
    before = max((m.end() for m in END_RE.finditer(text, 0, start)), default=0)
    after = END_RE.search(text, end)
    stop = after.end() if after else len(text)
    return HANDLES_RE.sub("", " ".join(text[before:stop].split()))


def _window(text: str, start: int, end: int) -> str:
    """Up to MAX_QUOTE characters of whole words around text[start:end], "…" where the sentence goes on."""
    before = max((m.end() for m in END_RE.finditer(text, 0, start)), default=0)
    after = END_RE.search(text, end)
    stop = after.end() if after else len(text)
    lead = max(before, min(start, end - MAX_QUOTE // 2) - MAX_QUOTE // 4)
    while lead > before and not text[lead - 1].isspace():
        lead += 1
    tail = min(stop, lead + MAX_QUOTE - 2)
    while tail < stop and tail > end and not text[tail].isspace():
        tail -= 1
    words = HANDLES_RE.sub("", " ".join(text[lead:tail].split())).strip(" ,;:")
    return ("…" if lead > before else "") + words + ("…" if tail < stop else "")


def quote_of(spans: Sequence[Span], texts: Sequence[str]) -> str:
    """The sentence holding the first span (or the words around it when the sentence is long), "" without one."""
    for sp in spans:
        if not (0 <= sp.turn < len(texts)) or not sp.text.strip():
            continue
        text = texts[sp.turn]
        sentence = _sentence(text, sp.start, sp.end)
        if sentence and len(sentence) <= MAX_QUOTE:
            return sentence
        quote = _window(text, sp.start, sp.end)
        return quote if len(quote) <= MAX_QUOTE else " ".join(sp.text.split())[:MAX_QUOTE]
    return ""
