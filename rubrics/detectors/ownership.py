"""take_ownership: a first-person commitment, a definite answer, a hand-off, or responsibility pushed away."""
from __future__ import annotations

import re

from rubrics.cues.empathy import EMPATHY_LIGHT_RE, EMPATHY_STRONG_RE, EMPATHY_UNDERSTAND_FEELING_RE
from rubrics.cues.ownership import CONDITIONAL_OFFER_RE
from rubrics.cues.questions import CLOSING_Q_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans


def _purpose_is_ours(cues: Cues, pairs) -> list:
    # "to check" after "you may want to check" is the customer's action, not ours
    out = []
    for s, e in pairs:
        before = cues.r.masked[max(0, s - 30):s].lower()
        if re.search(r"\b(?:you|please)\s+(?:\w+\s+){0,3}$", before) and cues.r.masked[s:e].lower().startswith("to "):
            continue
        out.append((s, e))
    return out


HEDGE_RE = re.compile(r"\b(?:should|might|may|usually|hopefully|i\s+think|probably|normally|possibly|perhaps|"
                      r"not\s+sure|afraid\s+we\s+don'?t\s+know)\b", re.I)
DEFLECT_RE = re.compile(r"\b(?:question\s+for\s+(?:your|the)|(?:contact|ask|call|speak\s+to|check\s+with|"
                        r"reach\s+out\s+to)\s+"
                        r"(?:your|the|a)\s+(?:local\s+)?(?:store|bank|seller|courier|provider|retailer|manufacturer|crew|"
                        r"card\s+issuer|airport|venue|restaurant|host|friend)|"
                        r"did\s+you\s+(?:ask|call|contact|speak)\b)", re.I)


WH_QUESTION_RE = re.compile(r"\b(?:how|what|when|where|which|is\s+there|are\s+there|do\s+you|can\s+i|could\s+i)\b"
                            r"[^.!?]*\?", re.I)


ASKED_RE = re.compile(r"(?:^|[.!?]\s+|\s)(?:do|does|is|are|will|can|could|have|has)\s+(?:u|you|ya|they|it|there|we|"
                      r"i)\b[^.!?]*\?",
                      re.I)


def _answered(cues: Cues, sit: Situation, hear: Judgement, o: dict) -> str | None:
    """'definite' / 'hedged' when the reply answers the customer's question itself, else None."""
    asked = (sit.customer.intent == "query" or WH_QUESTION_RE.search(sit.customer.text)
             or ASKED_RE.search(sit.customer.text)
             or re.search(r"\bany\s+(?:updates?|news|info\w*|idea)\b[^.!?]*\?", sit.customer.text, re.I))
    if not asked or hear.level != 2 or o["pushback"] or len(cues.r.words) < 5:
        return None
    # an apology or a show of feeling that names the issue ("we know how important birthdays are") is not an answer
    feeling_at = ([a["span"][0] for a in cues.apologies] + [e[0] for e in cues.find(EMPATHY_LIGHT_RE)]
                  + [e[0] for e in cues.find(EMPATHY_STRONG_RE)]
                  + [e[0] for e in cues.find(EMPATHY_UNDERSTAND_FEELING_RE)])
    statements = []
    for ev in hear.evidence:
        ss, se = cues.r.sentence_of(ev.start)
        if cues.r.masked[ss:se].rstrip().endswith("?") or any(ss <= a < se for a in feeling_at):
            continue
        statements.append(ev)
    if not statements:
        return None
    return "hedged" if HEDGE_RE.search(cues.r.masked) else "definite"


def _conditional_only(cues: Cues, o: dict) -> bool:
    """Every next step sits inside an 'if you need...' / 'don't hesitate' offer."""
    steps = o["dm"] + o["handoff"] + o["vague"]
    if not steps:
        return False
    conds = cues.find(CONDITIONAL_OFFER_RE)
    for s, _ in steps:
        ss, se = cues.r.sentence_of(s)
        if not any(ss <= c < se for c, _ in conds):
            return False
    return True


def _diagnostic_questions(cues: Cues) -> list:
    """Questions back about the issue (the guide's 'partly shown' step: own 1, act 1); not 'anything else?' and not
    a check that hands the issue back ('did you ask a crew member?')."""
    out = []
    for q in cues.questions:
        if CLOSING_Q_RE.search(q[2]) or DEFLECT_RE.search(q[2]):
            continue
        lead = len(q[2]) - len(q[2].lstrip())
        out.append((q[0] + lead, q[1], q[2].strip()))
    return out


@detector("take_ownership", needs=('hear',))
def take_ownership(cues: Cues, sit: Situation, hear: Judgement) -> Judgement:
    o = cues.ownership
    purpose = _purpose_is_ours(cues, o["purpose"])
    strong = o["done"] + o["concrete"] + purpose
    if strong:
        conf = LOW if o["pushback"] else HIGH
        return Judgement(2, spans(cues, sorted(strong)[:2]), None,
                         "Commits in the first person to a concrete action.", conf)
    answered = _answered(cues, sit, hear, o)
    if answered == "definite":
        return Judgement(2, hear.evidence[:1], None, "Answers the customer's question definitely.", LOW)
    deflect = [(m.start(), m.end()) for m in DEFLECT_RE.finditer(cues.r.masked)]
    own_handoff = [h for h in o["handoff"] if not any(p[0] <= h[0] < p[1] or h[0] <= p[0] < h[1]
                                                      for p in o["pushback"] + deflect)]
    if (o["pushback"] or deflect) and not (o["vague"] or o["dm"] or o["replied_dm"] or own_handoff):
        return Judgement(0, spans(cues, (o["pushback"] + deflect)[:1]), "ownership of the next step",
                         "Pushes responsibility elsewhere.", HIGH)
    if _conditional_only(cues, o):
        return Judgement(0, spans(cues, cues.find(CONDITIONAL_OFFER_RE)[:1]),
                         "a step you will take, not an 'if you need us'",
                         "Only a conditional offer of help: no next step is taken.", LOW)
    if o["vague"] or o["dm"] or o["replied_dm"] or o["handoff"] or o["links"] or answered:
        ev = o["vague"] + o["dm"] + o["replied_dm"] + o["handoff"]
        return Judgement(1, spans(cues, sorted(ev)[:2]) or spans(cues, o["links"][:1]) or hear.evidence[:1],
                         "a first-person promise of what you will do (e.g. 'and I'll look into it')",
                         "A hand-off or vague promise: it does not say what you will do.", HIGH if ev else LOW)
    asks = _diagnostic_questions(cues)
    if o["instruction"] or asks:
        ev = o["instruction"][:1] or [q[:2] for q in asks[:1]]
        return Judgement(1, spans(cues, ev), "a first-person commitment to resolve it",
                         "Gives the customer a step to take, but does not take the issue on.", LOW)
    return Judgement(0, (), "any next step that you own", "No next step.", HIGH)
