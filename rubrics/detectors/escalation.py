"""escalation: the scenario's route and what happens next, where the scenario requires escalation."""
from __future__ import annotations

import re

from rubrics.cues.questions import ESCALATE_RE, NEXT_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, Judgement, Situation, detector, spans


@detector("escalation")
def escalation(cues: Cues, sit: Situation) -> Judgement:
    if sit.scenario is None:     # normally unreached: the rubric flags escalation needs_scenario
        return Judgement(None, (), None, "Free mode: escalation needs a scenario.", HIGH)
    if not sit.expected.get("escalate"):
        return Judgement(None, (), None, "The scenario does not require escalation.", HIGH)
    esc = cues.find(ESCALATE_RE)
    route = sit.expected.get("escalation_route")
    if route:
        esc += [(m.start(), m.end()) for m in re.finditer(re.escape(route), cues.r.masked, re.I)]
    nxt = cues.find(NEXT_RE)
    if esc and nxt:
        return Judgement(2, spans(cues, sorted(esc)[:1] + nxt[:1]), None, "Escalates and says what happens next.", HIGH)
    if esc:
        return Judgement(1, spans(cues, esc[:1]), "what happens next once it is escalated",
                         "Escalates, but does not say what happens next.", HIGH)
    return Judgement(0, (), f"escalation to {route or 'the right team'} and what happens next",
                     "The scenario needs escalation, but the reply does not escalate.", HIGH)
