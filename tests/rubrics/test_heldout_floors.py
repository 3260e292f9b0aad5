"""Floors on the corpus heldout split (tests/data/corpus, 534 records never trained or tuned on): the learned
scorer's figures against the raters' consensus may not drop below these. Each floor is just under the figure
measured when it was set (rubrics/data/judge-model.md); raise them as the scorer improves, and lower one
only with the measured reason written beside it."""
import pytest

from rubrics.corpus import load_corpus
from rubrics.evaluation import evaluate

# Measured with scorer 2.1.0 (judge model 2.1.0): hear 0.59 / 0.79, empathise 0.84 / 0.80, apologise 0.93 / 0.83,
# take_ownership 0.61 / 0.75, act 0.58 / 0.76 (qwk / exact); grade exact 0.79. Scorer 2.1.1 (apply.py's guards):
# hear 0.59 / 0.79, take_ownership 0.62 / 0.76, act 0.57 / 0.76, grade 0.79; 2.1.2: empathise 0.836, grade 0.787.
# 2.1.3 (the model retrained on the rules as changed since, 2e39667 .. 0b4f543, which were measured on train only):
# hear 0.582 / 0.783, empathise 0.848 / 0.807, apologise 0.925 / 0.835, take_ownership 0.609 / 0.762,
# act 0.555 / 0.760, grade 0.785. act fell 0.567 -> 0.555 and its floor was lowered once, 0.56 -> 0.55, so that the
# floor reports what the scorer does rather than what an earlier one did; the others stand.
# 2.1.12 (evidence quotes that show their level, cut points, escalation routes; chosen on train): take_ownership
# 0.634 / 0.766, act 0.593 / 0.764, grade 0.785; those two floors raised to just under.
QWK_FLOORS = {"hear": 0.57, "empathise": 0.82, "apologise": 0.91, "take_ownership": 0.62, "act": 0.58}
EXACT_FLOORS = {"hear": 0.77, "empathise": 0.78, "apologise": 0.81, "take_ownership": 0.73, "act": 0.74}
GRADE_FLOOR = 0.77


@pytest.fixture(scope="module")
def heldout():
    return evaluate(load_corpus(split="heldout"))


def test_every_heldout_record_is_scored(heldout):
    assert heldout["records"] == 534 and not heldout["errors"]


@pytest.mark.parametrize("key", sorted(QWK_FLOORS))
def test_criterion_kappa_and_exact_agreement_stay_above_their_floors(heldout, key):
    got = heldout["criteria"][key]
    assert got["qwk"] >= QWK_FLOORS[key], f"{key}: qwk {got['qwk']} < {QWK_FLOORS[key]}"
    assert got["exact"] >= EXACT_FLOORS[key], f"{key}: exact {got['exact']} < {EXACT_FLOORS[key]}"


def test_grade_exact_agreement_stays_above_its_floor(heldout):
    assert heldout["grade"]["exact"] >= GRADE_FLOOR
