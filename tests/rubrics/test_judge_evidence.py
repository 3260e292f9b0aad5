"""rubrics.judge.evidence: the sentence quoted for a level the model set and the rules found no span for must show
that level; when none does, the rules' judgement stands, flagged for the tutor. Sentences from the learner suite and
the corpus's train split, where the quote used to be a sign-off, a "DM us" line or a statement of policy."""
import pytest

from rubrics import score_reply
from rubrics.judge import apply as judge_apply
from rubrics.judge.embedding import embedder
from rubrics.judge.evidence import best_sentence

pytestmark = pytest.mark.skipif(embedder() is None, reason="WordLlama is not installed")


def _quote(key, reply):
    span = best_sentence(key, [reply])
    return span.text if span else None


def test_a_dm_line_and_a_sign_off_are_not_empathy():
    # learner suite: "DM us your order number and I'll chase ..." was quoted as empathise 1
    reply = ("Hi Jane, DM us your order number and I'll chase the courier today and refund your next-day delivery "
             "charge. Have a good evening!")
    assert _quote("empathise", reply) is None


def test_an_instruction_is_not_empathy_but_a_feeling_beside_it_is():
    # the suite's recall reply had "If you have one, please stop using it and unplug it now." quoted as empathy
    assert _quote("empathise", "If you have one, please stop using it and unplug it now. More updates here today.") \
        is None
    reply = ("Katie, you saved up for the Nudes Edit and it turned up in pieces, that's gutting. "
             "Send us a DM with a quick photo and your order number.")
    assert _quote("empathise", reply).startswith("Katie, you saved up")


def test_take_private_quotes_the_move_to_a_private_channel_not_a_policy():
    # suite: "Refunds can take up to 14 days ..." was quoted as take_private 2
    reply = ("Refunds can take up to 14 days from when we receive your return. "
             "DM us the booking reference and I'll send the claim to our refunds desk as overdue.")
    assert _quote("take_private", reply).startswith("DM us the booking reference")
    assert _quote("take_private", "Refunds can take up to 14 days from when we receive your return.") is None


def test_an_action_is_quoted_for_act_and_a_feeling_is_not():
    # suite: "We understand how frustrating disruption can be." was quoted as act 1
    assert _quote("act", "We understand how frustrating disruption can be.") is None
    reply = "We understand how frustrating disruption can be. I've opened a driver investigation today."
    assert _quote("act", reply) == "I've opened a driver investigation today."


def test_an_apology_is_quoted_for_apologise():
    reply = "It missed the courier's collection and is with the driver today. I'm so sorry it wasn't there in time."
    assert _quote("apologise", reply) == "I'm so sorry it wasn't there in time."
    assert _quote("apologise", "It missed the courier's collection and is with the driver today.") is None


def test_criteria_shown_beyond_one_sentence_still_get_the_closest_sentence():
    # closing can rest on a sign-off, which is blanked from the sentences: a quote is still given
    assert _quote("closing", "Your refund is on its way.") == "Your refund is on its way."


def test_with_no_sentence_to_show_the_models_level_the_rules_stand_unsure(monkeypatch):
    reply = "DM us your order number and I'll chase the courier today. Have a good evening!"
    ctx = {"customer": "My parcel still hasn't arrived and I needed it for my son's birthday tomorrow!!",
           "platform": "twitter"}
    rules = score_reply(reply, ctx, judge=False)["criteria"]["empathise"]
    assert rules["level"] == 0 and not rules["evidence"]
    real = judge_apply.JudgeModel.predict_all

    def predict_all(self, x):
        out = real(self, x)
        out["empathise"] = ("2", 0.9, {"na": 0.0, "0": 0.05, "1": 0.05, "2": 0.9})
        return out
    monkeypatch.setattr(judge_apply.JudgeModel, "predict_all", predict_all)
    got = score_reply(reply, ctx)["criteria"]["empathise"]
    assert (got["level"], got["evidence"], got["confidence"]) == (0, [], "low")


def test_empathy_without_feeling_words_is_the_sentence_about_the_customers_own_situation():
    # corpus train learner-W2-094 (empathise 2 from both raters): the impact named with no stock phrase
    customer = ("Your cancelled 11:02 train meant we missed our flight to Faro. New flights cost us £540. I expect "
                "Wenmoor Rail to pay for them. Not Delay Repay, the actual cost.")
    reply = ("Olivia, missing your flight to Faro because our 11:02 didn't run, then paying £540 again, is a huge "
             "knock to a holiday. I can't approve flight costs myself, but I can make sure the people who can will "
             "see your case properly. Please send us a private message with your booking reference and the flight "
             "receipt. ^NW")
    assert best_sentence("empathise", [reply], customer).text.startswith("Olivia, missing your flight to Faro")
    # a request of the customer about the same things is not empathy
    assert best_sentence("empathise", ["Please send us a private message about your flight to Faro and the £540."],
                         customer) is None


def test_signposting_in_a_praise_reply_is_where_the_praise_goes():
    # suite W3-034 and W3-065 (signposting 2 from both raters): the quote is the hand-on to the manager, and a thank
    # you alone shows no next step
    reply = ("Jemma this made our day! Tidy cables are Sam's trademark. I've sent your thanks to Sam and their "
             "manager today.")
    assert _quote("signposting", reply) == "I've sent your thanks to Sam and their manager today."
    assert _quote("signposting", "Joshua, thank you for taking the time to tell us.") is None
