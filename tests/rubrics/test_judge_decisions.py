"""rubrics.judge.model.decide: the cut points on the expected level, and the class they may never pick."""
import numpy as np
import pytest

from rubrics.judge.model import NEGLIGIBLE_SHARE, decide

CLASSES = ("0", "1", "2", "na")


def _decide(p, thresholds):
    return CLASSES[decide(CLASSES, np.asarray(p, dtype=np.float64), thresholds)]


def test_cut_points_never_pick_a_level_ten_times_less_probable_than_its_neighbour():
    # greeting's cut points (1.0, 1.5): a reply the model is sure is greeting 1 has an expected level of 0.997, in
    # the band of 0; before, that gave greeting 0 at probability 0.004
    assert _decide([0.004, 0.995, 0.001, 0.0], (1.0, 1.5)) == "1"


def test_a_bimodal_middle_level_steps_to_its_more_probable_neighbour():
    # expected level 1.02 falls in 1's band, but the model gives 1 only 0.02 against 0.48 and 0.50
    assert _decide([0.48, 0.02, 0.50, 0.0], (0.9, 1.3)) == "2"


def test_cut_points_still_pick_a_less_probable_level_that_is_plausible():
    # the ordinal decision is kept where it is meant to work: 1 at 0.30 is not negligible against 2 at 0.60
    assert _decide([0.10, 0.30, 0.60, 0.0], (0.9, 1.7)) == "1"
    assert _decide([0.10, 0.30, 0.60, 0.0], None) == "2"


@pytest.mark.parametrize("share", [NEGLIGIBLE_SHARE * 0.99, NEGLIGIBLE_SHARE * 1.01])
def test_the_step_happens_below_the_negligible_share_only(share):
    p1 = 0.9
    p0 = share * p1
    p = np.asarray([p0, p1, 0.0, 0.0])
    p /= p.sum()
    assert _decide(p, (1.0, 1.5)) == ("1" if share < NEGLIGIBLE_SHARE else "0")


def test_na_as_the_most_probable_class_is_still_chosen():
    assert _decide([0.2, 0.1, 0.1, 0.6], (0.9, 1.3)) == "na"
