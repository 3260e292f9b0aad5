"""Odd input never crashes the scorer and never produces evidence that points at the wrong text."""
import random

import pytest

from rubrics import score_conversation, score_reply

PIECES = ["Hi Joyce,", "@customer", "https://t.co/abc123", "^JS", "-Sean", "sorry", "SORRY!!!", "😀", "😡😡", "İstanbul",
          "ﬁle", "naïve café", "مرحبا", "日本語", "\u200b", "\n\n", "£20", "07700 900123", "a@b.co", "DM us", "?", "!!",
          "we'll chase the courier today", "you should have read the terms", "not sorry", "1/2", "2/2", "   ",
          "I can see how frustrating this is", "LS1 4AB", "20-00-00", "4929 1234 5678 9012", "ok", "u r gr8"]


def random_replies(n, seed=20261123):
    rng = random.Random(seed)
    for _ in range(n):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        if text.strip():
            yield text


@pytest.mark.parametrize("reply", list(random_replies(150)))
def test_random_reply_scores_with_valid_evidence(reply):
    r = score_reply(reply, {"customer": "My parcel İs late!!", "platform": "twitter"})
    for crit in r["criteria"].values():
        for ev in crit["evidence"]:
            assert reply[ev["start"]:ev["end"]] == ev["text"]


def test_very_long_reply_is_scored_and_flagged_for_length():
    reply = ("I'm sorry your parcel is late. " * 320)[:10_000]
    r = score_reply(reply, {"customer": "Where is my parcel?", "platform": "facebook", "channel": "public"})
    assert r["criteria"]["platform_fit"]["level"] == 0
    assert r["criteria"]["plain_language"]["level"] in (0, 1)


def test_conversation_of_odd_turns_is_scored_and_earns_nothing():
    r = score_conversation(["😀", "İ", "@x ^JS"], {"customer": ["help", "İ said help"]})
    # An emoji, a letter and a sign-off hear nothing and do nothing: scored, not crashed, and a Refer.
    assert r["grade"] == "Refer"
    assert (r["criteria"]["hear"]["level"], r["criteria"]["act"]["level"]) == (0, 0)
    assert r["criteria"]["data_protection"]["level"] == "pass"
