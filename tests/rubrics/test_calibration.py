"""Calibration metrics, and agreement with the independently labelled set when it is present."""
import json
import os
from pathlib import Path

import pytest

from rubrics.calibration import BANDS, calibrate, cohen_kappa, format_report, load_labels
from rubrics.calibration import DEFAULT_LABELS as _DEFAULT_LABELS

# These tests pin the rule detectors (the learned layer's inputs, its evidence and the scorer's fallback when the
# model cannot load): they score with the rules alone. The learned layer is held by test_heldout_floors.py and
# test_learner_suite.py.
pytestmark = pytest.mark.rules_only

# RUBRICS_CALIBRATION_LABELS lets a reviewer point the test at a labelled file outside the checkout.
DEFAULT_LABELS = Path(os.environ.get("RUBRICS_CALIBRATION_LABELS", _DEFAULT_LABELS))

THRESHOLDS = json.loads((Path(__file__).resolve().parent / "data" / "calibration_thresholds.json").read_text())


def test_kappa_is_one_for_perfect_agreement():
    assert cohen_kappa([0, 1, 2, 2], [0, 1, 2, 2], [0, 1, 2], "quadratic") == pytest.approx(1.0)


def test_kappa_is_zero_for_chance_agreement():
    # raters independent: every cell equal
    a = [0, 0, 1, 1]
    b = [0, 1, 0, 1]
    assert cohen_kappa(a, b, [0, 1]) == pytest.approx(0.0)


def test_quadratic_weights_punish_far_misses_more():
    near = cohen_kappa([0, 1, 2, 2, 1, 0], [1, 1, 2, 1, 1, 0], [0, 1, 2], "quadratic")
    far = cohen_kappa([0, 1, 2, 2, 1, 0], [2, 1, 2, 0, 1, 0], [0, 1, 2], "quadratic")
    assert near > far


def test_plain_kappa_matches_a_worked_example():
    # 2x2 table [[20, 5], [10, 15]]: po = 0.7, pe = 0.5 -> kappa 0.4
    a = ["pass"] * 25 + ["fail"] * 25
    b = ["pass"] * 20 + ["fail"] * 5 + ["pass"] * 10 + ["fail"] * 15
    assert cohen_kappa(a, b, ["pass", "fail"]) == pytest.approx(0.4)


def test_calibrate_compares_only_labelled_criteria_and_counts_na_agreement():
    recs = [{"reply": "Sorry to hear that. DM us.", "customer": "My parcel is late", "band": "weak",
             "labels": {"apologise": 1, "escalation": None}, "grade": "Pass"}]
    rep = calibrate(recs)
    assert rep["overall"]["apologise"]["n"] == 1 and rep["overall"]["apologise"]["agreement"] == 1.0
    assert rep["overall"]["escalation"]["agreement"] == 1.0          # n/a agreed
    assert rep["overall"]["hear"]["n"] == 0
    assert rep["by_band"]["weak"]["apologise"]["n"] == 1
    assert sum(sum(row.values()) for row in rep["grade_confusion"].values()) == 1
    assert rep["by_confidence"]["high"]["n"] + rep["by_confidence"]["low"]["n"] == 2


def _below_floors(rep: dict, floors: dict) -> list[str]:
    low = []
    for key, fig in rep["overall"].items():
        floor = floors["per_criterion"].get(key, THRESHOLDS["default"])
        if fig["n"] < floors["min_n"]:
            continue
        if fig["agreement"] is not None and fig["agreement"] < floor["agreement"]:
            low.append(f"{key}: agreement {fig['agreement']} < {floor['agreement']}")
        if fig["kappa"] is not None and floor.get("kappa") is not None and fig["kappa"] < floor["kappa"]:
            low.append(f"{key}: kappa {fig['kappa']} < {floor['kappa']}")
    if rep["grade_agreement"] is not None and rep["grade_agreement"] < floors["grade_agreement"]:
        low.append(f"overall grade: agreement {rep['grade_agreement']} < {floors['grade_agreement']}")
    return low


@pytest.fixture(scope="module")
def in_sample_report():
    if not DEFAULT_LABELS.exists():
        pytest.skip(f"labelled calibration set not merged yet ({DEFAULT_LABELS}); set RUBRICS_CALIBRATION_LABELS "
                    "to run against a copy elsewhere")
    records, problems = load_labels(DEFAULT_LABELS)
    assert not problems
    assert len(records) >= 200
    return calibrate(records, judge=False)   # the rules alone (module-scoped: before the rules_only fixture)


def test_scorer_agrees_with_the_labelled_calibration_set(in_sample_report):
    low = _below_floors(in_sample_report, THRESHOLDS)
    assert not low, low


def test_overall_grade_agreement_has_a_floor_on_the_calibration_set(in_sample_report):
    assert THRESHOLDS["grade_agreement"] >= 0.7
    assert in_sample_report["grade_agreement"] >= THRESHOLDS["grade_agreement"]


def test_clarify_and_escalation_have_kappa_floors():
    for key in ("clarify", "escalation"):
        assert THRESHOLDS["per_criterion"][key]["kappa"] is not None


HELDOUT = THRESHOLDS["heldout"]
HELDOUT_LABELS = Path(__file__).resolve().parents[2] / HELDOUT["labels"]


@pytest.mark.skipif(not HELDOUT_LABELS.exists(), reason=f"held-out set not present ({HELDOUT_LABELS})")
def test_held_out_figures_do_not_drop_below_their_floors():
    # floors only: rules are never chosen by looking at this set (tests/data/heldout)
    records, problems = load_labels(HELDOUT_LABELS)
    assert not problems and len(records) >= 100
    rep = calibrate(records, judge=False)
    low = _below_floors(rep, HELDOUT)
    assert not low, low


def test_calibrate_prints_mae_for_every_quality_band():
    recs = [{"reply": "Sorry to hear that. DM us.", "customer": "My parcel is late", "band": band,
             "labels": {"apologise": 0}, "grade": "Pass"} for band in BANDS]
    text = format_report(calibrate(recs))
    header = "\n".join(text.splitlines()[:2])
    assert header.count("MAE") == 1 + len(BANDS)
    row = next(line for line in text.splitlines() if line.startswith("apologise"))
    assert row.count("1.00") == 1 + len(BANDS)         # scorer 1 vs human 0: MAE 1 overall and in each band
