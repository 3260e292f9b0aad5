"""The corpus evaluation: `python -m rubrics calibrate --corpus DIR --split S` and the figures behind it."""
import json
import subprocess
import sys
from pathlib import Path

from rubrics.corpus import DEFAULT_CORPUS, agent_turns, load_corpus, scoring_input
from rubrics.evaluation import Agreement, evaluate

ROOT = Path(__file__).resolve().parents[2]


def test_heldout_split_is_the_documented_534_records_and_never_the_suite():
    held = load_corpus(DEFAULT_CORPUS, "heldout")
    assert len(held) == 534
    assert {r["split"] for r in held} == {"heldout"}
    assert not any(r["source"] == "learner_suite" for r in held)


def test_learner_record_is_scored_in_scenario_mode_with_every_agent_turn():
    rec = next(r for r in load_corpus(DEFAULT_CORPUS, "train", ("learner",)) if len(agent_turns(r)) > 1)
    turns, ctx = scoring_input(rec)
    assert turns == [t["text"] for t in rec["dialogue"] if t["role"] == "agent"]
    assert ctx["scenario"] is not None and ctx["platform"] == rec["platform"] and ctx["channel"] == rec["channel"]
    assert ctx["customer"] == [t["text"] for t in rec["dialogue"] if t["role"] == "customer"]


def test_disputed_criteria_are_left_out_and_coverage_counts_missing_levels():
    a = Agreement("hear")
    for human, machine in [(2, 2), (1, 2), (0, None), (None, None)]:
        a.add(human, machine)
    d = a.to_dict()
    assert d["n"] == 4 and d["exact"] == 0.5 and d["coverage"] == round(2 / 3, 3) and d["kappa_n"] == 2
    rec = {"id": "x", "dialogue": [{"role": "customer", "text": "My parcel is late"},
                                   {"role": "agent", "text": "Sorry your parcel is late, I'll chase it today."}],
           "platform": "twitter", "channel": "public", "labels": {"hear": "disputed", "apologise": 2}, "grade": None}
    rep = evaluate([rec])
    assert "hear" not in rep["criteria"] and rep["criteria"]["apologise"]["n"] == 1 and rep["grade"]["n"] == 0


def test_calibrate_corpus_command_prints_kappa_exact_coverage_and_grade():
    out = subprocess.run([sys.executable, "-m", "rubrics", "calibrate", "--corpus", str(DEFAULT_CORPUS),
                          "--split", "heldout", "--source", "twcs_pairs", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert rep["records"] == 100
    for key in ("hear", "empathise", "apologise", "take_ownership", "act"):
        assert set(rep["criteria"][key]) >= {"qwk", "exact", "coverage"}
        assert 0 <= rep["criteria"][key]["exact"] <= 1
    assert rep["grade"]["n"] > 90 and rep["grade"]["exact"] is not None
