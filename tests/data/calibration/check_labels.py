"""Validate tests/data/calibration/replies.jsonl and print the coverage table.

Plain Python (standard library only). Run:  /work/venv/bin/python tests/data/calibration/check_labels.py
Exit status 1 if any record is invalid.
"""
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from grade_rules_check import CRITERIA, HEAT, grade

FIELDS = ["id", "customer", "reply", "platform", "channel", "response_minutes", "customer_name",
          "customer_handle", "scenario", "band", "labels", "grade", "source", "twcs_pair_id", "note"]
PLATFORMS = {"twitter", "facebook", "instagram", "webchat"}
CHANNELS = {"public", "private", "chat"}
BANDS = {"weak", "middling", "strong"}
GRADES = {"Refer", "Pass", "Merit", "Distinction"}
# criteria the guide allows to be n/a
NA_ALLOWED = {"empathise", "apologise", "take_private", "clarify", "escalation", "accuracy", "timeliness"}
SCEN_KEYS = {"id", "sla_minutes", "facts", "expected"}
FACT_KEYS = {"policy", "order", "knowledge_base"}
EXP_KEYS = {"not_applicable", "take_private", "escalate", "escalation_route", "clarify",
            "verify_identity", "may_promise", "must_not_promise"}
AAA = ["acknowledge", "act"]


def expected_timeliness(rec):
    m = rec["response_minutes"]
    if m is None:
        return None
    target = rec["scenario"]["sla_minutes"] if rec["scenario"] else 60
    return 2 if m <= target else (1 if m <= 2 * target else 0)


def check(rec, errors):
    rid = rec.get("id", "?")

    def err(msg):
        errors.append(f"{rid}: {msg}")

    for f in FIELDS:
        if f not in rec:
            err(f"missing field {f}")
    if set(rec) - set(FIELDS):
        err(f"unexpected fields {sorted(set(rec) - set(FIELDS))}")
    if not isinstance(rec.get("customer"), str) or not rec["customer"].strip():
        err("customer must be a non-empty string")
    if not isinstance(rec.get("reply"), str) or not rec["reply"].strip():
        err("reply must be a non-empty string")
    if rec.get("platform") not in PLATFORMS:
        err(f"bad platform {rec.get('platform')!r}")
    if rec.get("channel") not in CHANNELS:
        err(f"bad channel {rec.get('channel')!r}")
    if (rec.get("platform") == "webchat") != (rec.get("channel") == "chat"):
        err("webchat <-> chat channel mismatch")
    m = rec.get("response_minutes")
    if m is not None and (not isinstance(m, (int, float)) or isinstance(m, bool) or m < 0):
        err(f"bad response_minutes {m!r}")
    h = rec.get("customer_handle")
    if h is not None and not (isinstance(h, str) and h.startswith("@")):
        err(f"bad customer_handle {h!r}")
    if rec.get("band") not in BANDS:
        err(f"bad band {rec.get('band')!r}")
    if rec.get("grade") not in GRADES:
        err(f"bad grade {rec.get('grade')!r}")
    if rec.get("source") == "twcs":
        if not isinstance(rec.get("twcs_pair_id"), int) or not 1 <= rec["twcs_pair_id"] <= 300:
            err("twcs record needs twcs_pair_id 1..300")
        if rec.get("platform") != "twitter" or rec.get("channel") != "public":
            err("twcs record must be twitter/public")
    elif rec.get("source") == "written":
        if rec.get("twcs_pair_id") is not None:
            err("written record must have twcs_pair_id null")
    else:
        err(f"bad source {rec.get('source')!r}")
    if not isinstance(rec.get("note"), str) or not rec["note"].strip():
        err("note must be a non-empty string")
    sc = rec.get("scenario")
    if sc is not None:
        if not isinstance(sc, dict) or not SCEN_KEYS <= set(sc):
            err("scenario missing keys")
        else:
            if set(sc["facts"]) != FACT_KEYS:
                err("scenario.facts keys")
            if set(sc["expected"]) != EXP_KEYS:
                err("scenario.expected keys")
    labels = rec.get("labels")
    if not isinstance(labels, dict):
        err("labels must be an object")
        return
    if set(labels) != set(CRITERIA):
        err(f"labels keys differ: missing {sorted(set(CRITERIA) - set(labels))} extra {sorted(set(labels) - set(CRITERIA))}")
        return
    for c, v in labels.items():
        if c == "data_protection":
            if v not in ("pass", "fail"):
                err(f"data_protection must be pass/fail, got {v!r}")
        elif v is None:
            if c not in NA_ALLOWED:
                err(f"{c} may not be n/a")
        elif v not in (0, 1, 2) or isinstance(v, bool):
            err(f"{c} bad level {v!r}")
    # n/a rules from the guide
    if sc is None:
        for c in ("accuracy", "escalation"):
            if labels[c] is not None:
                err(f"free mode: {c} must be n/a")
    else:
        if labels["accuracy"] is None:
            err("scenario mode: accuracy should be judged")
        if sc["expected"]["escalate"] and labels["escalation"] is None:
            err("scenario requires escalation but escalation is n/a")
        if not sc["expected"]["escalate"] and labels["escalation"] is not None:
            err("scenario does not require escalation but escalation is labelled")
        for c in sc["expected"]["not_applicable"]:
            if labels.get(c) is not None:
                err(f"scenario marks {c} not applicable but it is labelled")
    if labels["timeliness"] != expected_timeliness(rec):
        err(f"timeliness {labels['timeliness']} does not follow the target rule ({expected_timeliness(rec)})")
    if rec.get("grade") != grade(labels):
        err(f"grade {rec.get('grade')} but the grade rules give {grade(labels)}")
    if rec.get("platform") == "twitter" and len(rec.get("reply", "")) > 280 and labels["platform_fit"] == 2:
        err("X reply over 280 characters labelled platform_fit 2")


def main(path):
    recs = [json.loads(l) for l in Path(path).read_text(encoding="utf-8").splitlines() if l.strip()]
    errors = []
    ids = Counter(r.get("id") for r in recs)
    for i, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {i}")
    pairs = Counter(r.get("twcs_pair_id") for r in recs if r.get("source") == "twcs")
    for p, n in pairs.items():
        if n > 1:
            errors.append(f"twcs pair {p} used {n} times")
    for r in recs:
        check(r, errors)

    print(f"records: {len(recs)}")
    src = Counter(r["source"] for r in recs)
    print("source: " + ", ".join(f"{k} {v}" for k, v in sorted(src.items())))
    print("band: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r['band'] for r in recs).items())))
    print("grade: " + ", ".join(f"{g} {Counter(r['grade'] for r in recs)[g]}" for g in ["Refer", "Pass", "Merit", "Distinction"]))
    pc = Counter((r["platform"], r["channel"]) for r in recs)
    print("platform/channel: " + ", ".join(f"{p}/{c} {n}" for (p, c), n in sorted(pc.items())))
    print(f"scenario mode: {sum(1 for r in recs if r['scenario'])}, free mode: {sum(1 for r in recs if not r['scenario'])}")
    print()
    print(f"{'criterion':16} {'2':>4} {'1':>4} {'0':>4} {'n/a':>4}")
    short = []
    for c in CRITERIA:
        cnt = Counter(r["labels"][c] for r in recs)
        if c == "data_protection":
            print(f"{c:16} pass {cnt['pass']:>4}  fail {cnt['fail']:>4}")
            continue
        print(f"{c:16} {cnt[2]:>4} {cnt[1]:>4} {cnt[0]:>4} {cnt[None]:>4}")
        if c in HEAT + AAA:
            for lvl in (2, 1, 0):
                if cnt[lvl] < 8:
                    short.append(f"{c}={lvl} ({cnt[lvl]})")
            if c in NA_ALLOWED and cnt[None] < 8:
                short.append(f"{c}=n/a ({cnt[None]})")
        else:
            allowed = [2, 1, 0] + ([None] if c in NA_ALLOWED else [])
            for lvl in allowed:
                if cnt[lvl] == 0:
                    short.append(f"{c}={lvl} (0)")
    print()
    print("HEAT/AAA levels under 8, other levels missing: " + (", ".join(short) if short else "none"))
    if errors:
        print()
        print(f"{len(errors)} ERRORS")
        for e in errors:
            print("  " + e)
        return 1
    print("all records valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else HERE / "replies.jsonl"))
