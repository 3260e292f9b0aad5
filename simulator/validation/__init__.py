"""Checking a scenario file's content: every problem at once, each with its file, line, field, what is wrong
and how to fix it (simulator.errors.Problem). `validate()` is the one entry; loader.py reads the YAML and builds
Scenarios from what passes.

One walk over one file, split by the part of the file each check reads: `scenario.ScenarioValidator` walks the
top-level fields and calls the mixins for templates and variables, facts and fixes, the expected handling,
customers and messages, the triage queue and the crisis block. They share what the walk has learned (the
variables declared and the slots used, the platforms played) through `base.ValidatorBase`, so no state is passed
around; each mixin inherits the ones whose checks it calls. `checker` holds the line map and the problem list,
`schema` the fields each part may have.

Hand-written rather than declarative (pydantic and the like were considered): most checks here are across fields
(a flag against not_applicable, a template slot against the variables of that customer, a channel against the
platforms played), and each message names the field's own line and a fix in the author's words, which a
schema library's errors would need a translation layer as large as these checks to keep.
"""
from __future__ import annotations

from simulator.errors import Problem, internal_problem
from simulator.validation.checker import Checker, LineMap, dotted
from simulator.validation.scenario import ScenarioValidator
from simulator.validation.schema import EXPECTED_FLAGS, ID_PATTERN, default_channel
from simulator.validation.templates import slot_parts, template_slots

__all__ = ["EXPECTED_FLAGS", "ID_PATTERN", "Checker", "LineMap", "ScenarioValidator", "default_channel", "dotted",
           "slot_parts", "template_slots", "validate"]


def validate(data, stem: str, file: str, lines: LineMap) -> list[Problem]:
    """Every problem in a file's parsed content (`stem`: the file name without .yaml, which the id must equal)."""
    check = Checker(file, lines)
    for dup_path, line in lines.duplicates:
        check.problems.append(Problem(file, dotted(dup_path), f"the field {dup_path[-1]!r} is given twice",
                                      "keep one of them (YAML silently keeps the last)", line, "duplicate_field"))
    if not isinstance(data, dict):
        check.add((), "the file is not a scenario mapping" + (" (it is empty)" if data is None else ""),
                  "start from scenarios/_example.yaml: `id: ...`, `title: ...` at the left margin", "not_a_mapping")
        return check.problems
    try:
        ScenarioValidator(data, stem, check).run()
    # a check this file's shape was not expected by: report it, never crash the library
    except Exception as exc:   # noqa: BLE001
        check.problems.append(internal_problem(file, "checking", exc))
    return sorted(check.problems, key=lambda p: p.line or 0)
