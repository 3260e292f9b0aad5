"""The labelled reply corpus (tests/data/corpus/): its records, and each record as the scorer's input.

A record holds a dialogue (customer and agent turns), the platform and channel, and two raters' labels with their
consensus (`labels`; `"disputed"` where the raters differ). `scoring_input(rec)` turns it into what
`score_conversation` takes: the agent's turns and a context whose customer is every customer turn. Learner-style
records name a scenario and seed; their context is the simulator's (imported lazily, as the batch command does);
written records carry an inline scenario.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from rubrics.errors import ScoringInputError

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus"
SOURCES = ("twcs_pairs", "twcs_more", "ibm_cdp", "written", "learner")
SUITE = "learner_suite"
DISPUTED = "disputed"


def load_corpus(folder: Path = DEFAULT_CORPUS, split: str | None = None,
                files: tuple[str, ...] = SOURCES) -> list[dict]:
    """Every record of the named files (in file order), only those of `split` when it is given."""
    out: list[dict] = []
    for name in files:
        with open(Path(folder) / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if split is None or rec.get("split") == split:
                        out.append(rec)
    return out


def load_suite(folder: Path = DEFAULT_CORPUS) -> list[dict]:
    return load_corpus(folder, None, (SUITE,))


@lru_cache(maxsize=512)
def _scenario_context(scenario_id: str, seed: int) -> dict:
    import simulator
    try:
        instance = simulator.generate(scenario_id, seed)
    except KeyError as exc:
        raise ScoringInputError(f"unknown scenario {scenario_id!r}") from exc
    return dict(instance.to_dict()["scoring_context"])


def agent_turns(rec: dict) -> list[str]:
    return [t["text"] for t in rec["dialogue"] if t["role"] == "agent" and t["text"].strip()]


def customer_turns(rec: dict) -> list[str]:
    return [t["text"] for t in rec["dialogue"] if t["role"] == "customer" and t["text"].strip()]


def scoring_input(rec: dict) -> tuple[list[str], dict]:
    """(the agent's turns, the scoring context) for one record."""
    if rec.get("scenario_id"):
        ctx = dict(_scenario_context(rec["scenario_id"], int(rec["seed"])))
    else:
        ctx = {"scenario": rec.get("scenario") if isinstance(rec.get("scenario"), dict) else None,
               "previous_replies": [], "customer_handle": None}
    ctx.update({"customer": customer_turns(rec) or None, "platform": rec.get("platform"),
                "channel": rec.get("channel"), "response_minutes": rec.get("response_minutes"),
                "customer_name": rec.get("customer_name")})
    return agent_turns(rec), ctx
