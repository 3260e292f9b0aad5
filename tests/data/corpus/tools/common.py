"""Shared by the agreement and assembly scripts: the guide's grade rule and agreement statistics."""
from __future__ import annotations

HEAT_ACT = ("hear", "empathise", "apologise", "take_ownership", "act")
MARKING = ("greeting", "personalisation", "signposting", "closing", "tone_of_voice", "plain_language",
           "data_protection", "take_private", "clarify", "escalation", "accuracy", "timeliness", "platform_fit")
CRITERIA = ("hear", "empathise", "apologise", "take_ownership", "acknowledge", "act", "greeting", "personalisation",
            "signposting", "closing", "tone_of_voice", "plain_language", "data_protection", "take_private",
            "clarify", "escalation", "accuracy", "platform_fit")
GRADES = ("Refer", "Pass", "Merit", "Distinction")


def level(v):
    """2/1/0 as int, 'pass' as 2, 'fail' as 0; n/a, not labelled and missing as None."""
    if v in ("pass",):
        return 2
    if v in ("fail",):
        return 0
    if isinstance(v, int):
        return v
    return None


def timeliness(minutes):
    if minutes is None:
        return None
    return 2 if minutes <= 60 else 1 if minutes <= 120 else 0


def grade(labels: dict, minutes=None) -> str:
    """The rubric guide's 'Overall grade' rules applied to one rater's labels (n/a and 'nl' left out)."""
    if labels.get("data_protection") == "fail" or labels.get("tone_of_voice") == 0:
        return "Refer"
    heat = [level(labels.get(k)) for k in HEAT_ACT]
    heat = [v for v in heat if v is not None]
    if any(v < 1 for v in heat):
        return "Refer"
    marks = [level(labels.get(k)) for k in MARKING if k != "timeliness"] + [timeliness(minutes)]
    marks = [v for v in marks if v is not None]
    if not all(v == 2 for v in heat) or sum(v == 2 for v in marks) * 2 <= len(marks):
        return "Pass"
    every = heat + marks + [v for v in [level(labels.get("acknowledge"))] if v is not None]
    return "Distinction" if all(v == 2 for v in every) else "Merit"


def qwk(a: list, b: list, k: int = 3) -> float | None:
    """Quadratic-weighted Cohen's kappa for ordinal labels 0..k-1 (pairs with a None are dropped)."""
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return None
    obs = [[0] * k for _ in range(k)]
    for x, y in pairs:
        obs[x][y] += 1
    ra = [sum(obs[i]) for i in range(k)]
    rb = [sum(obs[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * obs[i][j]
            den += w * ra[i] * rb[j] / n
    return 1.0 if den == 0 else 1 - num / den


def kappa(a: list, b: list) -> float | None:
    """Unweighted Cohen's kappa over categories (None dropped)."""
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return None
    cats = sorted({x for p in pairs for x in p}, key=str)
    po = sum(x == y for x, y in pairs) / n
    pe = sum((sum(x == c for x, _ in pairs) / n) * (sum(y == c for _, y in pairs) / n) for c in cats)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)
