"""Behaviours added in scorer 1.2 (rubrics/README.md, "Changes in 1.2"), each named for the guide's rule it checks.
The replies are written for these tests in the style of real X replies, not copied from a labelled set."""
import pytest

from rubrics import score_reply

# These tests pin the rule detectors (the learned layer's inputs, its evidence and the scorer's fallback when the
# model cannot load): they score with the rules alone. The learned layer is held by test_heldout_floors.py and
# test_learner_suite.py.
pytestmark = pytest.mark.rules_only

PARCEL = "@brand my parcel was due Tuesday and still hasn't come, nobody answers the phone"


def judged(reply, customer=PARCEL, **ctx):
    context = {"customer": customer, "platform": "twitter", "channel": "public"}
    context.update(ctx)
    return score_reply(reply, context)["criteria"]


# --- hear: 1 is any generic acknowledgement; 0 is none at all ---------------------------------------------------
def test_saying_we_have_replied_by_dm_acknowledges_the_message_generically():
    assert judged("@c Hi there, we've replied to you via DM, see you there! ^AN")["hear"]["level"] == 1


def test_an_offer_to_help_with_a_request_to_dm_is_a_generic_acknowledgement():
    c = judged("@c Hi there, we're here to help! Please DM us with your email and more details, thank you.")
    assert c["hear"]["level"] == 1
    assert c["acknowledge"]["level"] == 1


def test_a_question_back_that_takes_the_message_up_is_a_generic_acknowledgement():
    c = judged("@c Hi Sam, may we have the booking number you are referring to? -Yana",
               "@brand how long do I need to wait for my credit to be processed? I replied to the email on 25/10")
    assert c["hear"]["level"] == 1


def test_a_bare_order_to_dm_is_no_acknowledgement():
    assert judged("@c DM us.")["hear"]["level"] == 0


def test_a_reply_that_ignores_a_compliment_with_a_complaints_form_is_no_acknowledgement():
    c = judged("@mel Thanks. For complaints please use our webform.",
               "@brand loving the new vegan lip range, the berry shade is perfect")
    assert c["hear"]["level"] == 0


# --- hear: a focused question about the customer's own issue shows it was heard -------------------------------
def test_a_focused_question_naming_the_customers_issue_is_hear_two_with_low_confidence():
    c = judged("@c Hi there! Mind clarifying for us the make and model of the headset that you are using? ^JA",
               "A headset should be a simple plug in and go method right? @brand")
    assert c["hear"]["level"] == 2
    assert c["hear"]["confidence"] == "low"
    assert any("headset" in ev["text"] for ev in c["hear"]["evidence"])


def test_an_open_how_can_i_help_question_is_not_hearing_the_issue():
    c = judged("@c Hi Sam. How can I help?",
               "@brand different ticket prices on your website and on the app for the same journey, am I missing something?")
    assert c["hear"]["level"] < 2


def test_a_question_asking_only_for_more_details_is_not_a_probing_question():
    c = judged("@c Can you give us some more details please?")
    assert c["hear"]["level"] == 1


# --- take_ownership / act ---------------------------------------------------------------------------------------
def test_a_refusal_worded_not_able_to_assist_owns_nothing():
    c = judged("@c Hey there, unfortunately, we are not able to assist with this request. *TLT",
               "@brand I was on flight 2222 and I'm trying to forward a message to one of the crew, are you able to assist?")
    assert c["take_ownership"]["level"] == 0


def test_taking_a_further_look_once_the_customer_dms_is_ownership():
    c = judged("@c Please DM us more details about your order, so we can take a further look and assist you.")
    assert c["take_ownership"]["level"] == 2


def test_check_your_dms_is_not_a_concrete_step():
    c = judged("@c Hi there, please check your DMs for further instructions.")
    assert c["act"]["level"] == 1


def test_following_us_so_we_can_dm_is_not_a_concrete_step():
    c = judged("@c Hi Marteen, please make sure you are following us, so we can assist you better via a Direct Message.")
    assert c["act"]["level"] == 1


def test_pointing_to_the_website_is_a_link_not_a_concrete_step():
    c = judged("@c Sorry about that, please check our website for delivery updates.")
    assert c["act"]["level"] == 1


def test_steps_the_customer_can_follow_in_the_reply_are_still_concrete():
    c = judged("@c Sorry about that! Please restart the router and clear the app's cache.",
               "@brand my router keeps dropping and the app won't load")
    assert c["act"]["level"] == 2
