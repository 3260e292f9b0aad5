"""The customer's name in the reply (from the context, or found after a greeting or before a closing comma)."""
from __future__ import annotations

import re

from rubrics.cues.reply import Cues
from rubrics.detectors.base import Situation
from rubrics.lexicon import KNOWN_ACRONYMS, THEME_OF
from rubrics.text import stem

NAME_NOT = frozenset("there team all everyone everybody folks guys again for so to and you friend sir madam customer "
                     "valued the we our this that it again back thanks thank sorry please".split())
NAME_AFTER_GREETING_RE = re.compile(r"\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Hh]iya|[Dd]ear|[Mm]orning|[Aa]fternoon|[Ee]vening|"
                                    r"[Tt]hanks|[Tt]hank you|[Ss]orry|[Cc]heers|[Ww]elcome)\b,?\s+([A-Z][a-z]{1,15})\b")
NAME_BEFORE_PUNCT_RE = re.compile(r",\s*([A-Z][a-z]{1,15})\s*(?=[.!?]|$)|"
                                  r"\b(?:[Ss]orry|[Tt]hanks|[Aa]pologies)\b[^.!?,\n]{0,40}?\s([A-Z][a-z]{2,15})\s*(?=[.!?,])")


def _names(cues: Cues, sit: Situation) -> list[tuple[int, int]]:
    text = cues.r.masked
    if sit.customer_name:
        parts = [p for p in re.split(r"\s+", sit.customer_name.strip()) if len(p) > 1]
        pats = [re.escape(sit.customer_name.strip())] + [re.escape(p) for p in parts]
        found = []
        for p in pats:
            found += [(m.start(), m.end()) for m in re.finditer(r"\b" + p + r"\b", text, re.I)]
        if sit.customer_handle:
            h = sit.customer_handle if sit.customer_handle.startswith("@") else "@" + sit.customer_handle
            leading = {(s.start, s.end) for s in cues.r.leading_handles}
            found += [(s.start, s.end) for s in cues.r.handles if s.text.lower() == h.lower()
                      and (s.start, s.end) not in leading]
        return sorted(set(found))
    found = []
    for m in NAME_AFTER_GREETING_RE.finditer(text):
        if m.group(1).lower() not in NAME_NOT:
            found.append((m.start(1), m.end(1)))
    for m in NAME_BEFORE_PUNCT_RE.finditer(text):
        g = 1 if m.group(1) else 2
        w = m.group(g)
        if w.lower() not in NAME_NOT and w.upper() not in KNOWN_ACRONYMS and stem(w.lower()) not in THEME_OF:
            found.append((m.start(g), m.end(g)))
    return sorted(set(found))


def names_in(cues: Cues, sit: Situation) -> list[tuple[int, int]]:
    """The customer's name wherever the reply uses it (computed once per reply and context)."""
    return cues.memo(("names", sit.customer_name, sit.customer_handle), lambda: _names(cues, sit))
