"""Builds the document rubric's labelled set from the two raters' files and measures agreement (issue 12).

Reads (all in tests/data/documents/): docs/doc-NNN.md, rater_a.csv, rater_b.csv, split.csv and
third_readings.csv (the lead's third reading of the items the consensus rule sends to one). Writes consensus.csv
and agreement.json, and prints the tables the README quotes. The rule is the README's, written before labelling:
same level -> that level; one apart -> the lower, marked `split`; 0 vs 2 or n/a vs a level -> the third reading,
left out of the figures until it exists. Mistake flags: seen only when both raters tick it.

    .venv/bin/python tests/data/documents/tools/assemble.py [--check]

--check recomputes everything and fails if consensus.csv or agreement.json on disk differ (a test runs it).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rubrics.calibration import cohen_kappa  # the repo root is put on sys.path above
from rubrics.documents.document import score_document

CRITERIA = ["smart_objectives", "justified_platforms", "owned_earned_paid", "service_apart", "tactics_roles",
            "risks_law", "measures_targets", "implementation_review"]
MISTAKES = ["generic_plan", "no_measures", "marketing_only", "risk_without_owner"]
LEVELS = ["0", "1", "2"]
# heldout/train: batch 1 by the hash rule; heldout2: batch 2, written and rated after batch 1's held-out part had
# been read, all of it held out (README).
SPLITS = ("heldout", "train", "heldout2")


def read_csv(name: str) -> list[dict]:
    path = HERE / name
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def document_kind(written: str) -> str:
    """The scorer's kind from the writers' `kind` column ("strategy", "procedure (crisis holding statement)",
    "procedure-escalation"...): the task the learner was set, as the app passes it. Only this column of
    writer-notes.csv is read; the writers' intentions stay out of the scoring."""
    if written.strip() == "strategy":
        return "strategy"
    for kind, words in (("crisis", "crisis"), ("escalation", "escalation"), ("private", "private"),
                        ("identity", "identity verification verif")):
        if any(w in written for w in words.split()):
            return kind
    return "procedure"


def consensus_of(a: str, b: str, third: str | None) -> tuple[str | None, str]:
    """(the consensus level or None when it waits for a third reading, how it was reached)."""
    if a == b:
        return a, "agreed"
    if a in LEVELS and b in LEVELS and abs(int(a) - int(b)) == 1:
        return min(a, b), "split"
    if third is not None:
        return third, "third"
    return None, "needs third"


def build() -> tuple[list[dict], dict]:
    labels = {"a": {r["doc_id"]: r for r in read_csv("rater_a.csv")},
              "b": {r["doc_id"]: r for r in read_csv("rater_b.csv")}}
    splits = {r["doc_id"]: r["split"] for r in read_csv("split.csv")}
    thirds = {(r["doc_id"], r["criterion"]): r["level"] for r in read_csv("third_readings.csv")}
    rows = []
    for doc_id in sorted(splits):
        a, b = labels["a"][doc_id], labels["b"][doc_id]
        row = {"doc_id": doc_id, "split": splits[doc_id]}
        for key in CRITERIA:
            level, how = consensus_of(a[key].strip(), b[key].strip(), thirds.get((doc_id, key)))
            row[key] = "" if level is None else level
            row[key + "_how"] = how
        for key in MISTAKES:
            seen = a[key].strip() == "1" and b[key].strip() == "1"
            row[key] = "1" if seen else "0"
            row[key + "_how"] = "agreed" if a[key].strip() == b[key].strip() else "split"
        rows.append(row)
    return rows, measure(rows, labels)


def _figures(first: list[str], second: list[str]) -> dict:
    """Exact share, Cohen's kappa and quadratic-weighted kappa over pairs where both sides give a 0-2 level."""
    pairs = [(x, y) for x, y in zip(first, second) if x in LEVELS and y in LEVELS]
    if not pairs:
        return {"n": 0}
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    return {"n": len(pairs), "exact": round(sum(x == y for x, y in pairs) / len(pairs), 3),
            "kappa": _round(cohen_kappa(xs, ys, LEVELS)), "qwk": _round(cohen_kappa(xs, ys, LEVELS, "quadratic"))}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def measure(rows: list[dict], labels: dict) -> dict:
    kinds = {r["doc_id"]: document_kind(r["kind"]) for r in read_csv("writer-notes.csv")}
    scored = {row["doc_id"]: score_document((HERE / "docs" / f"{row['doc_id']}.md").read_text(encoding="utf-8"),
                                            kind=kinds[row["doc_id"]])
              for row in rows}
    out: dict = {"documents": len(rows), "splits": {}, "consensus": {}}
    for split in SPLITS + ("all",):
        part = [r for r in rows if split == "all" or r["split"] == split]
        ids = [r["doc_id"] for r in part]
        figures: dict = {"documents": len(part), "raters": {}, "scorer": {}, "mistakes": {}}
        for key in CRITERIA:
            figures["raters"][key] = _figures([labels["a"][d][key].strip() for d in ids],
                                              [labels["b"][d][key].strip() for d in ids])
            figures["scorer"][key] = _figures([str(scored[d]["criteria"][key]["level"]) for d in ids],
                                              [r[key] for r in part])
        named = {d: {m["key"] for m in scored[d]["mistakes"]} for d in ids}
        for key in MISTAKES:
            ab = [(labels["a"][d][key].strip(), labels["b"][d][key].strip()) for d in ids]
            sc = [("1" if key in named[d] else "0", r[key]) for d, r in zip(ids, part)]
            figures["mistakes"][key] = {"raters_exact": round(sum(x == y for x, y in ab) / len(ab), 3),
                                        "scorer_exact": round(sum(x == y for x, y in sc) / len(sc), 3),
                                        "seen": sum(r[key] == "1" for r in part)}
        out["splits"][split] = figures
    for how in ("agreed", "split", "third", "needs third"):
        out["consensus"][how] = sum(r[k + "_how"] == how for r in rows for k in CRITERIA)
    return out


def write(rows: list[dict], figures: dict) -> None:
    fields = ["doc_id", "split"] + [f for k in CRITERIA + MISTAKES for f in (k, k + "_how")]
    with (HERE / "consensus.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    (HERE / "agreement.json").write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def report(figures: dict) -> str:
    lines = []
    for split in SPLITS:
        part = figures["splits"][split]
        lines.append(f"{split} ({part['documents']} documents): criterion | raters n exact kappa qwk | "
                     "scorer vs consensus n exact kappa qwk")
        for key in CRITERIA:
            r, s = part["raters"][key], part["scorer"][key]
            lines.append(f"  {key:22s} | {r.get('n')} {r.get('exact')} {r.get('kappa')} {r.get('qwk')} | "
                         f"{s.get('n')} {s.get('exact')} {s.get('kappa')} {s.get('qwk')}")
        for key, m in part["mistakes"].items():
            lines.append(f"  mistake {key:18s} seen {m['seen']}: raters agree {m['raters_exact']}, "
                         f"scorer agrees {m['scorer_exact']}")
    lines.append("consensus: " + ", ".join(f"{k} {v}" for k, v in figures["consensus"].items()))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the files on disk are out of date")
    args = parser.parse_args()
    rows, figures = build()
    if args.check:
        on_disk = json.loads((HERE / "agreement.json").read_text(encoding="utf-8"))
        if on_disk != json.loads(json.dumps(figures, sort_keys=True)):
            print("agreement.json is out of date: run tests/data/documents/tools/assemble.py", file=sys.stderr)
            return 1
    else:
        write(rows, figures)
    print(report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
