"""The brand's voice, as the scorer reads it from the scenario: how many emoji fit and how informal it may sound.

The rubric guide: tone is judged "in the organisation's voice ... emojis and exclamation marks only sparingly and
only where the brand voice allows". The brand's file (simulator/brands.py) says which; without a brand (free mode)
the guide's default applies: a couple of emoji at most, friendly but not casual.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from rubrics.errors import ScoringInputError

EMOJI_POLICIES = ("welcome", "happy_only", "sparingly", "none")
INFORMALITY = ("casual", "friendly", "formal")
# Words a casual brand uses that the slang list would otherwise count against the reply.
CASUAL_OK = frozenset("omg yay xo xx x hun lovely gorgeous fab babe".split())
# Words that sound too casual for a formal brand (a bank), though fine for most.
CASUAL_WORDS = frozenset("hiya hey cheers yay awesome fab brill lovely gorgeous omg xo xx".split())
CASUAL_PHRASES = ("no worries", "no probs", "no problem at all", "ta very much", "super excited")


@dataclass(frozen=True)
class BrandVoice:
    name: str | None = None
    emoji: str = "sparingly"
    informality: str = "friendly"

    def emoji_limit(self, customer_happy: bool) -> int:
        """The most emoji a reply can hold and still sound like the brand."""
        if self.emoji == "welcome":
            return 4
        if self.emoji == "happy_only":
            return 2 if customer_happy else 0
        if self.emoji == "none":
            return 0
        return 2

    @property
    def exclamation_limit(self) -> int:
        return 4 if self.informality == "casual" else 2

    @property
    def who(self) -> str:
        return f"{self.name}'s voice" if self.name else "the brand's voice"


GUIDE_DEFAULT = BrandVoice()


def voice_from(scenario: Mapping | None) -> BrandVoice:
    """The voice of the scenario's brand (`scenario["brand"]`: name, emoji, informality), or the guide's default."""
    brand = (scenario or {}).get("brand")
    if brand is None:
        return GUIDE_DEFAULT
    if not isinstance(brand, Mapping):
        raise ScoringInputError("context['scenario']['brand'] must be a mapping (name, emoji, informality)")
    emoji = brand.get("emoji") or GUIDE_DEFAULT.emoji
    informality = brand.get("informality") or GUIDE_DEFAULT.informality
    if emoji not in EMOJI_POLICIES:
        raise ScoringInputError(f"brand emoji policy {emoji!r} is not one of {', '.join(EMOJI_POLICIES)}")
    if informality not in INFORMALITY:
        raise ScoringInputError(f"brand informality {informality!r} is not one of {', '.join(INFORMALITY)}")
    name = brand.get("name")
    return BrandVoice(name=name if isinstance(name, str) and name else None, emoji=emoji, informality=informality)
