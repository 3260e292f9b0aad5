"""Street addresses in a text: a street, then the town, county and postcode after it (a Scrubber mixin)."""
from __future__ import annotations

import re

from .gazetteer import NOT_NAMES
from .hit import Hit
from .patterns import (
    ADDRESS_TAIL,
    ADDRESS_TAIL_LOWER,
    HOUSE_WORDS,
    LOWER_STOP,
    STREET_STOP,
)


class AddressRules:
    # Set by Scrubber.__init__ (this class is its mixin): the street patterns and the everyday words.
    address_res: dict[str, re.Pattern[str]]
    common: frozenset[str]

    def _address_hits(self, text: str, has_digit: bool, has_postcode: bool) -> list[Hit]:
        """Street addresses (patterns.address_patterns), each with the town, county and postcode after it."""
        kinds = ["numbered", "lower"] if has_digit else []
        if any(word in text for word in HOUSE_WORDS):
            kinds.append("house")
        if has_postcode:
            kinds += ["bare", "lower_any"]
        out = []
        for kind in kinds:
            rx, pos = self.address_res[kind], 0
            while m := rx.search(text, pos):
                lower = kind in ("lower", "lower_any")
                stop = LOWER_STOP if lower else STREET_STOP
                if any(w.lower() in stop for w in (m.group("words") or "").split()):
                    pos = m.start() + 1
                    continue
                end, postcode = self._address_tail(text, m.end(), lower=lower)
                if kind in ("bare", "lower_any") and not postcode:   # "Station Road" alone is not an address
                    pos = m.start() + 1
                    continue
                out.append(Hit(m.start(), end, "address", text[m.start():end], priority=2))
                pos = end
        return out

    def _address_tail(self, text: str, pos: int, lower: bool) -> tuple[int, bool]:
        """Where the address that has a street ending at pos ends, and whether a postcode is in its tail.
        Every part up to the last postcode is kept; after it, only parts that read as places."""
        rx, end = ADDRESS_TAIL_LOWER if lower else ADDRESS_TAIL, pos
        parts: list[re.Match[str]] = []
        while len(parts) < 4 and (t := rx.match(text, pos)):
            parts.append(t)
            pos = t.end()
        last = max((i for i, t in enumerate(parts) if t.group("postcode")), default=-1)
        if last >= 0:
            end = parts[last].end()
        for t in parts[last + 1:]:
            if not self._reads_as_place(text, t, lower):
                break
            end = t.end()
        return end, last >= 0

    # Never-a-name words that start place names ("New Milton", "South Shields", "London").
    PLACE_STARTS = frozenset("""north south east west northern southern eastern western central great greater new old
    royal london manchester birmingham leeds glasgow liverpool bristol cardiff edinburgh belfast sheffield newcastle
    nottingham leicester york oxford cambridge""".split())

    def _reads_as_place(self, text: str, part: re.Match, lower: bool) -> bool:
        """A town or county after a street: not a greeting, sign-off or pronoun ("Thanks", "I'm"); and a word that is
        not an everyday English word ("Leeds", "Hebden Bridge"), or (capitalised) a line or comma-part of its own
        ("12 Grosvenor Place, Bath" but not "12 High Street\nCan you ...")."""
        words = [w.strip("'’").lower() for w in re.split(r"[\s\-]+", part.group("place")) if w.strip("'’")]
        if not words or (words[0] in NOT_NAMES and words[0] not in self.PLACE_STARTS):
            return False
        if any(w not in self.common or w in self.PLACE_STARTS
               for w in words if w not in ("upon", "on", "under", "in", "by")):
            return True
        own_line = re.search(r"[,\n]", text[part.start():part.start("place")])
        standalone = re.match(r"[ \t]*(?:$|[,.;:!?)\n])", text[part.end():])
        return bool(own_line and standalone) and not lower

