"""Assemble replies.jsonl from the hand-typed batches (source/batch_*.py) and twcs_pairs.csv."""
import csv
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import common
from grade_rules_check import grade

CSV = Path("/work/shared/data/twcs_pairs.csv")


def main():
    for f in sorted(HERE.glob("batch_*.py")):
        importlib.import_module(f.stem)
    pairs = {int(r["pair_id"]): r for r in csv.DictReader(CSV.open(encoding="utf-8"))}
    out = []
    seen_pairs = set()
    for i, r in enumerate(common.RECORDS, 1):
        if r["source"] == "twcs":
            p = pairs[r["twcs_pair_id"]]
            assert r["twcs_pair_id"] not in seen_pairs, r["twcs_pair_id"]
            seen_pairs.add(r["twcs_pair_id"])
            rec = dict(customer=p["customer_message_anon"], reply=p["brand_reply_anon"],
                       platform="twitter", channel="public",
                       response_minutes=float(p["reply_delay_minutes"]),
                       customer_name=r["customer_name"], customer_handle="@customer",
                       scenario=None)
        else:
            rec = {k: r[k] for k in ("customer", "reply", "platform", "channel", "response_minutes",
                                     "customer_name", "customer_handle", "scenario")}
        labels = common.decode(r["code"], rec["response_minutes"], rec["scenario"])
        full = {"id": f"cal-{i:03d}", **rec, "band": r["band"], "labels": labels,
                "grade": grade(labels), "source": r["source"],
                "twcs_pair_id": r.get("twcs_pair_id"), "note": r["note"]}
        out.append(full)
    dest = HERE.parent / "replies.jsonl"
    dest.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
    print(f"wrote {len(out)} records to {dest}")


if __name__ == "__main__":
    main()
