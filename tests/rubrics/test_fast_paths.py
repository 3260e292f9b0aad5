"""The fast paths (lower-case twins of the cue patterns, substring gates, the data-protection digit check) change
no result: every labelled reply, golden reply and real sample scores the same with them on and off."""
import json
import re
from pathlib import Path

import pytest

from rubrics import score_reply
from rubrics.calibration import context_of, load_labels
from rubrics.cues import exact, matching
from rubrics.cues.apology import APOLOGY_RE

ROOT = Path(__file__).resolve().parents[2]


def _records():
    out = []
    for path in sorted((ROOT / "tests" / "data").rglob("replies.jsonl")):
        records, _ = load_labels(path)
        out += [(r["reply"], context_of(r)) for r in records]
    golden = json.loads((ROOT / "tests" / "rubrics" / "data" / "golden_replies.json").read_text(encoding="utf-8"))
    out += [(c["reply"], {"customer": c["customer"], **(c.get("context") or {})}) for c in golden["cases"]]
    with open(ROOT / "tests" / "rubrics" / "data" / "twcs_sample.jsonl", encoding="utf-8") as fh:
        out += [(r["reply"], context_of(r)) for r in map(json.loads, fh)]
    return out


RECORDS = _records()


def _differences():
    diffs = []
    for reply, ctx in RECORDS:
        fast = score_reply(reply, ctx)
        with exact():
            slow = score_reply(reply, ctx)
        if fast != slow:
            diffs.append(reply)
    return diffs


def test_every_labelled_reply_scores_the_same_with_and_without_the_fast_paths():
    assert len(RECORDS) > 500
    assert _differences() == []


def test_a_wrong_gate_would_be_caught(monkeypatch):
    # the comparison has teeth: a gate that hides real apologies ("sorry" missing from it) changes results
    monkeypatch.setitem(matching.GATE_RE, id(APOLOGY_RE), re.compile("apolog|regret|forgive"))
    assert _differences()


def test_exact_mode_is_switched_back_on_after_an_error():
    with pytest.raises(RuntimeError):
        with exact():
            raise RuntimeError("boom")
    assert matching.fast_paths()


@pytest.mark.slow
def test_every_corpus_record_scores_the_same_with_and_without_the_fast_paths():
    """The labelled corpus (tests/data/corpus: 2,177 records and the 100-case suite, conversations included), scored
    by the learned layer, is unchanged by the fast paths too."""
    from rubrics.corpus import load_corpus, load_suite
    from rubrics.evaluation import score_record
    records = load_corpus() + load_suite()
    assert len(records) == 2277
    diffs = []
    for rec in records:
        fast = score_record(rec)
        with exact():
            slow = score_record(rec)
        if fast != slow:
            diffs.append(rec["id"])
    assert diffs == []
