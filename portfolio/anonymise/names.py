"""Names in a text: gazetteer names, known people's name parts, cued unknown words, lower-case names (a Scrubber
mixin)."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from .gazetteer import (
    ACRONYMS,
    CUE_BEFORE,
    FORM_SURNAME,
    LOWER_WORDS_EXTRA,
    MONTHS,
    NOT_FORM_NAMES,
    NOT_NAMES,
    PARTICLES,
    SHORT_SURNAMES,
    STRONG_CUE,
    SURNAME_AFTER,
    english_word,
    fold,
)
from .hit import Hit

if TYPE_CHECKING:
    from .pseudonyms import Registry

NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž\u0300-\u036fḀ-ỿ]*"
                        r"(?:['’\-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž\u0300-\u036fḀ-ỿ]+)*")
# "Don't", "Can't", "Shouldn't", "I'll", "We're": a word and its contraction, never a name ("Don" is a name).
CONTRACTION = re.compile(r".+(?:n['’]t|['’](?:ll|re|ve|d|m|t))$", re.I)
# A particle between two name tokens: "Rhys ap Gwilym", "Stella Ó Hanrachtaigh" (see gazetteer.PARTICLES).
PARTICLE_GAP = re.compile(r"[ \t]+(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")[ \t]+$", re.I)


def non_latin_runs(text: str) -> list[tuple[int, int]]:
    """Words in a script other than Latin ("नेहा मालिक", "王伟", "Олена Коваль"), up to four together: in an English
    exchange, a name or a personal detail. Letters with their combining marks (Devanagari vowel signs)."""
    def letter(c: str) -> bool:
        return (c.isalpha() or unicodedata.category(c).startswith("M")) and not (
            "a" <= c.lower() <= "z" or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff")
    spans, i, n = [], 0, len(text)
    while i < n:
        if not letter(text[i]) or (i and (text[i - 1].isalnum())):
            i += 1
            continue
        start, words = i, 0
        while i < n and words < 4:
            while i < n and (letter(text[i]) or text[i] in "’'-"):
                i += 1
            words += 1
            j = i
            while j < n and text[j] in " \t":
                j += 1
            if j < n and j > i and letter(text[j]) and words < 4:
                i = j
                continue
            break
        end = i
        while end > start and text[end - 1] in "’'-":
            end -= 1
        tail = re.match(r"-[A-Z][\w']*", text[end:])   # "चोपरा-Ho": a name whose other half is in Latin letters
        spans.append((start, end + (tail.end() if tail else 0)))
    return spans
# "DMing", "PDFs", "URLs", "iPhone": capitals then lower case inside a word are no name (Mc/Mac/O' are, see
# FORM_SURNAME).
INNER_CAPITALS = re.compile(r"^[A-Z]{2,}[a-z]+$")
# Words that never continue a lower-case name ("mhairi will call", "priya and i").
FUNCTION_WORDS = frozenset("""and or but if so as at by for from in into of on to with without about after before
the a an my your our his her their its this that these those not no yes just also only even still very too
then""".split())


def _strip_s(word: str) -> str:
    """Without a possessive 's ("Mhairi's" -> "Mhairi")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


class NameRules:
    # Set by Scrubber.__init__ (this class is its mixin): the gazetteer, the known people, per-scrubber caches.
    registry: Registry
    firsts: frozenset[str]
    lasts: frozenset[str]
    words: frozenset[str]
    common: frozenset[str]
    known_parts: set[str]
    known_weak: set[str]
    word_like: frozenset[str]
    lower_words: frozenset[str]
    _flag_cache: dict[str, str | None]
    _lower_cache: dict[str, str | None]
    _start_cache: dict[str, tuple[str | None, bool]]

    RANK = {"known": 5, "name": 4, "word": 3, "weak": 2, "head": 2, "cap": 1, "shout": 1}

    def _name_hits(self, text: str) -> list[Hit]:
        """Runs of name-like capitalised tokens, each accepted or not by what it is made of and what is around it."""
        tokens = [(m.start(), m.end(), m.group(0)) for m in NAME_TOKEN.finditer(text)]
        flags = [self._token_flag(tok) for _s, _e, tok in tokens]
        out = []
        i = 0
        while i < len(tokens):
            if flags[i] in (None, "tail", "particle"):
                i += 1
                continue
            j = self._run_end(text, tokens, flags, i)
            run = list(range(i, j + 1))
            accept, cued = self._accept_run(text, tokens, flags, run)
            if accept and i and flags[i - 1] == "tail" and len(tokens[i - 1][2]) == 2 and tokens[i - 1][2] != "Do" \
                    and text[tokens[i - 1][1]:tokens[i][0]] == " " and flags[i] in ("known", "name"):
                run.insert(0, i - 1)   # "Na Kang", "LI XIA": a two-letter name straight before a name is part of it
            if accept:
                out.append(self._run_hit(text, tokens, flags, run, cued))
            i = j + 1
        if not text.isascii():
            out += [Hit(s, e, "name", text[s:e], None, priority=1) for s, e in non_latin_runs(text)]
        return out + self._lowercase_name_hits(text)

    def _token_flag(self, tok: str) -> str | None:
        """Cached per scrubber (what a token is depends only on the token and the known people)."""
        cache = self._flag_cache
        if tok not in cache:
            cache[tok] = self._token_flag_uncached(tok)
        return cache[tok]

    def _token_flag_uncached(self, tok: str) -> str | None:
        """What a capitalised token is: "known" (a known person's part), "name" (gazetteer), "word" (a name that is
        also a word), "weak" (a known part that is a never-a-name word), "head" (a month before a name), "tail"
        (a never-a-name word that is a surname after a first name), "cap" (an unknown capitalised word) or None."""
        base = _strip_s(tok.lower().strip("'’"))
        if CONTRACTION.match(base) or (INNER_CAPITALS.match(tok) and not FORM_SURNAME.match(tok)):
            return None
        if "-" in tok and not tok.isupper() and any(p[:1].islower() for p in tok.split("-")):
            return None   # "Over-the-top", "Follow-up": a hyphenated name has a capital on every part
        if base in PARTICLES and not (tok.isupper() and len(tok) > 2):
            return "particle"
        if base in SHORT_SURNAMES and not self._known(base):
            return "tail"
        best = None
        # Hyphenated and apostrophe names (Little-Robinson, O'Neill): the strongest part decides.
        for part in [base] + re.split(r"[-'’]", base):
            flag = self._part_flag(part, tok) if len(part) >= 2 else None
            if flag is not None and (best is None or self.RANK[flag] > self.RANK[best]):
                best = flag
        if best not in ("known", "name") and FORM_SURNAME.match(tok) and base not in NOT_FORM_NAMES:
            best = "name"   # MacGillivray, McCrindle, O'Neill: a surname by its form
        if tok.isupper() and len(tok) == 2 and best == "name":
            return "tail"   # "QING NG": two capitals are a surname only straight after a name
        if tok.isupper() and len(tok) > 2 and best is None and base not in ACRONYMS and base not in self.common:
            return "shout"  # "NELA GRUSZCZYK": an unknown shouted word, a name only next to a name
        if tok.isupper() and len(tok) > 1 and (best is None
                                               or (best != "known" and (len(tok) <= 2 or base in ACRONYMS))):
            # capitals that are no name, and two capitals ("NI", "LI") that are initials or an abbreviation
            return None
        if best is None and tok[0].isupper() and base not in NOT_NAMES and base not in self.common and len(base) >= 2:
            best = "cap"   # an unknown capitalised word: a name only next to a name or after a cue
        if best in (None, "head") and tok[0].isupper() and base in NOT_NAMES and base in self.lasts:
            best = best or "tail"  # "Page", "May": a surname only straight after a first name ("Jane Page")
        return best

    def _known(self, part: str) -> str | None:
        """The known name part a token part is, as typed or without accents or apostrophe ("Siobhán", "ONeill")."""
        for form in (part, fold(part), fold(part).replace("'", "")):
            if form in self.known_parts:
                return form
        return None

    def _part_flag(self, part: str, tok: str) -> str | None:
        # Known names first, before the never-a-name list: a customer called June is June.
        known = self._known(part)
        if known:
            return "weak" if known in self.known_weak else "known"
        if part in NOT_NAMES:
            # "June", "May": a first name only straight before another name ("June Johnson").
            return "head" if part in MONTHS and tok[0].isupper() and not tok.isupper() else None
        part = fold(part)   # "Siobhán", "Oisín", "Małgorzata": the gazetteer holds each name without accents too
        if part in self.firsts or part in self.lasts:
            return "word" if part in self.words or part in MONTHS else "name"
        return None

    def _run_end(self, text: str, tokens, flags, i: int) -> int:
        """The last token of the run of adjacent name-ish tokens from i (separated by spaces or one line break)."""
        j = i
        while j + 1 < len(tokens) and flags[j + 1] is not None:
            if flags[j + 1] == "particle":
                # "Stella Ó Hanrachtaigh", "Ruud van Dijk": a particle joins a name to the capitalised word after it.
                spaced = j + 2 < len(tokens) and all(re.fullmatch(r"[ \t]+", text[tokens[k][1]:tokens[k + 1][0]])
                                                     for k in (j, j + 1))
                if spaced and flags[j] in ("known", "name", "word", "head") and flags[j + 2] not in (None, "particle"):
                    j += 2
                    continue
                short = tokens[j + 1][2].lower()
                if flags[j] in ("known", "name", "word") and (short in SHORT_SURNAMES or fold(short) in self.lasts):
                    j += 1   # "Deniz Le", "Jun Du": a short surname that is also a particle, at the end of a name
                    continue
                break
            if flags[j + 1] == "tail" and flags[j] not in ("known", "name", "word", "weak", "head"):
                break
            gap = text[tokens[j][1]:tokens[j + 1][0]]
            if gap == "" or not re.fullmatch(r"[ \t]*\n?[ \t]*", gap):
                # "Rhys ap Gwilym": a lower-case particle between two name tokens joins them.
                if not (PARTICLE_GAP.fullmatch(gap + " ") and flags[j] in ("known", "name", "word", "head")
                        and flags[j + 1] in ("known", "name", "cap", "word")):
                    break

            j += 1
        return j

    def _accept_run(self, text: str, tokens, flags, run: list) -> tuple[bool, bool]:
        """(is the run a name, is it cued by a greeting or title before it)."""
        i = run[0]
        before = text[max(0, tokens[i][0] - 40):tokens[i][0]]
        after = text[tokens[run[-1]][1]:tokens[run[-1]][1] + 40]
        cued = bool(CUE_BEFORE.search(before))
        strong_cue = bool(STRONG_CUE.search(before))
        kinds = [flags[k] for k in run if flags[k] != "particle"]
        strong = any(f in ("known", "name") for f in kinds) or any(flags[k] == "particle" for k in run)
        # "Rose Day", "Bill Savage", "Toby Page" (a surname that is a word, after a name that is a word)
        named_pair = (sum(1 for f in kinds if f in ("known", "name", "word"))
                      + (kinds[-1] == "tail" and len(kinds) > 1) >= 2)
        only_unknown = all(f in ("cap", "shout") for f in kinds)
        accept = (strong or named_pair or cued) and not (only_unknown and (not strong_cue or "shout" in kinds))
        if (not accept and all(f in ("word", "head", "tail", "name") for f in kinds)
                and self._vocative(text, tokens[i], tokens[run[-1]])):
            accept = True   # "Norman, I completely understand", "June Mason, ...": a name opening a reply, then a comma
        if all(f in ("weak", "head", "tail") for f in kinds) and not named_pair:
            # A month-like word alone: a known person's name after a greeting or as a sign-off; else a month.
            signed = bool(re.search(r"(?:^|[,\n]|\s[-–—~])\s*$", before)) and not re.match(r"[ \t]*\w", after)
            accept = "weak" in kinds and (strong_cue or signed)
        if accept and len(run) == 1 and kinds[0] == "name" and not cued and self._reads_as_word(text, tokens[i], after):
            accept = False
        return accept, cued

    @staticmethod
    def _vocative(text: str, first, last) -> bool:
        return bool(re.search(r"(?:^|\n)[ \t]*$", text[:first[0]])) and text[last[1]:last[1] + 1] == ","

    def _run_hit(self, text: str, tokens, flags, run: list, cued: bool) -> Hit:
        # Drop unknown capitalised words at the start of a run when nothing cues them.
        while len(run) > 1 and flags[run[0]] in ("cap", "shout") and not cued:
            run = run[1:]
        s, e = tokens[run[0]][0], tokens[run[-1]][1]
        value = text[s:e]
        if value.lower().endswith(("'s", "’s")):
            e -= 2
            value = text[s:e]
        return Hit(s, e, "name", value, self._run_person(tokens, flags, run), priority=1)

    def _run_person(self, tokens, flags, run: list):
        """The known person a run names, if every part of it is theirs."""
        person = None
        for k in run:
            for part in [tokens[k][2].lower()] + re.split(r"[-'’]", tokens[k][2].lower()):
                part = self._known(_strip_s(part))
                if part:
                    person = self.registry.owner([part])
                    break
            if person:
                break
        if person is not None and len(run) > 1:
            # "Victor Fox" is not the known "Faith Fox": a full name is that person only if every part is theirs.
            parts = [_strip_s(tokens[k][2].lower()) for k in run if flags[k] not in ("cap", "shout", "particle")]
            if not all((self._known(p) or p) in person.tokens for p in parts):
                person = None
        return person

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
        return nxt is not None and nxt.group(1) not in self.SUBJECT_VERBS and not nxt.group(1).startswith(("'", "’"))

    LOWER_TOKEN = re.compile(r"(?<![\w@.\-])[a-zà-ÿā-žḁ-ỿ][a-zà-ÿā-žḁ-ỿ\u0300-\u036f'’\-]*[a-zà-ÿā-žḁ-ỿ](?![\w@])")
    LOWER_STOP = frozenset(
        "mate all everyone team guys folks there again so much both sir madam love pal buddy".split())

    def _lower_kind(self, base: str) -> str | None:
        cache = self._lower_cache
        if base not in cache:
            cache[base] = self._lower_kind_uncached(base)
        return cache[base]

    def _lower_kind_uncached(self, base: str) -> str | None:
        """A lower-case token: "known" (a known person's part), "name" (a name that is no everyday word: "mhairi",
        "okonkwo", "oneill", "mccrindle"), "gaz" (a name that is also a word: only after a greeting) or None."""
        everyday = (base in self.common or base in NOT_NAMES or base in self.LOWER_STOP or base in LOWER_WORDS_EXTRA
                    or base in ACRONYMS or bool(CONTRACTION.match(base)))
        if self._known(base):
            return "known" if not everyday else "gaz"
        folded = fold(base)
        if len(base) < 3 or base in NOT_NAMES or base in self.LOWER_STOP or base in ACRONYMS or CONTRACTION.match(base):
            return None
        if everyday:   # "min", "nan": a name only after a greeting ("Regards, min meng"); "hope", "will" never alone
            return "gaz" if base in LOWER_WORDS_EXTRA and (folded in self.firsts or folded in self.lasts) else None
        if folded in self.firsts or folded in self.lasts or FORM_SURNAME.match(base) or self._prefixed_surname(folded):
            return "name" if folded not in self.lower_words else "gaz"
        return None

    def _before_name(self, text: str, end: int, nxt) -> bool:
        """Straight before a lower-case name, or before a Gaelic or Welsh particle."""
        gap = text[end:nxt[0]]
        if gap.strip(" \t") == "":
            return bool(gap) and self._lower_kind(_strip_s(nxt[2])) in ("known", "name")
        return bool(PARTICLE_GAP.fullmatch(gap + " ")) and gap.split()[0].lower() in SURNAME_AFTER

    def _prefixed_surname(self, word: str) -> bool:
        """"macwalsh", "mco'brien", "fitzroy": Mac, Mc, O' or Fitz before a gazetteer name."""
        m = re.match(r"(?:mac|mc|o'|fitz)(?:o')?([a-z']{3,})$", word)
        return m is not None and (m.group(1) in self.lasts or m.group(1) in self.firsts) and word not in self.common

    def _lowercase_name_hits(self, text: str) -> list[Hit]:
        """Names typed in lower case ("thanks priya", "hi sarah jones", "(siobhan, oneill, okonkwo)"): a known
        person's name part or a gazetteer name that is not an everyday word, anywhere; a name that is also a word
        ("will", "rose") only straight after a greeting."""
        # Particles ("ap", "van", "bin") are not tokens here: they are read in the gaps between names.
        tokens = [(m.start(), m.end(), m.group(0)) for m in self.LOWER_TOKEN.finditer(text)
                  if m.group(0) not in PARTICLES]
        out, i = [], 0
        cache = self._start_cache
        while i < len(tokens):
            s, e, tok = tokens[i]
            start = cache.get(tok)
            if start is None:   # (kind, named): what the token is, and whether it is a gazetteer name at all
                base = _strip_s(tok)
                kind = self._lower_kind(base)
                start = cache[tok] = (kind, kind == "gaz" or (kind is None and len(base) >= 3 and (
                    fold(base) in self.firsts or fold(base) in self.lasts)))
            kind, named = start
            if not named and kind is None:
                i += 1
                continue
            base = _strip_s(tok)
            if kind not in ("known", "name"):
                if named and i + 1 < len(tokens) and self._before_name(text, e, tokens[i + 1]):
                    kind = "name"   # "johnny mcnea", "simon ap jeremy": a name that is also a word, before a name
                elif kind != "gaz" or not STRONG_CUE.search(text[max(0, s - 40):s]):
                    i += 1
                    continue
            run = [i]
            while i + 1 < len(tokens):
                gap = text[tokens[i][1]:tokens[i + 1][0]]
                particle = PARTICLE_GAP.fullmatch(gap + " ")
                nb = _strip_s(tokens[i + 1][2])
                # After a name: a name, a surname that is also a word ("sinéad martin", "timothy young"), or any word
                # after a Gaelic or Welsh particle ("maeve ó donndhubhartaigh").
                follows = (self._lower_kind(nb) in ("known", "name")
                           or (kind in ("known", "name") and nb not in NOT_NAMES and nb not in self.LOWER_STOP
                               and nb not in self.SUBJECT_VERBS and nb not in FUNCTION_WORDS
                               and (fold(nb) in self.lasts or (len(run) == 1 and fold(base) in self.firsts
                                                                and not english_word(nb) and nb not in self.common)))
                           or (particle and gap.split()[0].lower() in SURNAME_AFTER))
                if (re.fullmatch(r"[ \t]+", gap) or particle) and follows:
                    i += 1
                    run.append(i)
                else:
                    break
            s, e = tokens[run[0]][0], tokens[run[-1]][1]
            value = text[s:e]
            if value.endswith(("'s", "’s")):
                e -= 2
                value = text[s:e]
            person = next((self.registry.owner([self._known(_strip_s(tokens[k][2]))]) for k in run
                           if self._known(_strip_s(tokens[k][2]))), None)
            out.append(Hit(s, e, "name", value, person, priority=1))
            i += 1
        return out
