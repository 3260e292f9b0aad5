"""Anonymising a real interaction a learner logs from work, BEFORE it is saved.

`anonymise_interaction(customer, reply)` runs the portfolio package's anonymiser (exact values, UK pattern
rules, an offline name gazetteer, consistent pseudonyms such as "Customer A") over the texts as one logbook
entry. No anonymiser finds every name: the learner sees the preview and must confirm it.
(Named so that it does not shadow ``portfolio.anonymise``; the stand-in pattern anonymiser that used to be
its fallback is gone: the portfolio anonymiser is a plain-Python dependency of the app, and a failure there
is a bug to see, not a reason to save text anonymised by weaker rules.)
"""
from __future__ import annotations

import re

from portfolio import anonymise_with_report

NAME = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
NOT_NAMES = {"Team", "There", "All", "Everyone", "Again", "Very", "So", "For", "The", "Sorry", "Thanks", "You",
             "Customer", "Support", "Service", "Please", "Good", "Not", "Just", "Really", "Here", "Sure",
             "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"}


def anonymise_interaction(customer: str, reply: str) -> tuple[str, str, list[dict]]:
    """(customer, reply, replacements), through the portfolio package's anonymiser."""
    data = {"learner": {"username": "learner", "full_name": "Learner", "candidate_number": None},
            "attempts": [], "logbook": [{"id": 1, "kind": "real", "form": "short", "title": "interaction",
                                         "created_at": "2000-01-01T00:00", "customer_text": customer,
                                         "reply_text": reply, "reflection": {}, "performance_criteria": [],
                                         "tutor_comments": []}]}
    out, report = anonymise_with_report(data, staff_names=False)
    entry = out["logbook"][0]
    found = [{"kind": kind.replace("_", " "), "value": ""} for kind, n in report.get("replaced", {}).items()
             for _ in range(n)]
    texts = [_drop_trailing_surnames(entry["customer_text"], found),
             _drop_trailing_surnames(entry["reply_text"], found)]
    return texts[0], texts[1], found


PSEUDONYM_SURNAME = re.compile(rf"\b(Customer [A-Z]{{1,2}}) ({NAME})\b")


def _drop_trailing_surnames(text: str, found: list[dict]) -> str:
    """A capitalised word right after a pseudonym is the rest of the name the gazetteer did not know
    ("I'm Jo Bloggs" -> "I'm Customer A Bloggs"): drop it too."""
    def repl(m: re.Match) -> str:
        if m.group(2) in NOT_NAMES:
            return m.group(0)
        found.append({"kind": "name", "value": m.group(2)})
        return m.group(1)
    return PSEUDONYM_SURNAME.sub(repl, text)
