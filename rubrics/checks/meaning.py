"""Does a reply say what a wording says? Matching by meaning, not by exact phrase.

A text is read as a bag of *ideas*: the concepts its phrases name (rubrics.checks.concepts: "don't use it" and
"stop using it" are both `stop_use`) and its other content words by their stems. A wording is shown by a stretch
of the reply (a sentence, or two sentences together) that holds enough of the wording's ideas: concepts count
fully, plain words half (a learner says "it" where the wording names "the kettle"). A concept the reply negates
("there's no need to unplug it") does not count.

Pure functions; the concept table is compiled once at import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rubrics.checks.concepts import CONCEPTS, NEGATORS
from rubrics.lexicon import STOPWORDS
from rubrics.text import SENT_RE, stem

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A web address, with or without http:// (the reply's "larkspurvale.example.co.uk/recall" is a link to the details)
ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\.(?:com|co\.uk|uk|org|net|io)(?:/\S*)?",
                        re.I)
# Stop words that carry meaning here: negations and "no"/"not" stay.
KEEP = frozenset("no not nor don't doesn't didn't isn't aren't wasn't weren't won't can't cannot never".split())
IGNORE = (STOPWORDS - KEEP) | frozenset("please also now just really very so today right away immediately "
                                        "still any anyone everyone customer customers people take takes taking "
                                        "make makes done be it's i'm you're we're they're we've you've i've "
                                        "we'd i'd you'd we'll i'll you'll they'll there's that's".split())
NEGATOR_STEMS = tuple(tuple(stem(w) for w in n.split()) for n in NEGATORS)
CONCEPT_WEIGHT, WORD_WEIGHT = 1.0, 0.5
THRESHOLD = 0.7


GAP = "*"            # in a phrasing: up to three words of any kind ("take * down" is "take your tweet down")
GAP_MAX = 3


NUMBERS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": "30", "forty": "40", "forty-eight": "48",
                                                     "sixty": "60", "hundred": "100"}


def _raw_tokens(text: str) -> list[str]:
    """Lower-case words; a web address is the word "link" and a number word its digits ("twenty" is "20")."""
    text = ADDRESS_RE.sub(" link ", text.lower().replace("’", "'"))
    return [NUMBERS.get(t, t) for t in TOKEN_RE.findall(text)]


def _phrase_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First stem -> [(phrase stems, concept)], longest phrases first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for concept, phrases in CONCEPTS.items():
        for phrase in phrases:
            toks = tuple(GAP if t == GAP else stem(t) for t in
                         (GAP if w == GAP else w for w in phrase.lower().split() for w in ([w] if w == GAP else
                                                                                              _raw_tokens(w))))
            if toks and toks[0] != GAP:
                table.setdefault(toks[0], []).append((toks, concept))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def _match(toks: list[str], i: int, phrase: tuple[str, ...]) -> tuple[int, ...]:
    """The positions of the phrase's words when it matches at position i, else (). A gap takes the fewest words it
    can; the words in a gap are not the phrase's (they are read on their own)."""
    got: list[int] = []
    j = i
    for k, p in enumerate(phrase):
        if p == GAP:
            rest = phrase[k + 1:]
            for skip in range(0, GAP_MAX + 1):
                tail = _match(toks, j + skip, rest)
                if tail:
                    return tuple(got) + tail
            return ()
        if j >= len(toks) or toks[j] != p:
            return ()
        got.append(j)
        j += 1
    return tuple(got)


PHRASES = _phrase_table()
NEGATING_CONCEPT_START = frozenset(stem(w) for w in ("don't", "do", "not", "no", "never", "dont"))


def _negated(toks: list[str], at: int) -> bool:
    """A negator ends right before position `at`, or one word before ("do not ever unplug it"; "without a receipt
    at the link" does not negate the link)."""
    for neg in NEGATOR_STEMS:
        n = len(neg)
        for end in range(max(0, at - 1), at + 1):
            if end - n >= 0 and tuple(toks[end - n:end]) == neg:
                return True
    return False


@dataclass(frozen=True)
class Ideas:
    """The ideas of a text: concept names (negated ones as "not:<name>") and content-word stems."""

    concepts: frozenset[str]
    words: frozenset[str]

    def weight(self) -> float:
        return CONCEPT_WEIGHT * len(self.concepts) + WORD_WEIGHT * len(self.words)


@lru_cache(maxsize=4096)
def ideas(text: str) -> Ideas:
    raw = _raw_tokens(text)
    toks = [stem(t) for t in raw]
    concepts: set[str] = set()
    covered = [False] * len(toks)
    for i in range(len(toks)):
        if covered[i]:
            continue
        # the longest phrase starting here names the idea ("details at" is a link, not the data item "details");
        # a phrase listed under several concepts names each of them
        best_at: tuple[int, ...] = ()
        names: list[str] = []
        for phrase, concept in PHRASES.get(toks[i], ()):
            at = _match(toks, i, phrase)
            if not at or any(covered[k] for k in at):
                continue
            if at[-1] > (best_at[-1] if best_at else -1):
                best_at, names = at, [concept]
            elif at == best_at:
                names.append(concept)
        if not best_at:
            continue
        negated = toks[i] not in NEGATING_CONCEPT_START and _negated(toks, i)
        concepts.update(("not:" + c) if negated else c for c in names)
        for k in best_at:
            covered[k] = True
    words = {t for r, t, c in zip(raw, toks, covered) if not c and r not in IGNORE and t not in IGNORE and len(t) > 1
             and r not in KEEP}
    return Ideas(frozenset(concepts), frozenset(words))


def coverage(wording: Ideas, said: Ideas) -> float:
    """How much of the wording's ideas the reply's stretch holds (0..1)."""
    total = wording.weight()
    if total == 0:
        return 0.0
    got = (CONCEPT_WEIGHT * len(wording.concepts & said.concepts) + WORD_WEIGHT * len(wording.words & said.words))
    return got / total


@dataclass(frozen=True)
class Stretch:
    """A sentence (or two together) of the reply: where it is and what it says."""

    start: int
    end: int
    ideas: Ideas
    pair: bool = False           # two sentences together


def stretches(text: str) -> list[Stretch]:
    """The reply's sentences and each pair of neighbouring sentences (a point may take two)."""
    # web addresses would split at their dots: blank them (same length) before splitting into sentences
    blanked = ADDRESS_RE.sub(lambda m: "x" * len(m.group()), text)
    sents = [(m.start(), m.end()) for m in SENT_RE.finditer(blanked) if m.group().strip(" \t\n.!?,")]
    out = []
    for i, (s, e) in enumerate(sents):
        out.append(Stretch(s, e, ideas(text[s:e])))
        if i + 1 < len(sents):
            s2, e2 = sents[i + 1]
            out.append(Stretch(s, e2, ideas(text[s:e2]), pair=True))
    return out


@dataclass(frozen=True)
class Found:
    score: float
    start: int
    end: int
    wording: str


def best(wordings: tuple[str, ...], parts: list[Stretch]) -> Found | None:
    """The stretch that best shows any of the wordings, or None when none reaches the threshold. A single sentence
    that shows it is preferred to two sentences together (the evidence is then the tightest)."""
    tops: dict[bool, Found] = {}
    for w in wordings:
        wi = ideas(w)
        if wi.weight() == 0:
            continue
        for p in parts:
            score = coverage(wi, p.ideas)
            top = tops.get(p.pair)
            if top is None or score > top.score + 1e-9:
                tops[p.pair] = Found(round(score, 3), p.start, p.end, w)
    for pair in (False, True):
        if pair in tops and tops[pair].score >= THRESHOLD:
            return tops[pair]
    return None
