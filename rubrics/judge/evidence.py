"""Evidence for a level the rules did not find: the reply's sentence closest in meaning to what the criterion looks
for (the customer's message for hear and acknowledge; the prototypes of rubrics.judge.features for the rest)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np

from rubrics.judge.embedding import embedder
from rubrics.judge.features import PROTOTYPES, prototype_vectors
from rubrics.lexicon import GENERIC, SLANG, STOPWORDS
from rubrics.text import Span, read, stem

WORD_RE = re.compile(r"[^\W\d_]{2,}")
CRITERION_PROTOTYPES = {
    "empathise": ("empathy", "impact"), "apologise": ("apology",), "take_ownership": ("ownership", "next_step"),
    "act": ("next_step", "ownership"), "signposting": ("next_step", "handoff", "private"), "closing": ("closing",),
    "take_private": ("private",), "tone_of_voice": ("thanks", "empathy"), "hear": ("apology", "empathy"),
    "acknowledge": ("apology", "empathy"), "clarify": ("question",),
}


def _spans(texts: Sequence[str]) -> tuple[Span, ...]:
    return _spans_of(tuple(texts))


@lru_cache(maxsize=64)
def _spans_of(texts: tuple[str, ...]) -> tuple[Span, ...]:
    """The reply's sentences (handles, links and sign-offs blanked first, as the detectors read it); kept for the
    scoring's later calls (readable, then best_sentence for each criterion the model moves)."""
    out = []
    for turn, text in enumerate(texts):
        reading = read(text, turn)
        m = reading.masked
        for start, end in reading.sentences:
            while start < end and m[start].isspace():
                start += 1
            while end > start and m[end - 1].isspace():
                end -= 1
            if end > start and WORD_RE.search(m[start:end]):      # a sentence with a word in it
                out.append(Span(start, end, text[start:end], turn))
    return tuple(out)


def readable(texts: Sequence[str]) -> bool:
    """Whether any turn has a sentence with a word in it once handles, links and sign-offs are blanked."""
    return bool(_spans(texts))


def content_words(texts: Sequence[str]) -> int:
    """How many words of the reply could carry meaning: three letters or more, not a stop word, slang or a word too
    common in customer service to say anything ("hi", "thanks", "sorry", "help"); handles, links, sign-offs blanked."""
    n = 0
    for turn, text in enumerate(texts):
        for w in WORD_RE.findall(read(text, turn).masked.lower()):
            n += len(w) >= 3 and w not in STOPWORDS and w not in SLANG and stem(w) not in GENERIC
    return n


def best_sentence(key: str, texts: Sequence[str]) -> Span | None:
    spans = _spans(texts)
    e = embedder()
    if not spans or e is None:
        return spans[0] if spans else None
    groups = [g for g in CRITERION_PROTOTYPES.get(key, ()) if g in PROTOTYPES]
    if not groups:
        return spans[0]
    protos = prototype_vectors()
    targets = np.vstack([protos[g] for g in groups])
    sims = _span_vectors(spans) @ targets.T
    return spans[int(np.argmax(sims.max(axis=1)))]


@lru_cache(maxsize=16)
def _span_vectors(spans: tuple[Span, ...]) -> np.ndarray:
    """The sentences' unit vectors, once per reply however many criteria need evidence."""
    e = embedder()
    assert e is not None
    out = e.vectors([s.text for s in spans])
    out.flags.writeable = False      # shared by the calls that hit the cache
    return out
