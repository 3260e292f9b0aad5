"""Turn the writers' learner-style conversations into rater items (with the scenario context the learner had) and
extend the private key. Checks that every copied customer turn matches the generated instance.
Usage: /work/main/.venv/bin/python build_learner.py W1 W2 -> items/batch_L*.jsonl, key/master_learner.jsonl"""
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, "/work/main")
from simulator import generate

ROOT = Path("/work/labelling")
rng = random.Random('20261208-' + ''.join(sys.argv[1:]))


def heldout(group: str) -> bool:
    return hashlib.sha256(f"reply-ready-split-2026:{group}".encode()).digest()[0] < 64


used = {json.loads(l)["item_id"] for p in (ROOT / "key").glob("master_*.jsonl") for l in open(p)}


def new_id():
    while True:
        i = f"it-{rng.randrange(16**6):06x}"
        if i not in used:
            used.add(i)
            return i


items, key, problems = [], [], []
for writer in sys.argv[1:]:
    for n, line in enumerate(open(ROOT / "writers" / f"{writer}.jsonl", encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            w = json.loads(line)
            inst = generate(w["scenario_id"], int(w["seed"])).to_dict()
        except Exception as exc:  # noqa: BLE001 - report and skip the line
            problems.append(f"{writer}:{n}: {exc}")
            continue
        if inst["exercise_type"] == "triage":
            problems.append(f"{writer}:{n}: triage skipped")
            continue
        msgs = inst["messages"]
        cid = w.get("customer_id")
        facts = dict(inst.get("facts") or {})
        if cid and inst.get("customers"):
            cust = next((c for c in inst["customers"] if c["id"] == cid), None)
            if cust is None:
                problems.append(f"{writer}:{n}: no customer {cid}")
                continue
            msgs = cust["messages"]
            facts.update(cust.get("facts") or {})
        turns = w["turns"]
        first_customer = [t["text"] for t in turns if t["role"] == "customer"][:len(msgs)]
        if inst["exercise_type"] != "live_chat" and first_customer[:1] != [msgs[0]["text"]]:
            problems.append(f"{writer}:{n}: first customer turn does not match the instance")
        if not any(t["role"] == "agent" and t["text"].strip() for t in turns):
            problems.append(f"{writer}:{n}: no agent turn")
            continue
        channel = msgs[0]["channel"]
        if inst["exercise_type"] == "conversation" and channel == "public" and "private" in inst["channels"]:
            channel = "public" if len([t for t in turns if t["role"] == "agent"]) == 1 else "private"
        if inst["exercise_type"] == "live_chat":
            channel = "chat"
        brand = inst["brand"]
        item = {"item_id": new_id(), "platform": inst["platform"], "channel": channel,
                "brand": {"name": brand["name"], "voice": brand.get("voice"), "signoff": brand.get("signoff")},
                "customer_name": msgs[0].get("name"),
                "scenario": {"brief": inst["brief"], "facts": facts, "expected": inst["expected"],
                             "sla_minutes": inst.get("sla_minutes")},
                "turns": [{"role": t["role"], "text": t["text"]} for t in turns]}
        items.append(item)
        key.append({"item_id": item["item_id"], "source": "learner", "writer": writer, "n": w.get("n", n),
                    "scenario_id": w["scenario_id"], "seed": int(w["seed"]), "customer_id": cid,
                    "pattern": w.get("pattern"),
                    "split": "heldout" if heldout(f"learner:{writer}:{w['scenario_id']}") else "train"})

print("\n".join(problems[:50]), f"\n{len(problems)} problem(s); {len(items)} items", file=sys.stderr)
tag = "".join(sys.argv[1:])
with open(ROOT / f"key/master_learner_{tag}.jsonl", "w", encoding="utf-8") as f:
    for k in key:
        f.write(json.dumps(k) + "\n")
rng.shuffle(items)
for b in range(0, len(items), 100):
    chunk = items[b:b + 100]
    if len(items) - b - 100 < 30:          # fold a short tail into this batch
        chunk = items[b:]
    with open(ROOT / f"items/batch_L{tag}_{b // 100:02d}.jsonl", "w", encoding="utf-8") as f:
        for it in chunk:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"batch_L{tag}_{b // 100:02d}: {len(chunk)}")
    if len(chunk) > 100:
        break
from collections import Counter

print(Counter((k["writer"], k["split"]) for k in key))
