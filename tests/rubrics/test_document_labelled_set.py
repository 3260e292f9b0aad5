"""The document rubric's labelled set (issue 12): complete, split by its hash rule, consensus and figures up to date."""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "documents"


def _assemble():
    spec = importlib.util.spec_from_file_location("doc_assemble", HERE / "tools" / "assemble.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(name: str) -> list[dict]:
    with (HERE / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_document_rated_by_both_raters_with_allowed_values():
    docs = sorted(p.stem for p in (HERE / "docs").glob("doc-*.md"))
    assert len(docs) >= 60
    tool = _assemble()
    for rater in ("rater_a.csv", "rater_b.csv"):
        rows = _rows(rater)
        assert sorted(r["doc_id"] for r in rows) == docs
        for row in rows:
            assert all(row[k].strip() in {"0", "1", "2", "n/a"} for k in tool.CRITERIA), row["doc_id"]
            assert all(row[k].strip() in {"0", "1"} for k in tool.MISTAKES), row["doc_id"]
            json.loads(row["quotes"])


def test_split_follows_the_hash_rule_written_before_labelling():
    rows = _rows("split.csv")
    for row in rows:
        if int(row["doc_id"].split("-")[1]) > 72:  # batch 2: all held out, a fresh check (README)
            assert row["split"] == "heldout2"
            continue
        first = hashlib.sha256(("documents-split" + row["doc_id"]).encode()).digest()[0]
        assert row["split"] == ("heldout" if first < 86 else "train")
    assert sum(r["split"] == "heldout2" for r in rows) >= 40


def test_consensus_rule():
    tool = _assemble()
    assert tool.consensus_of("2", "2", None) == ("2", "agreed")
    assert tool.consensus_of("2", "1", None) == ("1", "split")
    assert tool.consensus_of("0", "2", None) == (None, "needs third")
    assert tool.consensus_of("n/a", "1", "1") == ("1", "third")


def test_consensus_and_agreement_files_are_up_to_date():
    tool = _assemble()
    rows, figures = tool.build()
    on_disk = {r["doc_id"]: r for r in _rows("consensus.csv")}
    for row in rows:
        assert {k: on_disk[row["doc_id"]][k] for k in row} == row
    assert json.loads((HERE / "agreement.json").read_text(encoding="utf-8")) == json.loads(
        json.dumps(figures, sort_keys=True))
