"""Feedback lines on the learner suite's own replies (tests/data/corpus/learner_suite.jsonl), read as a Level 2
apprentice would: nothing that contradicts what they did, nothing that misfires."""
import re
from functools import lru_cache

import pytest

from rubrics.corpus import load_suite
from rubrics.evaluation import score_record

pytestmark = pytest.mark.slow       # 100 scorings for the sweep


@lru_cache(maxsize=None)
def _results() -> dict:
    return {rec["id"]: (rec, score_record(rec)) for rec in load_suite()}


def _item(case: str, criterion: str) -> dict:
    res = _results()[case][1]
    return next(e for e in res["feedback"]["even_better_if"] if e["criterion"] == criterion)


def test_a_reply_that_signed_off_is_asked_for_the_offer_and_keeps_its_own_sign_off():
    # W3-001 ends "... watch the tracking until it lands. ^RK": before, "Finish by offering more help and signing
    # off", e.g. "Is there anything else we can help with? ^SM" (another agent's initials)
    item = _item("learner-W3-001", "closing")
    assert item["text"].startswith("You signed off") and "signing off" not in item["text"]
    assert item["example"] == "Is there anything else we can help with? ^RK"


def test_a_praise_reply_that_signed_off_keeps_its_own_sign_off():
    item = _item("learner-W3-031", "closing")          # "... Enjoy the new connection! -Dev"
    assert item["text"].startswith("You signed off") and item["example"].endswith("-Dev")


def test_examples_name_the_thing_the_customer_named_not_the_wait():
    # "would love to try this but my Sunset Haze palette turned up completely smashed ... been waiting 4 days":
    # the candidate after "this" swallowed "my Sunset Haze palette", so the example said "the trouble with the wait"
    ex = _item("learner-W3-007", "apologise")["example"]
    assert "Sunset Haze palette" in ex and "the wait" not in ex


def test_the_country_in_an_insult_is_not_the_customers_problem():
    # "Worst rail company in the country": before, "I'll look into your country myself today"
    res = _results()["learner-W3-041"][1]
    assert not any("country" in e["example"] for e in res["feedback"]["even_better_if"])


A_BEFORE_VOWEL_RE = re.compile(r"\ba [AEIOaeio]\w")


def test_no_feedback_line_says_a_before_a_vowel():
    # W3-027 (Instagram): "Keep a Instagram reply to two or three short sentences"
    assert _item("learner-W3-027", "platform_fit")["example"].startswith("Keep an Instagram reply")
    for case, (_rec, res) in _results().items():
        fb = res["feedback"]
        lines = [fb["grade_explained"]] + [w["text"] for w in fb["went_well"]]
        lines += [e[k] for e in fb["even_better_if"] for k in ("text", "example")]
        assert not [x for x in lines if A_BEFORE_VOWEL_RE.search(x)], case


def test_the_customers_insult_is_not_the_thing_to_apologise_for():
    # "Who runs this shambles": before, "I'm really sorry about the trouble with the shambles"
    res = _results()["learner-W3-070"][1]
    assert not any("shambles" in e["example"] for e in res["feedback"]["even_better_if"])


def test_more_updates_here_today_covers_more_updates_to_follow():
    # W3-021's recall statement ends "More updates here today." (both raters: every must-cover point shown); before,
    # the feedback said "Your statement should also cover: more updates to follow"
    res = _results()["learner-W3-021"][1]
    assert {c["key"]: c["status"] for c in res["checks"]}["must_cover:4"] == "shown"
    assert not any("more updates" in e["text"] for e in res["feedback"]["even_better_if"])
