"""Fictional brands the scenarios are set in. Scenario files name a brand by key; only these exist.

Every name here is invented for training. A scenario can never name a real company because the loader
only accepts keys of this registry.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

# How a brand's voice treats emoji (read by the scorer's tone_of_voice): "welcome" (a few fit any reply),
# "happy_only" (fine with a happy customer, not in a complaint), "sparingly" (the rubric guide's default: one or
# two), "none" (never).
EMOJI_POLICIES = ("welcome", "happy_only", "sparingly", "none")
# How informal the brand may sound: "casual" ("omg", "yay", "xo" fit), "friendly" (the default), "formal" (no
# "hiya", "no worries", "cheers").
INFORMALITY = ("casual", "friendly", "formal")


@dataclass(frozen=True)
class Brand:
    key: str
    name: str
    handle: str            # the brand's social handle, with @
    sector: str
    reference_prefix: str  # made-up prefix for order / account / booking references
    reference_label: str   # what the brand calls them: "order number", "account number", "booking reference"
    signoff: str           # how agents sign off, e.g. "^" + initials
    voice: str             # one line on the brand's tone of voice
    emoji: str = "sparingly"        # one of EMOJI_POLICIES
    informality: str = "friendly"   # one of INFORMALITY

    def to_dict(self) -> dict:
        return asdict(self)

    def voice_dict(self) -> dict:
        """What the scorer needs to judge tone in this brand's voice."""
        return {"key": self.key, "name": self.name, "voice": self.voice, "emoji": self.emoji,
                "informality": self.informality}


BRANDS: dict[str, Brand] = {b.key: b for b in (
    Brand("larkspur", "Larkspur & Vale", "@LarkspurVale", "home and electricals retailer", "LV", "order number",
          "^initials", "warm, plain-spoken, no emoji in complaints", "happy_only", "friendly"),
    Brand("fibrenest", "Fibrenest", "@FibrenestHelp", "broadband and landline provider", "FN", "account number",
          "-first name", "friendly and direct; an emoji is fine when the customer is happy", "happy_only",
          "friendly"),
    Brand("wenmoor", "Wenmoor Rail", "@WenmoorRail", "train operator", "WR", "booking reference",
          "^initials", "calm, factual, quick; safety first", "none", "friendly"),
    Brand("quillfield", "Quillfield Bank", "@QuillfieldBank", "high-street bank", "QB", "customer reference",
          "-first name", "reassuring and precise; never discusses accounts in public", "none", "formal"),
    Brand("tillymint", "Tillymint Beauty", "@tillymintbeauty", "cosmetics and skincare brand", "TM", "order number",
          "xo first name", "bubbly and personal; emoji welcome when the customer uses them", "welcome",
          "casual"),
    Brand("pippin", "Pippin Parcels", "@PippinParcels", "parcel courier", "PP", "tracking number",
          "^initials", "straightforward and helpful", "sparingly", "friendly"),
    Brand("hearthly", "Hearthly Energy", "@HearthlyEnergy", "gas and electricity supplier", "HE", "account number",
          "-first name", "clear and caring; vulnerable customers are a priority", "sparingly",
          "friendly"),
)}


def get_brand(key: str) -> Brand:
    try:
        return BRANDS[key]
    except KeyError:
        raise KeyError(f"unknown brand {key!r}; use one of {', '.join(BRANDS)}") from None
