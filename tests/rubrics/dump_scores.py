"""Dump the scorer's full result for every reply the repository holds, to prove a refactor changes nothing.

    python tests/rubrics/dump_scores.py OUT.jsonl [--shared DIR]

One JSON line per scoring (sorted keys): every labelled set under tests/data (each record with the three tone
analysers), the golden replies, the real sample, two-turn conversations built from neighbouring records, and a
battery of replies against every shipped scenario's scoring context for seeds 0-2. With --shared, the real pairs
in DIR/twcs_pairs.csv and DIR/twcs_more.csv as well. Run it before and after a change and compare the files.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# E402: run by path, so the repository goes on sys.path before its packages are imported
from rubrics import score_conversation, score_reply  # noqa: E402
from rubrics.calibration import context_of, load_labels  # noqa: E402

ANALYSERS = (None, "textblob", "none")


def _labelled() -> list[tuple[str, dict]]:
    out = []
    for path in sorted((ROOT / "tests" / "data").rglob("replies.jsonl")):
        records, _ = load_labels(path)
        out += [(f"{path.parent.name}:{r.get('id', r['_line'])}", r) for r in records]
    return out


def _golden() -> list[tuple[str, str, dict]]:
    data = json.loads((ROOT / "tests" / "rubrics" / "data" / "golden_replies.json").read_text(encoding="utf-8"))
    out = []
    for case in data["cases"]:
        ctx = dict(case.get("context") or {})
        ctx.setdefault("customer", case.get("customer"))
        out.append((f"golden:{case['name']}", case["reply"], ctx))
    with open(ROOT / "tests" / "rubrics" / "data" / "twcs_sample.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append((f"sample:{rec['id']}", rec["reply"], context_of(rec)))
    return out


def _scenario_contexts() -> list[tuple[str, dict]]:
    import simulator
    library = simulator.load_library()
    out = []
    for sid in sorted(library.scenarios):
        for seed in (0, 1, 2):
            data = simulator.generate(sid, seed, library=library).to_dict()
            if data.get("scoring_context"):
                out.append((f"{sid}@{seed}", data["scoring_context"]))
    return out


def dump(out_path: Path, shared: Path | None) -> int:
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        def write(key: str, result: dict) -> None:
            nonlocal n
            out.write(json.dumps({"id": key, "result": result}, sort_keys=True, ensure_ascii=False) + "\n")
            n += 1

        labelled = _labelled()
        for key, rec in labelled:
            for analyser in ANALYSERS:
                write(f"{key}/{analyser}", score_reply(rec["reply"], context_of(rec), analyser=analyser))
        for (k1, r1), (k2, r2) in zip(labelled, labelled[1:]):
            write(f"conv:{k1}+{k2}", score_conversation([r1["reply"], r2["reply"]], context_of(r2)))
        golden = _golden()
        for key, reply, ctx in golden:
            write(key, score_reply(reply, ctx))
        battery = [g[1] for g in golden] + [r["reply"] for _, r in labelled[:40]]
        for skey, ctx in _scenario_contexts():
            for i, reply in enumerate(battery):
                write(f"scenario:{skey}:{i}", score_reply(reply, ctx))
            write(f"scenario-conv:{skey}", score_conversation(battery[:2], ctx))
        if shared:
            for name, reply_col, cust_col in (("twcs_pairs.csv", "brand_reply_anon", "customer_message_anon"),
                                              ("twcs_more.csv", "brand_reply_anon", "customer_message_anon")):
                path = shared / name
                if not path.exists():
                    continue
                with open(path, encoding="utf-8", newline="") as fh:
                    for i, row in enumerate(csv.DictReader(fh)):
                        ctx = {"customer": row[cust_col], "platform": "twitter", "channel": "public",
                               "response_minutes": float(row["reply_delay_minutes"] or 0)}
                        write(f"{name}:{i}", score_reply(row[reply_col], ctx))
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=None)
    args = ap.parse_args()
    print(f"{dump(args.out, args.shared)} results written to {args.out}")


if __name__ == "__main__":
    main()
