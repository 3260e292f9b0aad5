"""`python -m rubrics score|calibrate` as a user runs them (subprocess)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "rubrics", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=120)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    lines = [
        json.dumps({"id": 1, "customer": "My parcel is late", "reply": "Sorry your parcel is late, I'll chase it today. ^JS",
                    "platform": "twitter", "response_minutes": 42}),
        "this is not json",
        json.dumps({"id": 3, "customer": "Hi", "reply": ""}),
        json.dumps({"id": 4, "customer": "Hi", "reply": "Hello!", "platform": "myspace"}),
        "",
        json.dumps({"id": 6, "customer": "Wifi down", "reply": "Please DM us so we can check your line."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 8, "customer": "Card charged twice", "reply": "Sorry. I've refunded it.",
                    "scenario": {"id": "inline", "sla_minutes": 30, "facts": {"policy": ["refunds allowed"]},
                                 "expected": {"not_applicable": ["escalation"]}},
                    "response_minutes": 20}),
        json.dumps({"id": 9, "customer": "x", "reply": "Hello", "scenario": "no-such-scenario", "seed": 3}),
    ]
    path = tmp_path_factory.mktemp("batch") / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, run("score", str(path))


def test_score_writes_one_line_per_good_record(batch):
    _, proc = batch
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 6, 8]
    first = out[0]
    assert first["criteria"]["data_protection"] == "pass"
    assert first["criteria"]["escalation"] is None          # n/a written as null
    assert first["grade"] in ("Refer", "Pass", "Merit", "Distinction")
    assert "went_well" in first["feedback"] and "even_better_if" in first["feedback"]
    assert all(isinstance(v, list) for v in first["evidence"].values())


def test_score_reports_bad_lines_with_their_numbers(batch):
    path, proc = batch
    err = proc.stderr
    for lineno in (2, 3, 4, 7, 9):
        assert f"{path}:{lineno}:" in err
    assert f"{path}:5:" not in err          # blank lines are skipped silently
    assert proc.returncode == 1


def test_inline_scenario_record_is_scored_in_scenario_mode(batch):
    _, proc = batch
    out = {o["id"]: o for o in map(json.loads, proc.stdout.splitlines())}
    assert out[8]["mode"] == "scenario"
    assert out[8]["criteria"]["timeliness"] == 2


def test_score_reads_stdin():
    proc = run("score", "-", stdin=json.dumps({"id": "a", "customer": "late", "reply": "Sorry, checking now."}) + "\n")
    assert proc.returncode == 0 and json.loads(proc.stdout)["id"] == "a"


def test_calibrate_prints_agreement_per_criterion_and_band(tmp_path):
    labels = tmp_path / "labels.jsonl"
    recs = [
        {"id": "a", "customer": "My parcel is late", "reply": "Sorry to hear that. DM us.", "platform": "twitter",
         "channel": "public", "response_minutes": None, "customer_name": None, "scenario": None, "band": "weak",
         "labels": {"empathise": 1, "apologise": 1, "take_ownership": 1, "data_protection": "pass", "escalation": None},
         "grade": "Pass", "source": "written", "note": ""},
        {"id": "b", "customer": "Where is my refund?", "reply": "We apologise for the delay to your refund. I'll chase it today.",
         "platform": "twitter", "channel": "public", "response_minutes": 10, "customer_name": None, "scenario": None,
         "band": "strong", "labels": {"apologise": 2, "act": 2}, "grade": "Pass", "source": "written", "note": ""},
    ]
    labels.write_text("\n".join(json.dumps(r) for r in recs) + "\nnot json\n", encoding="utf-8")
    proc = run("calibrate", "--labels", str(labels))
    assert proc.returncode == 0, proc.stderr
    assert "apologise" in proc.stdout and "kappa" in proc.stdout and "weak" in proc.stdout
    assert "Overall grade" in proc.stdout
    assert "line 3" in proc.stderr


def test_calibrate_without_a_label_file_says_so(tmp_path):
    proc = run("calibrate", "--labels", str(tmp_path / "missing.jsonl"))
    assert proc.returncode == 2 and "no labelled file" in proc.stderr


def test_a_library_scenario_id_and_seed_score_in_scenario_mode():
    record = {"id": "s1", "reply": "Sorry your parcel is late, I will chase the courier now.",
              "scenario": "late-parcel-x-public", "seed": 3}
    proc = run("score", "-", stdin=json.dumps(record) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["id"] == "s1" and out["mode"] == "scenario"
    assert out["criteria"]["accuracy"] in (0, 1, 2)           # scenario facts are used: not n/a as in free mode
    again = json.loads(run("score", "-", stdin=json.dumps(record) + "\n").stdout)
    assert again == out                                        # same id and seed, same marks


def test_every_row_of_the_committed_real_sample_scores_from_the_command_line():
    sample = ROOT / "tests" / "rubrics" / "data" / "twcs_sample.jsonl"
    rows = [line for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    proc = run("score", str(sample))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [json.loads(r)["id"] for r in rows]
    assert all(o["grade"] in ("Refer", "Pass", "Merit", "Distinction") for o in out)


def test_compare_tone_reports_each_analyser(tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "reply": "Sorry your parcel is late, I'll chase it now.", "customer": "My parcel is late",
         "band": "middling", "labels": {"tone_of_voice": 2}, "grade": "Pass"},
        {"id": "b", "reply": "Whatever. Read the terms.", "customer": "My parcel is late", "band": "weak",
         "labels": {"tone_of_voice": 0}, "grade": "Refer"},
    ]) + "\n", encoding="utf-8")
    proc = run("calibrate", "--compare-tone", "--labels", str(labels))
    assert proc.returncode == 0, proc.stderr
    for analyser in ("vader", "textblob", "none"):
        assert f"tone analyser: {analyser})" in proc.stdout
    assert proc.stdout.count("tone_of_voice") == 3


SHARED_PAIRS = ROOT.parent / "shared" / "data" / "twcs_pairs.csv"


@pytest.mark.skipif(not SHARED_PAIRS.exists(), reason=f"shared real pairs not present ({SHARED_PAIRS})")
def test_the_survey_of_all_shared_real_pairs_has_no_crash():
    proc = run("survey", str(SHARED_PAIRS))
    assert proc.returncode == 0, proc.stderr
    assert re.match(r"[1-9]\d* pairs, 0 crashes\n", proc.stdout), proc.stdout[:200]
