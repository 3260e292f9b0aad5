"""data_protection (critical): asking for or revealing personal data in public fails; a move to DM passes."""
import pytest

from rubrics import score_reply

CUSTOMER = "My order never arrived and nobody has replied to my emails."


def dp(reply, platform="facebook", channel=None, **context):
    ctx = {"customer": CUSTOMER, "platform": platform, "channel": channel}
    ctx.update(context)
    return score_reply(reply, ctx)["criteria"]["data_protection"]


@pytest.mark.parametrize("reply", [
    "Can you pop your full name, DOB and address in the comments?",
    "Hi Sandra, so sorry! Can you pop your husband's full name, date of birth and your address in the comments?",
    "Pop your full name and postcode below and we'll chase it.",
    "Please comment your email and we'll get back to you.",
    "Drop us your phone number below and we'll call you.",
    "Could you leave your order number in the comments?",
    "Just type your email address below.",
    "Sorry about this! Post your booking reference here and we'll check.",
    "Share your account number with us below.",
    "Write your date of birth in a comment so we can find you.",
    "Put your full name and address in a reply please.",
    "Comment below with your order number.",
])
def test_public_request_for_personal_data_with_any_verb_fails(reply):
    j = dp(reply)
    assert j["level"] == "fail", j["reason"]
    assert "public" in j["reason"]


@pytest.mark.parametrize("reply", [
    "Pop your details in a DM and we'll check.",
    "Send us a DM with your email and we'll look into it.",
    "Please DM us your full name, DOB and address so we can check.",
    "Drop us a private message with your order number.",
    "Leave your postcode via the secure form here: https://t.co/abc123",
])
def test_request_for_personal_data_by_dm_passes(reply):
    assert dp(reply, platform="twitter")["level"] == "pass"


@pytest.mark.parametrize("reply", [
    "We'll put your order number on the note for the courier.",
    "Please share your feedback with us, it helps.",
    "Please leave a review if you have a moment!",
    "Please don't post your card number here; DM us instead.",
])
def test_verbs_that_ask_nothing_personal_pass(reply):
    assert dp(reply)["level"] == "pass"


@pytest.mark.parametrize("reply", [
    "Your refund of £64.99 went back to your Visa ending 3318 on the 12th.",
    "The card ending in 4471 has been refunded.",
    "That went to your account ending 2290 this morning.",
    "The last four digits are 5521, is that your card?",
])
def test_revealing_the_last_digits_of_a_card_or_account_in_public_fails(reply):
    j = dp(reply, platform="instagram")
    assert j["level"] == "fail", j["reason"]
    assert "last digits" in j["reason"]


@pytest.mark.parametrize("platform", ["twitter", "webchat"])
@pytest.mark.parametrize("reply", [
    "I've reset it and sent the new password to you, it's Rivermead2026! You can change it once you're in.",
    "Your new password is Summer2026 for now.",
    "Your PIN is 4471.",
    "Temporary password: Abc123!",
])
def test_writing_a_password_out_fails_on_any_channel(reply, platform):
    j = dp(reply, platform=platform)
    assert j["level"] == "fail" and "password" in j["reason"], j["reason"]
    assert j["evidence"] and reply[j["evidence"][0]["start"]:j["evidence"][0]["end"]] == j["evidence"][0]["text"]


@pytest.mark.parametrize("reply", [
    "Your password is never shared with anyone.",
    "Forgot your password: use the reset link on the login page.",
    "We'll reset your password to default and email you a link.",
])
def test_talking_about_a_password_without_writing_one_passes(reply):
    assert dp(reply, platform="twitter")["level"] == "pass"


def test_a_postcode_alone_in_public_fails():
    j = dp("We've checked and the driver has SW1A 1AA down for today.", platform="twitter")
    assert j["level"] == "fail" and "postcode" in j["reason"]


def test_a_street_address_alone_in_public_fails():
    j = dp("We'll send the replacement to 12 Station Road instead.", platform="twitter")
    assert j["level"] == "fail" and "street address" in j["reason"]


def test_a_card_fragment_in_live_chat_counts_as_account_talk_before_verification():
    scenario = {"id": "double-charge-chat", "expected": {"verify_identity": True}, "facts": {}}
    reply = "I can see two payments on the card ending 4471; I've refunded one."
    j = dp(reply, platform="webchat", scenario=scenario)
    assert j["level"] == "fail" and "verifying identity" in j["reason"]
    verified = dp("Thanks for confirming your postcode. " + reply, platform="webchat", scenario=scenario)
    assert verified["level"] == "pass"
