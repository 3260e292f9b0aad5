"""The grade rule phrased for a learner: why this grade, and what the next grade needs, in plain words.

It reads the same levels and checks the grade was computed from (rubrics.grading.grade), never the rule's text.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from rubrics.feedback.impact import top_of
from rubrics.grading import CORE, grade
from rubrics.rubric import CRITERION_ORDER, MARKING_POINTS, Rubric

# What each HEAT criterion and act asks, in a learner's words.
GLOSS = {"hear": "show you understood what they said", "empathise": "recognise how they feel",
         "apologise": "say sorry for what went wrong", "take_ownership": "say what you will do",
         "act": "give a clear next step"}


def _names(keys: Sequence[str], rubric: Rubric) -> str:
    labels = [rubric.criterion(k).label for k in keys]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _refer(levels: Mapping, checks: Sequence[Mapping], rubric: Rubric) -> str:
    for key in rubric.critical_keys:
        if levels.get(key) in (0, "fail"):
            return (f"{rubric.criterion(key).label} is a must: a reply that gets it wrong cannot pass, however "
                    "good the rest is.")
    missing = [c for c in checks if c.get("affects_grade") and not c.get("ok")]
    if missing:
        kind = rubric.check_kind(str(missing[0].get("kind")))
        return (kind.rule if kind and kind.rule else "This scenario has a point the reply must make.") + \
            f" You left out: {missing[0].get('label')}."
    zero = [k for k in CORE if levels.get(k) == 0]
    if not zero:
        return ""
    applicable = [k for k in CORE if levels.get(k) is not None]
    missing = "; ".join(f"{rubric.criterion(k).label} ({GLOSS[k]})" for k in zero) if len(zero) <= 2 else \
        _names(zero, rubric)        # a long list stays short: names only
    if len(applicable) == 1:
        return f"To pass, this reply needs at least a little of {missing}. It did not show yet."
    return (f"To pass, a reply needs at least a little of each of {_names(applicable, rubric)}. "
            f"Not shown yet: {missing}.")


def explain(levels: Mapping[str, object], checks: Sequence[Mapping], rubric: Rubric) -> str:
    """One or two plain sentences: why this grade and what the next one needs."""
    now = grade(levels, rubric, checks)[0]
    if now == "Refer":
        return _refer(levels, checks, rubric)
    core_short = [k for k in CORE if levels.get(k) not in (None, 2)]
    points = [k for k in MARKING_POINTS if levels.get(k) is not None]
    top_points = [k for k in points if levels.get(k) == top_of(k)]
    if now == "Pass":
        need = []
        if core_short:
            need.append(f"For a Merit, get {_names(core_short, rubric)} to the top level.")
        if len(top_points) * 2 <= len(points):
            need.append(f"{'Also get' if need else 'For a Merit, get'} more than half of the other points to the top "
                        f"level (you have {len(top_points)} of {len(points)}).")
        return " ".join(["You passed: every part of HEAT that applies and your next step showed.", *need])
    if now == "Merit":
        short = [k for k in CRITERION_ORDER if levels.get(k) is not None and levels.get(k) != top_of(k)]
        return ("Merit: HEAT and your next step were at the top level, and most other points too. For a "
                f"Distinction, every point needs the top level. Not there yet: {_names(short, rubric)}."
                if short else "Merit: for a Distinction, reply within the response-time target as well.")
    return "Distinction: every point that applies was at the top level."
