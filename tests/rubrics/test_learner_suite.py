"""The behaviour suite (tests/data/corpus/learner_suite.jsonl): 100 learner-style cases, 10 for each pattern where
automatic scoring is known to go wrong, written and labelled apart from everything the scorer was trained or tuned
on. The scorer's grade must match the raters' consensus grade on at least the floor's share of them."""
from collections import Counter

import pytest

from rubrics.corpus import load_suite
from rubrics.evaluation import score_record

# Just under the pass rate measured when the floor was set (see rubrics/data/judge-model.md); raise it, never lower it.
# Measured with scorer 2.1.0: 74 of 97 graded cases (0.76); per pattern in rubrics/data/judge-model.md.
FLOOR = 0.74
PATTERN_FLOOR = 0.4


@pytest.fixture(scope="module")
def outcomes():
    out = []
    for rec in load_suite():
        if rec.get("grade") is None:
            continue
        out.append((rec["pattern"], rec["grade"], score_record(rec)["grade"]))
    return out


def test_suite_has_at_least_five_cases_for_every_pattern():
    counts = Counter(r["pattern"] for r in load_suite())
    assert len(counts) == 10 and min(counts.values()) >= 5


def test_grade_matches_the_raters_on_the_suite(outcomes):
    rate = sum(h == m for _, h, m in outcomes) / len(outcomes)
    assert rate >= FLOOR, f"suite pass rate {rate:.2f} < floor {FLOOR}"


def test_no_pattern_is_left_behind(outcomes):
    by = {}
    for pattern, h, m in outcomes:
        by.setdefault(pattern, []).append(h == m)
    worst = min(sum(v) / len(v) for v in by.values())
    assert worst >= PATTERN_FLOOR, {p: f"{sum(v)}/{len(v)}" for p, v in by.items()}
