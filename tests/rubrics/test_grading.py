"""The overall grade rules of the rubric guide, usable on moderated levels."""
import pytest

from rubrics import grade
from rubrics.rubric import CRITERION_ORDER


def levels(**over):
    base = {k: 2 for k in CRITERION_ORDER}
    base["data_protection"] = "pass"
    base.update(over)
    return base


def test_everything_at_two_within_target_is_distinction():
    assert grade(levels())[0] == "Distinction"


def test_data_protection_fail_is_refer_whatever_else():
    g, rule = grade(levels(data_protection="fail"))
    assert g == "Refer" and "data_protection" in rule


def test_tone_zero_is_refer():
    assert grade(levels(tone_of_voice=0))[0] == "Refer"


def test_a_heat_criterion_at_zero_is_refer():
    g, rule = grade(levels(empathise=0))
    assert g == "Refer" and "empathise" in rule


def test_act_at_zero_is_refer():
    assert grade(levels(act=0))[0] == "Refer"


def test_heat_at_one_is_pass():
    g, rule = grade(levels(apologise=1))
    assert g == "Pass" and "apologise" in rule


def test_not_applicable_criteria_are_left_out():
    assert grade(levels(empathise=None, apologise=None, escalation=None))[0] == "Distinction"


def test_merit_needs_most_marking_points_at_two():
    few = levels(greeting=1, personalisation=1, signposting=1, closing=1, plain_language=1, take_private=1, clarify=1)
    assert grade(few)[0] == "Pass"
    most = levels(greeting=1, closing=1)
    g, rule = grade(most)
    assert g == "Merit" and "11 of 13" in rule


def test_late_reply_cannot_be_distinction():
    assert grade(levels(timeliness=1))[0] == "Merit"


def test_unknown_delay_does_not_block_distinction():
    assert grade(levels(timeliness=None))[0] == "Distinction"


def test_missing_keys_count_as_not_applicable():
    assert grade({"hear": 2, "empathise": 2, "apologise": 2, "take_ownership": 2, "act": 2})[0] == "Distinction"


@pytest.mark.parametrize("bad", [{"hear": 3}, {"hear": "2"}, {"data_protection": 2}, {"hear": True}])
def test_invalid_levels_are_rejected(bad):
    with pytest.raises(ValueError):
        grade(bad)
