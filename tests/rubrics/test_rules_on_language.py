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
