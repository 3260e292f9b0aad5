"""Build tests/data/heldout/replies.jsonl from the twcs CSV, selection.json and the hand labels.

Run: /work/venv/bin/python tests/data/heldout/source/build.py
"""
import csv
import json
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent
HERE = SRC.parent
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE.parent / "calibration"))   # the first set's grade-rule arithmetic
import labels_a
import labels_b
from grade_rules_check import grade

CSV = Path("/work/shared/data/twcs_pairs.csv")
ORDER = ["hear", "empathise", "apologise", "take_ownership", "acknowledge", "act",
         "greeting", "personalisation", "signposting", "closing", "tone_of_voice", "plain_language",
         "data_protection", "take_private", "clarify", "platform_fit"]
CRITERIA = ["hear", "empathise", "apologise", "take_ownership", "acknowledge", "act",
            "greeting", "personalisation", "signposting", "closing", "tone_of_voice",
            "plain_language", "data_protection", "take_private", "clarify", "escalation",
            "accuracy", "timeliness", "platform_fit"]
BANDS = {"w": "weak", "m": "middling", "s": "strong"}


def timeliness(minutes):
    return 2 if minutes <= 60 else (1 if minutes <= 120 else 0)


def expand(code, minutes):
    code = code.replace(" ", "")
    assert len(code) == 16, code
    out = {}
    for c, ch in zip(ORDER, code):
        if c == "data_protection":
            out[c] = {"P": "pass", "F": "fail"}[ch]
        else:
            out[c] = None if ch == "-" else int(ch)
    out["escalation"] = None
    out["accuracy"] = None
    out["timeliness"] = timeliness(minutes)
    return {c: out[c] for c in CRITERIA}


def main():
    labels = {**labels_a.LABELS, **labels_b.LABELS}
    chosen = json.loads((HERE / "selection.json").read_text(encoding="utf-8"))["chosen"]
    rows = {int(r["pair_id"]): r for r in csv.DictReader(CSV.open(encoding="utf-8", newline=""))}
    assert set(chosen) == set(labels) and len(chosen) == 100
    lines = []
    for i, pid in enumerate(chosen, 1):
        r = rows[pid]
        code, band, note = labels[pid]
        minutes = float(r["reply_delay_minutes"])
        lab = expand(code, minutes)
        rec = {
            "id": f"ho-{i:03d}",
            "customer": r["customer_message_anon"],
            "reply": r["brand_reply_anon"],
            "platform": "twitter",
            "channel": "public",
            "response_minutes": minutes,
            "customer_name": None,
            "customer_handle": "@customer",
            "scenario": None,
            "band": BANDS[band],
            "labels": lab,
            "grade": grade(lab),
            "source": "twcs",
            "twcs_pair_id": pid,
            "note": f"{r['brand']}. {note}",
        }
        lines.append(json.dumps(rec, ensure_ascii=False))
    (HERE / "replies.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} records")


if __name__ == "__main__":
    main()
