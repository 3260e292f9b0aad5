"""Sentiment analysers: the ONE module that imports TextBlob (and VADER). Loaded lazily, once per process.

`polarity(text)` returns a score in [-1, 1] from the analyser chosen by `ANALYSER` ("vader" or "textblob").
Which one the scorer uses was decided by measurement against labelled replies (see rubrics/README.md).
"""
from __future__ import annotations

import threading

ANALYSERS = ("vader", "textblob")
ANALYSER = "vader"

_lock = threading.Lock()
_vader = None


def _vader_analyser():
    global _vader
    if _vader is None:
        with _lock:
            if _vader is None:
                from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
                _vader = SentimentIntensityAnalyzer()
    return _vader


def vader_compound(text: str) -> float:
    return _vader_analyser().polarity_scores(text)["compound"]


def textblob_polarity(text: str) -> float:
    # PatternAnalyzer only: it ships its lexicon; tokenising/tagging would need NLTK corpora we cannot download.
    from textblob import TextBlob
    return TextBlob(text).sentiment.polarity


def textblob_subjectivity(text: str) -> float:
    from textblob import TextBlob
    return TextBlob(text).sentiment.subjectivity


_FUNCS = {"vader": vader_compound, "textblob": textblob_polarity}


def polarity(text: str, analyser: str | None = None) -> float:
    """Sentiment in [-1, 1]; analyser "vader" (default), "textblob", or "none" (always 0.0)."""
    name = analyser or ANALYSER
    if name == "none" or not text.strip():
        return 0.0
    return _FUNCS[name](text)


def warm_up(analysers: tuple[str, ...] | None = None) -> None:
    """Load the analysers now (at app start, or in a test fixture) rather than on the first request. By default only
    the one replies are scored with (ANALYSER): TextBlob and its NLTK corpora stay out of a web process that never
    uses them."""
    for name in analysers or (ANALYSER,):
        polarity("warm up", name)
