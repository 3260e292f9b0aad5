"""Behaviours that worked but were unpinned: what the confidence flag means, scenario-mode clarify / take_private /
platform_fit, the levels no other test reached, slang, and platform furniture that neither earns nor costs marks."""
import pytest

from rubrics import score_reply, score_reply_result

# These tests pin the rule detectors (the learned layer's inputs, its evidence and the scorer's fallback when the
# model cannot load): they score with the rules alone. The learned layer is held by test_heldout_floors.py and
# test_learner_suite.py.
pytestmark = pytest.mark.rules_only

PARCEL = "My parcel was due yesterday and still hasn't arrived."


def crit(reply, key, **ctx):
    context = {"customer": PARCEL, "platform": "twitter"}
    context.update(ctx)
    return score_reply(reply, context)["criteria"][key]


# --- confidence: low where a cue is weak or two cues conflict, high where the cue is clear ----------------------

def test_naming_the_issue_only_by_a_delay_word_is_low_confidence_and_naming_it_clearly_is_high():
    weak = crit("Sorry it's late.", "hear", customer="My parcel is late")
    clear = crit("Sorry your parcel is late and hasn't been delivered.", "hear",
                 customer="My parcel is late and hasn't been delivered")
    assert (weak["level"], weak["confidence"]) == (2, "low")
    assert (clear["level"], clear["confidence"]) == (2, "high")


def test_ownership_with_a_push_back_to_another_party_is_low_confidence():
    mixed = crit("I'll chase this for you now, but you'll need to contact the seller about the refund.", "take_ownership")
    clear = crit("I'm sorry your parcel hasn't arrived. I'll chase the courier and update you by 5pm today.",
                 "take_ownership")
    assert mixed["confidence"] == "low"
    assert (clear["level"], clear["confidence"]) == (2, "high")


def test_platform_fit_is_low_confidence_when_the_platform_is_not_given():
    reply = "Sorry your parcel hasn't arrived, we'll chase it."
    assert crit(reply, "platform_fit", platform=None)["confidence"] == "low"
    assert crit(reply, "platform_fit", platform="twitter")["confidence"] == "high"


def test_asking_for_vague_details_in_public_is_a_low_confidence_fail_and_an_email_a_high_one():
    vague = crit("Sorry your parcel hasn't arrived. Can you send your details below?", "data_protection")
    strong = crit("Sorry your parcel hasn't arrived. Can you reply with your email address?", "data_protection")
    assert (vague["level"], vague["confidence"]) == ("fail", "low")
    assert (strong["level"], strong["confidence"]) == ("fail", "high")


def test_low_confidence_criteria_are_listed_in_the_signals():
    result = score_reply_result("Sorry it's late.", {"customer": "My parcel is late", "platform": None})
    low = result.signals["low_confidence"]
    assert "hear" in low and "platform_fit" in low
    assert all(result.criteria[k].confidence == "low" for k in low)


# --- scenario mode ---------------------------------------------------------------------------------------------

SCENARIO = {"id": "s", "version": "t", "facts": {"policy": ["Refunds of the £3.99 delivery charge"]},
            "expected": {"clarify": True, "take_private": True, "escalate": True,
                         "escalation_route": "the complaints team", "must_not_promise": ["full refund"],
                         "may_promise": ["refund of the £3.99 delivery charge"]}}


def test_scenario_clarify_true_makes_clarify_apply_and_judges_the_question():
    guess = "Sorry about this, I'll chase the courier for you now."
    assert crit(guess, "clarify")["level"] is None                  # free mode: the parcel message is clear
    assert crit(guess, "clarify", scenario=SCENARIO)["level"] == 0
    assert crit("Sorry about this. Which courier was it sent with?", "clarify", scenario=SCENARIO)["level"] == 2


def test_scenario_clarify_one_for_a_question_after_a_solution_or_a_vague_one():
    for reply in ("Sorry about this! I'll reset your account now. Which device are you on?",
                  "Sorry about this! Can you tell us more?"):
        assert crit(reply, "clarify", customer="It's broken again", scenario=SCENARIO)["level"] == 1


def test_scenario_take_private_true_makes_take_private_apply():
    praise = "Love the new menu!"
    assert crit("Thanks, glad you like it!", "take_private", customer=praise)["level"] is None
    forced = crit("Thanks, glad you like it!", "take_private", customer=praise, scenario=SCENARIO)
    assert (forced["level"], forced["confidence"]) == (0, "high")


def test_the_scenarios_platform_decides_platform_fit():
    reply = "Sorry your parcel hasn't arrived. " * 12          # 407 characters
    on_x = crit(reply, "platform_fit", platform=None, scenario=dict(SCENARIO, platform="twitter"))
    on_fb = crit(reply, "platform_fit", platform=None, scenario=dict(SCENARIO, platform="facebook"))
    assert on_x["level"] == 0 and "280" in on_x["reason"]
    assert on_fb["level"] == 1 and "Facebook" in on_fb["reason"]


def test_escalation_without_what_happens_next_scores_one():
    j = crit("I've escalated this to the complaints team.", "escalation", scenario=SCENARIO)
    assert j["level"] == 1 and "what happens next" in j["reason"]


def test_an_unsupported_amount_scores_accuracy_one():
    j = crit("Sorry! We'll refund £20 of the delivery charge.", "accuracy", scenario=SCENARIO)
    assert j["level"] == 1 and j["evidence"][0]["text"] == "£20"


# --- levels no other test reached ------------------------------------------------------------------------------

def test_an_unrelated_answer_scores_acknowledge_and_closing_zero():
    msg = "I was charged twice for my broadband bill this month."
    assert crit("Our stores open at 9am on weekdays.", "acknowledge", customer=msg)["level"] == 0
    assert crit("Our stores open at 9am on weekdays.", "closing", customer=msg)["level"] == 0


def test_no_next_step_scores_signposting_zero():
    assert crit("Sorry to hear that.", "signposting", customer="My parcel is late")["level"] == 0


def test_a_short_x_reply_scores_platform_fit_two():
    j = crit("Sorry your parcel hasn't arrived, I'll chase it now.", "platform_fit")
    assert j["level"] == 2 and "suits X" in j["reason"]


# --- slang -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("reply", [
    "Hiya mate, sorry your parcel's late! I'll chase the courier now.",
    "gonna sort this for ya mate, no worries",
    "ngl that's well bad, we'll sort it tho",
])
def test_slang_costs_tone_but_is_not_a_critical_failure(reply):
    j = crit(reply, "tone_of_voice")
    assert j["level"] == 1, j["reason"]


# --- platform furniture: @handles, t.co links and sign-offs earn and cost nothing (closing apart) -----------------

BASE = "Sorry your parcel hasn't arrived. I'll chase the courier and update you by 5pm today."


@pytest.mark.parametrize("decorated", [
    "@joycep " + BASE,
    BASE + " https://t.co/AbC123xyZ",
    "@joycep " + BASE + " https://t.co/AbC123xyZ",
    BASE + " ^CH",
    BASE + " -Sean",
    BASE + " *AAB",
    BASE + " /NS",
    "@joycep " + BASE + " - Anwar https://t.co/AbC123xyZ",
])
def test_handles_links_and_signoffs_change_no_level_but_closing(decorated):
    ctx = {"customer": PARCEL, "platform": "twitter", "customer_handle": "@joycep"}
    plain = score_reply(BASE, ctx)["criteria"]
    dressed = score_reply(decorated, ctx)["criteria"]
    changed = {k for k in plain if plain[k]["level"] != dressed[k]["level"]}
    assert changed <= {"closing"}, {k: (plain[k]["level"], dressed[k]["level"]) for k in changed}


def test_a_signoff_alone_moves_closing_up_by_one():
    ctx = {"customer": PARCEL, "platform": "twitter"}
    assert score_reply(BASE, ctx)["criteria"]["closing"]["level"] == 0
    assert score_reply(BASE + " ^CH", ctx)["criteria"]["closing"]["level"] == 1


# --- tone analyser choice ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("analyser", ["vader", "textblob", "none"])
def test_every_tone_analyser_scores_and_is_reported(analyser):
    result = score_reply("That's not great, sorry. We'll check.", {"customer": PARCEL}, analyser=analyser)
    assert result["signals"]["tone_analyser"] == analyser
    assert result["criteria"]["tone_of_voice"]["level"] in (0, 1, 2)
