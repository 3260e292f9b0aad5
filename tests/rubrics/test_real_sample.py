"""Real replies from X (a small attributed sample; see data/README.md): no crash, valid evidence, sane reading."""
import json
from pathlib import Path

import pytest

from rubrics import score_reply

SAMPLE = [json.loads(line) for line in
          (Path(__file__).resolve().parent / "data" / "twcs_sample.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("rec", SAMPLE, ids=[r["id"] for r in SAMPLE])
def test_real_reply_scores_with_valid_evidence(rec):
    r = score_reply(rec["reply"], {k: rec.get(k) for k in ("customer", "platform", "channel", "response_minutes")})
    for crit in r["criteria"].values():
        for ev in crit["evidence"]:
            assert rec["reply"][ev["start"]:ev["end"]] == ev["text"]
            assert not ev["text"].startswith("@customer")


def test_handles_links_and_signoffs_earn_nothing_on_their_own():
    r = score_reply("@customer ^JS https://t.co/abc", {"customer": "My parcel is late", "platform": "twitter"})
    assert r["criteria"]["hear"]["level"] == 0
    assert r["criteria"]["personalisation"]["level"] == 0
    assert r["criteria"]["closing"]["level"] == 1          # the sign-off counts towards closing, as the guide says
