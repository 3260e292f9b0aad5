"""greeting: an opening that suits the platform (a greeting word, or the customer's name on a public post)."""
from __future__ import annotations

from rubrics.cues.courtesy import BAD_OPENING_RE, GREETING_RE, STIFF_GREETING_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, Judgement, Situation, detector, spans
from rubrics.detectors.names import names_in


@detector("greeting", needs=('tone_of_voice',))
def greeting(cues: Cues, sit: Situation, tone_of_voice: Judgement) -> Judgement:
    text = cues.r.masked
    first_s = cues.r.sentences[0][0] if cues.r.sentences else 0
    while first_s < len(text) and text[first_s].isspace():
        first_s += 1
    head = text[first_s:]
    names = names_in(cues, sit)
    if sit.turn_index > 0:
        return Judgement(2, (), None, "Later turn of a conversation: no greeting needed.", HIGH)
    bad = BAD_OPENING_RE.match(head)
    if bad:
        return Judgement(0, spans(cues, [(first_s + bad.start(), first_s + bad.end())]), "a courteous opening",
                         "The opening is not appropriate for a customer.", HIGH)
    stiff = STIFF_GREETING_RE.match(head)
    if stiff:
        return Judgement(1, spans(cues, [(first_s + stiff.start(), first_s + stiff.end())]),
                         "a warmer greeting, with their name", "The greeting is stiff.", HIGH)
    g = GREETING_RE.match(head)
    if g:
        return Judgement(2, spans(cues, [(first_s + g.start(), first_s + g.end())] + names[:1]), None,
                         "Opens with a greeting.", HIGH)
    if sit.public and names:
        return Judgement(2, spans(cues, names[:1]), None, "Uses the customer's name, which suits a public reply.", HIGH)
    if sit.chat:
        return Judgement(0, (), "a greeting (live chat expects one)", "No greeting in live chat.", HIGH)
    if tone_of_voice.level == 0:
        return Judgement(0, (), "a courteous opening", "No greeting, and the reply is not courteous.", HIGH)
    return Judgement(1, (), "a greeting or the customer's name",
                     "No greeting, though the reply is otherwise courteous.", HIGH)
