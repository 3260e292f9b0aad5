"""Agreement between rater A and rater B on the batches both finished (and, on the pilot's anchors, with the
twcs_labels raters). Usage: python3 agreement.py [batch_NN ...]"""
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CRITERIA, GRADES, grade, kappa, level, qwk

ROOT = Path("/work/labelling")


def load(rater, names):
    rows = {}
    for name in names:
        p = ROOT / rater / f"{name}.jsonl"
        if p.exists():
            for l in open(p, encoding="utf-8"):
                if l.strip():
                    r = json.loads(l)
                    rows[r["item_id"]] = r
    return rows


def items(names):
    out = {}
    for name in names:
        for l in open(ROOT / "items" / f"{name}.jsonl", encoding="utf-8"):
            r = json.loads(l)
            out[r["item_id"]] = r
    return out


def compare(A, B, ids, label_a="A", label_b="B", minutes=None):
    minutes = minutes or {}
    print(f"{'criterion':16} {'n':>4} {'exact':>6} {'qwk':>6}")
    for c in CRITERIA:
        va = [A[i].get(c) for i in ids]
        vb = [B[i].get(c) for i in ids]
        both = [(x, y) for x, y in zip(va, vb) if x not in (None, "nl") and y not in (None, "nl")]
        if not both:
            continue
        exact = sum(x == y for x, y in both) / len(both)
        if c == "data_protection":
            k = kappa([x for x, _ in both], [y for _, y in both])
        else:
            k = qwk([level(x) for x, _ in both], [level(y) for _, y in both])
        print(f"{c:16} {len(both):4} {exact:6.2f} {k if k is None else round(k, 2)!s:>6}")
    ga = [grade(A[i], minutes.get(i)) for i in ids]
    gb = [grade(B[i], minutes.get(i)) for i in ids]
    ex = sum(x == y for x, y in zip(ga, gb)) / len(ids)
    gk = qwk([GRADES.index(g) for g in ga], [GRADES.index(g) for g in gb], 4)
    print(f"{'grade (rules)':16} {len(ids):4} {ex:6.2f} {round(gk, 2)!s:>6}")
    wa = [A[i].get("grade") for i in ids]
    print(f"  {label_a} written grade == rule grade: {sum(x == y for x, y in zip(wa, ga))}/{len(ids)}")


def main(names):
    A, B, I = load("A", names), load("B", names), items(names)
    usable = [i for i in A if i in B and A[i]["usable"] and B[i]["usable"]]
    unusable = [i for i in A if i in B and not (A[i]["usable"] and B[i]["usable"])]
    print(f"A={len(A)} B={len(B)} both usable={len(usable)} unusable by either={len(unusable)}")
    minutes = {i: I[i].get("response_minutes") for i in I}
    compare(A, B, usable, minutes=minutes)
    key = {json.loads(l)["item_id"]: json.loads(l) for l in open(ROOT / "key/master_real.jsonl")}
    anchors = [i for i in usable if key.get(i, {}).get("source") == "anchor_twcs_pairs"]
    if anchors:
        lab = Path("/work/shared/data/twcs_labels")
        pairs = {r["pair_id"]: r for r in csv.DictReader(open("/work/shared/data/twcs_pairs.csv"))}
        for who in ("A", "B"):
            ref = {r["pair_id"]: r for r in csv.DictReader(open(lab / f"labels_{who}.csv"))}
            conv = {}
            for i in anchors:
                pid = str(key[i]["source_id"])
                r = dict(ref[pid])
                for c in r:
                    if r[c] in ("0", "1", "2"):
                        r[c] = int(r[c])
                # the README's fix: empathise 0 on a neutral query is n/a
                if pairs[pid]["intent"] == "query" and r["apologise"] == "na" and r["empathise"] == 0:
                    r["empathise"] = "na"
                for c in ("clarify", "escalation", "accuracy", "platform_fit"):
                    r[c] = "nl"
                conv[i] = r
            for ours in ("A", "B"):
                print(f"\n== anchors: our rater {ours} vs twcs_labels {who} ({len(anchors)} pairs)")
                compare(A if ours == "A" else B, conv, anchors, minutes=minutes)


if __name__ == "__main__":
    main(sys.argv[1:] or ["batch_00"])
