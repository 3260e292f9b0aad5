"""Select the 100 held-out twcs pairs by a fixed-seed random draw.

Standard library only. Run:  /work/venv/bin/python tests/data/heldout/select.py
Writes selection.json (the drawn pair_ids, in draw order) next to this file and prints a summary.

Eligible rows of /work/shared/data/twcs_pairs.csv are those whose pair_id is
- not in the already-used list (/tmp/used_twcs_ids.txt, whitespace-separated pair_ids; a frozen copy of
  that list is kept in USED below so the draw can be reproduced without /tmp), and
- not a row whose customer text appears in tests/rubrics/data/twcs_sample.jsonl. That file is only
  machine-compared here: every string value in every record is compared for exact equality with the
  row's customer_message_anon and customer_message; nothing from it is printed or stored except the
  excluded pair_ids.
Then random.Random(2026).sample(sorted(eligible), 100).
"""
import csv
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CSV = Path("/work/shared/data/twcs_pairs.csv")
SAMPLE = ROOT / "tests" / "rubrics" / "data" / "twcs_sample.jsonl"
SEED = 2026
N = 100

# frozen copy of /tmp/used_twcs_ids.txt as given for this task (90 pair_ids used by the first set)
USED = {int(x) for x in """
1 2 5 6 7 11 12 14 20 23 24 25 26 29 31 32 34 35 36 38 40 41 42 43 45 50 54 57 58 65 67 70 73 75 76 82 87 89
96 100 104 108 112 113 117 118 126 127 131 132 133 139 145 146 159 162 170 173 174 179 180 196 197 200 216
217 223 229 231 233 237 238 239 240 250 251 252 253 265 269 273 277 281 283 286 287 290 293 297 299
""".split()}


def strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def main():
    tmp = Path("/tmp/used_twcs_ids.txt")
    if tmp.exists():
        live = {int(x) for x in tmp.read_text().split()}
        if live != USED:
            sys.exit("used-id list in /tmp differs from the frozen copy in select.py")
    rows = list(csv.DictReader(CSV.open(encoding="utf-8", newline="")))
    sample_strings = set()
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sample_strings.update(s.strip() for s in strings(json.loads(line)))
    in_sample = sorted(int(r["pair_id"]) for r in rows
                       if r["customer_message_anon"].strip() in sample_strings
                       or r["customer_message"].strip() in sample_strings)
    eligible = sorted(int(r["pair_id"]) for r in rows
                      if int(r["pair_id"]) not in USED and int(r["pair_id"]) not in in_sample)
    chosen = random.Random(SEED).sample(eligible, N)
    (HERE / "selection.json").write_text(json.dumps({
        "seed": SEED, "rows": len(rows), "used_by_first_set": len(USED),
        "excluded_twcs_sample": in_sample, "eligible": len(eligible), "chosen": chosen,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"rows {len(rows)}; used {len(USED)}; in twcs_sample {len(in_sample)} "
          f"(of which also used {len(set(in_sample) & USED)}); eligible {len(eligible)}; chosen {len(chosen)}")
    print("excluded via twcs_sample:", in_sample)


if __name__ == "__main__":
    main()
