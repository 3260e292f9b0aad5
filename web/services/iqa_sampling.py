"""The IQA sampling plan: how many signed-off attempts to check per assessor, and which. Plain Python (no app, no
database): the web layer passes plain values, so the rule is unit-tested on known data.

The rule (risk-weighted, as internal quality assurance strategies usually are):

1. The population is the cohort's signed-off attempts that no IQA has sampled yet, grouped by the assessor who
   signed them.
2. Each assessor's base rate follows their experience, counted as sign-offs ever made:
   fewer than 10: 50 %; 10 to 49: 25 %; 50 or more: 10 %.
3. Risk: an assessor with any earlier "action" outcome from an IQA check has the rate doubled (at most 100 %).
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

RATES = ((50, 0.10), (10, 0.25), (0, 0.50))   # (sign-offs at least, rate): most experienced first
RISK_FACTOR = 2.0


@dataclass(frozen=True)
class Candidate:
    attempt_id: int
    assessor_id: int
    learner_id: int
    exercise_type: str


def base_rate(signoffs: int) -> float:
    return next(rate for at_least, rate in RATES if signoffs >= at_least)


def rate_for(signoffs: int, past_actions: int) -> float:
    rate = base_rate(signoffs)
    return min(1.0, rate * RISK_FACTOR) if past_actions > 0 else rate


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


def draw(candidates: list[Candidate], signoffs: dict[int, int], past_actions: dict[int, int],
         seed: int) -> dict[int, dict]:
    """Per assessor: {"population", "rate", "size", "picked": [attempt ids]}."""
    rng = random.Random(seed)
    by_assessor: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_assessor.setdefault(c.assessor_id, []).append(c)
    plan = {}
    for assessor_id in sorted(by_assessor):
        group = by_assessor[assessor_id]
        rate = rate_for(signoffs.get(assessor_id, 0), past_actions.get(assessor_id, 0))
        size = sample_size(len(group), rate)
        plan[assessor_id] = {"population": len(group), "rate": rate, "size": size,
                             "picked": [c.attempt_id for c in _spread(group, size, rng)]}
    return plan
