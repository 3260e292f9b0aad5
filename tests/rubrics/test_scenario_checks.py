"""Scenario-aware checks (issue 11, item 3): a crisis statement's must-cover and must-not points and a scenario's key
behaviours, each with the learner's words as evidence, matched by meaning; only the guide's crisis rule touches the
grade. Replies written for these tests.
"""
import json
from pathlib import Path

import pytest

import simulator
from rubrics import ScoringInputError, grade, score_conversation, score_reply
from rubrics.checks import run_checks
from rubrics.situation import build_situation

DATA = Path(__file__).parent / "data"
FULL_RECALL = ("We've seen reports of the Steamline kettle overheating, and we're sorry for the worry this has caused. "
               "Please stop using it now and unplug it. We'll give you a full refund and collect it for free; "
               "everything is at larkspurvale.example.co.uk/recall, or call us free on 0800 123 4567 if you're not "
               "online. We'll keep posting updates here.")
WARM_NO_SAFETY = ("We're so sorry to everyone worried about the Steamline kettle. We're looking into this urgently "
                  "and we'll update you later.")


def context(scenario_id, seed=0):
    return simulator.generate(scenario_id, seed).scoring_context


def checks_of(result):
    return {c["key"]: c for c in result["checks"]}


def test_a_full_recall_statement_covers_every_point_each_with_its_own_words():
    res = score_reply(FULL_RECALL, context("crisis-recall-kettle"))
    must_cover = [c for c in res["checks"] if c["kind"] in ("must_cover", "safety_action")]
    assert len(must_cover) == 5 and all(c["status"] == "shown" for c in must_cover), must_cover
    for c in must_cover:
        (ev,) = c["evidence"]
        assert FULL_RECALL[ev["start"]:ev["end"]] == ev["text"]
    assert "stop using it now and unplug it" in checks_of(res)["must_cover:1"]["evidence"][0]["text"]
    assert res["grade"] != "Refer" or "safety" not in res["grade_rule"]


def test_a_warm_statement_without_the_safety_action_is_not_a_pass():
    res = score_reply(WARM_NO_SAFETY, context("crisis-recall-kettle"))
    safety = checks_of(res)["must_cover:1"]
    assert safety["kind"] == "safety_action" and safety["status"] == "missing"
    assert safety["affects_grade"] and safety["in_guide"]
    assert res["grade"] == "Refer"
    assert "safety action" in res["grade_rule"] and "stop using the kettle" in res["grade_rule"]


def test_only_the_safety_action_touches_the_grade():
    res = score_reply(FULL_RECALL, context("crisis-recall-kettle"))
    levels = {k: v["level"] for k, v in res["criteria"].items()}
    others_missing = [dict(c, ok=False, status="missing") for c in res["checks"] if not c["affects_grade"]]
    assert grade(levels, checks=others_missing) == grade(levels)
    safety_missing = [dict(c, ok=False) for c in res["checks"] if c["affects_grade"]]
    assert grade(levels, checks=safety_missing)[0] == "Refer"


def test_telling_people_there_is_no_need_to_stop_using_it_is_not_the_safety_action():
    res = score_reply("There's no need to stop using your kettle, we're looking into a few reports.",
                      context("crisis-recall-kettle"))
    assert checks_of(res)["must_cover:1"]["status"] == "missing"


def test_calling_them_isolated_incidents_is_a_must_not_breach_with_its_words():
    reply = "These are isolated incidents affecting a handful of kettles. Please stop using it and unplug it."
    res = score_reply(reply, context("crisis-recall-kettle"))
    breach = checks_of(res)["must_not:1"]
    assert breach["status"] == "breached" and not breach["ok"]
    assert breach["evidence"][0]["text"].startswith("These are isolated incidents")
    assert checks_of(res)["must_not:0"]["status"] == "avoided"


def test_a_must_not_without_wordings_is_not_claimed_as_checked():
    keys = checks_of(score_reply(FULL_RECALL, context("crisis-recall-kettle")))
    assert "must_not:2" not in keys       # "mentioning any customer's details": no wordings in the file


def test_a_key_behaviour_in_the_learners_own_words_is_shown_with_evidence():
    reply = ("Hi, please take your tweet down as soon as you can, it has your account number on it. "
             "Then DM us and we'll check your card.")
    res = score_reply(reply, context("personal-data-posted-x"))
    kb = checks_of(res)["key_behaviour:advise-delete-post"]
    assert kb["status"] == "shown" and kb["kind"] == "key_behaviour" and not kb["affects_grade"]
    assert "take your tweet down" in kb["evidence"][0]["text"]


def test_a_missing_key_behaviour_is_reported_beside_the_grade_not_in_it():
    ctx = context("personal-data-posted-x")
    without = score_reply("Sorry your card keeps being declined. Please DM us and we'll check it for you. ^QB", ctx)
    assert checks_of(without)["key_behaviour:advise-delete-post"]["status"] == "missing"
    levels = {k: v["level"] for k, v in without["criteria"].items()}
    assert (without["grade"], without["grade_rule"]) == grade(levels)


def test_an_avoid_behaviour_shown_is_a_breach():
    res = score_reply("We're so sorry, our fitters were at fault and we'll cover the cost of your floor.",
                      context("legal-threat-small-claims-facebook"))
    kb = checks_of(res)["key_behaviour:no-admission"]
    assert kb["status"] == "breached" and not kb["ok"]


def test_a_behaviour_shown_in_a_later_turn_takes_its_evidence_from_that_turn():
    turns = ["Sorry your card keeps being declined, please DM us so we can help.",
             "Thanks for the DM. Before anything else, please delete your public tweet, it shows your account details."]
    res = score_conversation(turns, context("personal-data-posted-x"))
    kb = checks_of(res)["key_behaviour:advise-delete-post"]
    assert kb["status"] == "shown" and kb["evidence"][0]["turn"] == 1
    assert turns[1][kb["evidence"][0]["start"]:kb["evidence"][0]["end"]] == kb["evidence"][0]["text"]


def test_free_mode_has_no_scenario_checks():
    assert score_reply("Sorry about that, please DM us.", {"customer": "my parcel is late"})["checks"] == []


def test_a_bad_key_behaviour_in_an_inline_scenario_is_a_caller_error():
    sc = {"id": "x", "expected": {"key_behaviours": [{"shown_by": ["x"]}]}}
    with pytest.raises(ScoringInputError):
        score_reply("Thanks", {"customer": "hi", "scenario": sc})


def test_a_stored_context_with_plain_text_points_still_finds_the_safety_action():
    # contexts stored before points had wordings: a plain point that names the safety action is still the safety check
    sc = {"id": "old", "expected": {"holding_statement": {"must_cover": ["stop using the kettle", "updates to follow"],
                                                         "must_not": ["blaming a supplier"]}}}
    res = score_reply("Please stop using the kettle. We'll post updates to follow.", {"customer": "x", "scenario": sc})
    kinds = {c["key"]: (c["kind"], c["status"]) for c in res["checks"]}
    assert kinds == {"must_cover:0": ("safety_action", "shown"), "must_cover:1": ("must_cover", "shown")}


def _paraphrase_results(name):
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    out = []
    for sid, checks in data.items():
        if sid.startswith("_"):
            continue
        sit = build_situation(context(sid), None)
        for key, cases in checks.items():
            for want in ("shows", "not"):
                for text in cases[want]:
                    got = {c.key: c for c in run_checks([text], sit)}[key]
                    out.append((sid, key, want, text, got.status in ("shown", "breached")))
    return out


def test_every_wording_of_the_tuning_set_is_matched_by_meaning():
    wrong = [r[:4] for r in _paraphrase_results("behaviour_paraphrases.json") if r[4] != (r[2] == "shows")]
    assert wrong == []


def test_wordings_nobody_tuned_on_are_matched_nine_times_in_ten():
    results = _paraphrase_results("behaviour_paraphrases_2.json")
    right = sum(r[4] == (r[2] == "shows") for r in results)
    assert len(results) >= 40
    assert right / len(results) >= 0.9, [r[:4] for r in results if r[4] != (r[2] == "shows")]
