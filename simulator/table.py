"""The markdown table of the library, for scenarios/README.md (`python -m simulator table`)."""
from __future__ import annotations

from simulator.brands import BRANDS
from simulator.catalogue import CATEGORIES, EXERCISE_TYPES
from simulator.loader import Library
from simulator.platforms import PLATFORMS


def markdown_table(library: Library) -> str:
    rows = ["| id | title | category | exercise | platforms | difficulty | brand | SLA (min) |",
            "|---|---|---|---|---|---|---|---|"]
    for s in library.list():
        rows.append(f"| `{s.id}` | {s.title} | {CATEGORIES[s.category]} | {EXERCISE_TYPES[s.exercise_type].label} | "
                    f"{', '.join(PLATFORMS[p].label for p in s.platforms)} | {s.difficulty} | "
                    f"{BRANDS[s.brand].name} | {s.sla_minutes:g} |")
    return "\n".join(rows)


def coverage(library: Library) -> dict:
    """How many scenarios per category, exercise type, platform and difficulty."""
    out: dict[str, dict[str, int]] = {"category": {}, "exercise_type": {}, "platform": {}, "difficulty": {}}
    for s in library.list():
        out["category"][s.category] = out["category"].get(s.category, 0) + 1
        out["exercise_type"][s.exercise_type] = out["exercise_type"].get(s.exercise_type, 0) + 1
        out["difficulty"][s.difficulty] = out["difficulty"].get(s.difficulty, 0) + 1
        for p in s.platforms:
            out["platform"][p] = out["platform"].get(p, 0) + 1
    return out
