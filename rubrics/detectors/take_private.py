"""take_private: a move to a private channel with a reason, abruptly, or not at all; n/a when nothing needs to move."""
from __future__ import annotations

import re

from rubrics.cues.matching import lsearch
from rubrics.cues.personal_data import BRAND_PHONE_RE, PERSONAL_ITEM_RE, PHONE_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans
from rubrics.detectors.ownership import _purpose_is_ours

PRIVATE_REASON_RE = re.compile(r"\b(?:for\s+(?:your\s+)?(?:security|privacy|safety)|to\s+keep\s+your\s+\w+\s+"
                               r"(?:safe|private|secure)|(?:so|as)\s+(?:we|you)\s+(?:don'?t|"
                               r"do\s+not)\s+(?:have\s+to\s+)?"
                               r"share|personal\s+(?:details|information|info)\s+(?:private|safe|off))\b", re.I)


@detector("take_private")
def take_private(cues: Cues, sit: Situation) -> Judgement:
    o = cues.ownership
    if "take_private" in sit.expected:
        needed = bool(sit.expected.get("take_private"))
    else:
        needed = sit.customer.needs_private
    if not sit.public:
        return Judgement(None, (), None, "Already in a private channel.", HIGH)
    moves = o["dm"] + o["replied_dm"]
    phone = [(m.start(), m.end()) for m in PHONE_RE.finditer(cues.r.masked) if BRAND_PHONE_RE.match(m.group())]
    form_link = [l for l in o["links"] if re.search(r"\b(?:details|form|here|secure|contact)\b",
                                                        cues.r.masked[max(0, l[0] - 40):l[0]], re.I)]
    moves = moves + phone
    if not moves and form_link:
        moves = form_link
    asks_details = any(lsearch(PERSONAL_ITEM_RE, cues.r.lower[slice(*cues.r.sentence_of(m[0]))]) or
                       re.search(r"\b(?:details|info\w*|number|code|locator|what\s+happened)\b",
                                 cues.r.lower[slice(*cues.r.sentence_of(m[0]))]) for m in moves)
    if not needed and not (moves and sit.scenario is None and asks_details):
        return Judgement(None, (), None, "Nothing here needs to move to a private channel.",
                         HIGH if sit.scenario else LOW)
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
