"""Data-driven: every golden reply gets the levels the rubric guide gives it (data/golden_replies.json)."""
import json
from pathlib import Path

import pytest

from rubrics import score_reply

# These tests pin the rule detectors (the learned layer's inputs, its evidence and the scorer's fallback when the
# model cannot load): they score with the rules alone. The learned layer is held by test_heldout_floors.py and
# test_learner_suite.py.
pytestmark = pytest.mark.rules_only

CASES = json.loads((Path(__file__).resolve().parent / "data" / "golden_replies.json").read_text(encoding="utf-8"))["cases"]


def context_for(case):
    ctx = {"customer": case["customer"], "platform": "twitter", "channel": None, "scenario": None}
    ctx.update(case.get("context") or {})
    return ctx


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_reply(case):
    result = score_reply(case["reply"], context_for(case))
    got = {k: result["criteria"][k]["level"] for k in case["expect"]}
    assert got == case["expect"], {k: result["criteria"][k]["reason"] for k in case["expect"] if got[k] != case["expect"][k]}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_evidence_offsets_point_at_the_quoted_text(case):
    reply = case["reply"]
    result = score_reply(reply, context_for(case))
    for key, crit in result["criteria"].items():
        for ev in crit["evidence"]:
            assert reply[ev["start"]:ev["end"]] == ev["text"], (key, ev)
