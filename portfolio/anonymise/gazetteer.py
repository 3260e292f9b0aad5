"""The offline name gazetteer and the word lists and cues that decide when a word is a name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset, frozenset, frozenset, tuple, frozenset]:
    def load(name):
        return [line.strip() for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
                if line.strip()]

    common = frozenset(load("common_words"))
    firsts = frozenset(v for n in load("first_names") for v in variants(n, common))
    lasts = frozenset(v for n in load("surnames") for v in variants(n, common))
    words = frozenset(n.lower() for n in load("name_words"))
    suffixes = tuple(sorted({s for s in load("street_suffixes")}, key=len, reverse=True))
    return firsts, lasts, words, suffixes, common


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents ("Siobhán" -> "siobhan", "Oisín" -> "oisin"), curly apostrophes straight."""
    word = word.lower().replace("’", "'")
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def variants(name: str, common: frozenset = frozenset()) -> set:
    """How a gazetteer name may be typed: as listed, without accents, without its apostrophe ("oneill"). Folding
    must not make a word of a name: "Aš" is not "as", "Över" is not "over" (but "Vũ" is "vu")."""
    low = name.lower().replace("’", "'")
    folded = fold(low)
    return {low} | {v for v in (folded, folded.replace("'", "")) if v == low or (
        v not in common and (len(v) >= 3 or (len(v) == 2 and v not in ENGLISH_2)))}


# Surnames by their form, whatever the gazetteer says: MacGillivray, McCrindle, O'Neill, FitzGerald (a capital after
# the prefix), and in lower case "mccrindle" (no English word starts with "mc").
FORM_SURNAME = re.compile(r"(?:Ma?c|Fitz|O['’])[A-Z][a-zà-ÿ]{2,}(?:['’]s)?$|mc[a-z'’]{3,}$|o['’](?!clock)[a-z]{3,}$"
                          r"|MA?C[A-Z]{3,}$|O['’][A-Z]{3,}$")
# Brands and words of that form that are not people.
NOT_FORM_NAMES = frozenset("macbook macbooks macos mcafee mcdonald's mcdonalds mcvitie's mcvities macdonald's".split())


@lru_cache(maxsize=1)
def _word_frequencies() -> dict:
    """pyspellchecker's English word frequencies (a dependency of the scorer): loaded on first use only."""
    import gzip
    import importlib.util
    import json

    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.origin:
        return {}
    path = Path(spec.origin).parent / "resources" / "en.json.gz"
    return json.loads(gzip.open(path).read()) if path.exists() else {}


def english_word(word: str) -> bool:
    """Is a lower-case word used as an English word (a name-like token after a lower-case first name that is not
    one is the surname: "kajetan krzystek", not "priya refunded")."""
    return _word_frequencies().get(word, 0) >= 20


@lru_cache(maxsize=1)
def lower_words() -> frozenset:
    """Gazetteer names that are also words people write in lower case ("will", "mark", "rose", "hunter"): never a
    name on their own when typed in lower case (data/lower_words.txt, from pyspellchecker's frequencies)."""
    path = DATA / "lower_words.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


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
# Small words inside a name: "Stella Ó Hanrachtaigh", "Aoife Ní Bhriain", "Rhys ap Gwilym", "Ruud van Dijk". After the
# Gaelic and Welsh ones ("ó", "ní", "nic", "mac", "ap", "ferch") any word is the surname.
PARTICLES = frozenset("ap ab ferch verch bin binti bint ibn van von der den de da di du del della dos das le la al el "
                      "mac nic ní ni ó o ua uí".split())
SURNAME_AFTER = frozenset("ap ab ferch verch ní nic ó ua uí mac".split())
# Two-letter surnames that are also English words or syllables ("Ho", "Le", "Do", "Ma"): part of a name only straight
# after another name ("Pouya Ho", "Deniz Le").
SHORT_SURNAMES = frozenset("ho le do ma lo na bo ko la".split())
# Two-letter English words (and syllables) that no folded name may become.
ENGLISH_2 = frozenset("""am an as at be by do go ha he hi ho if in is it la le lo ma me my na no of oh ok on or ox pa so
to up us we ye yo bo ko""".split())
# Family words and abbreviations that are also names in some list ("nan", "min"): never a name in lower case.
LOWER_WORDS_EXTRA = frozenset("""nan nana nanna nanny gran granny grandad grandpa grandma mum mam mom dad auntie aunty
uncle bro sis hun babe pet duck chuck bab mate min mins sec secs hr hrs pls plz thx tho cos coz ta""".split())
# Capitals that are abbreviations, never a shouted name (some are names in a gazetteer: "Iban", "Eta", "Chi").
ACRONYMS = frozenset("""iban bic nhs dob cvv cvc gdpr asap faq url uk usa eu sms dm dms pm am tv pc id pin otp vat ltd
plc fyi aka etc bbc itv dpd ups dhl evri tnt rm hmrc dvla dwp nino ni chi api app ios os ceo cfo hr it ai ok pdf ref
sku rrp eta tbc tba lol omg ffs wtf nhs irl imo tbh""".split())
MONTHS = frozenset("april may june august".split())
TITLES = frozenset("mr mrs ms miss mx dr prof sir dame lord lady rev".split())


# Words before a name that make a capitalised word a name even when it is also an everyday word.
CUE_BEFORE = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|mx|dr)\b\.?[\s,:]*|\b(?:hi|hello|hey|dear|thanks|thank\s+you|cheers|ta|sir|madam|"
    r"name\s+is|name's|i'm|i\s+am|this\s+is|it's|it\s+is|called|spoke\s+to|speak\s+to|spoke\s+with|from|with|"
    r"love|regards|sincerely|best|to|for|by|asked|told|colleague|manager|tutor|assessor|"
    r"customer|sorry|apologies|morning|afternoon|evening|@)\b[\s,:]*|[-~–—^]\s*)$",   # a full stop ends the cue
    re.IGNORECASE,
)

# Stronger cues: enough to take an unknown capitalised word (not in the gazetteer) as a name.
STRONG_CUE = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|mx|dr)\b\.?[\s,:]*|\b(?:hi|hello|hey|dear|thanks|thank\s+you|cheers|ta|name\s+is|name's|i'm|i\s+am|"
    r"this\s+is|it's|it\s+is|love|called|spoke\s+to|speak\s+to|spoke\s+with|colleague|manager|regards|sincerely)\b[\s,:]*|[-~–—]\s*)$",
    re.IGNORECASE,
)

