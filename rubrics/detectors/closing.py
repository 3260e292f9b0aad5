"""closing: an offer of further help or a satisfaction check, and a sign-off."""
from __future__ import annotations

from dataclasses import dataclass

from rubrics.cues.courtesy import OFFER_RE, THANKS_END_RE, WELLWISH_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, spans
from rubrics.text import Span


@dataclass(frozen=True)
class ClosingParts:
    """What a reply (or a conversation's ending) holds towards a closing: offers of further help, well-wishes and
    sign-offs (the brand's, or a closing 'Thanks')."""

    offer: tuple[Span, ...] = ()
    wish: tuple[Span, ...] = ()
    sign: tuple[Span, ...] = ()
    brand_sign: bool = False        # a sign-off in the brand's way (initials, a name), not only a closing "Thanks"

    def __add__(self, other: "ClosingParts") -> "ClosingParts":
        return ClosingParts(self.offer + other.offer, self.wish + other.wish, self.sign + other.sign,
                            self.brand_sign or other.brand_sign)


def closing_parts(cues: Cues) -> ClosingParts:
    thanks_end = THANKS_END_RE.search(cues.r.masked.rstrip())
    sign = tuple(cues.r.signoff) or (spans(cues, [(thanks_end.start(), thanks_end.end())]) if thanks_end else ())
    return ClosingParts(spans(cues, cues.find(OFFER_RE)), spans(cues, cues.find(WELLWISH_RE)), sign,
                        bool(cues.r.signoff))


def closing_judgement(parts: ClosingParts, chat: bool) -> Judgement:
    """The level from the parts: an offer (or, outside live chat, a well-wish) and a sign-off."""
    courtesy = parts.offer or parts.wish
    conf = HIGH if parts.offer else LOW
    if courtesy and parts.sign:
        if chat and not parts.offer:
            return Judgement(1, parts.sign[:1] + parts.wish[:1], "a satisfaction check before ending the chat",
                             "Signs off, but live chat needs a check that the customer is satisfied.", HIGH)
        return Judgement(2, courtesy[:1] + parts.sign[:1], None, "Offers further help and signs off.", conf)
    if courtesy:
        return Judgement(1, courtesy[:1], "a sign-off in the brand's way (for example your initials)",
                         "Offers further help, but no sign-off.", conf)
    if parts.sign:
        return Judgement(1, parts.sign[:1], "an offer of further help or a check they are satisfied",
                         "Signs off, but does not offer further help.", HIGH if parts.brand_sign else LOW)
    return Judgement(0, (), "an offer of further help and a sign-off", "No closing.", HIGH)


@detector("closing")
def closing(cues: Cues, sit: Situation) -> Judgement:
    if sit.turn_count > 1 and sit.turn_index < sit.turn_count - 1:
        return Judgement(2, (), None, "Not the last turn: no closing needed yet.", HIGH)
    return closing_judgement(closing_parts(cues), sit.chat)
