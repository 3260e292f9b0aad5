"""The evaluation graph: each criterion's detector runs after the criteria it `needs`, and gets their judgements.

The order is derived from the registered `needs=` declarations (no hand-kept list), checked for unknown keys and
cycles, and cached per rubric. A criterion that is n/a before any detector runs (listed in the scenario's
`not_applicable`, or `needs_scenario` in free mode) still passes its n/a judgement to the criteria that need it.
"""
from __future__ import annotations

from typing import Mapping

from rubrics.cues.reply import Cues
from rubrics.detectors.base import DETECTORS, HIGH, Detector, Judgement, Situation
from rubrics.errors import ScoringError

_ORDERS: dict[tuple, tuple[str, ...]] = {}


def evaluation_order(detector_of: Mapping[str, str], registry: Mapping[str, Detector] | None = None) -> tuple[str, ...]:
    """Criterion keys in an order where every criterion comes after those its detector needs.

    Ties keep the rubric's own order, so the result is deterministic. Raises ScoringError for a need that is not
    a criterion of the rubric, or a cycle.
    """
    key = tuple(detector_of.items())
    if registry is None:            # only the shipped registry's orders are cached: it never changes
        if key not in _ORDERS:
            _ORDERS[key] = evaluation_order(detector_of, DETECTORS)
        return _ORDERS[key]
    needs = {k: registry[d].needs for k, d in detector_of.items()}
    for k, ns in needs.items():
        unknown = [n for n in ns if n not in needs]
        if unknown:
            raise ScoringError(f"detector {detector_of[k]!r} needs {', '.join(unknown)}, not criteria of this rubric")
    order: list[str] = []
    placed: set[str] = set()
    while len(order) < len(needs):
        ready = [k for k in needs if k not in placed and all(n in placed for n in needs[k])]
        if not ready:
            raise ScoringError("detector dependencies form a cycle among " +
                               ", ".join(k for k in needs if k not in placed))
        order.append(ready[0])
        placed.add(ready[0])
    return tuple(order)


def evaluate(cues: Cues, sit: Situation, detector_of: Mapping[str, str], needs_scenario: frozenset[str] = frozenset(),
             registry: Mapping[str, Detector] | None = None) -> dict[str, Judgement]:
    """Judge every criterion of the rubric (criterion key -> detector name) on one reply."""
    order = evaluation_order(detector_of, registry)
    registry = DETECTORS if registry is None else registry
    not_applicable = set(sit.expected.get("not_applicable") or [])
    judged: dict[str, Judgement] = {}
    for key in order:
        if key in not_applicable:
            judged[key] = Judgement(None, (), None, "Not applicable in this scenario.", HIGH)
        elif key in needs_scenario:
            judged[key] = Judgement(None, (), None, f"Free mode: {key} needs a scenario.", HIGH)
        else:
            judged[key] = registry[detector_of[key]](cues, sit, judged)
    return judged
