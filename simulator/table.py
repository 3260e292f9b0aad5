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


def reference_markdown() -> str:
    """The vocabularies a scenario file may use, as markdown tables (generated, so never out of date)."""
    from simulator.catalogue import MOODS, NEEDS, REACTION_KEYS
    from simulator.personas import SLOTS

    out = ["#### Exercise types", "", "| `exercise_type` | what the learner does | customers |", "|---|---|---|"]
    for t in EXERCISE_TYPES.values():
        n = "none (see `queue` / `crisis`)" if not t.max_customers else (
            f"{t.min_customers}" if t.min_customers == t.max_customers else f"{t.min_customers}-{t.max_customers}")
        out.append(f"| `{t.key}` | {t.description} | {n} |")
    out += ["", "#### Categories", "", "| `category` | situation |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in CATEGORIES.items()]
    out += ["", "#### Brands (all fictional)", "", "| `brand` | name | handle | sector | references |",
            "|---|---|---|---|---|"]
    out += [f"| `{b.key}` | {b.name} | {b.handle} | {b.sector} | {b.reference_label} `{b.reference_prefix}...` |"
            for b in BRANDS.values()]
    out += ["", "#### Slots", "", "| slot | personal | value |", "|---|---|---|"]
    out += [f"| `{{{s.key}}}` | {'yes' if s.personal else ''} | {s.description} |" for s in SLOTS.values()]
    out += ["", "#### Moods (calmest first)", "", " -> ".join(f"`{m}`" for m in MOODS)]
    out += ["", "#### Needs", "", "| `needs` | meaning |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in NEEDS.items()]
    out += ["", "#### Reactions (`followups` keys)", "", "| key | when |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in REACTION_KEYS.items()]
    return "\n".join(out)


README_MARKERS = {"table": ("<!-- scenario-table:start -->", "<!-- scenario-table:end -->"),
                  "reference": ("<!-- reference:start -->", "<!-- reference:end -->"),
                  "example": ("<!-- example:start -->", "<!-- example:end -->")}


def readme_with_tables(readme: str, library: Library, example: str | None = None) -> str:
    """The README text with its generated blocks replaced by fresh output; `example` is the text of
    `_example.yaml`, copied into the example block (left as it is when not given)."""
    blocks = {"table": markdown_table(library), "reference": reference_markdown()}
    if example is not None:
        blocks["example"] = f"```yaml\n{example.rstrip()}\n```"
    for key, (start, end) in README_MARKERS.items():
        if key in blocks and start in readme and end in readme:
            head, rest = readme.split(start, 1)
            _, tail = rest.split(end, 1)
            readme = f"{head}{start}\n{blocks[key]}\n{end}{tail}"
    return readme
