"""signposting: where and how the next step happens (what to send in the DM, a link's purpose, a team, a time)."""
from __future__ import annotations

import re

from rubrics.cues.matching import lsearch
from rubrics.cues.personal_data import BRAND_PHONE_RE, EMAIL_RE, GENERIC_MAILBOX_RE, PERSONAL_ITEM_RE, PHONE_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans
from rubrics.detectors.ownership import _purpose_is_ours

LINK_PURPOSE_RE = re.compile(r"\b(?:steps|info\w*|more|learn|details|how|guide|form|find|claim|report|apply|book|"
                             r"track|check\s+(?:the|your)|updates?|status|for\s+\w+|to\s+\w+)\b[^.!?]{0,40}$", re.I)


@detector("signposting")
def signposting(cues: Cues, sit: Situation) -> Judgement:
    o = cues.ownership
    text = cues.r.masked
    team = cues.find(re.compile(r"\b(?:our|the)\s+(?:[A-Za-z]+\s+){0,2}(?:team|department|desk|agents?)\b", re.I))
    phone_or_mail = [(m.start(), m.end()) for m in PHONE_RE.finditer(text)
                     if BRAND_PHONE_RE.match(m.group())] + [(m.start(), m.end()) for m in EMAIL_RE.finditer(text)
                                                             if GENERIC_MAILBOX_RE.match(m.group())]
    purpose = _purpose_is_ours(cues, o["purpose"])
    clear = []
    for s, e in o["dm"]:
        ss, se = cues.r.sentence_of(s)
        sent = cues.r.lower[ss:se]
        if (lsearch(PERSONAL_ITEM_RE, sent) or re.search(r"\b(?:with|your)\s+(?:the\s+)?(?:\w+\s+)?(?:details|info|"
                                                            r"number|code|email|name|id|address|location)", sent)
                or any(ss <= p < se + 40 for p, _ in purpose + o["concrete"])):
            clear.append((s, e))
    for s, e in o["links"]:
        before = text[max(0, s - 60):s]
        if LINK_PURPOSE_RE.search(before) or re.search(r"\b(?:via|using|through|use)\s+(?:the|this)\s+link", text,
                                                       re.I):
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
        return Judgement(2, spans(cues, sorted(clear)[:2]), None, "Says clearly where and how the next step happens.",
                         HIGH)
    vague = o["dm"] + o["replied_dm"] + o["links"] + o["handoff"] + team + purpose + cues.find(
        re.compile(r"\breply\s+here\b|\btweet\s+us\b|\blocal\s+store\b", re.I)) + o["time"]
    if vague:
        return Judgement(1, spans(cues, sorted(vague)[:1]),
                         "where and how (what to send in the DM, what the link is for, a named team or a time)",
                         "Points to a next step, but not clearly where or how.",
                         HIGH if o["dm"] or o["handoff"] else LOW)
    return Judgement(0, (), "where and how the next step happens", "No signposting to a next step.", HIGH)
