"""closing: an offer of further help or a satisfaction check, and a sign-off."""
from __future__ import annotations

from rubrics.cues.courtesy import OFFER_RE, THANKS_END_RE, WELLWISH_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans


@detector("closing")
def closing(cues: Cues, sit: Situation) -> Judgement:
    offer = cues.find(OFFER_RE)
    wish = cues.find(WELLWISH_RE)
    sign = list(cues.r.signoff)
    thanks_end = THANKS_END_RE.search(cues.r.masked.rstrip())
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
