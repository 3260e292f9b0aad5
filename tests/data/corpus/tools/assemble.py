"""Assemble the labelled corpus from the rater outputs and the private key.

Writes OUT/{twcs_pairs,twcs_more,ibm_cdp,written,learner}.jsonl and OUT/agreement.json.
Consensus rule (documented in the corpus README):
  - an item enters the corpus only when both raters judged it usable;
  - per criterion, the consensus is the raters' shared value; where they differ it is null ("disputed": left out of
    measurement for that criterion, and available to training as the two labels);
  - each rater's grade is the guide's rule applied to that rater's labels (common.grade) and, for crisis holding
    statements, lowered to the rater's written grade when the rater refers it for a missing must-cover point;
    the consensus grade is the shared grade, else null.
Usage: python3 assemble.py OUT_DIR
"""
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CRITERIA, GRADES, grade, kappa, level, qwk, timeliness

ROOT = Path("/work/labelling")
SHARED = Path("/work/shared/data")
MAIN = Path("/work/main")
OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)


def jl(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


def rater_rows(letter):
    rows = {}
    for p in sorted((ROOT / letter).glob("batch_*.jsonl")):
        for r in jl(p):
            rows[r["item_id"]] = r
    return rows


def rater_grade(labels, minutes, crisis):
    g = grade(labels, minutes)
    if crisis and labels.get("grade") in GRADES and GRADES.index(labels["grade"]) < GRADES.index(g) \
            and labels.get("must_cover_missing"):
        g = labels["grade"]
    return g


def clean(labels):
    out = {}
    for c in CRITERIA:
        v = labels.get(c)
        out[c] = None if v in ("na", "nl", None) else v
    return out


def consensus(a, b):
    return {c: (a[c] if a[c] == b[c] else "disputed") for c in CRITERIA}


items = {}
for p in sorted((ROOT / "items").glob("batch_*.jsonl")):
    for it in jl(p):
        items[it["item_id"]] = it
key = {k["item_id"]: k for k in jl(ROOT / "key/master_real.jsonl")}
for p in sorted((ROOT / "key").glob("master_learner_*.jsonl")):
    key.update({k["item_id"]: k for k in jl(p)})
A, B = rater_rows("A"), rater_rows("B")

by_source = defaultdict(list)
stats = Counter()
for iid, k in key.items():
    if k["source"] == "anchor_twcs_pairs" or iid not in A or iid not in B:
        stats["not yet labelled" if k["source"] != "anchor_twcs_pairs" else "anchor"] += 1
        continue
    a, b = A[iid], B[iid]
    if not (a["usable"] and b["usable"]):
        stats["unusable"] += 1
        continue
    it = items[iid]
    minutes = it.get("response_minutes")
    crisis = bool(((it.get("scenario") or {}).get("expected") or {}).get("holding_statement"))
    la, lb = clean(a), clean(b)
    for c in ((it.get("scenario") or {}).get("expected") or {}).get("not_applicable") or ():
        if c in la:               # the scenario declares it n/a: the scorer leaves it out too
            la[c] = lb[c] = None
    ga, gb = rater_grade({**a, **la}, minutes, crisis), rater_grade({**b, **lb}, minutes, crisis)
    cons = consensus(la, lb)
    cons["timeliness"] = timeliness(minutes)
    rec = {"id": f"{k['source']}-{k.get('source_id', k.get('n'))}" if not k["source"].startswith("learner")
           else f"learner-{k['writer']}-{k['n']:03d}",
           "source": k["source"], "split": k["split"], "platform": it["platform"], "channel": it["channel"],
           "brand": it["brand"].get("name") or None, "dialogue": it["turns"],
           "response_minutes": minutes, "customer_name": it.get("customer_name")}
    if k["source"].startswith("learner"):
        rec.update({"scenario_id": k["scenario_id"], "seed": k["seed"], "customer_id": k["customer_id"],
                    "pattern": k["pattern"], "writer": k["writer"]})
    elif it.get("scenario"):
        rec["scenario"] = it["scenario"]
    if k["source"] == "calibration_written":
        rec["calibration_id"] = k["source_id"]
    rec.update({"labels_a": la, "labels_b": lb, "labels": cons, "grade_a": ga, "grade_b": gb,
                "grade": ga if ga == gb else None,
                "must_cover_missing": [a.get("must_cover_missing", []), b.get("must_cover_missing", [])],
                "notes": [a.get("note", ""), b.get("note", "")]})
    by_source[{"calibration_written": "written"}.get(k["source"], k["source"])].append(rec)

# twcs_pairs: the two raters of ../shared/data/twcs_labels, with the README's empathise fix
pairs = {r["pair_id"]: r for r in csv.DictReader(open(SHARED / "twcs_pairs.csv", encoding="utf-8"))}
ho = {json.loads(l)["twcs_pair_id"] for l in open(MAIN / "tests/data/heldout/replies.jsonl")}
lab = {w: {r["pair_id"]: r for r in csv.DictReader(open(SHARED / f"twcs_labels/labels_{w}.csv"))} for w in "AB"}


def twcs_labels(r, intent):
    out = {}
    for c in CRITERIA:
        v = r.get(c, "")
        out[c] = int(v) if v in ("0", "1", "2") else v if v in ("pass", "fail") else None
    if intent == "query" and r["apologise"] == "na" and out["empathise"] == 0:
        out["empathise"] = None   # twcs_labels/README: the brief offered no n/a for empathise
    return out


for pid, p in pairs.items():
    la, lb = twcs_labels(lab["A"][pid], p["intent"]), twcs_labels(lab["B"][pid], p["intent"])
    minutes = float(p["reply_delay_minutes"])
    ga, gb = grade(la, minutes), grade(lb, minutes)
    cons = consensus(la, lb)
    cons["timeliness"] = timeliness(minutes)
    by_source["twcs_pairs"].append({
        "id": f"twcs_pairs-{pid}", "source": "twcs_pairs", "split": "heldout" if int(pid) in ho else "train",
        "platform": "twitter", "channel": "public", "brand": p["brand"],
        "dialogue": [{"role": "customer", "text": p["customer_message_anon"]},
                     {"role": "agent", "text": p["brand_reply_anon"]}],
        "response_minutes": minutes, "customer_name": None, "twcs_pair_id": int(pid),
        "labels_a": la, "labels_b": lb, "labels": cons, "grade_a": ga, "grade_b": gb,
        "grade": ga if ga == gb else None, "must_cover_missing": [[], []],
        "notes": [lab["A"][pid]["note"], lab["B"][pid]["note"]]})

agreement = {}
for source, recs in sorted(by_source.items()):
    recs.sort(key=lambda r: r["id"])
    with open(OUT / f"{source}.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
allrecs = [r for recs in by_source.values() for r in recs]
for name, recs in [("all", allrecs)] + sorted(by_source.items()) + [
        ("heldout", [r for r in allrecs if r["split"] == "heldout"])]:
    row = {"n": len(recs)}
    for c in CRITERIA:
        both = [(r["labels_a"][c], r["labels_b"][c]) for r in recs
                if r["labels_a"][c] is not None and r["labels_b"][c] is not None]
        if len(both) < 5:
            continue
        if c == "data_protection":
            k = kappa([x for x, _ in both], [y for _, y in both])
        else:
            k = qwk([level(x) for x, _ in both], [level(y) for _, y in both])
        # "applicable" agreement: n/a counted as a category
        cat = [(r["labels_a"][c], r["labels_b"][c]) for r in recs]
        row[c] = {"n": len(both), "kappa": None if k is None else round(k, 3),
                  "exact_incl_na": round(sum(x == y for x, y in cat) / len(cat), 3)}
    g = [(r["grade_a"], r["grade_b"]) for r in recs]
    row["grade"] = {"exact": round(sum(x == y for x, y in g) / len(g), 3),
                    "kappa": round(qwk([GRADES.index(x) for x, _ in g], [GRADES.index(y) for _, y in g], 4), 3)}
    agreement[name] = row
json.dump({"counts": {s: Counter(r["split"] for r in v) for s, v in by_source.items()},
           "excluded": stats, "agreement": agreement}, open(OUT / "agreement.json", "w"), indent=1)
print(json.dumps({s: dict(Counter(r["split"] for r in v)) for s, v in by_source.items()}), dict(stats))
print(json.dumps(agreement["all"], indent=None)[:1500])
