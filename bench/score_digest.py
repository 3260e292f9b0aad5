"""Digest of the scorer's full results on the labelled corpus: proof that a speed change changes no output.

    python bench/score_digest.py [--sample N] [--dump OUT.jsonl]

Scores every record of tests/data/corpus (all sources, both splits, and the learner suite) with the learned
layer on and off, and prints one SHA-256 over every result (sorted keys). Run it on main before a change and on
the branch after: the two digests must be equal. --sample N scores a fixed, evenly spaced N records instead;
--dump writes each result as a JSON line so two runs can be diffed when the digests differ.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rubrics import score_conversation
from rubrics.corpus import SOURCES, SUITE, load_corpus, scoring_input


def records(sample: int | None) -> list[dict]:
    recs = load_corpus(files=SOURCES + (SUITE,))
    if sample and sample < len(recs):
        step = len(recs) / sample
        recs = [recs[int(i * step)] for i in range(sample)]
    return recs


def results(recs: list[dict]):
    """(record id, judge on/off, full result or the error's text) for every record."""
    for rec in recs:
        turns, ctx = scoring_input(rec)
        for judge in (True, False):
            try:
                out = score_conversation(turns, ctx, judge=judge)
            except Exception as exc:  # noqa: BLE001 - an error is an output too: it must stay the same
                out = {"error": f"{type(exc).__name__}: {exc}"}
            yield rec.get("id"), judge, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=None)
    ap.add_argument("--dump", type=Path, default=None)
    args = ap.parse_args()
    recs = records(args.sample)
    digest = hashlib.sha256()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    t = time.process_time()
    n = 0
    for rid, judge, out in results(recs):
        line = json.dumps({"id": rid, "judge": judge, "result": out}, sort_keys=True, ensure_ascii=False,
                          default=repr)
        digest.update(line.encode("utf-8") + b"\n")
        if dump:
            dump.write(line + "\n")
        n += 1
    if dump:
        dump.close()
    print(f"records: {len(recs)}  scorings: {n}  cpu: {time.process_time() - t:.1f} s")
    print(f"digest: {digest.hexdigest()}")


if __name__ == "__main__":
    main()
