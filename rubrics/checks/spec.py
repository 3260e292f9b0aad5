"""What a scenario asks a reply to do: its key behaviours, a crisis statement's must-cover and must-not points,
and (for praise) thanking the customer, read from the scoring context's scenario into plain Behaviour values.

Scenario files write them as (simulator/validation/expected.py checks the shape):

    expected:
      key_behaviours:
        - id: advise-delete
          do: Advise them to delete the tweet that shows their details.
          shown_by: ["please delete your tweet, it shows your account number", "remove the post for your security"]
          avoid: false          # true: something the reply must NOT do (then it is a breach when shown)
    crisis:
      holding_statement:
        must_cover:
          - acknowledge the reports                       # a plain point: its own words are the wording
          - point: safety first - stop using the kettle and unplug it
            shown_by: ["stop using it and unplug it"]
            safety: true                                  # the guide: without it the statement cannot pass
        must_not:
          - point: calling it isolated incidents
            shown_by: ["these are isolated incidents", "a small number of isolated reports"]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from rubrics.errors import ScoringInputError

# A plain-text must-cover point is the safety action when it says so (contexts stored before `safety:` existed).
SAFETY_POINT_RE = re.compile(r"\b(?:safety|stop\s+using|unplug|999|emergency|should\s+stop)\b", re.I)


@dataclass(frozen=True)
class Behaviour:
    key: str                     # unique in the result: "must_cover:2", "key_behaviour:advise-delete"
    kind: str                    # a check kind of the rubric file (safety_action, must_cover, must_not, ...)
    label: str                   # what the learner should (or must not) do, in the scenario's words
    wordings: tuple[str, ...]    # wordings that show it (the label first)
    avoid: bool = False          # a must-not: shown means breached


def _wordings(item: Mapping, point: str, where: str) -> tuple[str, ...]:
    shown = item.get("shown_by") or []
    if isinstance(shown, str):
        shown = [shown]
    if not isinstance(shown, list) or not all(isinstance(w, str) for w in shown):
        raise ScoringInputError(f"{where}: shown_by must be a list of wordings")
    return (point, *shown)


def _point(item: Any, where: str) -> tuple[str, Mapping]:
    if isinstance(item, str):
        return item, {}
    if isinstance(item, Mapping) and isinstance(item.get("point"), str):
        return item["point"], item
    raise ScoringInputError(f"{where}: a point is a text or a mapping with `point` (and `shown_by`)")


def holding_statement(expected: Mapping) -> list[Behaviour]:
    hs = expected.get("holding_statement") or {}
    if not isinstance(hs, Mapping):
        raise ScoringInputError("expected.holding_statement must be a mapping (must_cover, must_not)")
    out = []
    for i, item in enumerate(hs.get("must_cover") or []):
        point, spec = _point(item, f"must_cover[{i}]")
        safety = spec.get("safety") if "safety" in spec else bool(SAFETY_POINT_RE.search(point))
        out.append(Behaviour(f"must_cover:{i}", "safety_action" if safety else "must_cover", point,
                             _wordings(spec, point, f"must_cover[{i}]")))
    for i, item in enumerate(hs.get("must_not") or []):
        point, spec = _point(item, f"must_not[{i}]")
        # a must-not's own words describe the breach ("naming the guard"), they are not a wording of it: only
        # the wordings given can be looked for
        wordings = _wordings(spec, point, f"must_not[{i}]")[1:]
        if wordings:
            out.append(Behaviour(f"must_not:{i}", "must_not", point, wordings, avoid=True))
    return out


def key_behaviours(expected: Mapping) -> list[Behaviour]:
    items = expected.get("key_behaviours") or []
    if not isinstance(items, list):
        raise ScoringInputError("expected.key_behaviours must be a list")
    out = []
    for i, item in enumerate(items):
        where = f"key_behaviours[{i}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("do"), str):
            raise ScoringInputError(f"{where}: a key behaviour is a mapping with `do` (and `id`, `shown_by`)")
        ident = str(item.get("id") or i)
        out.append(Behaviour(f"key_behaviour:{ident}", "key_behaviour", item["do"],
                             _wordings(item, item["do"], where), avoid=bool(item.get("avoid", False))))
    return out


PRAISE_THANKS = Behaviour("praise_thanks", "praise_thanks", "Thank them for the praise.",
                          ("thank you", "thanks so much", "we really appreciate it"))


def behaviours(expected: Mapping, praise: bool) -> list[Behaviour]:
    """Everything the scenario (or, for praise, the guide) asks the reply to show or avoid, in a fixed order."""
    out = holding_statement(expected) + key_behaviours(expected)
    if praise:
        out.append(PRAISE_THANKS)
    return out
