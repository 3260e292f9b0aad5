"""How the customer reads the scorer's judgement of a reply: was I heard, did they care, will they act, did
they blame me? It reads only `criteria[key]["level"]` and `["evidence"]` (docs/interfaces.md), never the
scorer itself, so it holds for any scorer that follows the rubric guide.
"""
from __future__ import annotations

from dataclasses import dataclass

from simulator.errors import SimulatorUsageError


def _evidence_texts(value) -> tuple[str, ...]:
    out = []
    for e in (value.get("evidence") or []) if isinstance(value, dict) else []:
        if isinstance(e, dict) and isinstance(e.get("text"), str) and e["text"].strip():
            out.append(e["text"].strip().lower())
    return tuple(out)


@dataclass(frozen=True)
class Judged:
    """The judgement's levels, read the way the customer feels them. n/a counts as satisfied.

    The `*_before` flags carry what earlier turns of the conversation showed: a private follow-up that gets
    on with the work need not hear, apologise or empathise again (the scorer judges each turn on its own).
    """

    levels: dict
    not_applicable: frozenset
    evidence: dict                        # criterion -> the quoted words (lower case)
    heard_before: bool = False
    apologised_before: bool = False
    empathised_before: bool = False
    praise: bool = False                  # the customer is praising: nothing to own unless they asked (their `fix`)

    @classmethod
    def read(cls, judgement: dict, not_applicable, *, heard_before: bool = False, apologised_before: bool = False,
             empathised_before: bool = False, praise: bool = False) -> "Judged":
        if not isinstance(judgement, dict) or not isinstance(judgement.get("criteria"), dict):
            raise SimulatorUsageError("judgement must be a scoring result with a 'criteria' mapping "
                                      "(see docs/interfaces.md)")
        levels, evidence = {}, {}
        for key, value in judgement["criteria"].items():
            levels[key] = value.get("level") if isinstance(value, dict) else value
            evidence[key] = _evidence_texts(value)
        return cls(levels, frozenset(not_applicable), evidence, heard_before, apologised_before, empathised_before,
                   praise)

    def level(self, key: str):
        if key in self.levels:
            return self.levels[key]
        return None if key in self.not_applicable else 0   # missing and applicable: not shown

    def at_least(self, key: str, minimum: int) -> bool:
        lv = self.level(key)
        return lv is None or (isinstance(lv, int) and not isinstance(lv, bool) and lv >= minimum)

    def shown(self, key: str, minimum: int = 1) -> bool:
        """Positively shown (n/a does not count)."""
        lv = self.level(key)
        return isinstance(lv, int) and not isinstance(lv, bool) and lv >= minimum

    def quoted_at_zero(self, key: str) -> tuple[str, ...]:
        return self.evidence.get(key, ()) if self.level(key) == 0 else ()

    @property
    def rude(self) -> bool:
        return self.level("tone_of_voice") == 0

    @property
    def leaked(self) -> bool:
        return self.level("data_protection") == "fail"

    @property
    def blamed(self) -> bool:
        """Rude, or words the scorer quoted as the reason for no apology or no empathy: a non-apology ("sorry,
        but you should have...") or dismissive words ("calm down"). Empathy at 0 that quotes the reply's own
        apology ("an apology alone is not empathy") is no blame: those words earned the apology."""
        if self.rude or self.quoted_at_zero("apologise"):
            return True
        apology = set(self.evidence.get("apologise", ())) if self.shown("apologise") else set()
        return any(words not in apology for words in self.quoted_at_zero("empathise"))

    @property
    def heard(self) -> bool:
        """The specific problem named now, or named before and this turn follows on from it."""
        now = self.shown("hear", 2) or (self.level("hear") is None and self.shown("acknowledge", 2))
        return now or (self.heard_before and self.at_least("hear", 1) and not self.blamed)

    @property
    def owned(self) -> bool:
        both_na = self.level("take_ownership") is None and self.level("act") is None
        return both_na or self.praise or self.shown("take_ownership", 2) or self.shown("act", 2)

    @property
    def apology_ok(self) -> bool:
        return self.at_least("apologise", 1) or (self.apologised_before and not self.blamed)

    @property
    def empathy_ok(self) -> bool:
        return self.at_least("empathise", 1) or (self.empathised_before and not self.blamed)

    @property
    def cared(self) -> bool:
        """An apology or recognition of how they feel, now or earlier: either tells the customer someone cares."""
        return self.apology_ok or self.empathy_ok

    @property
    def quality(self) -> str:
        """"good" (heard, cared, owned, no blame), "ok" (partly there, no blame) or "poor"."""
        if self.blamed:
            return "poor"
        if self.heard and self.cared and self.owned:
            return "good"
        if (self.heard or self.at_least("hear", 1)) and self.cared and (
                self.praise or self.at_least("take_ownership", 1) or self.at_least("act", 1)):
            return "ok"
        return "poor"

    def shortfall(self) -> str:
        """What a poor reply lacked, in the customer's terms (for the learner's feedback)."""
        if self.blamed:
            return "was dismissive or put the problem back on them"
        if self.praise:
            return "did not respond to what they actually said"
        if not (self.heard or self.at_least("hear", 1)) or not (
                self.at_least("take_ownership", 1) or self.at_least("act", 1)):
            return "did not deal with their problem"
        if not self.cared:
            return "offered no apology and no sign you understood how they feel"
        return "did not say what you will do about it"
