"""The development set of real replies (tests/data/dev/): the scorer's agreement with its hand labels must not fall
below the figures scorer 1.2 reached (rubrics/README.md), less a margin of 0.05 agreement / 0.10 kappa."""
from pathlib import Path

import pytest

from rubrics.calibration import calibrate, load_labels

# These tests pin the rule detectors (the learned layer's inputs, its evidence and the scorer's fallback when the
# model cannot load): they score with the rules alone. The learned layer is held by test_heldout_floors.py and
# test_learner_suite.py.
pytestmark = pytest.mark.rules_only

DEV = Path(__file__).resolve().parent.parent / "data" / "dev" / "replies.jsonl"
# measured 3 Dec 2026 on scorer 1.2.0: hear 0.72 / 0.31, take_ownership 0.80 / 0.65, act 0.75 / 0.55
FLOORS = {"hear": (0.67, 0.21), "acknowledge": (0.67, 0.21), "take_ownership": (0.75, 0.55), "act": (0.70, 0.45),
          "apologise": (0.76, 0.87), "empathise": (0.65, 0.44)}
# empathise lowered on 7 Dec 2026 (issue 11): the rules give an apology alone empathise 1, as the corpus's two raters do
# (tests/data/corpus train: 132 of 165 such replies); this set's labeller read it as 0. Measured 0.705 / 0.54.


@pytest.fixture(scope="module")
def report():
    records, problems = load_labels(DEV)
    assert not problems and len(records) == 88
    return calibrate(records, judge=False)   # the rules alone (module-scoped: before the rules_only fixture)


@pytest.mark.parametrize("criterion", sorted(FLOORS))
def test_dev_set_agreement_stays_above_its_floor(report, criterion):
    agreement, kappa = FLOORS[criterion]
    got = report["overall"][criterion]
    assert got["agreement"] >= agreement, got
    assert got["kappa"] >= kappa, got
