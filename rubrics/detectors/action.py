"""act: a concrete next step with who and when or how, an action without specifics, or none."""
from __future__ import annotations

import re

from rubrics.cues.ownership import AMOUNT_RE, CONDITIONAL_OFFER_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans
from rubrics.detectors.ownership import _answered, _conditional_only, _diagnostic_questions, _purpose_is_ours

CHANNEL_RE = re.compile(r"\b(?:(?:give|gave)\s+you\s+a\s+(?:call|ring)|call\s+you|phone\s+you|ring\s+you|email\s+you|"
                        r"text\s+you|(?:by|via|over\s+the)\s+(?:phone|email|text|post|in-app|chat))\b", re.I)
VAGUE_REQUEST_RE = re.compile(r"\b(?:more|further|some|additional)\s+(?:info\w*|details)\b")
# "send us a DM", "provide your details": a request, not a self-help step the customer can follow
REQUEST_STEP_RE = re.compile(r"(?:send|provide|share|confirm)\b")


FOLLOW_US_RE = re.compile(r"\s*(?:that\s+)?(?:you\s+)?(?:are\s+|'re\s+)?follow(?:ing)?\s+(?:us|me)\b")


def _step_verb(cues: Cues, span: tuple[int, int]) -> int:
    """Offset of the instruction's verb (the last word of the match)."""
    m = re.search(r"[a-z-]+$", cues.r.lower[span[0]:span[1]])
    return span[0] + m.start() if m else span[0]


@detector("act", needs=('hear',))
def act(cues: Cues, sit: Situation, hear: Judgement) -> Judgement:
    o = cues.ownership
    purpose = _purpose_is_ours(cues, o["purpose"])
    channel = o["dm"] or o["links"] or o["time"] or cues.find(CHANNEL_RE)
    how = channel or cues.find(AMOUNT_RE)
    if o["done"]:
        return Judgement(2, spans(cues, o["done"][:1]), None, "States an action already taken.", HIGH)
    specific_request = [z for z in cues.data_request_zones if not VAGUE_REQUEST_RE.search(cues.r.lower[z[0]:z[1]])]
    if purpose and (channel or specific_request or not VAGUE_REQUEST_RE.search(cues.r.lower)):
        return Judgement(2, spans(cues, (o["dm"][:1] or []) + purpose[:1]), None,
                         "Says what will happen next, who does it and how.", HIGH if (o["dm"] or o["links"]) else LOW)
    if o["concrete"] and how:
        return Judgement(2, spans(cues, o["concrete"][:1] + (o["time"][:1] or o["dm"][:1])), None,
                         "A concrete action with who and when or how.", HIGH)
    answered = _answered(cues, sit, hear, o)
    if answered == "definite":
        return Judgement(2, hear.evidence[:1], None, "Answers the customer's question.", LOW)
    if purpose:
        return Judgement(1, spans(cues, purpose[:1]), "where or how it will happen (a DM, a call, a time)",
                         "Says what you will do, but not where, how or when.", LOW)
    if o["concrete"]:
        return Judgement(1, spans(cues, o["concrete"][:1]), "when or how it will happen (a time or a channel)",
                         "An action without specifics (no time or channel).", HIGH)
    steps = [i for i in o["instruction"] if not REQUEST_STEP_RE.match(cues.r.lower, _step_verb(cues, i))
             or any(i[0] <= z < i[1] + 80 for z, _ in cues.data_request_zones)]
    # "check your DMs", "make sure you follow us": how to reach us, not a step that resolves anything
    steps = [i for i in steps if not any(a <= i[0] < b or i[0] <= a < i[1] + 40 for a, b in o["replied_dm"] + o["dm"])
             and not FOLLOW_US_RE.match(cues.r.lower, i[1])
             # "check our website" points elsewhere (the guide's link rule)
             and not any(a <= i[1] <= b for a, b in o["handoff"])]
    steps_in_reply = [i for i in steps if not any(l[0] - 60 < i[0] < l[1] + 5 for l in o["links"])]
    if steps and (len(steps) >= 2 or steps_in_reply and not o["links"]
                             or re.search(r"\band\s+(?:clear|reset|restart|update|select|tap|go)", cues.r.lower)):
        return Judgement(2, spans(cues, o["instruction"][:2]), None, "Gives concrete steps to follow.", LOW)
    if _conditional_only(cues, o):
        return Judgement(0, spans(cues, cues.find(CONDITIONAL_OFFER_RE)[:1]), "a concrete next step",
                         "Only a conditional offer: no action is stated.", LOW)
    nextstep = o["vague"] + o["dm"] + o["replied_dm"] + o["handoff"] + o["instruction"]
    if nextstep or o["links"] or answered:
        return Judgement(1, spans(cues, sorted(nextstep)[:2]) or spans(cues, o["links"][:1]) or hear.evidence[:1],
                         "what will happen, by whom and when", "A next step without specifics.",
                         HIGH if o["dm"] or o["handoff"] else LOW)
    asks = _diagnostic_questions(cues)
    if asks:
        return Judgement(1, spans(cues, [q[:2] for q in asks[:1]]), "what will happen once they answer",
                         "Asks a question but states no plan.", LOW)
    return Judgement(0, spans(cues, o["pushback"][:1]), "a concrete next step", "No action or next step.", HIGH)
