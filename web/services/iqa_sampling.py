"""The IQA sampling plan: how many signed-off attempts to check per assessor, and which. Plain Python (no app, no
database): the web layer passes plain values, so the rule is unit-tested on known data.

The rule (risk-weighted, as internal quality assurance strategies usually are):

1. The population is the cohort's signed-off attempts that no IQA has sampled yet, grouped by the assessor who
   signed them.
2. Each assessor's base rate follows their experience, counted as sign-offs ever made:
   fewer than 10: 50 %; 10 to 49: 25 %; 50 or more: 10 %.
3. Risk: an "action" outcome from an IQA check doubles the assessor's rate (at most 100 %) until their later work
   is checked and found sound: the rate stays doubled until a check of evidence they signed off after their latest
   action has an outcome other than "action". Work signed before the action, agreed afterwards, does not lift it
   (it shows nothing of what they do since); a new action raises it again. Pending checks count for nothing.
4. Each assessor with any unsampled evidence gets at least one check: n = max(1, ceil(rate x population)),
   never more than the population.
5. Within an assessor, attempts are picked to spread across learners and exercise types: each pick is the
   candidate whose learner, then exercise type, has been picked least so far; ties go to a seeded shuffle, so the
   same seed draws the same sample.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime

RATES = ((50, 0.10), (10, 0.25), (0, 0.50))   # (sign-offs at least, rate): most experienced first
RISK_FACTOR = 2.0


@dataclass(frozen=True)
class Candidate:
    attempt_id: int
    assessor_id: int
    learner_id: int
    exercise_type: str


@dataclass(frozen=True)
class Outcome:
    """A decided IQA check of an assessor's work: its outcome, when it was recorded, and when the sign-off it
    checked was made."""
    outcome: str                # agree | action
    checked_at: datetime
    signed_at: datetime | None  # None: not known, so it cannot show later work


def base_rate(signoffs: int) -> float:
    return next(rate for at_least, rate in RATES if signoffs >= at_least)


def raised(outcomes: list[Outcome]) -> bool:
    """Rule 3: an action not yet followed by a sound check of work the assessor signed off after it."""
    actions = [o.checked_at for o in outcomes if o.outcome == "action"]
    if not actions:
        return False
    latest = max(actions)
    return not any(o.outcome != "action" and o.signed_at is not None and o.signed_at > latest for o in outcomes)


def rate_for(signoffs: int, at_risk: bool) -> float:
    rate = base_rate(signoffs)
    return min(1.0, rate * RISK_FACTOR) if at_risk else rate


def sample_size(population: int, rate: float) -> int:
    if population <= 0:
        return 0
    return min(population, max(1, math.ceil(round(rate * population, 9))))


def _spread(candidates: list[Candidate], n: int, rng: random.Random) -> list[Candidate]:
    pool = sorted(candidates, key=lambda c: c.attempt_id)
    rng.shuffle(pool)
    learners: dict[int, int] = {}
    types: dict[str, int] = {}
    picked = []
    for _ in range(n):
        best = min(pool, key=lambda c: (learners.get(c.learner_id, 0), types.get(c.exercise_type, 0)))
        pool.remove(best)
        picked.append(best)
        learners[best.learner_id] = learners.get(best.learner_id, 0) + 1
        types[best.exercise_type] = types.get(best.exercise_type, 0) + 1
    return picked


def draw(candidates: list[Candidate], signoffs: dict[int, int], at_risk: set[int],
         seed: int) -> dict[int, dict]:
    """Per assessor: {"population", "rate", "size", "picked": [attempt ids]}. ``at_risk``: the assessors whose rate
    is raised now (``raised``)."""
    rng = random.Random(seed)
    by_assessor: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_assessor.setdefault(c.assessor_id, []).append(c)
    plan = {}
    for assessor_id in sorted(by_assessor):
        group = by_assessor[assessor_id]
        rate = rate_for(signoffs.get(assessor_id, 0), assessor_id in at_risk)
        size = sample_size(len(group), rate)
        plan[assessor_id] = {"population": len(group), "rate": rate, "size": size,
                             "picked": [c.attempt_id for c in _spread(group, size, rng)]}
    return plan
