"""The IQA sampling rule on known data (no app, no database)."""
from collections import Counter

import pytest

from web.services.iqa_sampling import Candidate, base_rate, draw, rate_for, sample_size


@pytest.mark.parametrize("signoffs, rate", [(0, 0.5), (9, 0.5), (10, 0.25), (49, 0.25), (50, 0.1), (500, 0.1)])
def test_the_base_rate_follows_experience(signoffs, rate):
    assert base_rate(signoffs) == rate


def test_a_past_action_doubles_the_rate_up_to_all():
    assert rate_for(60, 1) == 0.2 and rate_for(20, 3) == 0.5 and rate_for(0, 1) == 1.0 and rate_for(60, 0) == 0.1


@pytest.mark.parametrize("population, rate, size", [(20, 0.1, 2), (21, 0.1, 3), (3, 0.1, 1), (4, 0.5, 2),
                                                    (5, 0.5, 3), (3, 1.0, 3), (0, 0.5, 0), (10, 0.3, 3)])
def test_sample_size_is_at_least_one_rounded_up_and_never_more_than_there_is(population, rate, size):
    assert sample_size(population, rate) == size


def _cands(assessor, n, learners=4, types=("public_reply", "live_chat"), start=1):
    return [Candidate(start + i, assessor, 100 + i % learners, types[i % len(types)]) for i in range(n)]


def test_a_draw_on_known_data():
    # Assessor 1: experienced (60 sign-offs), clean record: 10 % of 20 -> 2.
    # Assessor 2: new (3 sign-offs): 50 % of 5 -> 3.  Assessor 3: 20 sign-offs but an action: 50 % of 4 -> 2.
    candidates = _cands(1, 20) + _cands(2, 5, start=100) + _cands(3, 4, start=200)
    plan = draw(candidates, signoffs={1: 60, 2: 3, 3: 20}, past_actions={3: 1}, seed=7)
    assert {a: (p["population"], p["rate"], p["size"]) for a, p in plan.items()} == {
        1: (20, 0.1, 2), 2: (5, 0.5, 3), 3: (4, 0.5, 2)}
    for assessor, p in plan.items():
        ids = {c.attempt_id for c in candidates if c.assessor_id == assessor}
        assert len(p["picked"]) == p["size"] and set(p["picked"]) <= ids and len(set(p["picked"])) == p["size"]


def test_picks_spread_across_learners_and_exercise_types():
    candidates = _cands(1, 12, learners=3, types=("public_reply", "live_chat", "triage"))
    plan = draw(candidates, signoffs={1: 0}, past_actions={}, seed=1)   # 50 % of 12 -> 6
    picked = [c for c in candidates if c.attempt_id in plan[1]["picked"]]
    assert len(picked) == 6
    assert sorted(Counter(c.learner_id for c in picked).values()) == [2, 2, 2]
    assert sorted(Counter(c.exercise_type for c in picked).values()) == [2, 2, 2]


def test_the_same_seed_draws_the_same_sample_and_another_seed_may_not():
    candidates = _cands(1, 30, learners=30)
    first = draw(candidates, {1: 0}, {}, seed=3)[1]["picked"]
    assert draw(candidates, {1: 0}, {}, seed=3)[1]["picked"] == first
    assert any(draw(candidates, {1: 0}, {}, seed=s)[1]["picked"] != first for s in range(4, 9))
