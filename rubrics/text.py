"""Reading a reply: mask platform furniture, split sentences, tokenise with regexes (no NLTK corpora).

Masking replaces @handles, links, thread markers and agent sign-offs with spaces of the same length,
so every regex match on the masked text is also a valid character offset into the original reply.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

HANDLE_RE = re.compile(r"(?<![\w@])@\w{1,30}")
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
THREAD_RE = re.compile(r"(?<![\w/])\d/\d(?![\w/])")
# Agent sign-offs: "^CH", "^ Tanuj", "-Sean", "- Anwar", "—Dee", "Thanks, Dee", "Kind regards ^NW", "=) Yana".
CARET_SIGN_RE = re.compile(r"(?:\^|(?<=\s)[*/])\s?[A-Za-z]{1,12}\b(?=\s*(?:$|https?://|\^|[*/]|\s\d/\d))|"
                           r"\^\s?[A-Za-z]{1,12}\b")
INITIALS_SIGN_RE = re.compile(r"(?:(?:(?<=\s)|(?<=[.!?]))(?:--?|[–—~=])\s?(?:[A-Z]{1,4}|[A-Z]\.[A-Z]\.?|"
                              r"[A-Z][a-z]{1,14})\.?"
                              r"|(?<=[.!?])\s+[A-Z]{2,3})\s*$")
REGARDS_SIGN_RE = re.compile(r"(?:kind\s+)?(?:rgds|regards|best|thanks|cheers),\s*[A-Z][\w ]{1,25}$", re.I)
DASH_SIGN_RE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[.!?)]))[-–—~]\s?[A-Z][a-z]{1,14}(?:\s[A-Z][a-z]{0,14}\.?)?\s*(?=$|"
                          r"\^|https?://|\s*(?:\d/\d)?\s*$)")
THANKS_SIGN_RE = re.compile(r"(?:(?:many\s+)?thanks|cheers|regards|kind regards|best wishes|best|warm regards|thank "
                            r"you)\s*,\s*([A-Z][a-z]{1,14})\s*[.!]?\s*$", re.I)
# a kiss before the agent's name ("xo Gabi", "xx Pip"): a brand's informal sign-off
KISS_SIGN_RE = re.compile(r"(?:(?<=\s)|(?<=^))(?:xo|xx|xoxo|x)\s+[A-Z][a-z]{1,14}\s*$")
TRAILING_NAME_RE = re.compile(r"(?<=[.!?)])\s+([A-Z][a-z]{2,14})\s*$")
NOT_NAMES = frozenset("thanks thank cheers regards sorry enjoy best thx ta bye goodbye apologies welcome "
                      "again soon today tomorrow there here everyone all team".split())

WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENT_RE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+(?:[.!?]+|\n|$)")   # "£49.99" and "3.5" stay whole
EMOJI_RE = re.compile("[\U0001F300-\U0001FAFF\U00002600-\U000027BF\U0001F000-\U0001F2FF\u2764\u263a]")
EMOTICON_RE = re.compile(r"(?<!\w)(?:[:;=]-?[)(DPp]|<3)(?!\w)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    turn: int = 0

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "turn": self.turn}


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n":
            chars[i] = " "


@dataclass(frozen=True)
class Reading:
    """One reply as the detectors see it."""

    text: str                    # the original reply
    masked: str                  # same length; handles, links, sign-offs blanked
    lower: str                   # masked.lower()
    signoff: tuple[Span, ...]    # agent sign-off spans (count towards closing)
    leading_handles: tuple[Span, ...]
    handles: tuple[Span, ...]
    links: tuple[Span, ...]
    words: tuple[tuple[int, int, str], ...]   # (start, end, word) on the masked text
    sentences: tuple[tuple[int, int], ...]    # (start, end) of non-blank sentences on the masked text
    turn: int = 0

    def span(self, start: int, end: int) -> Span:
        # trim whitespace so evidence reads cleanly
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Span(start, end, self.text[start:end], self.turn)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    @property
    def content(self) -> str:
        return " ".join(self.masked.split())


def _signoff_spans(text: str, masked: str, turn: int) -> list[Span]:
    """The agent's sign-off spans ("^CH", "-Sean", "Thanks, Dee", a trailing name) on the masked text."""
    signoff: list[Span] = []
    for caret in CARET_SIGN_RE.finditer(masked):
        signoff.append(Span(caret.start(), caret.end(), text[caret.start():caret.end()], turn))
    for dash in DASH_SIGN_RE.finditer(masked):
        end = dash.start() + len(dash.group().rstrip())
        signoff.append(Span(dash.start(), end, text[dash.start():end], turn))
    tail = masked.rstrip()
    def covered(a: int) -> bool:
        return any(s.start <= a < s.end for s in signoff)
    for extra in (INITIALS_SIGN_RE, REGARDS_SIGN_RE, KISS_SIGN_RE):
        m = extra.search(tail)
        if m:
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            end = m.start() + len(m.group().rstrip())
            word = text[start:end].strip(" -=.~–—").upper()
            if start < end and not covered(start) and word not in ("OK", "NO", "YES", "HI", "USA", "UK"):
                signoff.append(Span(start, end, text[start:end], turn))
    m = THANKS_SIGN_RE.search(tail)
    if m and not covered(m.start()):
        signoff.append(Span(m.start(), m.end(), text[m.start():m.end()].rstrip(), turn))
    if not signoff:
        m = TRAILING_NAME_RE.search(tail)
        if m and m.group(1).lower() not in NOT_NAMES:
            signoff.append(Span(m.start(1), m.end(1), m.group(1), turn))
    return signoff


@lru_cache(maxsize=512)
def read(text: str, turn: int = 0) -> Reading:
    chars = list(text)
    handles = tuple(Span(m.start(), m.end(), m.group(), turn) for m in HANDLE_RE.finditer(text))
    leading = []
    pos = 0
    for h in handles:
        if text[pos:h.start].strip(" \t\n.,") == "":
            leading.append(h)
            pos = h.end
        else:
            break
    links = tuple(Span(m.start(), m.end(), m.group(), turn) for m in URL_RE.finditer(text))
    for s in handles + links:
        _blank(chars, s.start, s.end)
    for thread in THREAD_RE.finditer(text):
        _blank(chars, thread.start(), thread.end())
    masked = "".join(chars).replace("´", "'").replace("’", "'").replace("`", "'")
    chars = list(masked)
    signoff = _signoff_spans(text, masked, turn)
    for s in signoff:
        _blank(chars, s.start, s.end)
    masked = "".join(chars)
    words = tuple((m.start(), m.end(), m.group()) for m in WORD_RE.finditer(masked))
    sentences = tuple((m.start(), m.end()) for m in SENT_RE.finditer(masked) if m.group().strip(" \t\n.!?,"))
    lower = masked.lower()
    if len(lower) != len(masked):   # e.g. "İ" lower-cases to two code points: keep offsets aligned
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in masked)
    return Reading(text=text, masked=masked, lower=lower, signoff=tuple(sorted(signoff, key=lambda s: s.start)),
                   leading_handles=tuple(leading), handles=handles, links=links, words=words,
                   sentences=sentences, turn=turn)


def strip_customer(text: str) -> str:
    """Customer message with handles and links removed (for issue extraction)."""
    return URL_RE.sub(" ", HANDLE_RE.sub(" ", text))


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied", "ers", "er", "ed", "es", "ly",
             "s")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Light stemming: enough to match delay/delayed/delays, charge/charged, refund/refunded."""
    w = word.lower().replace("’", "'")
    if w.endswith("men") and len(w) > 4:
        w = w[:-3] + "man"
    if w.endswith("'s"):
        w = w[:-2]
    for suf in _SUFFIXES:
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            w = w[: -len(suf)]
            if suf in ("ies", "ied"):
                w += "y"
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        w = w[:-1]
    return w
