"""The public API: result shape (docs/interfaces.md), input errors, free and scenario modes, conversations."""
import json

import pytest

import rubrics
from rubrics import CRITERIA, RUBRIC_INFO, ScoringInputError, score_conversation, score_reply
from rubrics.rubric import CRITERION_ORDER

CUSTOMER = "My parcel was due yesterday and it still hasn't arrived. I waited in all day!"
GOOD = ("Hi Joyce, I'm so sorry your parcel hasn't arrived. I can see how frustrating it is to wait in all day for it. "
        "I'll chase the courier now and update you by 5pm today. Is there anything else I can help with? ^JS")


def ctx(**over):
    base = {"customer": CUSTOMER, "platform": "twitter", "channel": "private", "response_minutes": 12,
            "customer_name": "Joyce Patel", "customer_handle": "@joycep", "previous_replies": [], "scenario": None}
    base.update(over)
    return base


SCENARIO = {
    "id": "late-parcel", "version": "sha256:test", "sla_minutes": 30,
    "facts": {"policy": ["Refunds only after 10 working days of delay", "Courier chases are free"],
              "order": {"number": "ORD-12345678", "item": "kettle"}, "knowledge_base": []},
    "expected": {"not_applicable": ["clarify"], "take_private": True, "escalate": False, "escalation_route": None,
                 "clarify": False, "verify_identity": False, "may_promise": ["chase the courier"],
                 "must_not_promise": ["full refund today"]},
}


def test_result_has_every_criterion_in_order_with_the_documented_keys():
    r = score_reply(GOOD, ctx())
    assert list(r["criteria"]) == list(CRITERION_ORDER)
    for crit in r["criteria"].values():
        assert set(crit) >= {"level", "evidence", "missing", "reason", "confidence"}
        assert crit["confidence"] in ("high", "low")
        assert isinstance(crit["reason"], str) and crit["reason"] and "\n" not in crit["reason"]
    assert set(r) >= {"rubric", "mode", "criteria", "grade", "grade_rule", "feedback"}
    assert r["rubric"] == dict(RUBRIC_INFO)
    assert r["mode"] == "free"


def test_result_is_json_serialisable():
    r = score_reply(GOOD, ctx())
    assert json.loads(json.dumps(r)) == r


def test_levels_use_the_documented_values():
    r = score_reply(GOOD, ctx())
    for key, crit in r["criteria"].items():
        allowed = ("pass", "fail", None) if key == "data_protection" else (0, 1, 2, None)
        assert crit["level"] in allowed


def test_evidence_offsets_match_the_reply_text():
    r = score_reply(GOOD, ctx())
    spans = [ev for c in r["criteria"].values() for ev in c["evidence"]]
    assert spans
    for ev in spans:
        assert GOOD[ev["start"]:ev["end"]] == ev["text"]
        assert ev["turn"] == 0


def test_a_strong_reply_earns_a_high_grade_with_its_rule():
    r = score_reply(GOOD, ctx())
    assert r["grade"] in ("Merit", "Distinction")
    assert r["grade_rule"]


def test_feedback_quotes_the_learners_words_and_gives_examples():
    r = score_reply("Sorry to hear that. DM us.", ctx(channel="public"))
    assert r["feedback"]["went_well"] == [] or all(w["quote"] in "Sorry to hear that. DM us." or not w["quote"]
                                                   for w in r["feedback"]["went_well"])
    ebi = {e["criterion"]: e for e in r["feedback"]["even_better_if"]}
    assert "hear" in ebi and "parcel" in ebi["hear"]["example"]
    assert len(ebi) <= 3 and all(e["example"] and e["missing"] for e in ebi.values())   # the three that count most


def test_went_well_quotes_the_sentence_that_earned_the_level():
    r = score_reply(GOOD, ctx())
    quotes = [w["quote"] for w in r["feedback"]["went_well"]]
    assert "I'll chase the courier now and update you by 5pm today." in quotes       # ownership's (act's is the same)
    assert len(quotes) <= 3 and len(set(quotes)) == len(quotes)


def test_free_mode_marks_scenario_criteria_not_applicable():
    r = score_reply(GOOD, ctx())
    assert r["criteria"]["escalation"]["level"] is None
    assert r["criteria"]["accuracy"]["level"] is None


def test_scenario_mode_uses_the_sla_for_timeliness():
    r = score_reply(GOOD, ctx(scenario=SCENARIO, response_minutes=45))
    assert r["mode"] == "scenario"
    assert r["criteria"]["timeliness"]["level"] == 1      # 30-minute SLA: 45 is late but within twice


def test_scenario_not_applicable_list_is_honoured():
    r = score_reply(GOOD, ctx(scenario=SCENARIO))
    assert r["criteria"]["clarify"]["level"] is None


def test_promise_beyond_policy_scores_accuracy_zero():
    r = score_reply("Sorry about that, I'll give you a full refund today.", ctx(scenario=SCENARIO))
    assert r["criteria"]["accuracy"]["level"] == 0


def test_reply_within_policy_scores_accuracy_two():
    r = score_reply(GOOD, ctx(scenario=SCENARIO))
    assert r["criteria"]["accuracy"]["level"] == 2


def test_required_escalation_missing_scores_zero_and_done_scores_two():
    sc = json.loads(json.dumps(SCENARIO))
    sc["expected"].update(escalate=True, escalation_route="the complaints team")
    assert score_reply("Sorry about that.", ctx(scenario=sc))["criteria"]["escalation"]["level"] == 0
    r = score_reply("I'm sorry. I've passed this to the complaints team, who will contact you within 24 hours.",
                    ctx(scenario=sc))
    assert r["criteria"]["escalation"]["level"] == 2


def test_live_chat_account_talk_before_verifying_identity_fails():
    sc = json.loads(json.dumps(SCENARIO))
    sc["expected"]["verify_identity"] = True
    r = score_reply("Hi, I can see your account shows two payments this month.",
                    ctx(platform="webchat", channel="chat", scenario=sc))
    assert r["criteria"]["data_protection"]["level"] == "fail"
    r = score_reply("Hi, I can see your account shows two payments this month.",
                    ctx(platform="webchat", channel="chat", scenario=sc,
                        previous_replies=["Hi! Can you confirm your postcode for security?"]))
    assert r["criteria"]["data_protection"]["level"] == "pass"


@pytest.mark.parametrize("reply, message", [
    ("", "empty"), ("   \n", "empty"), ("x" * 10_001, "limit"), (None, "text"), (42, "text"),
])
def test_bad_replies_raise_scoring_input_error(reply, message):
    with pytest.raises(ScoringInputError, match=message):
        score_reply(reply, ctx())


@pytest.mark.parametrize("over, message", [
    ({"platform": "myspace"}, "unknown platform"),
    ({"platform": "webchat", "channel": "public"}, "no 'public' channel"),
    ({"response_minutes": -3}, "response_minutes"),
    ({"response_minutes": "soon"}, "response_minutes"),
    ({"customer": 12}, "customer"),
    ({"scenario": "late-parcel"}, "scenario"),
])
def test_bad_context_raises_scoring_input_error(over, message):
    with pytest.raises(ScoringInputError, match=message):
        score_reply("Thanks, we'll check.", ctx(**over))


def test_scoring_input_error_is_a_value_error_under_the_package_root():
    assert issubclass(ScoringInputError, rubrics.RubricsError)
    assert issubclass(ScoringInputError, ValueError)
    assert not issubclass(rubrics.ScoringError, ScoringInputError)


def test_reply_of_exactly_the_limit_is_scored_and_one_character_more_is_refused():
    r = score_reply("a" * 10_000, ctx())
    assert set(r["criteria"]) == set(CRITERIA) and r["grade"] == "Refer"
    with pytest.raises(ScoringInputError, match="10,001 characters; the limit is 10,000"):
        score_reply("a" * 10_001, ctx())


def test_context_may_be_missing():
    r = score_reply("Thanks, we'll look into this today.", None)
    assert r["mode"] == "free"


def test_conversation_evidence_carries_the_turn():
    turns = ["Hi Joyce, sorry your parcel is late. Can you confirm the order number?",
             "Thanks. I've chased the courier and it will arrive tomorrow by noon. Anything else I can help with? ^JS"]
    r = score_conversation(turns, ctx(customer=[CUSTOMER, "It's ORD-12345678"]))
    seen_turns = {ev["turn"] for c in r["criteria"].values() for ev in c["evidence"]}
    assert seen_turns == {0, 1}
    for c in r["criteria"].values():
        for ev in c["evidence"]:
            assert turns[ev["turn"]][ev["start"]:ev["end"]] == ev["text"]
    assert r["criteria"]["greeting"]["level"] == 2        # from the first turn
    assert r["criteria"]["closing"]["level"] == 2         # from the last turn
    assert r["criteria"]["act"]["level"] == 2


def test_conversation_with_a_rude_turn_fails_tone():
    turns = ["Hi Joyce, sorry your parcel is late.", "As I already told you, calm down."]
    assert score_conversation(turns, ctx())["criteria"]["tone_of_voice"]["level"] == 0


def test_conversation_needs_turns():
    with pytest.raises(ScoringInputError):
        score_conversation([], ctx())


def test_criteria_and_rubric_info_come_from_the_data_file():
    assert list(CRITERIA) == list(CRITERION_ORDER)
    assert CRITERIA["tone_of_voice"]["critical"] is True
    assert CRITERIA["hear"]["label"] == "Hear"
    assert RUBRIC_INFO["id"] == "heat-aaa-marking"
    assert RUBRIC_INFO["hash"].startswith("sha256:") and len(RUBRIC_INFO["hash"]) == 71
    assert RUBRIC_INFO["scorer_version"]


def test_scoring_is_deterministic():
    assert score_reply(GOOD, ctx()) == score_reply(GOOD, ctx())
