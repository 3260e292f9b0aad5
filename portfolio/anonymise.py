"""Replace personal data in portfolio data with consistent pseudonyms, before anything is rendered.

Layers, applied together to every string (one pass, overlapping hits resolved longest-first):

1. Exact values the app knows: the learner's name, first name, surname, username and email; staff who
   moderated or signed; every value the simulator injected (persona names, handles, emails, phones,
   order numbers, addresses) and any ``known_values`` from the caller. Matched case-insensitively,
   across line breaks and with any separators between the digits of a number.
2. UK pattern rules for what learners type (``portfolio/patterns.py``): emails (also Unicode, split
   across lines, or written out: "jo dot smith at gmail dot com", "jo[at]example.co.uk"), UK phone
   numbers in any format (Ofcom drama ranges included: no validity check), postcodes, IBANs, card numbers,
   "card ending 1234" and masked cards, sort codes and account numbers in any format, National Insurance
   numbers, @handles of any length, URLs carrying identifiers, street addresses (numbered, flats, house
   names, lower case; with the town and postcode after them), order/account/booking references, and any
   run of six or more digits.
3. Names: identifier-like tokens that contain a known or gazetteer name (``joyce_smith99``), and
   capitalised (or all-capitals) words found in an offline first-name/surname gazetteer
   (``data/*.txt``, built from Faker's person lists). Names that are also common words ("Rose",
   "Grace", "Bill", "Mark") count only with support: a greeting or title before them, or another name
   next to them.

Pseudonyms are consistent within one document: a person keeps one letter ("Customer A", "@customer_a",
"customer.a@example.invalid"), the learner is "Candidate <number>", staff are "Tutor A" / "Assessor A",
and other values are numbered by kind ("[phone 1]", "[order ref 2]").

Scoring evidence spans (character offsets into the learner's turns) are remapped through the
replacements so highlighting still lines up.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .patterns import (ADDRESS_TAIL, ADDRESS_TAIL_LOWER, EMAIL_AT, HOUSE_WORDS, LOWER_STOP, PATTERNS,
                       STREET_STOP, address_patterns, plausible, text_facts)

DATA = Path(__file__).resolve().parent / "data"

# ---------------------------------------------------------------------------------------------------
# Ordering and gazetteer

def attempt_order(attempts) -> list:
    """Attempts in the order every document numbers them (and gives out pseudonyms): submitted, else started, then id."""
    return sorted(attempts or [], key=lambda a: (a.get("submitted_at") or a.get("started_at") or "", str(a.get("id"))))


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

# Fields whose string values are never personal data (ids, levels, enumerations, timestamps, hashes): kept as
# they are. Every other string anywhere in the data is scrubbed (deny by default), whatever its key.
SAFE_KEYS = frozenset("""
id key criterion level old_level new_level grade auto_grade author channel thread customer_id
sent_at started_at submitted_at created_at at start end turn response_minutes sim_minute sla_minutes
candidate_number hash version scorer_version confidence mode kind form platform exercise_type category
difficulty seed standard_ref schema mood previous_mood customer_intent tone_analyser timeliness
""".split())
SAFE_DICT_KEY = re.compile(r"^[a-z][a-z0-9_]*$")   # snake_case field names (criterion keys, reflection fields)

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

OWN_PSEUDONYM = re.compile(r"^@?(?:customer|candidate|tutor|assessor|staff|account)[_.][a-z]+$", re.I)
NAME_TOKEN = re.compile(r"[A-ZÀ-Ö][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]*(?:['’\-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*")
IDENT_TOKEN = re.compile(r"(?<![\w@])[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+\b|(?<![\w@])[A-Za-z]+\d+[A-Za-z0-9]*\b")
KIND_LABELS = {
    "email": "email", "url": "link", "ni_number": "NI number", "card": "card number", "phone": "phone",
    "bank_details": "bank details", "postcode": "postcode", "order_ref": "order ref", "address": "address",
    "security_code": "security code",
}


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


# ---------------------------------------------------------------------------------------------------
# Document-wide pseudonym registry


@dataclass(eq=False)
class Person:
    role: str
    label: str = ""     # "Customer A", "Candidate 1234", "Tutor A": given at first use, in document order
    handle: str = ""    # "@customer_a"
    email: str = ""     # "customer.a@example.invalid"
    tokens: set = field(default_factory=set)   # lower-case name parts that point to this person


class Registry:
    def __init__(self, candidate_label: str):
        self.people: dict[str, Person] = {}        # normalised key -> person
        self.token_owners: dict[str, list] = {}    # name part -> people with that part, in registration order
        self.scope: list[Person] = []              # people of the attempt being scrubbed: preferred on ties
        self.scopes: dict = {}                     # ("attempt", id) -> the people injected into that attempt
        self.values: dict[tuple[str, str], str] = {}
        self.counts: dict[str, int] = {}
        self.role_counts: dict[str, int] = {}
        self.replaced: dict[str, int] = {}
        slug = re.sub(r"[^a-z0-9]+", "_", candidate_label.lower()).strip("_")
        self.candidate = Person("Candidate", candidate_label, f"@{slug}", f"{slug}@example.invalid")

    def new_person(self, role: str) -> Person:
        return Person(role)

    def named(self, person: Person) -> Person:
        """Give the person a letter the first time a replacement uses it, so letters follow the
        order people appear in the document and adding a later attempt never renames earlier ones."""
        if not person.label:
            n = self.role_counts.get(person.role, 0)
            self.role_counts[person.role] = n + 1
            letter = _letters(n)
            person.label = f"{person.role} {letter}"
            person.handle = f"@{person.role.lower()}_{letter.lower()}"
            person.email = f"{person.role.lower()}.{letter.lower()}@example.invalid"
        return person

    def person_for(self, name: str, role: str = "Customer", person: Person | None = None) -> Person:
        key = _norm(name)
        if key in self.people:
            return self.people[key]
        parts = [p for p in re.split(r"[^a-zà-ÿ'’\-]+", key) if len(p) >= 2 and p not in TITLES]
        if person is None and len(parts) == 1:
            # A lone first name or surname is the person already known by it; a full name is its own person.
            person = self.owner(parts)
        if person is None:
            person = self.new_person(role)
        self.people[key] = person
        self.add_tokens(person, parts)
        return person

    def add_tokens(self, person: Person, parts):
        for p in parts:
            owners = self.token_owners.setdefault(p, [])
            if person not in owners:
                owners.append(person)
            person.tokens.add(p)

    def owner(self, parts) -> Person | None:
        """The person a name part points to: someone in the current attempt first, else the first registered."""
        for p in parts:
            for person in self.scope:
                if p in person.tokens:
                    return person
        for p in parts:
            if self.token_owners.get(p):
                return self.token_owners[p][0]
        return None

    def value_for(self, kind: str, value: str) -> str:
        key = (kind, _norm_value(kind, value))
        if key not in self.values:
            n = self.counts.get(kind, 0) + 1
            self.counts[kind] = n
            self.values[key] = f"[{KIND_LABELS.get(kind, kind)} {n}]"
        return self.values[key]


GRAM = 4


def _squash(text: str) -> str:
    """Lower-case letters and digits only: a known value can match a text only if its squash is in the text's."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _norm_value(kind: str, value: str) -> str:
    if kind in ("phone", "card", "bank_details", "order_ref"):
        digits = re.sub(r"[^0-9a-z]", "", value.lower())
        if kind == "phone" and digits.startswith("44"):
            digits = "0" + digits[2:]
        if kind == "phone" and digits.startswith("00440"):
            digits = digits[4:]
        return digits
    return re.sub(r"\s+", "", value.lower())


# ---------------------------------------------------------------------------------------------------
# Known values


@dataclass
class Known:
    """Exact values to replace, each with what replaces it (a person or a kind)."""
    entries: list = field(default_factory=list)   # (value, kind, person or None)

    def add(self, value, kind: str, person: Person | None = None):
        if isinstance(value, str) and len(value.strip()) >= 2:
            self.entries.append((value.strip(), kind, person))


def _flex(value: str) -> str:
    """A regex matching value case-insensitively, across line breaks and, for numbers, any separators."""
    if sum(c.isdigit() for c in value) >= 4:
        chars = [c for c in value if c.isalnum() or c in "@+"]
        body = r"[\s\-.()/]{0,3}".join(re.escape(c) for c in chars if c != "+")
        return body
    words = value.split()
    return r"[\s,]+".join(re.escape(w) for w in words)


def _guess_kind(value: str) -> str:
    v = value.strip()
    if v.startswith("@"):
        return "handle"
    if "@" in v:
        return "email"
    if re.match(r"^(?:https?://|www\.)", v, re.I):
        return "url"
    digits = sum(c.isdigit() for c in v)
    if re.fullmatch(r"[\d\s+()\-.]{10,}", v) and digits >= 10:
        return "phone"
    if re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}", v, re.I):
        return "postcode"
    if "\n" in v or re.match(r"^\d+[A-Z]?\s+\w+", v) or ("," in v and digits):
        return "address"
    if digits:
        return "order_ref"
    return "name"


# ---------------------------------------------------------------------------------------------------
# The text scrubber


@dataclass
class Hit:
    start: int
    end: int
    kind: str
    text: str
    person: Person | None = None
    priority: int = 0


@lru_cache(maxsize=16384)
def _known_value_re(flex: str) -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + flex + r")(?![\w])", re.I)


class Scrubber:
    def __init__(self, registry: Registry, known: Known, keep: set):
        self.registry = registry
        self.keep = {_norm(k) for k in keep}
        self.firsts, self.lasts, self.words, suffixes, self.common = gazetteer()
        self.known_names: set[str] = set()
        # Known values: one alternation, longest first.
        entries = sorted(known.entries, key=lambda e: -len(e[0]))
        self.known_lookup: dict[str, tuple] = {}
        alts = []
        for value, kind, person in entries:
            if kind == "name_part" or (kind == "name" and person is not None and len(value.split()) == 1):
                continue   # a lone name is matched as a name part: by case and context, not anywhere
            key = _norm_value(kind, value) if kind in ("phone", "card", "bank_details", "order_ref") else _norm(value)
            if key in self.known_lookup:
                continue
            self.known_lookup[key] = (kind, person)
            alts.append((_squash(value), _flex(value)))
            if kind in ("name", "handle") and person is not None:
                for part in re.split(r"[\s_.@]+", value.lower()):
                    if len(part) >= 3 and not part.isdigit():
                        self.known_names.add(part)
        # Name parts of known people: matched case-sensitively when capitalised or all capitals.
        self.known_parts: set[str] = set()
        for value, kind, person in known.entries:
            if kind == "name" and person is not None and len(value.split()) == 1:
                kind = "name_part"
            if kind == "name_part" and person is not None:
                self.known_parts.add(value.lower())
                self.known_names.add(value.lower())
                registry.add_tokens(person, [value.lower()])
        # Known name parts that are also never-a-name words (June, May): names only with support.
        self.known_weak = {p for p in self.known_parts if p in NOT_NAMES}
        self.word_like = word_like_names()
        # One small pattern per known value, found through an index of its letters and digits: one alternation
        # of thousands of values made every string cost O(values), so a 500-attempt portfolio was quadratic.
        # Compiled on first use and shared across documents (_known_value_re): most values never occur in
        # most strings, and compiling every one for each export cost 0.4 s at 100 attempts.
        self.known_flex = [flex for _sq, flex in alts]
        self.known_index: dict[str, list[int]] = {}
        known_short: list[int] = []
        for n, (sq, _flex_) in enumerate(alts):
            if len(sq) >= GRAM:
                self.known_index.setdefault(sq[:GRAM], []).append(n)
            else:
                known_short.append(n)
        self.known_short = frozenset(known_short)
        self.known_keys = [sq for sq, _f in alts]
        self.address_res = address_patterns(suffixes)

    # -- detection --------------------------------------------------------------------------------
    def hits(self, text: str) -> list[Hit]:
        found: list[Hit] = []
        flat = _squash(text)
        grams = {flat[i:i + GRAM] for i in range(len(flat) - GRAM + 1)}
        candidates = sorted({n for g in grams for n in self.known_index.get(g, ())} | self.known_short)
        for n in candidates:
            if self.known_keys[n] not in flat:
                continue
            for m in _known_value_re(self.known_flex[n]).finditer(text):
                value = m.group(0)
                kind, person = self._known_for(value)
                if kind == "name" and len(value.split()) == 1:
                    # A lone first name or surname: the person of this attempt who has it, if any.
                    person = self.registry.owner([value.lower()]) or person
                found.append(Hit(m.start(), m.end(), kind, value, person, priority=3))
        facts = text_facts(text)
        for kind, rx, needs in PATTERNS:
            if needs and needs not in facts:
                continue
            for m in rx.finditer(text):
                start, end = (m.start(1), m.end(1)) if m.groups() and m.group(1) else (m.start(), m.end())
                value = text[start:end]
                if kind == "handle" and (OWN_PSEUDONYM.match(value) or _norm(value) in self.keep):
                    continue
                if kind == "url" and not self._url_identifies(value):
                    continue
                if kind == "email" and not re.search("[@＠]", value) and self._everyday_local(value):
                    continue
                if not plausible(kind, value):
                    continue
                found.append(Hit(start, end, kind, value, priority=2))
        found += self._address_hits(text, "digit" in facts, any(h.kind == "postcode" for h in found))
        found += self._identifier_hits(text)
        found += self._name_hits(text)
        return _resolve(found)

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
        rx, parts, end = ADDRESS_TAIL_LOWER if lower else ADDRESS_TAIL, [], pos
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
    PLACE_STARTS = frozenset("""north south east west northern southern eastern western central great greater new old royal
    london manchester birmingham leeds glasgow liverpool bristol cardiff edinburgh belfast sheffield newcastle
    nottingham leicester york oxford cambridge""".split())

    def _reads_as_place(self, text: str, part: re.Match, lower: bool) -> bool:
        """A town or county after a street: not a greeting, sign-off or pronoun ("Thanks", "I'm"); and a word that is
        not an everyday English word ("Leeds", "Hebden Bridge"), or (capitalised) a line or comma-part of its own
        ("12 Grosvenor Place, Bath" but not "12 High Street\nCan you ...")."""
        words = [w.strip("'’").lower() for w in re.split(r"[\s\-]+", part.group("place")) if w.strip("'’")]
        if not words or (words[0] in NOT_NAMES and words[0] not in self.PLACE_STARTS):
            return False
        if any(w not in self.common or w in self.PLACE_STARTS for w in words if w not in ("upon", "on", "under", "in", "by")):
            return True
        own_line = re.search(r"[,\n]", text[part.start():part.start("place")])
        standalone = re.match(r"[ \t]*(?:$|[,.;:!?)\n])", text[part.end():])
        return bool(own_line and standalone) and not lower

    def _known_for(self, value: str):
        for key in (_norm(value),) + tuple(_norm_value(k, value) for k in ("phone", "order_ref")):
            if key in self.known_lookup:
                return self.known_lookup[key]
        return ("order_ref", None)

    def _everyday_local(self, email: str) -> bool:
        """A written-out email whose local part is one everyday word that is not also a name ("looked at gmail",
        but not "gross at gmail.com"): not an email."""
        local = EMAIL_AT.split(email, maxsplit=1)[0].lower()
        return local.isalpha() and local in self.common and local not in self.firsts and local not in self.lasts

    def _url_identifies(self, url: str) -> bool:
        low = url.lower()
        if "?" in low or "#" in low or re.search(r"/[^/]*\d", low):
            return True
        if re.search(r"(twitter|x|facebook|fb|instagram|tiktok|linkedin|threads|youtube)\.(com|net)/", low):
            return True
        return any(self._is_name_word(part) for part in re.split(r"[/._\-]+", low))

    def _is_name_word(self, word: str) -> bool:
        w = word.lower()
        return len(w) >= 3 and (w in self.known_names or ((w in self.firsts or w in self.lasts) and w not in self.words and w not in NOT_NAMES))

    def _identifier_hits(self, text: str) -> list[Hit]:
        out = []
        for m in IDENT_TOKEN.finditer(text):
            token = m.group(0)
            if OWN_PSEUDONYM.match(token) or "." in token and re.fullmatch(r"[\w\-]+\.(?:com|co\.uk|uk|org|net)", token, re.I):
                continue
            pieces = [p for p in re.split(r"[._\d]+", token.lower()) if p]
            named = any(self._is_name_word(p) or any(k in p for k in self.known_names if len(k) >= 4) for p in pieces)
            if named:
                out.append(Hit(m.start(), m.end(), "handle", token, priority=1))
        return out

    def _name_hits(self, text: str) -> list[Hit]:
        tokens = [(m.start(), m.end(), m.group(0)) for m in NAME_TOKEN.finditer(text)]
        rank = {"known": 5, "name": 4, "word": 3, "weak": 2, "head": 2, "cap": 1}
        flags = []
        for start, end, tok in tokens:
            base = re.sub(r"['’]s$", "", tok.lower().strip("'’"))
            best = None
            # Hyphenated and apostrophe names (Little-Robinson, O'Neill): the strongest part decides.
            for part in [base] + re.split(r"[-'’]", base):
                if len(part) < 2:
                    continue
                # Known names first, before the never-a-name list: a customer called June is June.
                if part in self.known_parts:
                    flag = "weak" if part in self.known_weak else "known"
                elif part in NOT_NAMES:
                    # "June", "May": a first name only straight before another name ("June Johnson").
                    flag = "head" if part in MONTHS and tok[0].isupper() and not tok.isupper() else None
                    if flag is None:
                        continue
                elif part in self.firsts or part in self.lasts:
                    flag = "word" if part in self.words or part in MONTHS else "name"
                else:
                    continue
                if best is None or rank[flag] > rank[best]:
                    best = flag
            if tok.isupper() and len(tok) > 1 and best is None:
                flags.append(None)
                continue
            if best is None and tok[0].isupper() and base not in NOT_NAMES and base not in self.common and len(base) >= 2:
                best = "cap"   # an unknown capitalised word: a name only next to a name or after a cue
            if best in (None, "head") and tok[0].isupper() and base in NOT_NAMES and base in self.lasts:
                best = best or "tail"  # "Page", "May": a surname only straight after a first name ("Jane Page")
            flags.append(best)
        out = []
        i = 0
        while i < len(tokens):
            if flags[i] is None or flags[i] == "tail":
                i += 1
                continue
            # Gather a run of adjacent name-ish tokens separated by single spaces/newlines.
            j = i
            while j + 1 < len(tokens) and flags[j + 1] is not None and (flags[j + 1] != "tail" or flags[j] in ("known", "name", "word", "weak", "head")) and re.fullmatch(r"[ \t]*\n?[ \t]*", text[tokens[j][1]:tokens[j + 1][0]]) and text[tokens[j][1]:tokens[j + 1][0]] != "":
                j += 1
            run = list(range(i, j + 1))
            before = text[max(0, tokens[i][0] - 40):tokens[i][0]]
            after = text[tokens[run[-1]][1]:tokens[run[-1]][1] + 40]
            cued = bool(CUE_BEFORE.search(before))
            strong_cue = bool(STRONG_CUE.search(before))
            signed = bool(re.search(r"(?:^|[,\n]|\s[-–—~])\s*$", before)) and not re.match(r"[ \t]*\w", after)
            kinds = [flags[k] for k in run]
            strong = any(f in ("known", "name") for f in kinds)
            named_pair = sum(1 for f in kinds if f in ("known", "name", "word")) >= 2   # "Rose Day", "Bill Savage"
            only_unknown = all(f == "cap" for f in kinds)
            accept = (strong or named_pair or cued) and not (only_unknown and not strong_cue)
            if all(f in ("weak", "head", "tail") for f in kinds) and not named_pair:
                # A month-like word alone: a known person's name after a greeting or as a sign-off; else a month.
                accept = "weak" in kinds and (strong_cue or signed)
            if accept and len(run) == 1 and kinds[0] == "name" and not cued and self._reads_as_word(text, tokens[i], after):
                accept = False
            if accept:
                # Drop unknown capitalised words at the start of a run when nothing cues them.
                while len(run) > 1 and flags[run[0]] == "cap" and not cued:
                    run = run[1:]
                s, e = tokens[run[0]][0], tokens[run[-1]][1]
                value = text[s:e]
                if value.lower().endswith(("'s", "’s")):
                    e -= 2
                    value = text[s:e]
                person = None
                for k in run:
                    for part in [tokens[k][2].lower()] + re.split(r"[-'’]", tokens[k][2].lower()):
                        part = re.sub(r"['’]s$", "", part)
                        if part in self.known_parts:
                            person = self.registry.owner([part])
                            break
                    if person:
                        break
                if person is not None and len(run) > 1:
                    # "Victor Fox" is not the known "Faith Fox": a full name is that person only if every part is theirs.
                    parts = [re.sub(r"['’]s$", "", tokens[k][2].lower()) for k in run if flags[k] not in ("cap",)]
                    if not all(p in person.tokens for p in parts):
                        person = None
                out.append(Hit(s, e, "name", value, person, priority=1))
            i = j + 1
        return out + self._lowercase_name_hits(text)

    SUBJECT_VERBS = frozenset("""is was has had said says asked called wants wanted will would could can did does told
    replied rang phoned emailed complained got gets seems seemed felt feels thinks thought needs needed
    wrote messaged posted tweeted came went left""".split())

    def _reads_as_word(self, text: str, token, after: str) -> bool:
        """A lone gazetteer name that is also an everyday word, opening a sentence and followed by a lower-case
        word that is not a verb ("Curt rather than rude", "Sterling work"), is read as the word."""
        start, _end, tok = token
        if tok.lower() not in self.word_like or tok.isupper():
            return False
        if not re.search(r"(?:^|[.!?:;]\s+|\n\s*)$", text[max(0, start - 3):start]) and start != 0:
            return False
        nxt = re.match(r"[ \t]+([a-z][a-z'’]*)", after)
        return bool(nxt) and nxt.group(1) not in self.SUBJECT_VERBS and not nxt.group(1).startswith(("'", "’"))

    LOWER_TOKEN = re.compile(r"(?<![\w@.\-])[a-zà-ÿ][a-zà-ÿ'’\-]*[a-zà-ÿ](?![\w@])")
    LOWER_STOP = frozenset("mate all everyone team guys folks there again so much both sir madam love pal buddy".split())

    def _lowercase_name_hits(self, text: str) -> list[Hit]:
        """Names typed in lower case ("thanks priya", "hi sarah jones"): a known person's name part that is not
        an everyday word, anywhere; any known part or gazetteer name straight after a greeting."""
        tokens = [(m.start(), m.end(), m.group(0)) for m in self.LOWER_TOKEN.finditer(text)]
        out, i = [], 0
        while i < len(tokens):
            s, e, tok = tokens[i]
            base = re.sub(r"['’]s$", "", tok)
            known = base in self.known_parts
            # In lower case only frequent English words are words: "will", "mark"; "georgia", "savage" are the names.
            everyday = base in self.common or base in NOT_NAMES or base in self.LOWER_STOP
            gaz = (base in self.firsts or base in self.lasts) and not everyday and len(base) >= 3
            if not (known or gaz):
                i += 1
                continue
            cue = bool(STRONG_CUE.search(text[max(0, s - 40):s]))
            if not ((known and not everyday) or cue):
                i += 1
                continue
            run = [i]
            while i + 1 < len(tokens) and re.fullmatch(r"[ \t]+", text[tokens[i][1]:tokens[i + 1][0]]):
                nb = re.sub(r"['’]s$", "", tokens[i + 1][2])
                if (nb in self.known_parts or nb in self.lasts or nb in self.firsts) and nb not in self.common and nb not in NOT_NAMES:
                    i += 1
                    run.append(i)
                else:
                    break
            s, e = tokens[run[0]][0], tokens[run[-1]][1]
            value = text[s:e]
            if value.endswith(("'s", "’s")):
                e -= 2
                value = text[s:e]
            person = next((self.registry.owner([re.sub(r"['’]s$", "", tokens[k][2])]) for k in run
                           if re.sub(r"['’]s$", "", tokens[k][2]) in self.known_parts), None)
            out.append(Hit(s, e, "name", value, person, priority=1))
            i += 1
        return out

    # -- replacement ------------------------------------------------------------------------------
    def replacement(self, hit: Hit) -> str:
        reg = self.registry
        reg.replaced[hit.kind] = reg.replaced.get(hit.kind, 0) + 1
        person = hit.person
        if hit.kind == "initials":
            return "^XX"
        if hit.kind in ("name", "handle", "email") and person is None:
            if hit.kind == "name":
                person = reg.person_for(hit.text)
            elif hit.kind == "handle":
                bare = hit.text.lstrip("@")
                parts = [p for p in re.split(r"[._\d]+", bare.lower()) if len(p) >= 3]
                person = reg.person_for(hit.text, person=reg.owner(parts))
            else:
                local = EMAIL_AT.split(hit.text, maxsplit=1)[0].lower()
                parts = [p for p in re.split(r"[\W_\d]+|\bdot\b", local) if len(p) >= 3]
                person = reg.owner(parts)
                if person is None:
                    return reg.value_for("email", hit.text)
        if person is not None:
            person = reg.named(person)
            if person not in reg.scope:
                reg.scope = reg.scope + [person]   # later lone first names in this item prefer people already named in it
            if hit.kind == "handle":
                return person.handle if hit.text.startswith("@") else person.handle.lstrip("@")
            if hit.kind == "email":
                return person.email
            return person.label
        return reg.value_for(hit.kind, hit.text)

    def scrub(self, text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
        """Return the scrubbed text and the replaced spans as (old_start, old_end, new_start, new_end)."""
        if not text:
            return text, []
        out, spans, pos, shift = [], [], 0, 0
        for hit in self.hits(text):
            rep = self.replacement(hit)
            out.append(text[pos:hit.start])
            new_start = hit.start + shift
            out.append(rep)
            spans.append((hit.start, hit.end, new_start, new_start + len(rep)))
            shift += len(rep) - (hit.end - hit.start)
            pos = hit.end
        out.append(text[pos:])
        return "".join(out), spans


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Keep non-overlapping hits: known values first, then the longest, then the earliest.

    A lower-priority hit that sticks out of a kept one is merged into it, so no fragment of a
    value is left behind (e.g. a handle detected by pattern that runs past a known name).
    """
    hits.sort(key=lambda h: (-h.priority, -(h.end - h.start), h.start))
    taken: list[Hit] = []
    for h in hits:
        if h.end <= h.start:
            continue
        overlapping = [t for t in taken if h.start < t.end and t.start < h.end]
        if not overlapping:
            taken.append(h)
            continue
        for t in overlapping:
            if h.start < t.start or h.end > t.end:
                t.start, t.end = min(t.start, h.start), max(t.end, h.end)
    # Merging may create new overlaps: fold them.
    taken.sort(key=lambda h: h.start)
    merged: list[Hit] = []
    for h in taken:
        if merged and h.start < merged[-1].end:
            merged[-1].end = max(merged[-1].end, h.end)
            continue
        merged.append(h)
    return merged


def remap_offset(offset: int, spans, *, is_end: bool) -> int:
    """Map a character offset in the original text to the scrubbed text (spans from Scrubber.scrub).

    An offset inside a replaced value moves to the edge of its replacement, so a highlight that
    touched personal data covers the whole pseudonym, never a fragment.
    """
    shift = 0
    for old_s, old_e, new_s, new_e in spans:
        if is_end:
            if offset <= old_s:
                break
            if offset <= old_e:
                return new_e
        else:
            if offset < old_s:
                break
            if offset < old_e:
                return new_s
        shift = new_e - old_e
    return offset + shift


# ---------------------------------------------------------------------------------------------------
# Walking the portfolio data


def _register_known(data: dict, registry: Registry, known_values, staff_names: bool) -> Known:
    known = Known()
    learner = data.get("learner") or {}
    cand = registry.candidate
    full = (learner.get("full_name") or "").strip()
    if full:
        registry.people[_norm(full)] = cand
        known.add(full, "name", cand)
        for part in full.split():
            if len(part) >= 2:
                known.add(part, "name_part", cand)
                registry.add_tokens(cand, [part.lower()])
    if learner.get("username"):
        u = learner["username"]
        known.add(u, "handle", cand)
        known.add("@" + u.lstrip("@"), "handle", cand)
    if learner.get("email"):
        known.add(learner["email"], "email", cand)

    def add_staff(name, role):
        if not name or not staff_names:
            return
        p = registry.person_for(name, role=role)
        known.add(name, "name", p)
        for part in name.split():
            if len(part) >= 3 and part.lower().strip(".") not in TITLES:
                known.add(part, "name_part", p)

    attempts = attempt_order(data.get("attempts"))
    for a in attempts:
        for m in a.get("moderations") or []:
            add_staff(m.get("by"), "Tutor")
        for f in a.get("tutor_feedback") or []:
            add_staff(f.get("by"), "Tutor")
        if a.get("assessor_signoff"):
            add_staff(a["assessor_signoff"].get("by"), "Assessor")
    for e in data.get("logbook") or []:
        for c in e.get("tutor_comments") or []:
            if isinstance(c, dict):
                add_staff(c.get("by"), "Tutor")

    def add_injected(values, author_names=(), scope_key=None):
        # Names first (so handles and emails can link to the person), then everything else.
        values = [v for v in values or [] if isinstance(v, str) and v.strip()]
        names = [v for v in values if _guess_kind(v) == "name"] + [n for n in author_names if n]
        persons = []
        for n in sorted(set(names), key=lambda n: (-len(n.split()), names.index(n))):
            # Full names first; a lone first name then belongs to this attempt's person who has it.
            parts = [t for t in re.split(r"[^a-zà-ÿ'’\-]+", n.lower()) if len(t) >= 2]
            local = next((q for q in persons if q.tokens & set(parts)), None)
            p = registry.person_for(n, person=local) if _norm(n) not in registry.people or local else registry.person_for(n)
            persons.append(p)
            known.add(n, "name", p)
            for part in n.split():
                if len(part) >= 2 and part.lower().strip(".") not in TITLES:
                    known.add(part, "name_part", p)
        for v in values:
            kind = _guess_kind(v)
            if kind == "name":
                continue
            person = None
            if kind in ("handle", "email"):
                bare = v.lstrip("@").split("@")[0].lower()
                parts = [p for p in re.split(r"[._\-\d]+", bare) if len(p) >= 3]
                person = next((p for p in persons if p.tokens & set(parts)), None)
                if person is None:   # "@sarahb", "joycesmith": a name part inside the handle
                    person = next((p for p in persons if any(len(t) >= 3 and t in bare for t in p.tokens)), None)
                if person is None and len(persons) == 1:
                    person = persons[0]
                if person is None and kind == "handle":
                    person = registry.person_for(v)
            if kind == "address":
                for line in re.split(r"[\n,]+", v):
                    if line.strip():
                        known.add(line.strip(), "address")
                        line_kind = _guess_kind(line.strip())
                        if line_kind == "postcode":
                            known.add(line.strip(), "postcode")
            known.add(v, kind, person)
            if kind == "handle":
                known.add(v.lstrip("@"), "handle", person)
            if person is not None and person not in persons:
                persons.append(person)
        if scope_key is not None:
            registry.scopes[scope_key] = persons

    for a in attempts:
        authors = [m.get("author_name") for m in a.get("messages") or [] if m.get("author") == "customer"]
        add_injected(a.get("injected_personal_data"), authors, scope_key=("attempt", str(a.get("id"))))
    for e in data.get("logbook") or []:
        # A simulated entry carries its attempt's conversation: its customers' persona names are known people too.
        authors = [m.get("author_name") for m in e.get("messages") or [] if m.get("author") == "customer"]
        add_injected(e.get("injected_personal_data"), authors, scope_key=("entry", id(e)))
    add_injected(list(known_values or ()))
    return known


PARTS = ("attempts", "logbook")


def anonymise(data, *, known_values=(), keep_values=(), staff_names: bool = True, parts=PARTS):
    """Return a copy of ``data`` with personal data replaced by consistent pseudonyms.

    ``data`` is a PortfolioData dict (or a :class:`portfolio.model.PortfolioData`; the same type comes
    back). ``known_values``: further exact strings to replace (e.g. names the caller knows).
    ``keep_values``: handles or names that are not personal (the brand's own account).
    ``staff_names``: also pseudonymise tutor/assessor names ("Tutor A", "Assessor A").
    ``parts``: the sections the document shows ("attempts", "logbook"); the others come back empty, and
    pseudonym letters and numbers are given in the order of what is shown, so each document starts at
    "Customer A" and "[phone 1]".

    Every string anywhere in the data is scrubbed except the values of the fields in ``SAFE_KEYS``
    (ids, levels, timestamps, hashes, enumerations). There is no way to mark input as already
    anonymised: the same data anonymised again only loses what is still personal.
    """
    out, _report = anonymise_with_report(data, known_values=known_values, keep_values=keep_values,
                                         staff_names=staff_names, parts=parts)
    return out


def anonymise_with_report(data, *, known_values=(), keep_values=(), staff_names: bool = True, parts=PARTS,
                          attempt_ids=None):
    """As :func:`anonymise`, also returning the report. ``attempt_ids``: scrub and keep only these attempts
    (every attempt's known values still count), for a document that shows one attempt."""
    from .model import PortfolioData

    as_model = isinstance(data, PortfolioData)
    raw = data.to_dict() if as_model else copy.deepcopy(data)
    raw = {k: v for k, v in raw.items() if not str(k).startswith("_")}   # no caller flag skips anything
    learner = raw.get("learner") or {}
    cand_label = f"Candidate {learner.get('candidate_number') or 'unknown'}"
    registry = Registry(cand_label)
    known = _register_known(raw, registry, known_values, staff_names)
    scrubber = Scrubber(registry, known, set(keep_values))

    def s(text):
        return scrubber.scrub(text)[0] if isinstance(text, str) else text

    def walk(value, key=None):
        if isinstance(value, str):
            return value if key in SAFE_KEYS else s(value)
        if isinstance(value, (list, tuple)):
            return [walk(v, key) for v in value]
        if isinstance(value, dict):
            return {(k if not isinstance(k, str) or SAFE_DICT_KEY.match(k) else s(k)): walk(v, k) for k, v in value.items()}
        return value

    # The learner block: only the candidate number and pseudonyms survive.
    raw["learner"] = {
        "username": registry.candidate.handle.lstrip("@"),
        "full_name": cand_label,
        "email": registry.candidate.email,
        "candidate_number": learner.get("candidate_number"),
    }
    for key in list(raw):
        if key not in ("learner", "attempts", "logbook"):
            raw[key] = walk(raw[key], key)
    attempts = attempt_order(raw.get("attempts"))
    if attempt_ids is not None:
        wanted = {str(i) for i in attempt_ids}
        attempts = [a for a in attempts if str(a.get("id")) in wanted]
    raw["attempts"] = [_anonymise_attempt(a, scrubber, walk) for a in attempts] if "attempts" in parts else []
    new_entries = []
    for e in (raw.get("logbook") or []) if "logbook" in parts else []:
        if e.get("messages"):   # an entry with its attempt's conversation: scrubbed as that attempt is
            new_entries.append(_anonymise_attempt(e, scrubber, walk, scope_key=("entry", id(e))))
        else:
            registry.scope = list(registry.scopes.get(("entry", id(e)), []))
            new_entries.append(_anonymise_entry(e, walk))
    raw["logbook"] = new_entries
    report = {
        "method": "portfolio.anonymise: exact known values, UK pattern rules, offline name gazetteer",
        "replaced": dict(sorted(registry.replaced.items())),
        "people": len({id(p) for p in registry.people.values() if p.label}),
    }
    if as_model:
        return PortfolioData.from_dict(raw), report
    return raw, report


def _anonymise_attempt(a: dict, scrubber: Scrubber, walk, scope_key=None) -> dict:
    """An attempt (or a logbook entry with an attempt's conversation, ``scope_key`` its scope): messages and the
    result's evidence spans remapped through the replacements, every other field walked (deny by default)."""
    key = scope_key if scope_key is not None else ("attempt", str(a.get("id")))
    scrubber.registry.scope = list(scrubber.registry.scopes.get(key, []))
    out = {}
    for k, v in a.items():   # every field, known or not, in document order (messages first)
        if k in ("messages", "result", "injected_personal_data"):
            continue
        out[k] = None
    new_messages, turn_spans = [], []
    for m in a.get("messages") or []:
        text, spans = scrubber.scrub(m.get("text") or "")
        if m.get("author") == "learner":
            turn_spans.append((m.get("text") or "", text, spans))
        new = {k: walk(v, k) for k, v in m.items() if k not in ("text", "author_name")}
        new["text"] = text
        if m.get("author") == "customer":
            new["author_name"] = walk(m.get("author_name")) if m.get("author_name") else "Customer"
        elif m.get("author") == "learner":
            new["author_name"] = scrubber.registry.candidate.label
        else:
            new["author_name"] = walk(m.get("author_name"))
        new_messages.append(new)
    out["messages"] = new_messages
    result = a.get("result")
    if isinstance(result, dict):
        crits = {}
        for key, c in (result.get("criteria") or {}).items():
            c = dict(c or {})
            ev = []
            for span in c.get("evidence") or []:
                span = dict(span)
                turn = span.get("turn") or 0
                if turn < len(turn_spans) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
                    _old, new_text, spans = turn_spans[turn]
                    span["start"] = remap_offset(span["start"], spans, is_end=False)
                    span["end"] = remap_offset(span["end"], spans, is_end=True)
                    span["text"] = new_text[span["start"]:span["end"]]
                    span = {k: (v if k in ("start", "end", "text") else walk(v, k)) for k, v in span.items()}
                else:
                    span = walk(span)
                ev.append(span)
            c = {k: walk(v, k) for k, v in c.items() if k != "evidence"}
            c["evidence"] = ev
            crits[walk(key) if not SAFE_DICT_KEY.match(str(key)) else key] = c
        # Everything else in the result (feedback, reactions, signals, whatever a scorer adds) is scrubbed too.
        result = {k: walk(v, k) for k, v in result.items() if k != "criteria"}
        result["criteria"] = crits
        out["result"] = result
    elif "result" in a:
        out["result"] = walk(result, "result")
    for k in list(out):
        if k not in ("messages", "result"):
            out[k] = walk(a[k], k)
    out["injected_personal_data"] = []
    return out


def _anonymise_entry(e: dict, walk) -> dict:
    e = walk(dict(e))
    e["injected_personal_data"] = []
    return e
