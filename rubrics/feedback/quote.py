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


def _short(text: str) -> str:
    if len(text) <= MAX_QUOTE:
        return text
    cut = text[:MAX_QUOTE - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def quote_of(spans: Sequence[Span], texts: Sequence[str]) -> str:
    """The sentence holding the first span (or the span itself when the sentence is long), "" without one."""
    for sp in spans:
        if not (0 <= sp.turn < len(texts)) or not sp.text.strip():
            continue
        sentence = _sentence(texts[sp.turn], sp.start, sp.end)
        if sentence and len(sentence) <= MAX_QUOTE:
            return sentence
        return _short(" ".join(sp.text.split()))
    return ""
