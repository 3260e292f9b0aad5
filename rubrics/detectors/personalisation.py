"""personalisation: the customer's name and their own situation."""
from __future__ import annotations

from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, issue_label, spans
from rubrics.detectors.names import names_in


@detector("personalisation", needs=('hear',))
def personalisation(cues: Cues, sit: Situation, hear: Judgement) -> Judgement:
    names = names_in(cues, sit)
    situation = hear.level == 2
    ev = spans(cues, names[:1]) + (hear.evidence[:1] if situation else ())
    if names and situation:
        return Judgement(2, ev, None, "Uses the customer's name and refers to their own situation.", HIGH)
    if names:
        return Judgement(1, ev, f"a reference to their own situation (the {issue_label(sit)})",
                         "Uses their name, but the rest reads like a template.", HIGH)
    if situation:
        return Judgement(1, ev, "the customer's name (an @handle the platform adds does not count)",
                         "Refers to their situation but not to them by name.", HIGH if sit.customer_name else LOW)
    return Judgement(0, (), "the customer's name and a reference to their situation",
                     "Reads as a template: no name and nothing specific to them.", HIGH)
