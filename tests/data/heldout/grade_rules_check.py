"""Apply the rubric guide's overall grade rules to a record's labels.

Pure arithmetic on the labels (no scoring of text). Rules, from /work/shared/rubric-guide.md:
- Any critical failure (data_protection "fail", tone_of_voice 0) -> Refer.
- Pass: every applicable HEAT criterion (hear, empathise, apologise, take_ownership) and act at 1+.
  (If that fails, the attempt is Refer.)
- Merit: every applicable HEAT criterion and act at 2, and most (more than half) of the applicable
  marking points at 2 (data_protection "pass" counts as at 2).
- Distinction: every applicable criterion at 2 (data_protection "pass") and within the response-time
  target (timeliness 2; when timeliness is n/a the target cannot be missed and does not block).
n/a (None) criteria are left out of every rule.

Run: python grade_rules_check.py [replies.jsonl]  -> reports records whose grade field disagrees.
"""
import json
import sys
from pathlib import Path

CRITERIA = ["hear", "empathise", "apologise", "take_ownership", "acknowledge", "act",
            "greeting", "personalisation", "signposting", "closing", "tone_of_voice",
            "plain_language", "data_protection", "take_private", "clarify", "escalation",
            "accuracy", "timeliness", "platform_fit"]
HEAT = ["hear", "empathise", "apologise", "take_ownership"]
MARKING_POINTS = ["greeting", "personalisation", "signposting", "closing", "tone_of_voice",
                  "plain_language", "data_protection", "take_private", "clarify", "escalation",
                  "accuracy", "timeliness", "platform_fit"]


def _at2(value):
    return value == 2 or value == "pass"


def grade(labels):
    if labels.get("data_protection") == "fail" or labels.get("tone_of_voice") == 0:
        return "Refer"
    core = [labels[c] for c in HEAT + ["act"] if labels.get(c) is not None]
    if any(v < 1 for v in core):
        return "Refer"
    if not all(v == 2 for v in core):
        return "Pass"
    mps = [labels[c] for c in MARKING_POINTS if labels.get(c) is not None]
    if sum(1 for v in mps if _at2(v)) * 2 <= len(mps):
        return "Pass"
    applicable = [labels[c] for c in CRITERIA if labels.get(c) is not None]
    if all(_at2(v) for v in applicable) and labels.get("timeliness") in (2, None):
        return "Distinction"
    return "Merit"


def main(path):
    bad = 0
    n = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        n += 1
        g = grade(rec["labels"])
        if g != rec["grade"]:
            bad += 1
            print(f"{rec['id']}: grade field {rec['grade']!r} but rules give {g!r}")
    print(f"{n} records checked, {bad} grade mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    default = Path(__file__).with_name("replies.jsonl")
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else default))
