"""The IQA sampling rule on known data (no app, no database)."""
from collections import Counter
from datetime import datetime, timedelta

import pytest

from web.services.iqa_sampling import Candidate, Outcome, base_rate, draw, raised, rate_for, sample_size

DAY1 = datetime(2026, 3, 2, 9, 0)


@pytest.mark.parametrize("signoffs, rate", [(0, 0.5), (9, 0.5), (10, 0.25), (49, 0.25), (50, 0.1), (500, 0.1)])
def test_the_base_rate_follows_experience(signoffs, rate):
    assert base_rate(signoffs) == rate


def test_a_raised_rate_is_doubled_up_to_all():
    assert rate_for(60, True) == 0.2 and rate_for(20, True) == 0.5 and rate_for(0, True) == 1.0
    assert rate_for(60, False) == 0.1


def day(n: int, hour: int = 9) -> datetime:
    return DAY1 + timedelta(days=n, hours=hour - 9)


def test_no_action_never_raises_the_rate():
    assert not raised([]) and not raised([Outcome("agree", day(3), day(1)), Outcome("agree", day(5), day(4))])


def test_an_action_raises_the_rate_until_work_signed_after_it_is_checked_and_agreed():
    action = Outcome("action", day(3), day(1))
    assert raised([action])
    assert not raised([action, Outcome("agree", day(9), day(6))])    # signed on day 6, after the action of day 3


def test_agreeing_with_work_signed_before_the_action_does_not_lift_it():
    """Same sample or a later one: an older sign-off found sound says nothing of the assessor's work since."""
    action = Outcome("action", day(3), day(1))
    assert raised([action, Outcome("agree", day(3, 10), day(1))])    # checked after the action, signed before it
    assert raised([action, Outcome("agree", day(20), day(2))])


def test_a_later_action_raises_it_again_and_only_work_after_that_one_clears_it():
    first, cleared = Outcome("action", day(3), day(1)), Outcome("agree", day(9), day(6))
    second = Outcome("action", day(12), day(10))
    assert not raised([first, cleared]) and raised([first, cleared, second])
    assert raised([first, cleared, second, Outcome("agree", day(14), day(11))])   # signed before the second
    assert not raised([first, cleared, second, Outcome("agree", day(16), day(13))])


def test_a_check_whose_sign_off_time_is_unknown_does_not_lift_it():
    assert raised([Outcome("action", day(3), day(1)), Outcome("agree", day(9), None)])


@pytest.mark.parametrize("population, rate, size", [(20, 0.1, 2), (21, 0.1, 3), (3, 0.1, 1), (4, 0.5, 2),
                                                    (5, 0.5, 3), (3, 1.0, 3), (0, 0.5, 0), (10, 0.3, 3)])
def test_sample_size_is_at_least_one_rounded_up_and_never_more_than_there_is(population, rate, size):
    assert sample_size(population, rate) == size


def _cands(assessor, n, learners=4, types=("public_reply", "live_chat"), start=1):
    return [Candidate(start + i, assessor, 100 + i % learners, types[i % len(types)]) for i in range(n)]


def test_a_draw_on_known_data():
    # Assessor 1: experienced (60 sign-offs), clean record: 10 % of 20 -> 2.
    # Assessor 2: new (3 sign-offs): 50 % of 5 -> 3.  Assessor 3: 20 sign-offs, rate raised by an action: 50 % of 4 -> 2.
    candidates = _cands(1, 20) + _cands(2, 5, start=100) + _cands(3, 4, start=200)
    plan = draw(candidates, signoffs={1: 60, 2: 3, 3: 20}, at_risk={3}, seed=7)
    assert {a: (p["population"], p["rate"], p["size"]) for a, p in plan.items()} == {
        1: (20, 0.1, 2), 2: (5, 0.5, 3), 3: (4, 0.5, 2)}
    for assessor, p in plan.items():
        ids = {c.attempt_id for c in candidates if c.assessor_id == assessor}
        assert len(p["picked"]) == p["size"] and set(p["picked"]) <= ids and len(set(p["picked"])) == p["size"]


def test_picks_spread_across_learners_and_exercise_types():
    candidates = _cands(1, 12, learners=3, types=("public_reply", "live_chat", "triage"))
    plan = draw(candidates, signoffs={1: 0}, at_risk=set(), seed=1)   # 50 % of 12 -> 6
    picked = [c for c in candidates if c.attempt_id in plan[1]["picked"]]
    assert len(picked) == 6
    assert sorted(Counter(c.learner_id for c in picked).values()) == [2, 2, 2]
    assert sorted(Counter(c.exercise_type for c in picked).values()) == [2, 2, 2]


def test_the_same_seed_draws_the_same_sample_and_another_seed_may_not():
    candidates = _cands(1, 30, learners=30)
    first = draw(candidates, {1: 0}, set(), seed=3)[1]["picked"]
    assert draw(candidates, {1: 0}, set(), seed=3)[1]["picked"] == first
    assert any(draw(candidates, {1: 0}, set(), seed=s)[1]["picked"] != first for s in range(4, 9))
