"""clarify: a focused question before any solution, where the customer's message is unclear."""
from __future__ import annotations

import re

from rubrics.cues.questions import CLOSING_Q_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans


@detector("clarify")
def clarify(cues: Cues, sit: Situation) -> Judgement:
    if "clarify" in sit.expected:
        needed = bool(sit.expected.get("clarify"))
    else:
        needed = sit.customer.ambiguous
    if not needed:
        return Judgement(None, (), None, "The issue is clear: no clarifying question needed.",
                         HIGH if sit.scenario else LOW)
    qs = cues.focused_questions
    o = cues.ownership
    if not qs:
        open_q = [q[:2] for q in cues.questions if not CLOSING_Q_RE.search(q[2])]
        if open_q or o["dm"]:
            return Judgement(1, spans(cues, (open_q or o["dm"])[:1]), "a focused question about what exactly is wrong",
                             "Asks only an open question, or moves to DM without asking what is unclear.", LOW)
        return Judgement(0, (), "a focused question about what is unclear before proposing a solution",
                         "The message is unclear, but the reply does not ask about it.", LOW if sit.free else HIGH)
    solution_before = [p for p in o["concrete"] + o["instruction"] if p[0] < qs[0][0]]
    vague = (re.search(r"\b(?:more\s+(?:details|info\w*)|what'?s\s+(?:going\s+on|happening|wrong)|tell\s+(?:us|"
                       r"me)\s+more)\b",
                       qs[0][2], re.I) and not re.search(r"\b(?:which|when|where)\b", qs[0][2], re.I))
    if solution_before or vague:
        return Judgement(1, spans(cues, [qs[0][:2]]), "a focused question before any solution",
                         "Asks, but vaguely or after proposing a solution.", LOW)
    return Judgement(2, spans(cues, [qs[0][:2]]), None, "Asks a focused question before proposing a solution.", HIGH)
