"""hear and acknowledge: whether the reply names the customer's issue, generically acknowledges it, or neither."""
from __future__ import annotations

import re

from rubrics.cues.acknowledgement import ACK_RE, PRAISE_ACK_RE, REFERENCE_RE
from rubrics.cues.apology import REPLY_DELAY_RE
from rubrics.cues.empathy import DISMISSIVE_RE
from rubrics.cues.manner import RUDE_RE
from rubrics.cues.ownership import DM_RE, DONE_RE, OWN_CONCRETE_RE, PURPOSE_CONCRETE_RE, REPLIED_DM_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, issue_label, spans
from rubrics.lexicon import THEME_OF
from rubrics.text import stem

HELP_OFFER_RE = re.compile(r"\b(?:(?:here|happy|glad|able|keen)\s+to\s+(?:help|assist|support)|(?:we|i)\s+(?:can|could|"
                           r"'d\s+like\s+to|"
                           r"would\s+like\s+to|want\s+to|will|'ll)\s+(?:definitely\s+|certainly\s+)?(?:help|assist)|"
                           r"(?:may|might|should|will|can)\s+help\b)", re.I)
PURPOSE_ANY_RE = re.compile(r"\b(?:so\s+(?:that\s+)?(?:we|i|our\s+team)\b|for\s+(?:us|me)\s+to\b|to\s+(?:help|assist|"
                            r"get|look|check|"
                            r"sort|resolve|review|investigate)\b|for\s+(?:further|more|better)\s+(?:assistance|help|"
                            r"support|"
                            r"instructions)|and\s+(?:we|i)(?:'ll|\s+will|\s+can)\b)", re.I)


GENERIC_QUESTION_RE = re.compile(r"\b(?:how\s+(?:can|may|could)\s+(?:i|we)\s+help|what\s+(?:happened|(?:is|"
                                 r"'s)\s+(?:going\s+on|"
                                 r"happening|up|wrong|the\s+(?:issue|problem)))|(?:more|further|some|any)\s+(?:info\w*|"
                                 r"details?)|"
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


def _praise_misread(cues: Cues) -> list[tuple[int, int]]:
    """Apologies in a reply to a compliment ("so sorry Kerry had to come back to finish"): the praise was read as a
    complaint, which the guide's hear 0 covers ("misreads the issue"). Sorry for our own slow reply is no misreading."""
    return [a["span"] for a in cues.apologies if a["kind"] not in ("negated",)
            and not REPLY_DELAY_RE.search(cues.r.masked[slice(*cues.r.sentence_of(a["span"][0]))])]


@detector("hear")
def hear(cues: Cues, sit: Situation) -> Judgement:
    if sit.praise:
        misread = _praise_misread(cues)
        if misread:
            return Judgement(0, spans(cues, misread[:1]), "thanks for what the customer praised",
                             "Reads the compliment as a complaint: it apologises for what the customer praised.", LOW)
    mentions = cues.named_issue
    if mentions:
        words = ", ".join(dict.fromkeys(m[2].lower() for m in mentions[:3]))
        conf = HIGH if len(mentions) >= 2 or any(THEME_OF.get(stem(m[2].lower())) not in (None, "delay")
                                                 for m in mentions) else LOW
        return Judgement(2, spans(cues, mentions[:3]), None, f"Names the customer's issue ({words}).", conf)
    probes = _probing_questions(cues)
    if probes:
        return Judgement(2, spans(cues, probes[:2]), None,
                         "Asks a focused question about the customer's own situation, so the issue was taken in.", LOW)
    acks = cues.find(ACK_RE) + [a["span"] for a in cues.apologies if a["kind"] != "negated"]
    if sit.praise:
        acks += cues.find(PRAISE_ACK_RE)
    if acks:
        return Judgement(1, spans(cues, acks[:2]), f"the specific issue (the {issue_label(sit)})",
                         "Acknowledges the customer, but generically: the issue itself is not named.", HIGH)
    # A reply that takes the message up at all (offers help, moves it to a DM, asks about it, says what it has done)
    # is a generic acknowledgement; 0 is kept for no acknowledgement: a bare order or a reply that ignores the message.
    engaged = (cues.issue_mentions or cues.focused_questions or cues.find(OWN_CONCRETE_RE)
               or cues.find(PURPOSE_CONCRETE_RE) or
               cues.find(DONE_RE) or cues.find(REFERENCE_RE) or cues.find(REPLIED_DM_RE) or cues.find(HELP_OFFER_RE) or
               cues.find(DM_RE) and cues.find(PURPOSE_ANY_RE) or _trimmed_questions(cues))
    if engaged and len(cues.r.words) >= 5:
        return Judgement(1, spans(cues, engaged[:1]), f"words that name the issue (the {issue_label(sit)})",
                         "Responds to the message without naming the issue.", LOW)
    return Judgement(0, (), f"any acknowledgement of the issue (the {issue_label(sit)})",
                     "Does not acknowledge what the customer raised.", HIGH if len(cues.r.words) < 25 else LOW)


@detector("acknowledge", needs=('hear',))
def acknowledge(cues: Cues, sit: Situation, hear: Judgement) -> Judgement:
    h = hear
    acks = cues.find(ACK_RE)
    disputes = (cues.find(RUDE_RE) + cues.find(DISMISSIVE_RE) + cues.sarcasm
                + [a["span"] for a in cues.apologies if a["kind"] == "blame"])
    if h.level == 2 and disputes:
        return Judgement(1, spans(cues, disputes[:1]),
                         "an acknowledgement that the issue is real, without disputing it",
                         "Names the issue but disputes it or pushes back, so it is not acknowledged as real.", LOW)
    if h.level == 2:
        return Judgement(2, h.evidence, None, "Acknowledges the issue specifically.", h.confidence)
    if sit.praise and h.level == 0 and _praise_misread(cues):
        return Judgement(0, h.evidence, "thanks for what the customer praised",
                         "The compliment is taken for a complaint, so it is not acknowledged.", h.confidence)
    if acks or h.level == 1:
        ev = spans(cues, acks[:2]) or h.evidence
        return Judgement(1, ev, f"an acknowledgement that names the {issue_label(sit)}",
                         "Acknowledges the message generically.", h.confidence if not acks else HIGH)
    return Judgement(0, (), "an acknowledgement that the issue is real and received",
                     "The issue is not acknowledged.", h.confidence)
