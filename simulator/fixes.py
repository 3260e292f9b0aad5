"""What fixes a customer's problem: a scenario's `fix` and whether a reply gives it.

A customer counts their problem as fixed only when a reply tells them the thing that fixes it (the update
that explains the orange light, the replacement for the dead air fryer), however kind the reply is. The
scenario says so in `fix`: a list of alternatives; an alternative is a list of terms that must all appear;
a term's options are separated by `|`, and each option matches at the start of a word, case-insensitively
(`replac` matches "replace", "replacement"; `next month|1st` matches either).

Pure and deterministic: the customer reads the reply's words, never the scorer's judgement of them.
"""
from __future__ import annotations

import re
from functools import lru_cache


def alternatives(spec) -> list[list[str]]:
    """The `fix` field as a list of alternatives, each a list of terms (a lone text is one term)."""
    if not spec:
        return []
    out = []
    for alt in spec:
        terms = [alt] if isinstance(alt, str) else list(alt)
        out.append([t for t in terms if isinstance(t, str) and t.strip()])
    return [alt for alt in out if alt]


@lru_cache(maxsize=1024)
def _term_re(term: str) -> re.Pattern:
    options = [re.escape(o.strip()).replace(r"\ ", r"\s+") for o in term.split("|") if o.strip()]
    return re.compile(r"(?<![\w])(?:" + "|".join(options) + ")", re.I)


def gives_fix(spec, text: str) -> bool:
    """Whether `text` holds every term of at least one alternative. No spec: nothing to fix, always true."""
    alts = alternatives(spec)
    if not alts:
        return True
    text = (text or "").replace("\u2019", "'")
    return any(all(_term_re(term).search(text) for term in alt) for alt in alts)


def problems(spec) -> list[str]:
    """What is wrong with a `fix` field's shape (for the scenario validator), in plain words."""
    if spec is None:
        return []
    if not isinstance(spec, list) or not spec:
        return ["should be a list of alternatives, e.g. `- [refund|replac]`"]
    out = []
    for i, alt in enumerate(spec):
        terms = [alt] if isinstance(alt, str) else alt
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            out.append(f"alternative {i + 1} should be a text or a list of texts")
        elif any(not any(o.strip() for o in t.split("|")) for t in terms):
            out.append(f"alternative {i + 1} has a term with no option between its `|`s")
    return out
