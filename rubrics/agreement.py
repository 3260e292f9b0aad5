"""How often people agreed with the automatic levels: exact agreement and Cohen's kappa over (automatic, human)
pairs of levels. Plain values in, plain dicts out (the web layer collects the pairs from moderated and disputed
attempts).

Kappa is Cohen's unweighted kappa, (po - pe) / (1 - pe): po the share of pairs that agree, pe the agreement
expected by chance from each side's own share of each level. Levels are categories ("2", "1", "0", "pass",
"fail", "na"); a pair in which both sides say n/a says nothing about judging and is left out by the caller.
When every pair uses one and the same level, pe is 1 and kappa is undefined: None, never a made-up 1.0.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable


def cohens_kappa(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Unweighted Cohen's kappa of (rater a, rater b) pairs; None when there are none or it is undefined."""
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first.keys() | second.keys()) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def agreement(pairs: Iterable[tuple[str, str]]) -> dict:
    """{"n", "exact", "exact_share", "kappa"} for (automatic, human) pairs; shares and kappa None when n is 0."""
    pairs = list(pairs)
    exact = sum(1 for a, b in pairs if a == b)
    return {"n": len(pairs), "exact": exact, "exact_share": exact / len(pairs) if pairs else None,
            "kappa": cohens_kappa(pairs)}


def pairwise_agreement(levels: Iterable[str]) -> float | None:
    """The share of pairs of raters who gave the same level (None with fewer than two raters): 3 tutors saying
    2, 2, 1 agree in 1 of 3 pairs."""
    levels = list(levels)
    pairs = [(a, b) for i, a in enumerate(levels) for b in levels[i + 1:]]
    if not pairs:
        return None
    return sum(1 for a, b in pairs if a == b) / len(pairs)
