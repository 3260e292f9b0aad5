"""One detector per criterion, in a registry keyed by the name used in the rubric data file.

A detector takes the reply's cues and the situation and returns a Judgement: level, evidence spans,
what was missing, a one-line reason and a confidence flag ("low" where a cue is weak or cues conflict).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from rubrics import cues as C
from rubrics import tone
from rubrics.customer import CustomerReading
from rubrics.cues import Cues, lsearch
from rubrics.lexicon import KNOWN_ACRONYMS, STOPWORDS, THEME_OF
from rubrics.spelling import is_english, unknown_words
from rubrics.text import URL_RE, Span, stem

HIGH, LOW = "high", "low"
LETTER_RE = re.compile(r"[^\W\d_]")
UPPER_RE = re.compile(r"[A-Z]")
DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class Judgement:
    level: Any
    evidence: tuple[Span, ...] = ()
    missing: str | None = None
    reason: str = ""
    confidence: str = HIGH

    def to_dict(self) -> dict:
        return {"level": self.level, "evidence": [s.to_dict() for s in self.evidence], "missing": self.missing,
                "reason": self.reason, "confidence": self.confidence}


@dataclass(frozen=True)
class Situation:
    """Everything about the context a detector may need (built once per call)."""

    customer: CustomerReading
    platform: str
    channel: str
    platform_known: bool
    response_minutes: float | None
    customer_name: str | None
    customer_handle: str | None
    scenario: dict | None
    expected: dict = field(default_factory=dict)
    analyser: str | None = None
    turn_index: int = 0
    turn_count: int = 1

    @property
    def public(self) -> bool:
        return self.channel == "public"

    @property
    def chat(self) -> bool:
        return self.channel == "chat"

    @property
    def free(self) -> bool:
        return self.scenario is None


Detector = Callable[[Cues, Situation, dict], Judgement]
DETECTORS: dict[str, Detector] = {}


def detector(name: str):
    def register(fn: Detector) -> Detector:
        DETECTORS[name] = fn
        return fn
    return register


def spans(cues: Cues, pairs) -> tuple[Span, ...]:
    out = []
    for p in pairs:
        sp = cues.r.span(p[0], p[1])
        if sp.text:
            out.append(sp)
    return tuple(out)


def first(cues: Cues, pattern) -> list[tuple[int, int]]:
    return cues.find(pattern)


def _issue(sit: Situation) -> str:
    return sit.customer.issue_label


def _has_problem(sit: Situation) -> bool:
    c = sit.customer
    if sit.scenario is not None:
        return True
    return c.intent == "complaint" or c.sentiment <= -0.25


# ---------------------------------------------------------------------------------------------- HEAT
HELP_OFFER_RE = re.compile(r"\b(?:(?:here|happy|glad|able|keen)\s+to\s+(?:help|assist|support)|(?:we|i)\s+(?:can|could|'d\s+like\s+to|"
                           r"would\s+like\s+to|want\s+to|will|'ll)\s+(?:definitely\s+|certainly\s+)?(?:help|assist)|"
                           r"(?:may|might|should|will|can)\s+help\b)", re.I)
PURPOSE_ANY_RE = re.compile(r"\b(?:so\s+(?:that\s+)?(?:we|i|our\s+team)\b|for\s+(?:us|me)\s+to\b|to\s+(?:help|assist|get|look|check|"
                            r"sort|resolve|review|investigate)\b|for\s+(?:further|more|better)\s+(?:assistance|help|support|"
                            r"instructions)|and\s+(?:we|i)(?:'ll|\s+will|\s+can)\b)", re.I)


GENERIC_QUESTION_RE = re.compile(r"\b(?:how\s+(?:can|may|could)\s+(?:i|we)\s+help|what\s+(?:happened|(?:is|'s)\s+(?:going\s+on|"
                                 r"happening|up|wrong|the\s+(?:issue|problem)))|(?:more|further|some|any)\s+(?:info\w*|details?)|"
                                 r"what\s+(?:can|may)\s+(?:i|we)\s+do|anything\s+(?:we|i)\s+can)\b", re.I)


def _trimmed_questions(cues: Cues) -> list[tuple[int, int]]:
    """Question spans without the masked @handles, links and spaces before them."""
    masked = cues.r.masked
    return [(s + len(q) - len(q.lstrip()), e) for s, e, q in cues.questions if masked[s:e].strip()]


def _probing_questions(cues: Cues) -> list[tuple[int, int]]:
    """Focused questions that probe the customer's own situation ("when did you fly?", "which model is it?"):
    they show the issue was taken in, unlike an open "how can I help?" or a request for more details."""
    if not cues.c.text.strip():
        return []
    mentions = [s for s, _, _ in cues.issue_mentions]
    return [(s, e) for s, e, q in cues.focused_questions
            if not GENERIC_QUESTION_RE.search(q) and any(s <= m < e for m in mentions)]


@detector("hear")
def hear(cues: Cues, sit: Situation, done: dict) -> Judgement:
    mentions = cues.named_issue
    if mentions:
        words = ", ".join(dict.fromkeys(m[2].lower() for m in mentions[:3]))
        conf = HIGH if len(mentions) >= 2 or any(THEME_OF.get(stem(m[2].lower())) not in (None, "delay") for m in mentions) else LOW
        return Judgement(2, spans(cues, mentions[:3]), None, f"Names the customer's issue ({words}).", conf)
    probes = _probing_questions(cues)
    if probes:
        return Judgement(2, spans(cues, probes[:2]), None,
                         "Asks a focused question about the customer's own situation, so the issue was taken in.", LOW)
    acks = cues.find(C.ACK_RE) + [a["span"] for a in cues.apologies if a["kind"] != "negated"]
    if acks:
        return Judgement(1, spans(cues, acks[:2]), f"the specific issue (the {_issue(sit)})",
                         "Acknowledges the customer, but generically: the issue itself is not named.", HIGH)
    # A reply that takes the message up at all (offers help, moves it to a DM, asks about it, says what it has done)
    # is a generic acknowledgement; 0 is kept for no acknowledgement: a bare order or a reply that ignores the message.
    engaged = (cues.issue_mentions or cues.focused_questions or cues.find(C.OWN_CONCRETE_RE) or cues.find(C.PURPOSE_CONCRETE_RE) or
               cues.find(C.DONE_RE) or cues.find(C.REFERENCE_RE) or cues.find(C.REPLIED_DM_RE) or cues.find(HELP_OFFER_RE) or
               cues.find(C.DM_RE) and cues.find(PURPOSE_ANY_RE) or _trimmed_questions(cues))
    if engaged and len(cues.r.words) >= 5:
        return Judgement(1, spans(cues, engaged[:1]), f"words that name the issue (the {_issue(sit)})",
                         "Responds to the message without naming the issue.", LOW)
    return Judgement(0, (), f"any acknowledgement of the issue (the {_issue(sit)})",
                     "Does not acknowledge what the customer raised.", HIGH if len(cues.r.words) < 25 else LOW)


@detector("acknowledge")
def acknowledge(cues: Cues, sit: Situation, done: dict) -> Judgement:
    h = done["hear"]
    acks = cues.find(C.ACK_RE)
    disputes = (cues.find(C.RUDE_RE) + cues.find(C.DISMISSIVE_RE) + cues.find(C.SARCASM_RE)
                + [a["span"] for a in cues.apologies if a["kind"] == "blame"])
    if h.level == 2 and disputes:
        return Judgement(1, spans(cues, disputes[:1]), "an acknowledgement that the issue is real, without disputing it",
                         "Names the issue but disputes it or pushes back, so it is not acknowledged as real.", LOW)
    if h.level == 2:
        return Judgement(2, h.evidence, None, "Acknowledges the issue specifically.", h.confidence)
    if acks or h.level == 1:
        ev = spans(cues, acks[:2]) or h.evidence
        return Judgement(1, ev, f"an acknowledgement that names the {_issue(sit)}",
                         "Acknowledges the message generically.", h.confidence if not acks else HIGH)
    return Judgement(0, (), "an acknowledgement that the issue is real and received",
                     "The issue is not acknowledged.", h.confidence)


EMPATHY_IMPACT_RE = re.compile(r"\b(?:is|was|are|were|'s|must\s+be|can\s+be|sounds)\s+(?:really\s+|so\s+|very\s+|"
                               r"incredibly\s+|truly\s+|genuinely\s+|such\s+|pretty\s+)?(?:a\s+)?(?:real\s+|huge\s+)?"
                               + C.FEELING + r"|\bnot\s+(?:the|what)\s+(?:\w+\s+)?(?:you|we)\s+(?:paid\s+for|expected|deserve|"
                               r"booked|want|wanted)|\b(?:such\s+a|a\s+really)\s+(?:hard|difficult|tough|stressful)\s+time\b|"
                               r"\bhope\s+you(?:'re|\s+are)\s+(?:ok|okay|alright|all\s+right|safe)", re.I)
VAGUE_SUBJECT_RE = re.compile(r"^\W*(?:(?:oh\s+no|sorry|i'?m\s+sorry)\W+)?(?:that|this|it)(?:'s|\s+is|\s+sounds|\s+must\s+be)\b", re.I)
TIE_RE = re.compile(r"\b(?:when\s+you|all\s+day|your\s+whole|paid\s+for|work\s+from\s+home|\d+\s+times|again|"
                    r"without|with\s+no|no\s+warning|for\s+(?:your|the)\s+\w+|to\s+(?:get|wait|be)|waiting|seeing|"
                    r"getting|being)\b", re.I)


@detector("empathise")
def empathise(cues: Cues, sit: Situation, done: dict) -> Judgement:
    strong = cues.find(C.EMPATHY_STRONG_RE) + [(m.start(), m.end()) for m in EMPATHY_IMPACT_RE.finditer(cues.r.masked)]
    understand = cues.find(C.EMPATHY_UNDERSTAND_FEELING_RE)
    light = cues.find(C.EMPATHY_LIGHT_RE)
    dismiss = cues.find(C.DISMISSIVE_RE) + cues.find(C.RUDE_RE) + cues.find(C.SARCASM_RE)
    if dismiss:
        return Judgement(0, spans(cues, dismiss[:2]), "recognition of how the customer feels, without blame",
                         "Dismissive, blaming or sarcastic wording cancels any empathy.", HIGH)
    tied, vague = [], []
    for s, e in sorted(strong + understand):
        ss, se = cues.r.sentence_of(s)
        sentence = cues.r.masked[ss:se]
        clause = re.split(r"\s[-–—]\s|;|,\s(?:and|but)\s", cues.r.masked[ss:e])[-1]
        named = any(ss <= m[0] < se for m in cues.issue_mentions)
        if re.search(r"not\s+(?:the|a)\s+(?:kind\s+of\s+)?(?:experience|service|standard|journey|impression)", sentence, re.I):
            tied.append((s, e))
        elif (named or TIE_RE.search(sentence)) and not (VAGUE_SUBJECT_RE.match(clause) and not named):
            tied.append((s, e))
        else:
            vague.append((s, e))
    if tied:
        return Judgement(2, spans(cues, tied[:2]), None, "Recognises the customer's feeling or its impact, tied to their situation.",
                         HIGH)
    if vague:
        return Judgement(1, spans(cues, vague[:1]), f"a link between the feeling and their situation (the {_issue(sit)})",
                         "Names a feeling, but not tied to their specific problem.", LOW)
    if not _has_problem(sit) and not light:
        return Judgement(None, (), None, "A neutral request for information: nothing to empathise with.",
                         HIGH if sit.customer.intent in ("query", "praise") else LOW)
    if light:
        return Judgement(1, spans(cues, light[:2]), f"how the {_issue(sit)} affects the customer",
                         "Light, formulaic empathy.", HIGH)
    regret = [a["span"] for a in cues.apologies if a["kind"] not in ("negated", "blame")]
    return Judgement(0, spans(cues, regret[:1]), f"recognition of how the {_issue(sit)} affects the customer",
                     "An apology alone is not empathy: no recognition of how the customer feels." if regret else
                     "No recognition of the customer's feelings or the impact on them.",
                     LOW if regret else (HIGH if sit.customer.intent == "complaint" else LOW))


@detector("apologise")
def apologise(cues: Cues, sit: Situation, done: dict) -> Judgement:
    aps = cues.apologies
    if not _has_problem(sit) and not aps:
        return Judgement(None, (), None, "Nothing to apologise for (a neutral query or a compliment).",
                         HIGH if sit.customer.intent in ("query", "praise") else LOW)
    if not aps:
        return Judgement(0, (), f"an apology that names what went wrong (the {_issue(sit)})", "No apology.",
                         HIGH if sit.customer.intent == "complaint" else LOW)
    kinds = [a["kind"] for a in aps]
    by_kind = lambda *ks: [a["span"] for a in aps if a["kind"] in ks]
    if "blame" in kinds:
        return Judgement(0, spans(cues, by_kind("blame")[:1]), "an apology without 'but you...'",
                         "A non-apology: the regret is followed by blame.", HIGH)
    if "specific" in kinds or "specific_heard" in kinds:
        conf = HIGH if "specific" in kinds else LOW
        return Judgement(2, spans(cues, by_kind("specific", "specific_heard")[:1]), None,
                         "A clear apology that names what went wrong.", conf)
    if set(kinds) == {"negated"}:
        return Judgement(0, spans(cues, by_kind("negated")[:1]), "a sincere apology", "The apology is negated.", HIGH)
    if "conditional" in kinds:
        return Judgement(1, spans(cues, by_kind("conditional")[:1]), f"an apology that owns the {_issue(sit)}",
                         "A conditional or impersonal apology.", HIGH)
    ev = by_kind("to_hear", "vague", "vague_other")
    conf = LOW if "vague_other" in kinds else HIGH
    return Judgement(1, spans(cues, ev[:1]), f"an apology that names what went wrong (the {_issue(sit)})",
                     "A vague apology that does not say what went wrong.", conf)


def _ownership_cues(cues: Cues) -> dict:
    return {
        "concrete": cues.find(C.OWN_CONCRETE_RE),
        "purpose": cues.find(C.PURPOSE_CONCRETE_RE),
        "done": cues.find(C.DONE_RE),
        "vague": cues.find(C.OWN_VAGUE_RE),
        "dm": cues.find(C.DM_RE),
        "replied_dm": cues.find(C.REPLIED_DM_RE),
        "handoff": cues.find(C.HANDOFF_RE),
        "instruction": cues.find(C.INSTRUCTION_RE),
        "pushback": cues.find(C.PUSHBACK_RE),
        "time": cues.find(C.TIME_RE),
        "links": [(s.start, s.end) for s in cues.r.links],
    }


def _own(cues: Cues, done: dict) -> dict:
    if "_own" not in done:
        done["_own"] = _ownership_cues(cues)
    return done["_own"]


def _names_of(cues: Cues, sit: Situation, done: dict) -> list:
    if "_names" not in done:
        done["_names"] = _names(cues, sit)
    return done["_names"]


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
DEFLECT_RE = re.compile(r"\b(?:question\s+for\s+(?:your|the)|(?:contact|ask|call|speak\s+to|check\s+with|reach\s+out\s+to)\s+"
                        r"(?:your|the|a)\s+(?:local\s+)?(?:store|bank|seller|courier|provider|retailer|manufacturer|crew|"
                        r"card\s+issuer|airport|venue|restaurant|host|friend)|did\s+you\s+(?:ask|call|contact|speak)\b)", re.I)


WH_QUESTION_RE = re.compile(r"\b(?:how|what|when|where|which|is\s+there|are\s+there|do\s+you|can\s+i|could\s+i)\b"
                            r"[^.!?]*\?", re.I)


ASKED_RE = re.compile(r"(?:^|[.!?]\s+|\s)(?:do|does|is|are|will|can|could|have|has)\s+(?:u|you|ya|they|it|there|we|i)\b[^.!?]*\?",
                      re.I)


def _answered(cues: Cues, sit: Situation, done: dict, o: dict) -> str | None:
    """'definite' / 'hedged' when the reply answers the customer's question itself, else None."""
    asked = (sit.customer.intent == "query" or WH_QUESTION_RE.search(sit.customer.text) or ASKED_RE.search(sit.customer.text)
             or re.search(r"\bany\s+(?:updates?|news|info\w*|idea)\b[^.!?]*\?", sit.customer.text, re.I))
    if not asked or done["hear"].level != 2 or o["pushback"] or len(cues.r.words) < 5:
        return None
    apology_at = [a["span"][0] for a in cues.apologies]
    statements = []
    for ev in done["hear"].evidence:
        ss, se = cues.r.sentence_of(ev.start)
        if cues.r.masked[ss:se].rstrip().endswith("?") or any(ss <= a < se for a in apology_at):
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
    conds = cues.find(C.CONDITIONAL_OFFER_RE)
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
        if C.CLOSING_Q_RE.search(q[2]) or DEFLECT_RE.search(q[2]):
            continue
        lead = len(q[2]) - len(q[2].lstrip())
        out.append((q[0] + lead, q[1], q[2].strip()))
    return out


@detector("take_ownership")
def take_ownership(cues: Cues, sit: Situation, done: dict) -> Judgement:
    o = _own(cues, done)
    purpose = _purpose_is_ours(cues, o["purpose"])
    strong = o["done"] + o["concrete"] + purpose
    if strong:
        conf = LOW if o["pushback"] else HIGH
        return Judgement(2, spans(cues, sorted(strong)[:2]), None,
                         "Commits in the first person to a concrete action.", conf)
    answered = _answered(cues, sit, done, o)
    if answered == "definite":
        return Judgement(2, done["hear"].evidence[:1], None, "Answers the customer's question definitely.", LOW)
    deflect = [(m.start(), m.end()) for m in DEFLECT_RE.finditer(cues.r.masked)]
    own_handoff = [h for h in o["handoff"] if not any(p[0] <= h[0] < p[1] or h[0] <= p[0] < h[1]
                                                      for p in o["pushback"] + deflect)]
    if (o["pushback"] or deflect) and not (o["vague"] or o["dm"] or o["replied_dm"] or own_handoff):
        return Judgement(0, spans(cues, (o["pushback"] + deflect)[:1]), "ownership of the next step",
                         "Pushes responsibility elsewhere.", HIGH)
    if _conditional_only(cues, o):
        return Judgement(0, spans(cues, cues.find(C.CONDITIONAL_OFFER_RE)[:1]), "a step you will take, not an 'if you need us'",
                         "Only a conditional offer of help: no next step is taken.", LOW)
    if o["vague"] or o["dm"] or o["replied_dm"] or o["handoff"] or o["links"] or answered:
        ev = o["vague"] + o["dm"] + o["replied_dm"] + o["handoff"]
        return Judgement(1, spans(cues, sorted(ev)[:2]) or spans(cues, o["links"][:1]) or done["hear"].evidence[:1],
                         "a first-person promise of what you will do (e.g. 'and I'll look into it')",
                         "A hand-off or vague promise: it does not say what you will do.", HIGH if ev else LOW)
    asks = _diagnostic_questions(cues)
    if o["instruction"] or asks:
        ev = o["instruction"][:1] or [q[:2] for q in asks[:1]]
        return Judgement(1, spans(cues, ev), "a first-person commitment to resolve it",
                         "Gives the customer a step to take, but does not take the issue on.", LOW)
    return Judgement(0, (), "any next step that you own", "No next step.", HIGH)


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


@detector("act")
def act(cues: Cues, sit: Situation, done: dict) -> Judgement:
    o = _own(cues, done)
    purpose = _purpose_is_ours(cues, o["purpose"])
    channel = o["dm"] or o["links"] or o["time"] or cues.find(CHANNEL_RE)
    how = channel or cues.find(C.AMOUNT_RE)
    if o["done"]:
        return Judgement(2, spans(cues, o["done"][:1]), None, "States an action already taken.", HIGH)
    specific_request = [z for z in cues.data_request_zones if not VAGUE_REQUEST_RE.search(cues.r.lower[z[0]:z[1]])]
    if purpose and (channel or specific_request or not VAGUE_REQUEST_RE.search(cues.r.lower)):
        return Judgement(2, spans(cues, (o["dm"][:1] or []) + purpose[:1]), None,
                         "Says what will happen next, who does it and how.", HIGH if (o["dm"] or o["links"]) else LOW)
    if o["concrete"] and how:
        return Judgement(2, spans(cues, o["concrete"][:1] + (o["time"][:1] or o["dm"][:1])), None,
                         "A concrete action with who and when or how.", HIGH)
    answered = _answered(cues, sit, done, o)
    if answered == "definite":
        return Judgement(2, done["hear"].evidence[:1], None, "Answers the customer's question.", LOW)
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
             and not any(a <= i[1] <= b for a, b in o["handoff"])]   # "check our website" points elsewhere (the guide's link rule)
    steps_in_reply = [i for i in steps if not any(l[0] - 60 < i[0] < l[1] + 5 for l in o["links"])]
    if steps and (len(steps) >= 2 or steps_in_reply and not o["links"]
                             or re.search(r"\band\s+(?:clear|reset|restart|update|select|tap|go)", cues.r.lower)):
        return Judgement(2, spans(cues, o["instruction"][:2]), None, "Gives concrete steps to follow.", LOW)
    if _conditional_only(cues, o):
        return Judgement(0, spans(cues, cues.find(C.CONDITIONAL_OFFER_RE)[:1]), "a concrete next step",
                         "Only a conditional offer: no action is stated.", LOW)
    nextstep = o["vague"] + o["dm"] + o["replied_dm"] + o["handoff"] + o["instruction"]
    if nextstep or o["links"] or answered:
        return Judgement(1, spans(cues, sorted(nextstep)[:2]) or spans(cues, o["links"][:1]) or done["hear"].evidence[:1],
                         "what will happen, by whom and when", "A next step without specifics.",
                         HIGH if o["dm"] or o["handoff"] else LOW)
    asks = _diagnostic_questions(cues)
    if asks:
        return Judgement(1, spans(cues, [q[:2] for q in asks[:1]]), "what will happen once they answer",
                         "Asks a question but states no plan.", LOW)
    return Judgement(0, spans(cues, o["pushback"][:1]), "a concrete next step", "No action or next step.", HIGH)


# ---------------------------------------------------------------------------------------------- marking points
NAME_NOT = frozenset("there team all everyone everybody folks guys again for so to and you friend sir madam customer "
                     "valued the we our this that it again back thanks thank sorry please".split())
NAME_AFTER_GREETING_RE = re.compile(r"\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Hh]iya|[Dd]ear|[Mm]orning|[Aa]fternoon|[Ee]vening|"
                                    r"[Tt]hanks|[Tt]hank you|[Ss]orry|[Cc]heers|[Ww]elcome)\b,?\s+([A-Z][a-z]{1,15})\b")
NAME_BEFORE_PUNCT_RE = re.compile(r",\s*([A-Z][a-z]{1,15})\s*(?=[.!?]|$)|"
                                  r"\b(?:[Ss]orry|[Tt]hanks|[Aa]pologies)\b[^.!?,\n]{0,40}?\s([A-Z][a-z]{2,15})\s*(?=[.!?,])")


def _names(cues: Cues, sit: Situation) -> list[tuple[int, int]]:
    text = cues.r.masked
    if sit.customer_name:
        parts = [p for p in re.split(r"\s+", sit.customer_name.strip()) if len(p) > 1]
        pats = [re.escape(sit.customer_name.strip())] + [re.escape(p) for p in parts]
        found = []
        for p in pats:
            found += [(m.start(), m.end()) for m in re.finditer(r"\b" + p + r"\b", text, re.I)]
        if sit.customer_handle:
            h = sit.customer_handle if sit.customer_handle.startswith("@") else "@" + sit.customer_handle
            leading = {(s.start, s.end) for s in cues.r.leading_handles}
            found += [(s.start, s.end) for s in cues.r.handles if s.text.lower() == h.lower()
                      and (s.start, s.end) not in leading]
        return sorted(set(found))
    found = []
    for m in NAME_AFTER_GREETING_RE.finditer(text):
        if m.group(1).lower() not in NAME_NOT:
            found.append((m.start(1), m.end(1)))
    for m in NAME_BEFORE_PUNCT_RE.finditer(text):
        g = 1 if m.group(1) else 2
        w = m.group(g)
        if w.lower() not in NAME_NOT and w.upper() not in KNOWN_ACRONYMS and stem(w.lower()) not in THEME_OF:
            found.append((m.start(g), m.end(g)))
    return sorted(set(found))


@detector("greeting")
def greeting(cues: Cues, sit: Situation, done: dict) -> Judgement:
    text = cues.r.masked
    first_s = cues.r.sentences[0][0] if cues.r.sentences else 0
    while first_s < len(text) and text[first_s].isspace():
        first_s += 1
    head = text[first_s:]
    names = _names_of(cues, sit, done)
    if sit.turn_index > 0:
        return Judgement(2, (), None, "Later turn of a conversation: no greeting needed.", HIGH)
    bad = C.BAD_OPENING_RE.match(head)
    if bad:
        return Judgement(0, spans(cues, [(first_s + bad.start(), first_s + bad.end())]), "a courteous opening",
                         "The opening is not appropriate for a customer.", HIGH)
    stiff = C.STIFF_GREETING_RE.match(head)
    if stiff:
        return Judgement(1, spans(cues, [(first_s + stiff.start(), first_s + stiff.end())]),
                         "a warmer greeting, with their name", "The greeting is stiff.", HIGH)
    g = C.GREETING_RE.match(head)
    if g:
        return Judgement(2, spans(cues, [(first_s + g.start(), first_s + g.end())] + names[:1]), None,
                         "Opens with a greeting.", HIGH)
    if sit.public and names:
        return Judgement(2, spans(cues, names[:1]), None, "Uses the customer's name, which suits a public reply.", HIGH)
    if sit.chat:
        return Judgement(0, (), "a greeting (live chat expects one)", "No greeting in live chat.", HIGH)
    if done["tone_of_voice"].level == 0:
        return Judgement(0, (), "a courteous opening", "No greeting, and the reply is not courteous.", HIGH)
    return Judgement(1, (), "a greeting or the customer's name",
                     "No greeting, though the reply is otherwise courteous.", HIGH)


@detector("personalisation")
def personalisation(cues: Cues, sit: Situation, done: dict) -> Judgement:
    names = _names_of(cues, sit, done)
    situation = done["hear"].level == 2
    ev = spans(cues, names[:1]) + (done["hear"].evidence[:1] if situation else ())
    if names and situation:
        return Judgement(2, ev, None, "Uses the customer's name and refers to their own situation.", HIGH)
    if names:
        return Judgement(1, ev, f"a reference to their own situation (the {_issue(sit)})",
                         "Uses their name, but the rest reads like a template.", HIGH)
    if situation:
        return Judgement(1, ev, "the customer's name (an @handle the platform adds does not count)",
                         "Refers to their situation but not to them by name.", HIGH if sit.customer_name else LOW)
    return Judgement(0, (), "the customer's name and a reference to their situation",
                     "Reads as a template: no name and nothing specific to them.", HIGH)


LINK_PURPOSE_RE = re.compile(r"\b(?:steps|info\w*|more|learn|details|how|guide|form|find|claim|report|apply|book|"
                             r"track|check\s+(?:the|your)|updates?|status|for\s+\w+|to\s+\w+)\b[^.!?]{0,40}$", re.I)


@detector("signposting")
def signposting(cues: Cues, sit: Situation, done: dict) -> Judgement:
    o = _own(cues, done)
    text = cues.r.masked
    team = cues.find(re.compile(r"\b(?:our|the)\s+(?:[A-Za-z]+\s+){0,2}(?:team|department|desk|agents?)\b", re.I))
    phone_or_mail = [(m.start(), m.end()) for m in C.PHONE_RE.finditer(text)
                     if C.BRAND_PHONE_RE.match(m.group())] + [(m.start(), m.end()) for m in C.EMAIL_RE.finditer(text)
                                                             if C.GENERIC_MAILBOX_RE.match(m.group())]
    purpose = _purpose_is_ours(cues, o["purpose"])
    clear = []
    for s, e in o["dm"]:
        ss, se = cues.r.sentence_of(s)
        sent = cues.r.lower[ss:se]
        if (lsearch(C.PERSONAL_ITEM_RE, sent) or re.search(r"\b(?:with|your)\s+(?:the\s+)?(?:\w+\s+)?(?:details|info|"
                                                            r"number|code|email|name|id|address|location)", sent)
                or any(ss <= p < se + 40 for p, _ in purpose + o["concrete"])):
            clear.append((s, e))
    for s, e in o["links"]:
        before = text[max(0, s - 60):s]
        if LINK_PURPOSE_RE.search(before) or re.search(r"\b(?:via|using|through|use)\s+(?:the|this)\s+link", text, re.I):
            clear.append((s, e))
    clear += phone_or_mail
    clear += cues.find(re.compile(r"\b(?:call|ring|phone|email)\s+you\b|\bgive\s+you\s+a\s+(?:call|ring)\b", re.I))
    if len(o["instruction"]) >= 2 and not o["links"]:
        clear += o["instruction"][:1]
    if team and (o["concrete"] or o["done"] or o["time"]):
        clear += team[:1]
    if o["concrete"] and o["time"]:
        clear += o["time"][:1]
    if clear:
        return Judgement(2, spans(cues, sorted(clear)[:2]), None, "Says clearly where and how the next step happens.", HIGH)
    vague = o["dm"] + o["replied_dm"] + o["links"] + o["handoff"] + team + purpose + cues.find(
        re.compile(r"\breply\s+here\b|\btweet\s+us\b|\blocal\s+store\b", re.I)) + o["time"]
    if vague:
        return Judgement(1, spans(cues, sorted(vague)[:1]), "where and how (what to send in the DM, what the link is for, a named team or a time)",
                         "Points to a next step, but not clearly where or how.", HIGH if o["dm"] or o["handoff"] else LOW)
    return Judgement(0, (), "where and how the next step happens", "No signposting to a next step.", HIGH)


@detector("closing")
def closing(cues: Cues, sit: Situation, done: dict) -> Judgement:
    offer = cues.find(C.OFFER_RE)
    wish = cues.find(C.WELLWISH_RE)
    sign = list(cues.r.signoff)
    thanks_end = C.THANKS_END_RE.search(cues.r.masked.rstrip())
    sign_ev = tuple(sign) or (spans(cues, [(thanks_end.start(), thanks_end.end())]) if thanks_end else ())
    if sit.turn_count > 1 and sit.turn_index < sit.turn_count - 1:
        return Judgement(2, (), None, "Not the last turn: no closing needed yet.", HIGH)
    courtesy = offer or wish
    conf = HIGH if offer else LOW
    if courtesy and sign_ev:
        if sit.chat and not offer:
            return Judgement(1, sign_ev + spans(cues, wish[:1]), "a satisfaction check before ending the chat",
                             "Signs off, but live chat needs a check that the customer is satisfied.", HIGH)
        return Judgement(2, spans(cues, courtesy[:1]) + sign_ev[:1], None, "Offers further help and signs off.", conf)
    if courtesy:
        return Judgement(1, spans(cues, courtesy[:1]), "a sign-off in the brand's way (for example your initials)",
                         "Offers further help, but no sign-off.", conf)
    if sign_ev:
        return Judgement(1, sign_ev[:1], "an offer of further help or a check they are satisfied",
                         "Signs off, but does not offer further help.", HIGH if sign else LOW)
    return Judgement(0, (), "an offer of further help and a sign-off", "No closing.", HIGH)


# an eye-roll or a laugh at a complaining customer mocks them (guide: sarcasm)
MOCKING_EMOJI = frozenset("\U0001F644\U0001F602\U0001F923\U0001F60F")


@detector("tone_of_voice")
def tone_of_voice(cues: Cues, sit: Situation, done: dict) -> Judgement:
    rude = cues.find(C.RUDE_RE) + cues.find(C.DISMISSIVE_RE)
    sarcasm = cues.find(C.SARCASM_RE)
    caps = [c for c in cues.caps_words if is_english(c[2])]
    codes = [c for c in cues.caps_words if not is_english(c[2]) and c[2] not in KNOWN_ACRONYMS]
    if len(codes) >= 2 and len(caps) < 3:
        caps = []       # "CUE and MID", "L2 OR": capitals among codes are codes (plain_language judges them), not shouting
    mocking = [e[:2] for e in cues.emojis if e[2] in MOCKING_EMOJI] if sit.customer.intent == "complaint" else []
    n_letters = len(LETTER_RE.findall(cues.r.masked))
    upper_ratio = len(UPPER_RE.findall(cues.r.masked)) / n_letters if n_letters >= 12 else 0.0
    sarcasm = sarcasm + mocking
    if rude or sarcasm:
        kind = "rude, blaming or argumentative" if rude else "sarcastic"
        return Judgement(0, spans(cues, (rude + sarcasm)[:2]), "a professional, respectful tone",
                         f"The wording is {kind} (critical).", HIGH)
    if len(caps) >= 3 or upper_ratio > 0.6:
        return Judgement(0, spans(cues, [c[:2] for c in caps[:3]]), "sentence case instead of capitals",
                         "Shouting in capitals (critical).", HIGH)
    issues, ev = [], []
    if cues.slang:
        issues.append("slang or text-speak")
        ev += [s[:2] for s in cues.slang[:2]]
    if len(cues.emojis) > 2:
        issues.append("too many emojis")
        ev += [e[:2] for e in cues.emojis[:2]]
    multi = cues.find(C.MULTI_PUNCT_RE)
    if cues.exclamations > 2 or multi:
        issues.append("too many exclamation marks")
        ev += multi[:1] or [(m.start(), m.end()) for m in re.finditer("!", cues.r.masked)][:2]
    if caps:
        issues.append("words in capitals")
        ev += [c[:2] for c in caps[:2]]
    defensive = cues.find(C.DEFENSIVE_RE)
    if defensive:
        issues.append("defensive wording")
        ev += defensive[:1]
    if issues:
        return Judgement(1, spans(cues, ev), "a consistently professional voice",
                         "Mostly professional, but with " + ", ".join(issues) + ".", HIGH)
    warm = (cues.find(C.COURTESY_RE) or _names_of(cues, sit, done) or [a["span"] for a in cues.apologies]
            or cues.find(C.EMPATHY_STRONG_RE) or cues.find(C.EMPATHY_LIGHT_RE))
    score = tone.polarity(cues.r.content, sit.analyser) if not warm and sit.analyser != "none" else 0.0
    warm_signoff = any(re.search(r"\b(?:thanks|thank\s+you|regards|cheers|best|wishes|take\s+care)\b", sp.text, re.I)
                       for sp in cues.r.signoff)
    if (not warm and not warm_signoff and len(cues.r.words) <= 8
            and not re.search(r"\b(?:can|could|would|may)\s+(?:you|we|i)\b|\bfor\s+you\b|here\s+for\s+you|[:;=]-?[)D]|afraid",
                              cues.r.lower)):
        return Judgement(1, (), "warmth (a greeting, please, thanks, their name)",
                         "Curt: a bare instruction or answer with no courtesy at all.", LOW)
    if not warm and score <= -0.3:
        return Judgement(1, (), "warmth (please, thanks, their name)", "Correct but cold: nothing warm in it.", LOW)
    return Judgement(2, spans(cues, (warm if isinstance(warm, list) else [])[:1]), None, "Professional and warm.",
                     HIGH if warm else LOW)


# abbreviations a reader has to decode (guide: clear, no codes); slang words that are whole words stay with tone
TEXTSPEAK = frozenset("u ur r pls plz plx thx thanx tho lemme gimme gr8 l8r b4 idk imo imho soz sry np ty tyvm cya ttyl "
                      "ikr btw tbh wat wot cuz coz".split())


def _shouting(cues: Cues) -> bool:
    """Three or more English words in capitals, and more of them than codes: the reply shouts."""
    english = [c for c in cues.caps_words if is_english(c[2])]
    return len(english) >= 3 and len(english) > len(cues.caps_words) - len(english)


@detector("plain_language")
def plain_language(cues: Cues, sit: Situation, done: dict) -> Judgement:
    text = cues.r.masked
    cust = sit.customer
    jargon = [j for j in cues.find(C.JARGON_RE) if text[j[0]:j[1]].lower() not in cust.vocabulary]
    codes = [(m.start(), m.end()) for m in C.CODE_RE.finditer(text) if m.group().upper() not in cust.acronyms]
    acr = [(m.start(), m.end()) for m in C.ACRONYM_RE.finditer(text)
           if m.group().rstrip("s") not in KNOWN_ACRONYMS and m.group() not in KNOWN_ACRONYMS
           and m.group().upper() not in cust.acronyms and m.group().rstrip("s").upper() not in cust.acronyms
           and not (len(m.group()) >= 3 and m.group().isalpha() and _shouting(cues))]
    officialese = cues.find(C.OFFICIALESE_RE)
    nonnative = cues.find(C.NONNATIVE_RE)
    candidates = [w for s, e, w in cues.r.words
                  if w.islower() and len(w) > 2 and w not in cust.vocabulary and "'" not in w and "’" not in w]
    typos = unknown_words(candidates) if candidates else []
    typo_spans = []
    if typos:
        tset = set(typos)
        typo_spans = [(s, e) for s, e, w in cues.r.words if w in tset][:3]
    sent_lengths = [len(re.findall(r"[A-Za-z']+", text[s:e])) for s, e in cues.r.sentences]
    long_sent = [cues.r.sentences[i] for i, n in enumerate(sent_lengths) if n > 35]
    total_words = len(cues.r.words)
    problems, ev = [], []
    if jargon or codes or acr:
        problems.append("jargon or codes the customer may not know")
        ev += (jargon + codes + acr)[:2]
    textspeak = [w[:2] for w in cues.slang if w[2].lower() in TEXTSPEAK]
    if textspeak:
        problems.append("text-speak abbreviations")
        ev += textspeak[:1]
    if officialese:
        problems.append("stiff officialese")
        ev += officialese[:1]
    if len(typos) >= 2 or typos and total_words < 12:
        problems.append(f"spelling mistakes ({', '.join(typos[:3])})")
        ev += typo_spans[:2]
    if nonnative:
        problems.append("grammar slips")
        ev += nonnative[:1]
    if long_sent:
        problems.append("very long sentences")
        ev += long_sent[:1]
    if total_words > 120:
        problems.append("too long to be concise")
    if not problems:
        return Judgement(2, (), None, "Clear and concise, no jargon.", LOW if typos else HIGH)
    heavy = len(jargon + codes + acr) >= 3 or len(typos) >= 5 or len(problems) >= 3
    return Judgement(0 if heavy else 1, spans(cues, ev[:3]), "plain, everyday words in short sentences",
                     "Harder to read: " + "; ".join(problems) + ".", HIGH if heavy or len(problems) >= 2 else LOW)


def _reveals(cues: Cues, sit: Situation) -> list[tuple[int, int, str]]:
    text = cues.r.masked
    found = []
    if not DIGIT_RE.search(text) and "@" not in cues.r.text:
        return found
    for m in C.EMAIL_RE.finditer(cues.r.text):
        if not C.GENERIC_MAILBOX_RE.match(m.group()):
            found.append((m.start(), m.end(), "an email address"))
    for m in C.PHONE_RE.finditer(text):
        if not C.BRAND_PHONE_RE.match(m.group().strip()):
            found.append((m.start(), m.end(), "a phone number"))
    for m in C.CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19:
            found.append((m.start(), m.end(), "a card number"))
    for pat, what in ((C.SORT_CODE_RE, "a sort code"), (C.ACCOUNT_NO_RE, "an account number"),
                      (C.CARD_FRAGMENT_RE, "the last digits of a card or account"),
                      (C.POSTCODE_RE, "a postcode"), (C.ADDRESS_RE, "a street address"),
                      (C.DOB_RE, "a date of birth"),      # a password written out fails before this, on any channel
                      (C.ORDER_REF_RE, "an order or booking reference")):
        for m in pat.finditer(text):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), what))
    return found


@detector("data_protection")
def data_protection(cues: Cues, sit: Situation, done: dict) -> Judgement:
    text = cues.r.masked
    pw = [p for p in cues.find(C.PASSWORD_ASK_RE)
          if not C.NEVER_SHARE_RE.search(text[max(0, p[0] - 40):p[1]])]
    if pw:
        return Judgement("fail", spans(cues, pw[:1]), "never ask for a password, PIN or security code",
                         "Asks for a password or security code (critical).", HIGH)
    shown = cues.find(C.PASSWORD_REVEAL_RE)
    if shown:   # a password written out is unsafe on any channel, private ones included
        return Judgement("fail", spans(cues, shown[:1]), "never write a password out; send a reset link instead",
                         "Writes a password out (critical).", HIGH)
    if sit.public:
        revealed = _reveals(cues, sit)
        if revealed:
            what = ", ".join(dict.fromkeys(r[2] for r in revealed))
            return Judgement("fail", spans(cues, [r[:2] for r in revealed[:2]]),
                             "keep personal details out of public replies", f"Reveals {what} in public (critical).", HIGH)
        lower = cues.r.lower
        for s, e in cues.r.sentences:
            sent = lower[s:e]
            ask = lsearch(C.ASK_RE, sent) or lsearch(C.IMPERATIVE_ASK_RE, sent)
            if not ask:
                continue
            a0 = ask.start("verb") if "verb" in ask.re.groupindex else ask.start()
            item = lsearch(C.PERSONAL_ITEM_RE, sent)
            if item and not lsearch(C.PRIVATE_MARK_RE, sent) and not lsearch(C.NEVER_SHARE_RE, sent):
                nxt = lower[e:e + 80]
                if lsearch(C.PRIVATE_MARK_RE, nxt[:60]) and re.match(r"\s*(?:via|in|by|over|through)\b", nxt):
                    continue
                strong = re.search(r"e-?mail|phone|mobile|address|post\s?code|card|password|date of birth|dob|"
                                   r"full name|account number|sort code", item.group(), re.I)
                return Judgement("fail", spans(cues, [(s + a0, s + max(ask.end(), item.end()))]),
                                 "ask for personal details only in a private message",
                                 f"Asks for {item.group().lower()} in a public reply (critical).", HIGH if strong else LOW)
    if sit.chat and sit.expected.get("verify_identity"):
        talk = cues.find(C.ACCOUNT_TALK_RE) + cues.find(C.CARD_FRAGMENT_RE)
        verified = cues.find(C.VERIFY_RE) or done.get("_verified_earlier")
        if talk and not verified:
            return Judgement("fail", spans(cues, talk[:1]), "verify the customer's identity before discussing the account",
                             "Discusses the account before verifying identity (critical).", LOW)
    return Judgement("pass", (), None, "No personal data asked for or revealed in public.", HIGH)


PRIVATE_REASON_RE = re.compile(r"\b(?:for\s+(?:your\s+)?(?:security|privacy|safety)|to\s+keep\s+your\s+\w+\s+"
                               r"(?:safe|private|secure)|(?:so|as)\s+(?:we|you)\s+(?:don'?t|do\s+not)\s+(?:have\s+to\s+)?"
                               r"share|personal\s+(?:details|information|info)\s+(?:private|safe|off))\b", re.I)


@detector("take_private")
def take_private(cues: Cues, sit: Situation, done: dict) -> Judgement:
    o = _own(cues, done)
    if "take_private" in sit.expected:
        needed = bool(sit.expected.get("take_private"))
    else:
        needed = sit.customer.needs_private
    if not sit.public:
        return Judgement(None, (), None, "Already in a private channel.", HIGH)
    moves = o["dm"] + o["replied_dm"]
    phone = [(m.start(), m.end()) for m in C.PHONE_RE.finditer(cues.r.masked) if C.BRAND_PHONE_RE.match(m.group())]
    form_link = [l for l in o["links"] if re.search(r"\b(?:details|form|here|secure|contact)\b",
                                                        cues.r.masked[max(0, l[0] - 40):l[0]], re.I)]
    moves = moves + phone
    if not moves and form_link:
        moves = form_link
    asks_details = any(lsearch(C.PERSONAL_ITEM_RE, cues.r.lower[slice(*cues.r.sentence_of(m[0]))]) or
                       re.search(r"\b(?:details|info\w*|number|code|locator|what\s+happened)\b",
                                 cues.r.lower[slice(*cues.r.sentence_of(m[0]))]) for m in moves)
    if not needed and not (moves and sit.scenario is None and asks_details):
        return Judgement(None, (), None, "Nothing here needs to move to a private channel.", HIGH if sit.scenario else LOW)
    if not moves:
        return Judgement(0, (), "a move to a private channel (DM) with a reason",
                         "Keeps a matter that needs personal details public.", HIGH if sit.scenario else LOW)
    # the guide: 2 = moved "with a reason" (what we will do there, or privacy); saying only what to send, or
    # "so we can help / for further assistance", is the abrupt move of level 1 (as for take_ownership)
    reason = (_purpose_is_ours(cues, o["purpose"]) + o["concrete"] + o["done"] + cues.find(PRIVATE_REASON_RE))
    if reason:
        return Judgement(2, spans(cues, sorted(moves)[:1] + sorted(reason)[:1]), None,
                         "Moves the conversation to a private channel and says why.", HIGH if needed else LOW)
    return Judgement(1, spans(cues, sorted(moves)[:1]), "a reason for moving to DM ('so we can check your account')",
                     "Moves it private, but abruptly.", HIGH)


@detector("clarify")
def clarify(cues: Cues, sit: Situation, done: dict) -> Judgement:
    if "clarify" in sit.expected:
        needed = bool(sit.expected.get("clarify"))
    else:
        needed = sit.customer.ambiguous
    if not needed:
        return Judgement(None, (), None, "The issue is clear: no clarifying question needed.", HIGH if sit.scenario else LOW)
    qs = cues.focused_questions
    o = _own(cues, done)
    if not qs:
        open_q = [q[:2] for q in cues.questions if not C.CLOSING_Q_RE.search(q[2])]
        if open_q or o["dm"]:
            return Judgement(1, spans(cues, (open_q or o["dm"])[:1]), "a focused question about what exactly is wrong",
                             "Asks only an open question, or moves to DM without asking what is unclear.", LOW)
        return Judgement(0, (), "a focused question about what is unclear before proposing a solution",
                         "The message is unclear, but the reply does not ask about it.", LOW if sit.free else HIGH)
    solution_before = [p for p in o["concrete"] + o["instruction"] if p[0] < qs[0][0]]
    vague = (re.search(r"\b(?:more\s+(?:details|info\w*)|what'?s\s+(?:going\s+on|happening|wrong)|tell\s+(?:us|me)\s+more)\b",
                       qs[0][2], re.I) and not re.search(r"\b(?:which|when|where)\b", qs[0][2], re.I))
    if solution_before or vague:
        return Judgement(1, spans(cues, [qs[0][:2]]), "a focused question before any solution",
                         "Asks, but vaguely or after proposing a solution.", LOW)
    return Judgement(2, spans(cues, [qs[0][:2]]), None, "Asks a focused question before proposing a solution.", HIGH)


@detector("escalation")
def escalation(cues: Cues, sit: Situation, done: dict) -> Judgement:
    if sit.scenario is None:     # normally unreached: the rubric flags escalation needs_scenario
        return Judgement(None, (), None, "Free mode: escalation needs a scenario.", HIGH)
    if not sit.expected.get("escalate"):
        return Judgement(None, (), None, "The scenario does not require escalation.", HIGH)
    esc = cues.find(C.ESCALATE_RE)
    route = sit.expected.get("escalation_route")
    if route:
        esc += [(m.start(), m.end()) for m in re.finditer(re.escape(route), cues.r.masked, re.I)]
    nxt = cues.find(C.NEXT_RE)
    if esc and nxt:
        return Judgement(2, spans(cues, sorted(esc)[:1] + nxt[:1]), None, "Escalates and says what happens next.", HIGH)
    if esc:
        return Judgement(1, spans(cues, esc[:1]), "what happens next once it is escalated",
                         "Escalates, but does not say what happens next.", HIGH)
    return Judgement(0, (), f"escalation to {route or 'the right team'} and what happens next",
                     "The scenario needs escalation, but the reply does not escalate.", HIGH)


PROMISE_NEG_RE = re.compile(r"\b(?:not|no|never|cannot|unable|without)\b|n't\b|\bcant\b|\bwont\b")
# tokens that must appear exactly when a forbidden promise carries them: amounts, numbers, days and times
PROMISE_KEY_RE = re.compile(r"[£$€]\s?\d[\d,]*(?:\.\d\d)?|\b\d+(?:[.:]\d+)?\b|\b(?:today|tonight|tomorrow|hours?|"
                            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
                            r"june|july|august|september|october|november|december)\b", re.I)
PROMISE_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
PROMISE_STOP = STOPWORDS | {"within", "will", "shall", "get", "got", "make", "sure"}
CLAUSE_SPLIT_RE = re.compile(r"[,;:()]|\s[-–—]\s|\b(?:but|and|so|because|although|though|while)\b")


def _promise_terms(text: str) -> tuple[frozenset, frozenset]:
    """(exact tokens, stemmed content words) of a phrase or sentence, both lower case."""
    keys = frozenset(re.sub(r"\s", "", m.group().lower()).rstrip("s") for m in PROMISE_KEY_RE.finditer(text))
    words = frozenset(stem(w) for w in PROMISE_WORD_RE.findall(PROMISE_KEY_RE.sub(" ", text.lower()))
                      if w not in PROMISE_STOP and len(w) > 2)
    return keys, words


def _promise_in(cues: Cues, phrase: str) -> tuple[tuple[int, int], bool] | None:
    """Where the reply makes a forbidden promise: ((start, end), literal?) or None.

    Literal (word for word), or one sentence carrying every amount, number, day or time in the phrase exactly and
    most (60%, at least one) of its other content words, stemmed. A clause that negates what it shares with the
    phrase ("we can't refund £300 today") does not promise it, unless the phrase itself is negative.
    """
    low = cues.r.lower
    p = phrase.lower().strip()
    if not p:
        return None
    i = low.find(p)
    if i >= 0:
        return (i, i + len(p)), True
    keys, words = _promise_terms(p)
    if not words or len(keys) + len(words) < 2:
        return None
    negative = bool(PROMISE_NEG_RE.search(p))
    need = math.ceil(0.6 * len(words))
    for s, e in cues.r.sentences:
        sent = low[s:e]
        skeys, swords = _promise_terms(sent)
        shared = words & swords
        if not keys <= skeys or len(shared) < need:
            continue
        if not negative and any(PROMISE_NEG_RE.search(c) and (_promise_terms(c)[1] & shared or _promise_terms(c)[0] & keys)
                                for c in CLAUSE_SPLIT_RE.split(sent)):
            continue
        return (s + len(sent) - len(sent.lstrip()), e), False
    return None


def _amount(text: str) -> tuple[str, float]:
    """An amount as (currency or unit, value): "£1,200.00" -> ("£", 1200.0), "30 pounds" -> ("pounds", 30.0)."""
    t = text.lower().replace(",", "")
    num = re.search(r"\d+(?:\.\d+)?", t)
    unit = re.sub(r"[\d.\s]", "", t)
    return unit, float(num.group()) if num else 0.0


@detector("accuracy")
def accuracy(cues: Cues, sit: Situation, done: dict) -> Judgement:
    if sit.scenario is None:     # normally unreached: the rubric flags accuracy needs_scenario
        return Judgement(None, (), None, "No scenario facts to check against.", HIGH)
    facts = sit.scenario.get("facts") or {}
    exp = sit.expected
    if not facts and not exp.get("must_not_promise") and not exp.get("may_promise"):
        return Judgement(None, (), None, "The scenario gives no facts to check against.", HIGH)
    for phrase in exp.get("must_not_promise") or []:
        found = _promise_in(cues, phrase)
        if found:
            span, literal = found
            return Judgement(0, spans(cues, [span]), "promises that stay within the policy",
                             f"Promises something beyond policy ({phrase}).", HIGH if literal else LOW)
    known = (repr(facts) + " " + " ".join(exp.get("may_promise") or [])).lower()
    # amounts compare whole ("£30" is not "£300"), as numbers ("£54.2" written "£54.20")
    known_amounts = {_amount(m.group()) for m in C.AMOUNT_RE.finditer(known)}
    invented = [(m.start(), m.end()) for m in C.AMOUNT_RE.finditer(cues.r.masked)
                if _amount(m.group()) not in known_amounts]
    invented += [t for t in cues.find(re.compile(r"\b(?:by|on|before)\s+(?:monday|tuesday|wednesday|thursday|friday|"
                                                r"saturday|sunday|\d{1,2}(?:st|nd|rd|th)?\s+\w+)\b", re.I))
                 if cues.r.masked[t[0]:t[1]].lower().split(None, 1)[-1] not in known]
    if invented:
        return Judgement(1, spans(cues, invented[:2]), "only amounts and dates the policy supports",
                         "States an amount or date the scenario does not support.", LOW)
    return Judgement(2, (), None, "Nothing stated goes beyond the scenario's facts and policy.",
                     HIGH if exp.get("must_not_promise") else LOW)


@detector("timeliness")
def timeliness(cues: Cues, sit: Situation, done: dict) -> Judgement:
    if sit.response_minutes is None:
        return Judgement(None, (), None, "The reply's delay is not known.", HIGH)
    if sit.scenario is not None and sit.scenario.get("sla_minutes"):
        target = float(sit.scenario["sla_minutes"])
    else:
        target = 1.0 if sit.chat else 60.0
    m = float(sit.response_minutes)
    fmt = lambda x: f"{x:g}"
    if m <= target:
        return Judgement(2, (), None, f"Sent after {fmt(m)} min, within the {fmt(target)}-minute target.", HIGH)
    if m <= 2 * target:
        return Judgement(1, (), f"a reply within {fmt(target)} minutes",
                         f"Sent after {fmt(m)} min: late, but within twice the {fmt(target)}-minute target.", HIGH)
    return Judgement(0, (), f"a reply within {fmt(target)} minutes",
                     f"Sent after {fmt(m)} min, more than twice the {fmt(target)}-minute target.", HIGH)


@detector("platform_fit")
def platform_fit(cues: Cues, sit: Situation, done: dict) -> Judgement:
    from simulator.platforms import get_platform, message_length
    chan = get_platform(sit.platform).channel(sit.channel)
    text = cues.r.text
    parts = re.split(r"(?<![\w/])\d/\d(?![\w/])", text) if re.search(r"(?<![\w/])1/\d(?![\w/])", text) else [text]
    parts = [p for p in parts if p.strip()] or [text]
    worst = None
    for p in parts:
        p = p.strip()
        if chan.weighted:
            # upper bound of X's weighted count (URLs 23, anything outside Latin-1-ish ranges 2); the exact
            # count from the platform rules is needed only near the limit (parse_tweet costs ~2 ms)
            bound = len(URL_RE.sub("x" * 23, p)) + sum(1 for ch in p if ord(ch) > 4351)
            n = message_length(p, sit.platform, sit.channel) if bound > chan.max_chars - 10 else bound
        else:
            n = len(p)
        worst = n if worst is None else max(worst, n)
    hashtags = len(re.findall(r"(?<!\w)#\w+", cues.r.masked))
    conf = HIGH if sit.platform_known else LOW
    where = f"{get_platform(sit.platform).label} ({sit.channel})"
    if worst > chan.max_chars:
        return Judgement(0, (), f"a reply within {chan.max_chars} characters",
                         f"{worst} characters: over the {chan.max_chars}-character limit of {where}.", conf)
    if worst > chan.comfortable_chars:
        return Judgement(1, (), f"a shorter reply (under {chan.comfortable_chars} characters) for {where}",
                         f"{worst} characters: a wall of text for {where}.", conf)
    if hashtags > 2:
        return Judgement(1, (), "no hashtags in a customer-service reply", "Too many hashtags for a reply.", conf)
    return Judgement(2, (), None, f"{worst} characters: suits {where}.", conf)
