"""Names in a text: gazetteer names, known people's name parts, cued unknown words, lower-case names (a Scrubber mixin)."""
from __future__ import annotations

import re

from .gazetteer import CUE_BEFORE, MONTHS, NOT_NAMES, STRONG_CUE
from .hit import Hit

NAME_TOKEN = re.compile(r"[A-ZÀ-Ö][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]*(?:['’\-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*")


class NameRules:
    RANK = {"known": 5, "name": 4, "word": 3, "weak": 2, "head": 2, "cap": 1}

    def _name_hits(self, text: str) -> list[Hit]:
        """Runs of name-like capitalised tokens, each accepted or not by what it is made of and what is around it."""
        tokens = [(m.start(), m.end(), m.group(0)) for m in NAME_TOKEN.finditer(text)]
        flags = [self._token_flag(tok) for _s, _e, tok in tokens]
        out = []
        i = 0
        while i < len(tokens):
            if flags[i] is None or flags[i] == "tail":
                i += 1
                continue
            j = self._run_end(text, tokens, flags, i)
            run = list(range(i, j + 1))
            accept, cued = self._accept_run(text, tokens, flags, run)
            if accept:
                out.append(self._run_hit(text, tokens, flags, run, cued))
            i = j + 1
        return out + self._lowercase_name_hits(text)

    def _token_flag(self, tok: str) -> str | None:
        """What a capitalised token is: "known" (a known person's part), "name" (gazetteer), "word" (a name that is
        also a word), "weak" (a known part that is a never-a-name word), "head" (a month before a name), "tail"
        (a never-a-name word that is a surname after a first name), "cap" (an unknown capitalised word) or None."""
        base = re.sub(r"['’]s$", "", tok.lower().strip("'’"))
        best = None
        # Hyphenated and apostrophe names (Little-Robinson, O'Neill): the strongest part decides.
        for part in [base] + re.split(r"[-'’]", base):
            flag = self._part_flag(part, tok) if len(part) >= 2 else None
            if flag is not None and (best is None or self.RANK[flag] > self.RANK[best]):
                best = flag
        if tok.isupper() and len(tok) > 1 and best is None:
            return None
        if best is None and tok[0].isupper() and base not in NOT_NAMES and base not in self.common and len(base) >= 2:
            best = "cap"   # an unknown capitalised word: a name only next to a name or after a cue
        if best in (None, "head") and tok[0].isupper() and base in NOT_NAMES and base in self.lasts:
            best = best or "tail"  # "Page", "May": a surname only straight after a first name ("Jane Page")
        return best

    def _part_flag(self, part: str, tok: str) -> str | None:
        # Known names first, before the never-a-name list: a customer called June is June.
        if part in self.known_parts:
            return "weak" if part in self.known_weak else "known"
        if part in NOT_NAMES:
            # "June", "May": a first name only straight before another name ("June Johnson").
            return "head" if part in MONTHS and tok[0].isupper() and not tok.isupper() else None
        if part in self.firsts or part in self.lasts:
            return "word" if part in self.words or part in MONTHS else "name"
        return None

    @staticmethod
    def _run_end(text: str, tokens, flags, i: int) -> int:
        """The last token of the run of adjacent name-ish tokens from i (separated by spaces or one line break)."""
        j = i
        while j + 1 < len(tokens) and flags[j + 1] is not None:
            if flags[j + 1] == "tail" and flags[j] not in ("known", "name", "word", "weak", "head"):
                break
            gap = text[tokens[j][1]:tokens[j + 1][0]]
            if gap == "" or not re.fullmatch(r"[ \t]*\n?[ \t]*", gap):
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
        kinds = [flags[k] for k in run]
        strong = any(f in ("known", "name") for f in kinds)
        named_pair = sum(1 for f in kinds if f in ("known", "name", "word")) >= 2   # "Rose Day", "Bill Savage"
        only_unknown = all(f == "cap" for f in kinds)
        accept = (strong or named_pair or cued) and not (only_unknown and not strong_cue)
        if all(f in ("weak", "head", "tail") for f in kinds) and not named_pair:
            # A month-like word alone: a known person's name after a greeting or as a sign-off; else a month.
            signed = bool(re.search(r"(?:^|[,\n]|\s[-–—~])\s*$", before)) and not re.match(r"[ \t]*\w", after)
            accept = "weak" in kinds and (strong_cue or signed)
        if accept and len(run) == 1 and kinds[0] == "name" and not cued and self._reads_as_word(text, tokens[i], after):
            accept = False
        return accept, cued

    def _run_hit(self, text: str, tokens, flags, run: list, cued: bool) -> Hit:
        # Drop unknown capitalised words at the start of a run when nothing cues them.
        while len(run) > 1 and flags[run[0]] == "cap" and not cued:
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

