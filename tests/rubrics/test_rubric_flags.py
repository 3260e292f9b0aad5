"""The rubric file's `critical:`, `needs_scenario:` and `detector:` fields drive grading and scoring."""
import pytest
import yaml

from rubrics import RubricDataError, grade, score_reply
from rubrics.rubric import DATA_DIR, DEFAULT_RUBRIC, RUBRIC, load_rubric

AMBIGUOUS = "It's not working again."
ALL_TOP = {"hear": 2, "empathise": 2, "apologise": 2, "take_ownership": 2, "acknowledge": 2, "act": 2,
           "greeting": 2, "personalisation": 2, "signposting": 2, "closing": 2, "tone_of_voice": 2,
           "plain_language": 2, "data_protection": "pass", "take_private": None, "clarify": None,
           "escalation": None, "accuracy": None, "timeliness": 2, "platform_fit": 2}


def variant(tmp_path, change):
    """A copy of the shipped rubric file with `change(criteria_by_key)` applied, loaded."""
    data = yaml.safe_load((DATA_DIR / f"{DEFAULT_RUBRIC}.yaml").read_text(encoding="utf-8"))
    change({c["key"]: c for c in data["criteria"]})
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_rubric(path=path)


def test_shipped_rubric_flags_are_the_guides_critical_and_scenario_criteria():
    assert set(RUBRIC.critical_keys) == {"tone_of_voice", "data_protection"}
    assert RUBRIC.scenario_keys == {"escalation", "accuracy"}


def test_grading_takes_its_critical_criteria_from_the_rubric_file(tmp_path):
    def swap(c):
        c["tone_of_voice"]["critical"] = False
        c["plain_language"]["critical"] = True
    rubric = variant(tmp_path, swap)
    weak_plain = dict(ALL_TOP, plain_language=0)
    assert grade(weak_plain)[0] == "Merit"
    assert grade(weak_plain, rubric) == ("Refer", "Critical failure: plain_language at 0.")
    rude = dict(ALL_TOP, tone_of_voice=0)
    assert grade(rude)[0] == "Refer"
    assert grade(rude, rubric)[0] != "Refer"


def test_a_critical_pass_fail_criterion_fails_on_fail(tmp_path):
    rubric = variant(tmp_path, lambda c: c["data_protection"].pop("critical"))
    leaked = dict(ALL_TOP, data_protection="fail")
    assert grade(leaked) == ("Refer", "Critical failure: data_protection failed.")
    assert grade(leaked, rubric)[0] != "Refer"


def test_a_failed_pass_fail_criterion_is_the_rule_given_when_two_critical_criteria_fail():
    both = dict(ALL_TOP, tone_of_voice=0, data_protection="fail")
    assert grade(both) == ("Refer", "Critical failure: data_protection failed.")


def test_scoring_uses_the_rubric_grading_rules(tmp_path):
    rubric = variant(tmp_path, lambda c: c["tone_of_voice"].update(critical=False))
    reply = "WHY ARE YOU SHOUTING AT US? WE ARE NOT TO BLAME. Read the terms."
    ctx = {"customer": "My parcel is late again!", "platform": "twitter"}
    shipped = score_reply(reply, ctx)
    assert shipped["criteria"]["tone_of_voice"]["level"] == 0
    assert shipped["grade_rule"] == "Critical failure: tone_of_voice at 0."
    assert "tone_of_voice" not in score_reply(reply, ctx, rubric=rubric)["grade_rule"]


def test_free_mode_makes_the_rubrics_needs_scenario_criteria_na(tmp_path):
    reply = "Sorry about that! Which device are you using when it stops working?"
    ctx = {"customer": AMBIGUOUS, "platform": "twitter"}
    assert score_reply(reply, ctx)["criteria"]["clarify"]["level"] == 2
    rubric = variant(tmp_path, lambda c: c["clarify"].update(needs_scenario=True))
    clarify = score_reply(reply, ctx, rubric=rubric)["criteria"]["clarify"]
    assert clarify["level"] is None and clarify["reason"] == "Free mode: clarify needs a scenario."


def test_shipped_needs_scenario_flag_gives_the_free_mode_reason():
    result = score_reply("We'll refund £500 today.", {"customer": "Refund me now", "platform": "twitter"})
    for key in ("escalation", "accuracy"):
        assert result["criteria"][key]["level"] is None
        assert result["criteria"][key]["reason"] == f"Free mode: {key} needs a scenario."


def test_a_scenario_still_scores_needs_scenario_criteria(tmp_path):
    rubric = variant(tmp_path, lambda c: c["clarify"].update(needs_scenario=True))
    scenario = {"id": "s", "facts": {"policy": ["x"]}, "expected": {"clarify": True}}
    result = score_reply("Which device are you using?", {"customer": AMBIGUOUS, "platform": "twitter",
                                                          "scenario": scenario}, rubric=rubric)
    assert result["criteria"]["clarify"]["level"] == 2


def test_loading_a_rubric_with_an_unknown_detector_names_it(tmp_path):
    def rename(c):
        c["hear"]["detector"] = "heer"
        c["closing"]["detector"] = "sign_off"
    with pytest.raises(RubricDataError) as err:
        variant(tmp_path, rename)
    assert "criteria[0] (hear): unknown detector 'heer'" in str(err.value)
    assert "(closing): unknown detector 'sign_off'" in str(err.value)


def test_a_registry_can_be_given_when_loading():
    with pytest.raises(RubricDataError, match="unknown detector 'hear'"):
        load_rubric(detectors={"empathise"})
