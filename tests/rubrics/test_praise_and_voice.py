"""Praise scored as praise, and tone judged in the brand's own voice (issue 11, item 3).

The guide: "Praise and thanks from a customer: apologise and empathise are n/a; hear, personalisation, tone (in the
brand's voice, emoji allowed where the brand's voice welcomes them) and closing are judged as usual, and
take_ownership/act are n/a unless the customer asked for something." Replies written for these tests.
"""
import pytest

import simulator
from rubrics import score_reply

ENGINEER_PRAISE = ("Have to say, Kerry the @FibrenestHelp engineer today was brilliant. On time, friendly and tidied "
                   "all the cables away. 10/10 👏")
GUARD_PRAISE = ("Shout out to the lovely guard on the Saltmere train this morning who kept everyone calm when we were "
                "stuck for an hour. Made my day honestly. Please pass it on!")


def result(reply, customer, **ctx):
    return score_reply(reply, {"customer": customer, "platform": "twitter", "channel": "public", **ctx})


def levels(res, *keys):
    return {k: res["criteria"][k]["level"] for k in keys}


def scenario(category="complaint", **brand):
    return {"id": "t", "sla_minutes": 60, "category": category, "facts": {},
            "expected": {"not_applicable": ["escalation", "clarify", "take_private"]},
            **({"brand": brand} if brand else {})}


def test_praise_makes_apology_and_empathy_not_applicable():
    res = result("Thanks so much Jo, we'll make sure she hears how much it helped! ^KM", GUARD_PRAISE)
    assert levels(res, "apologise", "empathise") == {"apologise": None, "empathise": None}


def test_praise_without_a_request_leaves_ownership_and_act_out():
    res = result("Thanks so much Jo, we'll make sure Kerry hears how well the install went! ^FN", ENGINEER_PRAISE)
    assert levels(res, "take_ownership", "act") == {"take_ownership": None, "act": None}


@pytest.mark.rules_only   # pins the rule detectors; the learned layer differs here (rubrics/README.md, known limits)
def test_praise_that_asks_to_pass_it_on_is_owned_by_passing_it_on():
    res = result("Thank you, that's lovely to hear! I'll pass your kind words on to the guard and her manager today. ^KM",
                 GUARD_PRAISE)
    assert levels(res, "take_ownership", "act") == {"take_ownership": 2, "act": 2}


def test_a_warm_reply_to_a_compliment_is_not_refer():
    inst = simulator.generate("positive-feedback-engineer-x", 0)
    customer = inst.scoring_context["customer"]
    reply = ("Thank you so much for the lovely words! We'll make sure they hear about this, it's made our day. "
             "Have a great week! -Sam")
    res = score_reply(reply, inst.scoring_context)
    assert res["grade"] != "Refer", (customer, res["grade_rule"])
    assert res["criteria"]["empathise"]["level"] is None and res["criteria"]["act"]["level"] is None


def test_a_thank_you_for_kind_words_is_a_generic_acknowledgement():
    res = result("Thank you so much for the lovely words!", ENGINEER_PRAISE)
    assert res["criteria"]["hear"]["level"] == 1


def test_a_compliment_whose_story_mentions_a_delay_reads_as_praise():
    res = result("Thanks for the shout out! We'll pass this on to the guard's manager.", GUARD_PRAISE)
    assert res["signals"]["customer_intent"] == "praise"


@pytest.mark.parametrize("customer", [
    "Brilliant service as always, third cancelled train this week",
    "Love paying £40 for a foundation that turns orange by lunchtime 🙃 great job",
])
def test_sarcastic_praise_is_still_a_complaint(customer):
    res = result("We're sorry about this. Please DM us so we can look into it.", customer)
    assert res["signals"]["customer_intent"] == "complaint"
    assert res["criteria"]["apologise"]["level"] is not None


def test_the_scenario_category_decides_praise_in_scenario_mode():
    res = result("Thanks Jo! ^FN", "Kerry was ok I suppose.", scenario=scenario("positive_feedback"))
    assert levels(res, "apologise", "empathise", "act") == {"apologise": None, "empathise": None, "act": None}


# --- brand voice ---------------------------------------------------------------------------------------------------
HAPPY = "Just got my order and the lip oil is gorgeous 😍 obsessed"
COMPLAINT = "my order arrived with the lid snapped off and cream all over the box"
EMOJI_REPLY = "Yay, so glad you love it Mia! 😍✨💖 Enjoy every drop xo Tilly"


def test_a_few_emoji_fit_a_brand_that_welcomes_them():
    res = result(EMOJI_REPLY, HAPPY, scenario=scenario(name="Tillymint Beauty", emoji="welcome", informality="casual"))
    assert res["criteria"]["tone_of_voice"]["level"] == 2


def test_the_same_emoji_do_not_fit_a_bank_with_no_emoji_in_its_voice():
    res = result(EMOJI_REPLY, HAPPY, scenario=scenario(name="Quillfield Bank", emoji="none", informality="formal"))
    tone = res["criteria"]["tone_of_voice"]
    assert tone["level"] == 1
    assert "Quillfield Bank's voice" in tone["reason"]
    assert any(e["text"] in "😍✨💖" for e in tone["evidence"])


def test_one_emoji_in_reply_to_a_complaint_costs_tone_where_emoji_are_for_happy_customers():
    reply = "Oh no, I'm so sorry your cream arrived broken Sam 😢 Please DM us your order number and we'll send a new one."
    brand = dict(name="Larkspur & Vale", emoji="happy_only", informality="friendly")
    assert result(reply, COMPLAINT, scenario=scenario(**brand))["criteria"]["tone_of_voice"]["level"] == 1
    happy = "So glad you love it Sam 😊 Enjoy! ^LV"
    assert result(happy, HAPPY, scenario=scenario("positive_feedback", **brand))["criteria"]["tone_of_voice"]["level"] == 2


def test_casual_words_fit_a_casual_brand_but_not_a_formal_one():
    reply = "Hiya Mia, omg that's gorgeous to hear, thank you! No worries at all, enjoy it xo"
    casual = result(reply, HAPPY, scenario=scenario("positive_feedback", name="Tillymint Beauty", emoji="welcome",
                                                    informality="casual"))
    formal = result(reply, HAPPY, scenario=scenario("positive_feedback", name="Quillfield Bank", emoji="none",
                                                    informality="formal"))
    assert casual["criteria"]["tone_of_voice"]["level"] == 2
    assert formal["criteria"]["tone_of_voice"]["level"] == 1
    assert "too casual" in formal["criteria"]["tone_of_voice"]["reason"]


@pytest.mark.rules_only   # pins the rule detectors; the learned layer differs here (rubrics/README.md, known limits)
def test_free_mode_keeps_the_guides_default_of_two_emoji():
    assert result("Glad you love it Mia 😍✨", HAPPY)["criteria"]["tone_of_voice"]["level"] == 2
    assert result("Glad you love it Mia 😍✨💖", HAPPY)["criteria"]["tone_of_voice"]["level"] == 1


def test_generated_scenarios_carry_their_brands_voice():
    ctx = simulator.generate("positive-feedback-instagram", 0).scoring_context["scenario"]
    assert ctx["category"] == "positive_feedback"
    assert ctx["brand"]["emoji"] == "welcome" and ctx["brand"]["name"] == "Tillymint Beauty"


def test_an_unknown_emoji_policy_is_a_caller_error():
    from rubrics import ScoringInputError
    with pytest.raises(ScoringInputError):
        result("Thanks!", HAPPY, scenario=scenario(emoji="lots"))
