"""Helpers for the simulator tests: scripted judgements and broken-file writers (no mocks of our code)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import simulator
from simulator.criteria import CRITERIA

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
EXAMPLE = SCENARIOS / "_example.yaml"
# Frozen copies of the shipped scenarios the engine tests name (copied byte for byte on 7 Dec 2026), so editing
# shipped content cannot change those tests' seeded outcomes. Tests of every shipped file still read scenarios/.
ENGINE_SCENARIOS = ROOT / "tests" / "fixtures" / "engine_scenarios"


@lru_cache(maxsize=1)
def engine_library() -> simulator.Library:
    lib = simulator.load_library(ENGINE_SCENARIOS)
    assert not lib.errors, lib.errors
    return lib


def generate(scenario, seed, **options) -> simulator.Instance:
    """simulator.generate for the engine tests: a scenario named by id comes from ENGINE_SCENARIOS; a Scenario
    object (from a test that walks every shipped file) is generated as it is."""
    if isinstance(scenario, str):
        options.setdefault("library", engine_library())
    return simulator.generate(scenario, seed, **options)

def judgement(**levels) -> dict:
    """A scoring result shaped like rubrics.score_reply's (only levels matter to the simulator).

    Every criterion starts at 2 / "pass"; pass overrides, e.g. judgement(hear=1, take_private=None).
    """
    base = {key: 2 for key in CRITERIA}
    base["data_protection"] = "pass"
    base.update(levels)
    return {"rubric": {"id": "test", "version": 1}, "mode": "scenario", "grade": "Merit",
            "criteria": {key: {"level": level, "evidence": [], "reason": "scripted"} for key, level in base.items()}}


# A reply that hears, apologises, owns, and signposts: what a good learner writes.
GOOD = judgement()
# Generic, blaming, no ownership: what a poor learner writes (still polite enough not to be rude).
POOR = judgement(hear=1, acknowledge=1, empathise=0, apologise=0, take_ownership=0, act=0, take_private=0,
                 clarify=0, escalation=0, signposting=0)


def fix_words(spec) -> str:
    """Words that give a scenario's `fix` (the first option of every term of its first alternative)."""
    if not spec:
        return ""
    first = spec[0] if not isinstance(spec[0], str) else (spec[0],)
    return " ".join(term.split("|")[0] for term in first)


def write_variant(folder: Path, stem: str, replace: dict[str, str] | None = None, text: str | None = None) -> Path:
    """Write the example with some lines replaced, under a new file name (and matching id)."""
    body = text if text is not None else EXAMPLE.read_text(encoding="utf-8")
    body = body.replace("id: example-late-parcel ", f"id: {stem} ")
    for old, new in (replace or {}).items():
        assert old in body, f"test bug: {old!r} not in the example"
        body = body.replace(old, new)
    path = folder / f"{stem}.yaml"
    path.write_text(body, encoding="utf-8")
    return path
