"""The text scrubber: every layer's hits in one string, resolved, replaced by pseudonyms; offsets remapped."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .addresses import AddressRules
from .gazetteer import NOT_NAMES, fold, gazetteer, lower_words, word_like_names
from .hit import Hit
from .known import Known, _flex
from .names import NameRules
from .patterns import (
    EMAIL_AT,
    PATTERNS,
    SPACED_NUMBER,
    address_patterns,
    plausible,
    text_facts,
    value_span,
)
from .pseudonyms import DIGIT_KINDS, GRAM, Registry, _norm, _norm_value, _squash

# A string this short may be a quote cut from a longer text; its tokens are checked against known identifiers.
QUOTE_MAX = 160
FRAGMENT_KINDS = frozenset(
    "email handle phone order_ref number card bank_details account_number nhs_number ni_number url".split())
QUOTE_EDGE = re.compile(r"[“”\"‘«»…]|\.\.\.")   # (not ' or ’: those are mostly apostrophes)
FRAGMENT_TOKEN = re.compile(r"(?<![\w@.])[\w.@+\-']{5,}")
PARTIAL_EMAIL = re.compile(r"[\w.%+\-']+@[\w\-]*(?:\.[\w\-]*)*")
OWN_PSEUDONYM = re.compile(r"^@?(?:customer|candidate|tutor|assessor|staff|account)[_.][a-z]+$", re.I)
IDENT_TOKEN = re.compile(r"(?<![\w@])[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+\b|(?<![\w@])[A-Za-z]+\d+[A-Za-z0-9]*\b")


@lru_cache(maxsize=16384)
def _known_value_re(flex: str) -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + flex + r")(?![\w])", re.I)


class Scrubber(AddressRules, NameRules):
    def __init__(self, registry: Registry, known: Known, keep: set):
        self.registry = registry
        self._text_people: list = []
        self._flag_cache: dict = {}    # token -> what it is (names.NameRules)
        self._lower_cache: dict = {}
        self._start_cache: dict = {}
        self.year = date.today().year   # dates of birth: a full date at least 12 years ago
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
            key = _norm_value(kind, value) if kind in DIGIT_KINDS else _norm(value)
            if key in self.known_lookup:
                continue
            self.known_lookup[key] = (kind, person)
            alts.append((_squash(value), _flex(value), (kind, person)))
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
                # As typed, and without accents or apostrophe: "Siobhán" is "siobhan", "O'Neill" is "oneill".
                forms = {value.lower(), fold(value), fold(value).replace("'", "")}
                self.known_parts |= forms
                self.known_names |= forms
                registry.add_tokens(person, sorted(forms))
        # Known name parts that are also never-a-name words (June, May): names only with support.
        self.known_weak = {p for p in self.known_parts if p in NOT_NAMES}
        self.word_like = word_like_names()
        self.lower_words = lower_words()
        # One small pattern per known value, found through an index of its letters and digits: one alternation
        # of thousands of values made every string cost O(values), so a 500-attempt portfolio was quadratic.
        # Compiled on first use and shared across documents (_known_value_re): most values never occur in
        # most strings, and compiling every one for each export cost 0.4 s at 100 attempts.
        self.known_flex = [flex for _sq, flex, _meta in alts]
        self.known_meta = [meta for _sq, _flex, meta in alts]   # what each value is, however it is typed
        self.known_index: dict[str, list[int]] = {}
        known_short: list[int] = []
        for n, (sq, _unused, _meta) in enumerate(alts):
            if len(sq) >= GRAM:
                self.known_index.setdefault(sq[:GRAM], []).append(n)
            else:
                known_short.append(n)
        self.known_short = frozenset(known_short)
        self.known_keys = [sq for sq, _f, _m in alts]
        # Identifiers the app knows, squashed and joined: a cut quote's fragment of one ("siobhan.oneill@gm", "0770090")
        # is found in it (_fragment_hits).
        self.known_blob = "\x00".join(sq for sq, _f, (kind, _p) in alts if kind in FRAGMENT_KINDS)
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
                kind, person = self._known_for(value) or self.known_meta[n]
                if kind == "name" and len(value.split()) == 1:
                    # A lone first name or surname: the person of this attempt who has it, if any.
                    person = self.registry.owner([value.lower()]) or person
                found.append(Hit(m.start(), m.end(), kind, value, person, priority=3))
        facts = text_facts(text)
        known_hits = len(found)
        for kind, rx, needs in PATTERNS:
            if needs and needs not in facts:
                continue
            for m in rx.finditer(text):
                start, end = value_span(m)
                value = text[start:end]
                if kind == "handle" and (OWN_PSEUDONYM.match(value) or _norm(value) in self.keep):
                    continue
                if kind == "url" and not self._url_identifies(value):
                    continue
                if kind == "email" and not re.search("[@＠]", value) and self._everyday_local(value):
                    continue
                if not plausible(kind, value, m, self.year):
                    continue
                found.append(Hit(start, end, kind, value, priority=1 if rx is SPACED_NUMBER else 2))
        self._relabel_known(found[:known_hits], found[known_hits:])
        found += self._address_hits(text, "digit" in facts, any(h.kind == "postcode" for h in found))
        found += self._identifier_hits(text)
        if len(text) <= QUOTE_MAX and (len(text) <= 40 or QUOTE_EDGE.search(text)):
            found += self._fragment_hits(text)
        found += self._name_hits(text)
        return _resolve(found)

    def _known_for(self, value: str):
        for key in (_norm(value),) + tuple(_norm_value(k, value) for k in ("phone", "order_ref")):
            if key in self.known_lookup:
                return self.known_lookup[key]
        return None

    def _fragment_hits(self, text: str) -> list[Hit]:
        """In a short string (a quote the scorer cut from a reply, a title): a token that is a piece of a known
        identifier, or an e-mail cut before its domain ends ("siobhan.oneill@gm"), is that identifier."""
        out = []
        for m in FRAGMENT_TOKEN.finditer(text):
            if not (m.start() <= 1 or m.end() >= len(text) - 1
                    or QUOTE_EDGE.search(text[max(0, m.start() - 2):m.start()]) or QUOTE_EDGE.match(text, m.end())):
                continue   # only at a quote's edge: where a cut can fall
            token = m.group(0).strip(".-'")
            if token.isalpha() or not (any(c.isdigit() for c in token) or "@" in token or "." in token or "_" in token):
                continue   # a plain word is no piece of an identifier
            sq = _squash(token)
            if "@" in token and PARTIAL_EMAIL.fullmatch(token):   # (any cut email, known or not)
                out.append(Hit(m.start(), m.start() + len(token), "email", token, priority=1))
            elif len(sq) >= 6 and self.known_blob and (any(c.isdigit() for c in sq) or re.search(r"[._@]", token)) \
                    and sq in self.known_blob:
                n = next(i for i, key in enumerate(self.known_keys) if sq in key)
                kind, person = self.known_meta[n]
                out.append(Hit(m.start(), m.start() + len(token), kind, token, person, priority=3))
        return out

    @staticmethod
    def _relabel_known(known: list[Hit], patterns: list[Hit]) -> None:
        """A known value the app could only call a number ("4821", injected as a card's last four) takes the kind a
        pattern gives the same text ("card ending 4821" -> card number), so the label says what was removed."""
        by_span = {(h.start, h.end): h.kind for h in patterns}
        for h in known:
            better = by_span.get((h.start, h.end))
            if h.person is None and h.kind in ("order_ref", "number") and better not in (None, "order_ref", "number"):
                h.kind = better

    def _everyday_local(self, email: str) -> bool:
        """A written-out email whose local part is one everyday word that is not also a name ("looked at gmail",
        but not "gross at gmail.com"): not an email."""
        local = EMAIL_AT.split(email, maxsplit=1)[0].lower()
        if not local.isalpha() or local in self.firsts or local in self.lasts:
            return False
        # "updates at ...", "posted at ...": an everyday word with its ending
        return any(w in self.common for w in (local, local[:-1], local[:-2], local[:-3]) if len(w) >= 3)

    def _url_identifies(self, url: str) -> bool:
        low = url.lower()
        if "?" in low or "#" in low or re.search(r"/[^/]*\d", low):
            return True
        if re.search(r"(twitter|x|facebook|fb|instagram|tiktok|linkedin|threads|youtube)\.(com|net)/", low):
            return True
        return any(self._is_name_word(part) for part in re.split(r"[/._\-]+", low))

    def _is_name_word(self, word: str) -> bool:
        w = word.lower()
        return len(w) >= 3 and (w in self.known_names or ((w in self.firsts or w in self.lasts)
                                                          and w not in self.words and w not in NOT_NAMES))

    def _identifier_hits(self, text: str) -> list[Hit]:
        out = []
        for m in IDENT_TOKEN.finditer(text):
            token = m.group(0)
            if OWN_PSEUDONYM.match(token) or "." in token and re.fullmatch(r"[\w\-]+\.(?:com|co\.uk|uk|org|net)", token,
                                                                           re.I):
                continue
            pieces = [p for p in re.split(r"[._\d]+", token.lower()) if p]
            named = any(self._is_name_word(p) or any(k in p for k in self.known_names if len(k) >= 4) for p in pieces)
            if named:
                out.append(Hit(m.start(), m.end(), "handle", token, priority=1))
        return out

    # -- replacement ------------------------------------------------------------------------------
    def replacement(self, hit: Hit) -> str:
        reg = self.registry
        reg.replaced[hit.kind] = reg.replaced.get(hit.kind, 0) + 1
        person = hit.person
        if hit.kind == "initials":
            return reg.initials_for(hit.text)
        if hit.kind in ("name", "handle", "email") and person is None:
            if hit.kind == "name":
                person = reg.person_for(hit.text)
            elif hit.kind == "handle":
                bare = hit.text.lstrip("@")
                parts = [p for p in re.split(r"[._\d]+", bare.lower()) if len(p) >= 3]
                person = reg.person_for(hit.text, person=reg.owner(parts) or self._contact_owner(bare))
            else:
                local = EMAIL_AT.split(hit.text, maxsplit=1)[0].lower()
                parts = [p for p in re.split(r"[\W_\d]+|\bdot\b", local) if len(p) >= 3]
                person = reg.owner(parts) or self._contact_owner(local)
                if person is None:
                    return reg.value_for("email", hit.text)
        if person is not None:
            person = reg.named(person)
            if person not in reg.scope:
                # later lone first names in this item prefer people already named in it
                reg.scope = reg.scope + [person]
            if hit.kind == "handle":
                return person.handle if hit.text.startswith("@") else person.handle.lstrip("@")
            if hit.kind == "email":
                return person.email
            return person.label
        return reg.value_for(hit.kind, hit.text)

    def _contact_owner(self, contact: str):
        """The person a handle or e-mail belongs to when it has a name part of someone named in the same text or
        item inside it ("Jo Bloggs (@jbloggs99)"): one person, "Customer A (@customer_a)", not two."""
        flat = re.sub(r"[^a-z]", "", fold(contact))
        for person in self._text_people + self.registry.scope:
            if any(len(t) >= 3 and re.sub(r"[^a-z]", "", t) in flat for t in person.tokens if re.sub(r"[^a-z]", "", t)):
                return person
        return None

    def scrub(self, text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
        """Return the scrubbed text and the replaced spans as (old_start, old_end, new_start, new_end)."""
        if not text:
            return text, []
        hits = self.hits(text)
        # People first, wherever they are in the text, so a handle before the name still finds its person.
        self._text_people = []
        for hit in hits:
            if hit.kind == "name":
                hit.person = hit.person or self.registry.person_for(hit.text)
                self._text_people.append(hit.person)
        out, spans, pos, shift = [], [], 0, 0
        for hit in hits:
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
