"""Rule outputs on language in general (issue 11): the rule detectors are the learned layer's features and its
evidence, so each rule here is checked on replies written for these tests, with the rubric guide's reading and the
labelled corpus raters' convention (tests/data/corpus, train split) where the guide leaves room."""
import pytest

from rubrics import score_reply

pytestmark = pytest.mark.rules_only

LATE_PARCEL = "my parcel still hasn't turned up and it's the third day I've waited in for it"


def criteria(reply: str, customer: str = LATE_PARCEL, **ctx) -> dict:
    return score_reply(reply, {"customer": customer, "platform": ctx.pop("platform", "facebook"), **ctx},
                       judge=False)["criteria"]


@pytest.mark.parametrize("reply", [
    "Hi Sam, so sorry about this. Please DM us your order number and we'll chase the courier today.",
    "Really sorry Sam! Send us a private message with your tracking number and I'll look into it now.",
    "Apologies for the trouble, Sam. I've asked the depot to put your parcel on tomorrow's first round.",
])
def test_an_apology_with_no_feeling_named_is_light_empathy(reply):
    # the guide: "sorry to hear that" is light empathy; the corpus raters read any sincere apology to someone with a
    # problem the same way (train split: 132 of the 165 apology-only replies are empathise 1, 13 are 0)
    got = criteria(reply)["empathise"]
    assert got["level"] == 1
    assert got["evidence"] and "orry" in got["evidence"][0]["text"] or "pologies" in got["evidence"][0]["text"]


def test_text_speak_apologies_are_apologies():
    got = criteria("hi sam soz bout that!! ur parcel is on the van 2day, dm us if it dont show ^JT")
    assert got["apologise"]["level"] == 1 and got["apologise"]["evidence"][0]["text"].startswith("soz")
    assert got["empathise"]["level"] == 1
    assert got["tone_of_voice"]["level"] == 1          # the text-speak still costs tone


def test_better_safe_than_sorry_apologises_for_nothing():
    got = criteria("Hi Sam, I've hidden your comment because it showed your address, better safe than sorry. "
                   "Send us your tracking number on Messenger and I'll rebook the delivery.")
    assert got["apologise"]["level"] == 0 and got["apologise"]["evidence"] == []
    assert got["empathise"]["level"] == 0


def test_an_apology_for_our_own_slip_is_no_empathy():
    # "Sorry! Please DM us instead" apologises for asking for details in public, not for the customer's problem
    got = criteria("Sorry! Please DM us your tracking number instead. -Jo")
    assert got["empathise"]["level"] == 0
    assert got["apologise"]["level"] == 1


def test_thats_awful_without_an_apostrophe_is_still_a_feeling_named():
    got = criteria("omg sam thats awful, three days waiting in for a parcel!! dm us ur tracking no n we'll chase it")
    assert got["empathise"]["level"] == 2


def _scenario_context(scenario_id: str, seed: int) -> dict:
    import simulator
    return dict(simulator.generate(scenario_id, seed).to_dict()["scoring_context"])


def test_the_brands_own_name_is_not_the_customers_issue():
    # "Pippin Parcels" is the courier's name: saying it is no mention of the customer's parcel
    ctx = _scenario_context("lost-parcel-facebook", 3)
    hear = score_reply("Hi, thanks for getting in touch with Pippin Parcels. How can we help you today?", ctx,
                       judge=False)["criteria"]["hear"]
    assert hear["level"] < 2 and all("Parcels" not in e["text"] for e in hear["evidence"])
    named = score_reply("Hi, I'm sorry your parcel shows as delivered when it never reached you. DM us the tracking "
                        "number and I'll check the driver's photo today.", ctx, judge=False)["criteria"]["hear"]
    assert named["level"] == 2


def test_a_brand_name_in_the_customers_message_gives_them_no_issue_word():
    from rubrics.situation import build_situation
    ctx = _scenario_context("lost-parcel-facebook", 3)
    ctx["customer"] = "Pippin Parcels, you lot are hopeless."
    assert "parcel" not in build_situation(ctx, None).customer.issue_stems


def test_a_done_action_that_names_the_issue_is_heard():
    # "I've ..." says what happened to their problem; before, every sentence opening "I've"/"we've" was skipped
    got = criteria("I've refunded the next-day delivery charge for your late parcel and booked it onto the first "
                   "van tomorrow. ^JT", customer="paid for next day delivery and my parcel is late, not happy")
    assert got["hear"]["level"] == 2 and {"delivery", "parcel"} & {e["text"] for e in got["hear"]["evidence"]}


def test_a_promise_alone_still_does_not_state_the_issue():
    got = criteria("I'll look into your parcel today. ^JT",
                   customer="paid for next day delivery and my parcel is late, not happy")
    assert got["hear"]["level"] < 2


@pytest.mark.parametrize("reply", [
    "We promised it for Monday and missed it, Sam. I've refunded the delivery charge and it's on tomorrow's van.",
    "That one's on us, Sam: the parcel sat at the depot. I've booked it onto tomorrow's first van.",
])
def test_a_failure_owned_in_the_first_person_is_impersonal_regret(reply):
    got = criteria(reply)["apologise"]
    assert got["level"] == 1 and got["evidence"]


def test_a_failure_only_described_is_not_an_apology():
    assert criteria("Three days is longer than it should be. I've booked your parcel onto tomorrow's van."
                    )["apologise"]["level"] == 0


@pytest.mark.parametrize("reply", [
    "Sam, three days waiting in for a parcel when you work shifts is a lot to deal with. I've booked it onto "
    "tomorrow's 8am van.",
    "Sam, a third day stuck at home for a parcel is far too often. I've booked it onto tomorrow's 8am van.",
    "Sam, you shouldn't have had to wait in three days for one parcel. I've booked it onto tomorrow's 8am van.",
])
def test_the_impact_named_without_a_feeling_word_is_empathy(reply):
    got = criteria(reply)["empathise"]
    assert got["level"] == 2 and got["evidence"]


def test_an_evaluation_of_something_else_is_not_empathy():
    # "serious" about our own process, not tied to their problem
    assert criteria("We take safety seriously. Please DM us.")["empathise"]["level"] == 0


PRAISE = ("Have to say, Priya the engineer who came today was brilliant. Came back after her shift to finish the "
          "job and left everything tidy. 10/10")


def test_a_compliment_answered_with_an_apology_was_misread():
    got = criteria("Hi Tom, so sorry Priya had to come back after her shift to finish, that shouldn't happen. "
                   "DM us your account number and we'll look into it.", customer=PRAISE)
    assert got["hear"]["level"] == 0 and "orry" in got["hear"]["evidence"][0]["text"]
    assert got["acknowledge"]["level"] == 0


def test_plain_thanks_for_a_compliment_is_a_generic_acknowledgement():
    got = criteria("Thanks for the lovely feedback Tom, we'll pass it on! -Sue", customer=PRAISE)
    assert got["hear"]["level"] == 1 and got["hear"]["evidence"]
    assert got["acknowledge"]["level"] == 1


def test_thanks_that_picks_up_the_detail_still_hears_the_compliment():
    got = criteria("Thanks Tom! Priya coming back after her shift to finish is exactly the care we want, I'll make "
                   "sure her manager sees this. -Sue", customer=PRAISE)
    assert got["hear"]["level"] == 2


def test_sorry_for_our_slow_reply_to_a_compliment_is_no_misreading():
    got = criteria("Sorry for the slow reply Tom! Thanks for the lovely feedback about Priya, we'll pass it on.",
                   customer=PRAISE)
    assert got["hear"]["level"] >= 1


def test_an_order_code_the_customer_wrote_is_not_jargon():
    customer = "Order TM-3989606 still hasn't arrived, it's been a week"
    assert criteria("Sorry Jo, I've chased TM-3989606 with the courier and it'll be with you tomorrow.",
                    customer)["plain_language"]["level"] == 2
    got = criteria("Sorry Jo, I've raised ticket INC-4471902 for TM-3989606 and it'll be with you tomorrow.",
                   customer)["plain_language"]
    assert got["level"] == 1 and got["evidence"][0]["text"] == "INC-4471902"
    assert not any("TM-" in e["text"] for e in got["evidence"])


def test_the_customers_upside_down_face_mirrored_with_an_apology_is_rueful_not_sarcastic():
    customer = "any news on my refund? returned it ages ago, tracking says you got it on the 18 August 🙃"
    got = criteria("Hi Jane, 18 August is well past our 14 days, I'm sorry you've had to chase us 🙃 DM us your "
                   "order number and I'll sort it today", customer, platform="instagram")
    assert got["tone_of_voice"]["level"] != 0 and got["empathise"]["level"] != 0
    # aimed at the customer, with no apology, it still mocks them; and used unprompted it is still sarcasm
    assert criteria("Hi Jane, 'ages ago' 🙃 we do have a few thousand returns to get through. DM us your order "
                    "number", customer, platform="instagram")["tone_of_voice"]["level"] == 0
    assert criteria("Hi Jane, I'm sorry you've had to chase us 🙃 DM us your order number",
                    "any news on my refund? returned it ages ago", platform="instagram")["tone_of_voice"]["level"] == 0


@pytest.mark.parametrize("reply", ["Your refund went through just now. Anything else, just shout 💛 xo Gabi",
                                   "Your refund went through just now. Anything else, just shout! xx Pip"])
def test_a_kiss_before_the_agents_name_is_a_sign_off(reply):
    got = criteria(reply, "any news on my refund?", platform="instagram")["closing"]
    assert got["level"] == 2, got["reason"]
    assert any(e["text"].endswith(("Gabi", "Pip")) for e in got["evidence"])


def test_a_feeling_that_names_the_issue_does_not_answer_the_question():
    customer = "where is my order?? it's my daughter's birthday present and it was due yesterday"
    got = criteria("Hi Sam, I'm so sorry. We know how important birthdays are!", customer)
    assert got["take_ownership"]["level"] == 0 and got["act"]["level"] == 0
    # a statement of fact about it still answers
    got = criteria("Hi Sam, I'm so sorry. Your birthday present is on the van and arrives today.", customer)
    assert got["take_ownership"]["level"] == 2


def test_the_letters_of_an_email_address_are_not_text_speak():
    customer = "please change the email on my account to hartley.k@example.com"
    got = criteria("Thanks Keith, that all matches. I've changed your email to hartley.k@example.com. Anything else "
                   "while you're here?", customer, platform="webchat")["tone_of_voice"]
    assert got["level"] == 2, got["reason"]
    assert criteria("Thanks Keith, k, I've changed it.", customer, platform="webchat")["tone_of_voice"]["level"] == 1
