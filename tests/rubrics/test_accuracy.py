"""accuracy: forbidden promises matched by most of their content words and exact amounts/dates; invented details."""
import pytest

from rubrics import score_reply

REFUND_SCENARIO = {
    "id": "refund-authority", "version": "test", "sla_minutes": 60,
    "facts": {"policy": ["Agents may approve refunds up to £100; larger refunds need a team leader."],
              "order": {"item": "sofa", "price": "£300"}},
    "expected": {"must_not_promise": ["we will refund £300", "guaranteed delivery tomorrow", "it is probably nothing"],
                 "may_promise": ["a team leader will review the partial refund within 1 working day"]},
}


def accuracy(reply, scenario=REFUND_SCENARIO):
    return score_reply(reply, {"customer": "My new sofa arrived with a torn arm. I want my £300 back.",
                               "platform": "facebook", "scenario": scenario})["criteria"]["accuracy"]


@pytest.mark.parametrize("reply", [
    "I'm so sorry, Aisha. I've gone ahead and refunded the £300 to your card.",     # paraphrase, amount exact
    "Don't worry, the £300 will be refunded to you this week.",
    "Sorry about this! Your replacement is guaranteed for delivery tomorrow.",      # date exact, most words
    "Sorry, it's probably nothing, but we'll check.",                              # "it's" for "it is"
])
def test_a_paraphrased_promise_beyond_policy_scores_zero(reply):
    j = accuracy(reply)
    assert j["level"] == 0, j["reason"]
    assert "beyond policy" in j["reason"]
    ev = j["evidence"][0]
    assert reply[ev["start"]:ev["end"]] == ev["text"]


def test_the_literal_promise_is_high_confidence_and_a_paraphrase_low():
    assert accuracy("Sorry! We will refund £300 today.")["confidence"] == "high"
    assert accuracy("Sorry! I've refunded the £300 for you.")["confidence"] == "low"


def test_a_different_amount_is_not_the_forbidden_promise():
    j = accuracy("I'm sorry, we will refund £30 of the delivery charge.")
    assert j["level"] != 0
    assert j["level"] == 1 and "amount or date" in j["reason"]     # £30 is not in the scenario's facts either


def test_a_different_day_is_not_the_forbidden_promise_but_is_an_invented_date():
    j = accuracy("Sorry! Delivery of the replacement is guaranteed by Friday.")
    assert j["level"] == 1 and "amount or date" in j["reason"]


def test_refusing_the_promise_is_not_making_it():
    j = accuracy("I'm sorry, I can't refund the £300 myself, so a team leader will review the partial refund "
                 "within 1 working day.")
    assert j["level"] == 2, j["reason"]


def test_content_words_scattered_over_sentences_do_not_make_a_promise():
    j = accuracy("We'll look at a refund. Is there anything else we can help with? The £300 sofa is on its way back.")
    assert j["level"] != 0, j["reason"]


def test_an_invented_date_scores_accuracy_one():
    j = accuracy("Sorry! A team leader will review the partial refund on 14th December.")
    assert j["level"] == 1
    assert any("14th December" in e["text"] for e in j["evidence"])


def test_a_beyond_policy_refund_amount_scores_zero():
    scenario = {"id": "x", "version": "t", "facts": {"policy": ["Refunds of the £3.99 delivery charge only."]},
                "expected": {"must_not_promise": ["full refund of £49.99"], "may_promise": ["refund of the £3.99"]}}
    assert accuracy("Sorry! I'll process a full £49.99 refund for you now.", scenario)["level"] == 0
    assert accuracy("Sorry! I'll refund the £3.99 delivery charge now.", scenario)["level"] == 2


def test_an_amount_or_date_the_customer_gave_is_not_invented():
    # the customer's own figures repeated back ("your £46.99 refund", "it reached us on 20 November") are facts of
    # the case, not the learner's invention
    ctx = {"customer": ["Where's my refund? You got my return on 20 November, it was a £46.99 order."],
           "platform": "facebook", "channel": "private",
           "scenario": {"id": "slow-refund", "version": "test", "facts": {"policy": ["Refunds within 14 days."]}}}
    j = score_reply("Sorry Annette, I've put your £46.99 refund through now. It reached our warehouse on 20 November "
                    "and should have been done before 4 December.", ctx)["criteria"]["accuracy"]
    assert j["level"] == 1, j["reason"]                        # the invented 4 December still counts
    assert [e["text"] for e in j["evidence"]] == ["before 4 December"]
    j = score_reply("Sorry Annette, I've put your £46.99 refund through now; it reached us on 20 November.",
                    ctx)["criteria"]["accuracy"]
    assert j["level"] == 2, j["reason"]
