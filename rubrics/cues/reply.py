"""The cues of one reply, each computed on first use and kept for the rest of that scoring.

Every cue is a list of (start, end) offsets on the masked reply, so it is valid evidence in the original. The
object is a cache, not shared state: each property is a pure function of the reply and the customer's message.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Any, Callable

from rubrics.cues import apology, issue
from rubrics.cues.acknowledgement import DATA_WORDS
from rubrics.cues.manner import CAPS_RE, RUEFUL_EMOJI, SARCASM_RE
from rubrics.cues.matching import FAST, GATE_RE, fast_paths
from rubrics.cues.ownership import (
    DM_RE,
    DONE_RE,
    HANDOFF_RE,
    INSTRUCTION_RE,
    OWN_CONCRETE_RE,
    OWN_VAGUE_RE,
    PURPOSE_CONCRETE_RE,
    PUSHBACK_RE,
    REPLIED_DM_RE,
    TIME_RE,
)
from rubrics.cues.personal_data import ASK_RE, PERSONAL_ITEM_RE
from rubrics.cues.questions import CLOSING_Q_RE, FOCUSED_Q_RE, QUESTION_RE
from rubrics.customer import CustomerReading
from rubrics.lexicon import KNOWN_ACRONYMS, SLANG
from rubrics.text import EMOJI_RE, EMOTICON_RE, Reading

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
FURTHER_HELP_Q_RE = re.compile(r"\b(?:anything\s+else|any(?:thing)?\s+(?:other|more|further))\b", re.I)


class Cues:
    """All the cue matches of one reply, computed on first use."""

    def __init__(self, reading: Reading, customer: CustomerReading):
        self.r = reading
        self.c = customer
        self._found: dict = {}
        self._memo: dict = {}
        self._same_length = len(reading.lower) == len(reading.masked)

    def find(self, pattern: re.Pattern) -> list[tuple[int, int]]:
        """(start, end) of every match, cached; case-insensitive patterns run as their twin on lower text."""
        key = id(pattern)   # compiled patterns hash slowly; they live for the process, so id() is safe
        cache = self._found
        found = cache.get(key)
        if found is not None:
            return found
        lower = self.r.lower
        fast_ok = fast_paths()
        gate = GATE_RE.get(key) if fast_ok else None
        if gate is not None and gate.search(lower) is None:
            found = []
        else:
            fast = FAST.get(key) if fast_ok else None
            if fast is not None and self._same_length:
                found = [(m.start(), m.end()) for m in fast.finditer(lower)]
            else:
                found = [(m.start(), m.end()) for m in pattern.finditer(self.r.masked)]
        cache[key] = found
        return found

    @cached_property
    def data_request_zones(self) -> list[tuple[int, int]]:
        """Spans like "order number", "booking reference", "confirmation code": naming these is asking for data."""
        zones = []
        for m in re.finditer(r"\b([A-Za-z]+)\s+" + DATA_WORDS + r"\b", self.r.masked, re.I):
            zones.append((m.start(), m.end()))
        return zones

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """A derived cue computed once per reply (key names it and every input beyond the reply and customer)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def customer_singulars(self) -> frozenset[str]:
        return issue.customer_singulars(self.c.issue_stems)

    @cached_property
    def customer_waits_for_reply(self) -> bool:
        return issue.customer_waits_for_reply(self.c.text)

    @cached_property
    def issue_mentions(self) -> list[tuple[int, int, str]]:
        return issue.issue_mentions(self)

    @cached_property
    def named_issue(self) -> list[tuple[int, int, str]]:
        return issue.named_issue(self)

    @cached_property
    def apologies(self) -> list[dict]:
        return apology.classify(self)

    @cached_property
    def sarcasm(self) -> list[tuple[int, int]]:
        """Sarcasm cues, less a rueful emoji: the customer's own upside-down face mirrored in a sentence that says
        sorry ("I'm sorry you've had to chase us 🙃") laughs at the brand's slip, not at the customer."""
        found = self.find(SARCASM_RE)
        if not found or not any(e in self.c.text for e in RUEFUL_EMOJI):
            return found
        sorry = [a["span"][0] for a in self.apologies if a["kind"] not in ("negated", "blame")]
        def rueful(s: int, e: int) -> bool:
            if self.r.masked[s:e] not in RUEFUL_EMOJI or self.r.masked[s:e] not in self.c.text:
                return False
            ss, se = self.r.sentence_of(s)
            return any(ss <= a < se for a in sorry)
        return [m for m in found if not rueful(*m)]

    @cached_property
    def ownership(self) -> dict[str, list[tuple[int, int]]]:
        """The ownership and action cues that take_ownership, act, signposting, take_private and clarify read."""
        return {
            "concrete": self.find(OWN_CONCRETE_RE),
            "purpose": self.find(PURPOSE_CONCRETE_RE),
            "done": self.find(DONE_RE),
            "vague": self._not_in_closing_question(self.find(OWN_VAGUE_RE)),
            "dm": self.find(DM_RE),
            "replied_dm": self.find(REPLIED_DM_RE),
            "handoff": self.find(HANDOFF_RE),
            "instruction": self.find(INSTRUCTION_RE),
            "pushback": self.find(PUSHBACK_RE),
            "time": self.find(TIME_RE),
            "links": [(s.start, s.end) for s in self.r.links],
        }

    def _not_in_closing_question(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """'Is there anything else I can help with?' offers further help (closing); it is not a next step. ('Is there
        anything we can help you with?' alone still offers help with the issue.)"""
        closing = [(s, e) for s, e, q in self.questions if FURTHER_HELP_Q_RE.search(q)]
        return [f for f in found if not any(s <= f[0] < e for s, e in closing)] if closing else found

    @cached_property
    def questions(self) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in QUESTION_RE.finditer(self.r.masked) if m.group().strip(" ?")]

    @cached_property
    def focused_questions(self) -> list[tuple[int, int, str]]:
        out = []
        for s, e, q in self.questions:
            q_strip = q.strip()
            if CLOSING_Q_RE.search(q) or DM_RE.search(q) and not re.search(r"\bwhich|what|when|where|how\b", q, re.I):
                continue
            if ASK_RE.search(q) and PERSONAL_ITEM_RE.search(q):
                continue
            if FOCUSED_Q_RE.search(q_strip) or re.search(r"\b(?:which|what|when|where|how)\b", q, re.I):
                lead = len(q) - len(q.lstrip())
                out.append((s + lead, e, q_strip))
        return out

    @cached_property
    def slang(self) -> list[tuple[int, int, str]]:
        text = self.r.masked
        found = [(s, e, w) for s, e, w in self.r.words if w.lower() in SLANG
                 and not (len(w) == 1 and text[e:e + 1] == ".")]
        if found and "@" in text:
            # the letters of an email address ("hartley.k@example.com") are not text-speak
            emails = [m.span() for m in EMAIL_RE.finditer(text)]
            found = [f for f in found if not any(a <= f[0] < b for a, b in emails)]
        return found

    @cached_property
    def caps_words(self) -> list[tuple[int, int, str]]:
        out = []
        for m in CAPS_RE.finditer(self.r.masked):
            w = m.group()
            if w in KNOWN_ACRONYMS or w in self.c.acronyms:
                continue
            out.append((m.start(), m.end(), w))
        return out

    @cached_property
    def emojis(self) -> list[tuple[int, int, str]]:
        return ([(m.start(), m.end(), m.group()) for m in EMOJI_RE.finditer(self.r.masked)] +
                [(m.start(), m.end(), m.group()) for m in EMOTICON_RE.finditer(self.r.masked)])

    @cached_property
    def exclamations(self) -> int:
        return self.r.masked.count("!")
