"""The offline name gazetteer and the word lists and cues that decide when a word is a name."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset, frozenset, frozenset, tuple, frozenset]:
    def load(name):
        return [line.strip() for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]

    firsts = frozenset(n.lower() for n in load("first_names"))
    lasts = frozenset(n.lower() for n in load("surnames"))
    words = frozenset(n.lower() for n in load("name_words"))
    suffixes = tuple(sorted({s for s in load("street_suffixes")}, key=len, reverse=True))
    common = frozenset(load("common_words"))
    return firsts, lasts, words, suffixes, common


@lru_cache(maxsize=1)
def word_like_names() -> frozenset:
    """Names from the gazetteer's non-UK lists that are also frequent English words (Curt, Sterling, Bliss):
    at the start of a sentence, with nothing else to say they are names, they are read as words."""
    path = DATA / "word_like_names.txt"
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


# Capitalised words that are never taken as names (they would make the text unreadable).
NOT_NAMES = frozenset("""
i i'm i've i'll i'd a an the mr mrs ms miss mx dr prof sir dame lord lady rev
 hi hello hey dear thanks thank cheers regards kind best yes no ok okay please sorry
customer candidate tutor assessor learner agent team support service page order account
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december christmas easter today tomorrow yesterday
we you he she they it this that our your my his her their its there here what when where why how who
north south east west northern southern eastern western central great greater new old royal
london manchester birmingham leeds glasgow liverpool bristol cardiff edinburgh belfast sheffield newcastle
nottingham leicester york oxford cambridge england scotland wales ireland britain british english welsh scottish
""".split())
MONTHS = frozenset("april may june august".split())
TITLES = frozenset("mr mrs ms miss mx dr prof sir dame lord lady rev".split())


# Words before a name that make a capitalised word a name even when it is also an everyday word.
CUE_BEFORE = re.compile(
    r"(?:\b(?:hi|hello|hey|dear|thanks|thank\s+you|cheers|ta|mr|mrs|ms|miss|mx|dr|sir|madam|"
    r"name\s+is|name's|i'm|i\s+am|this\s+is|it's|it\s+is|called|spoke\s+to|speak\s+to|spoke\s+with|from|with|"
    r"love|regards|sincerely|best|to|for|by|asked|told|colleague|manager|tutor|assessor|"
    r"customer|sorry|apologies|morning|afternoon|evening|@)\b[\s,.:]*|[-~–—^]\s*)$",
    re.IGNORECASE,
)

# Stronger cues: enough to take an unknown capitalised word (not in the gazetteer) as a name.
STRONG_CUE = re.compile(
    r"(?:\b(?:hi|hello|hey|dear|thanks|thank\s+you|cheers|ta|mr|mrs|ms|miss|mx|dr|name\s+is|name's|i'm|i\s+am|"
    r"this\s+is|it's|it\s+is|love|called|spoke\s+to|speak\s+to|spoke\s+with|colleague|manager|regards|sincerely)\b[\s,.:]*|[-~–—]\s*)$",
    re.IGNORECASE,
)

