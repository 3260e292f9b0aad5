"""The text scrubber: every layer's hits in one string, resolved, replaced by pseudonyms; offsets remapped."""
from __future__ import annotations

import re
from functools import lru_cache

from .addresses import AddressRules
from .gazetteer import NOT_NAMES, gazetteer, word_like_names
from .hit import Hit
from .known import Known, _flex
from .names import NameRules
from .patterns import EMAIL_AT, PATTERNS, address_patterns, plausible, text_facts
from .pseudonyms import GRAM, Registry, _norm, _norm_value, _squash

OWN_PSEUDONYM = re.compile(r"^@?(?:customer|candidate|tutor|assessor|staff|account)[_.][a-z]+$", re.I)
IDENT_TOKEN = re.compile(r"(?<![\w@])[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+\b|(?<![\w@])[A-Za-z]+\d+[A-Za-z0-9]*\b")


@lru_cache(maxsize=16384)
def _known_value_re(flex: str) -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + flex + r")(?![\w])", re.I)


class Scrubber(AddressRules, NameRules):
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
        for n, (sq, _unused) in enumerate(alts):
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
