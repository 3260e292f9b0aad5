"""Build rater-facing items for the real sources (and the written calibration records), with a private key.

Items carry no hint of their source or split. The key (key/master.jsonl) maps item_id -> source, source id, split.
Split rule (documented in the corpus README): sha256("reply-ready-split-2026:" + group) first byte < 64 -> heldout
(about 25%), where group is the twcs tweet id, the IBM conversation id or, for learner-style items, writer+scenario.
The 100 pairs of tests/data/heldout are always heldout; the written calibration records are always train.
"""
import csv
import hashlib
import json
import random
from pathlib import Path

SHARED = Path("/work/shared/data")
MAIN = Path("/work/main")
OUT = Path("/work/labelling")
rng = random.Random(20261207)


def heldout(group: str) -> bool:
    return hashlib.sha256(f"reply-ready-split-2026:{group}".encode()).digest()[0] < 64


def new_id(used: set) -> str:
    while True:
        i = f"it-{rng.randrange(16**6):06x}"
        if i not in used:
            used.add(i)
            return i


used: set = set()
items, key = [], []

# twcs_pairs anchors (pilot only: compare our raters with labels_A/B); never in the corpus as new rows
pairs = list(csv.DictReader(open(SHARED / "twcs_pairs.csv", encoding="utf-8")))
ho_ids = {json.loads(l)["twcs_pair_id"] for l in open(MAIN / "tests/data/heldout/replies.jsonl")}
anchor_rows = rng.sample([p for p in pairs if int(p["pair_id"]) not in ho_ids], 40)
for p in anchor_rows:
    iid = new_id(used)
    items.append({"item_id": iid, "platform": "twitter", "channel": "public",
                  "brand": {"name": p["brand"]},
                  "turns": [{"role": "customer", "text": p["customer_message_anon"]},
                            {"role": "agent", "text": p["brand_reply_anon"]}],
                  "response_minutes": float(p["reply_delay_minutes"])})
    key.append({"item_id": iid, "source": "anchor_twcs_pairs", "source_id": int(p["pair_id"]), "split": "anchor"})

# twcs_more: all 605
for r in csv.DictReader(open(SHARED / "twcs_more.csv", encoding="utf-8")):
    iid = new_id(used)
    items.append({"item_id": iid, "platform": "twitter", "channel": "public", "brand": {"name": r["brand"]},
                  "turns": [{"role": "customer", "text": r["customer_message_anon"]},
                            {"role": "agent", "text": r["brand_reply_anon"]}],
                  "response_minutes": float(r["reply_delay_minutes"])})
    key.append({"item_id": iid, "source": "twcs_more", "source_id": r["customer_tweet_id"],
                "split": "heldout" if heldout("twcs:" + r["customer_tweet_id"]) else "train"})

# IBM: 500 conversations, at most 40 per brand, fixed seed
convs = [json.loads(l) for l in open(SHARED / "ibm_cdp/conversations.jsonl", encoding="utf-8")]
rng.shuffle(convs)
per_brand, chosen = {}, []
for c in convs:
    if per_brand.get(c["company"], 0) >= 40 or sum(len(m["text"]) for m in c["messages"]) > 2500:
        continue
    per_brand[c["company"]] = per_brand.get(c["company"], 0) + 1
    chosen.append(c)
    if len(chosen) == 500:
        break
for c in chosen:
    iid = new_id(used)
    items.append({"item_id": iid, "platform": "twitter", "channel": "public", "brand": {"name": c["company"]},
                  "turns": [{"role": m["role"], "text": m["text"]} for m in c["messages"]]})
    key.append({"item_id": iid, "source": "ibm_cdp", "source_id": c["id"],
                "split": "heldout" if heldout("ibm:" + c["id"]) else "train"})

# written calibration records (157): always train
for line in open(MAIN / "tests/data/calibration/replies.jsonl", encoding="utf-8"):
    r = json.loads(line)
    if r.get("source") != "written":
        continue
    iid = new_id(used)
    item = {"item_id": iid, "platform": r["platform"], "channel": r["channel"], "brand": {"name": ""},
            "turns": [{"role": "customer", "text": r["customer"]}, {"role": "agent", "text": r["reply"]}]}
    if r.get("customer_name"):
        item["customer_name"] = r["customer_name"]
    if r.get("scenario"):
        item["scenario"] = {k: v for k, v in r["scenario"].items() if k not in ("id", "version")}
    items.append(item)
    key.append({"item_id": iid, "source": "calibration_written", "source_id": r["id"], "split": "train"})

(OUT / "key").mkdir(exist_ok=True)
with open(OUT / "key/master_real.jsonl", "w", encoding="utf-8") as f:
    for k in key:
        f.write(json.dumps(k) + "\n")
by_id = {i["item_id"]: i for i in items}
src = {k["item_id"]: k["source"] for k in key}
anchors = [i for i in items if src[i["item_id"]] == "anchor_twcs_pairs"]
rest = [i for i in items if src[i["item_id"]] != "anchor_twcs_pairs"]
rng.shuffle(rest)
pilot = anchors + rest[:60]
rng.shuffle(pilot)
batches = [pilot] + [rest[60 + n:60 + n + 100] for n in range(0, len(rest) - 60, 100)]
for n, batch in enumerate(batches):
    with open(OUT / f"items/batch_{n:02d}.jsonl", "w", encoding="utf-8") as f:
        for it in batch:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"batch_{n:02d}: {len(batch)} items")
from collections import Counter

print(Counter((k["source"], k["split"]) for k in key))
