"""The standard (portfolio/standard.yaml): its criteria as they are shown, and the checks that keep the map honest.

The map names, for each performance criterion, the exercise types that can evidence it and the criteria of those
exercises' rubrics (rubrics/data/social-*.yaml) that show it. `problems()` lists every way the file and the rubrics
disagree, so a test (and an author) sees them all at once.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from rubrics.documents import load_exercise_rubric
from simulator.knowledge import GENERATORS, load_bank
from simulator.knowledge import POINTS as KNOWLEDGE_POINTS

HERE = Path(__file__).resolve().parent
TEXT_STATUSES = ("quoted", "incomplete", "not_available")
NOT_AVAILABLE = "wording not available; summary"


@lru_cache(maxsize=1)
def standard() -> dict:
    return yaml.safe_load((HERE / "standard.yaml").read_text(encoding="utf-8"))


def criterion_text(pc: dict) -> str:
    """What the portfolio shows for a criterion: the standard's words, or, where we could not read them, a
    summary that says so ("[wording not available; summary] implementing the procedures")."""
    if pc.get("text"):
        return pc["text"]
    return f"[{NOT_AVAILABLE}] {pc.get('summary') or ''}".strip()


def exercise_rubrics() -> dict:
    """Exercise type -> its loaded rubric, for the exercise types the map names."""
    kinds = standard().get("exercise_types") or {}
    return {kind: load_exercise_rubric(spec["rubric"]) for kind, spec in kinds.items()}


def exercise_criterion_labels() -> dict[str, str]:
    return {c.key: c.label for rubric in exercise_rubrics().values() for c in rubric.criteria}


def evidencing(pc_id: str) -> dict[str, list[str]]:
    """Exercise type -> the keys of its rubric's criteria that say (in the rubric) they evidence `pc_id`."""
    out: dict[str, list[str]] = {}
    for kind, rubric in exercise_rubrics().items():
        keys = [c.key for c in rubric.criteria if pc_id in c.standard]
        if keys:
            out[kind] = keys
    return out


def _pc_problems(pc: dict, rubrics: dict, frontline: set[str]) -> list[str]:
    where = f"standard.yaml {pc.get('id')}"
    problems = []
    status = pc.get("text_status")
    if status not in TEXT_STATUSES:
        problems.append(f"{where}: text_status must be one of {TEXT_STATUSES}")
    if status == "not_available" and (pc.get("text") or not pc.get("summary")):
        problems.append(f"{where}: a criterion whose wording is not available has no text and needs a summary")
    if status != "not_available" and not pc.get("text"):
        problems.append(f"{where}: the standard's text is missing")
    if set(pc.get("evidenced_by") or ()) & frontline:
        problems.append(f"{where}: frontline marking points are not evidence of the standard's criteria")
    found = evidencing(pc["id"])
    if not found:
        problems.append(f"{where}: no exercise type can evidence it")
    if sorted(found) != sorted(pc.get("exercises") or ()):
        problems.append(f"{where}: exercises {sorted(pc.get('exercises') or ())} but the rubrics say {sorted(found)}")
    listed = {k for keys in found.values() for k in keys}
    if set(pc.get("evidenced_by") or ()) != listed:
        problems.append(f"{where}: evidenced_by {sorted(pc.get('evidenced_by') or ())} but the rubrics say "
                        f"{sorted(listed)}")
    for kind in pc.get("exercises") or ():
        if kind not in rubrics:
            problems.append(f"{where}: unknown exercise type {kind!r}")
    return problems


def _knowledge_problems(std: dict) -> list[str]:
    """Every knowledge point the checks ask about is in the map, and every point in the map is asked about."""
    mapped = [kp["key"] for kp in std.get("knowledge_points") or ()]
    _version, fixed = load_bank()
    asked = {q["point"] for q in fixed} | {"metrics"}   # the generated questions are all on the measures
    out = [f"standard.yaml: knowledge point {k!r} of the checks is not in knowledge_points"
           for k in KNOWLEDGE_POINTS if k not in mapped]
    out += [f"standard.yaml: knowledge point {k!r} has no question in the knowledge checks" for k in mapped
            if k not in asked]
    return out


def problems() -> list[str]:
    """Every disagreement between standard.yaml and the exercise rubrics (empty when the map is consistent)."""
    std = standard()
    rubrics = exercise_rubrics()
    frontline = {mp["key"] for mp in std["marking_points"]}
    ids = [pc["id"] for pc in std["performance_criteria"]]
    out = [f"standard.yaml: criterion id {i} repeated" for i in sorted(set(ids)) if ids.count(i) > 1]
    if "qualification" in std:
        out.append("standard.yaml: the qualification follows the cohort's settings; do not name one here")
    for pc in std["performance_criteria"]:
        out += _pc_problems(pc, rubrics, frontline)
    out += _knowledge_problems(std)
    for rubric in rubrics.values():
        for c in rubric.criteria:
            for pc_id in c.standard:
                if pc_id not in ids:
                    out.append(f"{rubric.id} {c.key}: names {pc_id}, which is not a criterion of the standard")
    return out


def criteria_table() -> str:
    """The evidence map as a Markdown table (docs/evidence-map.md holds it; a test keeps the two the same)."""
    std, rubrics = standard(), exercise_rubrics()
    kinds = std.get("exercise_types") or {}
    rows = ["| Criterion | The standard's words | Exercise types that can evidence it | Shown by (rubric criteria) |",
            "|---|---|---|---|"]
    for pc in std["performance_criteria"]:
        found = evidencing(pc["id"])
        shown = "; ".join(f"{kinds[k]['label']}: " + ", ".join(rubrics[k].criterion(c).label for c in keys)
                          for k, keys in found.items())
        rows.append(f"| {pc['id']} | {criterion_text(pc)} | {', '.join(kinds[k]['label'] for k in found)} | {shown} |")
    return "\n".join(rows)


def knowledge_table() -> str:
    """Knowledge points against the knowledge-check questions that ask about them (fixed and generated)."""
    _version, fixed = load_bank()
    rows = ["| Knowledge point | Questions in the bank |", "|---|---|"]
    for kp in standard().get("knowledge_points") or ():
        count = sum(1 for q in fixed if q["point"] == kp["key"])
        generated = f" + {len(GENERATORS)} generated on figures" if kp["key"] == "metrics" else ""
        rows.append(f"| {kp['label']} | {count}{generated} |")
    return "\n".join(rows)
