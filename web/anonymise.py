"""Anonymising a real interaction a learner logs from work, BEFORE it is saved.

`anonymise_interaction(customer, reply)` uses the portfolio package's anonymiser (exact values, UK pattern
rules, an offline name gazetteer, consistent pseudonyms such as "Customer A"). If that package cannot be
used, it falls back to `anonymise`, the SIMPLE PATTERN-BASED ANONYMISER below (web layer, stand-in), which
replaces e-mail addresses, phone numbers, card and account numbers, order/reference numbers, postcodes,
@handles and names it can spot from context (greetings, "my name is", sign-offs, titles) with labelled
placeholders, BEFORE anything is saved. It cannot find every name: that is why the learner sees a preview
and must confirm. The portfolio package will offer a stronger anonymiser; swap it in here.
"""
from __future__ import annotations

import re

NAME = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("[email]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("[card number]", re.compile(r"\b(?:\d[ -]?){13,19}\b")),
    ("[phone]", re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){8,9}\d\b")),
    ("[postcode]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.I)),
    ("[order number]", re.compile(r"(?:#\s?[A-Z]{0,4}-?\d{4,}|\b[A-Z]{1,4}-?\d{5,}\b|\b\d{6,}\b)")),
    ("[handle]", re.compile(r"(?<![\w@])@\w{1,30}")),
)
NAME_CONTEXTS = (
    re.compile(rf"\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Mm]orning|[Aa]fternoon|[Ee]vening|[Tt]hanks|[Tt]hank you|"
               rf"[Cc]heers|[Ss]orry)[ ,]+({NAME})\b"),
    re.compile(rf"\b(?:[Mm]y name is|[Nn]ame's|I'm|I am|[Tt]his is|[Ss]peak(?:ing)? to)\s+({NAME}(?:\s+{NAME})?)"),
    re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+({NAME})"),
    re.compile(rf"(?:^|\s)[-~^]\s?({NAME}|[A-Z]{{2,3}})\s*$", re.M),
    re.compile(rf"(?:[Rr]egards|[Tt]hanks|[Cc]heers|[Bb]est),?\s*\n\s*({NAME})"),
)
NOT_NAMES = {"Team", "There", "All", "Everyone", "Again", "Very", "So", "For", "The", "Sorry", "Thanks", "You",
             "Customer", "Support", "Service", "Please", "Good", "Not", "Just", "Really", "Here", "Sure",
             "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"}


def find_names(text: str) -> set[str]:
    names = set()
    for pattern in NAME_CONTEXTS:
        for m in pattern.finditer(text):
            for part in m.group(1).split():
                if part not in NOT_NAMES and (len(part) > 1):
                    names.add(part)
    return names


def anonymise(*texts: str) -> tuple[list[str], list[dict]]:
    """Anonymise texts together (a name found in one is replaced in all). Returns (texts, replacements)."""
    found: list[dict] = []
    out = list(texts)
    for label, pattern in PATTERNS:
        for i, text in enumerate(out):
            for m in pattern.finditer(text):
                found.append({"kind": label.strip("[]"), "value": m.group(0)})
            out[i] = pattern.sub(label, text)
    for item in list(found):   # a value found in one text is replaced wherever else it appears
        for i, text in enumerate(out):
            out[i] = text.replace(item["value"], f"[{item['kind']}]")
    names = set()
    for text in out:
        names |= find_names(text)
    for name in sorted(names, key=len, reverse=True):
        rx = re.compile(rf"\b{re.escape(name)}\b")
        for i, text in enumerate(out):
            if rx.search(text):
                found.append({"kind": "name", "value": name})
            out[i] = rx.sub("[name]", text)
    return out, found


def anonymise_interaction(customer: str, reply: str) -> tuple[str, str, list[dict]]:
    """(customer, reply, replacements): the portfolio anonymiser, or the pattern-based one as a fallback."""
    try:
        from portfolio import anonymise_with_report
        data = {"learner": {"username": "learner", "full_name": "Learner", "candidate_number": None},
                "attempts": [], "logbook": [{"id": 1, "kind": "real", "form": "short", "title": "interaction",
                                             "created_at": "2000-01-01T00:00", "customer_text": customer,
                                             "reply_text": reply, "reflection": {}, "performance_criteria": [],
                                             "tutor_comments": []}]}
        out, report = anonymise_with_report(data, staff_names=False)
        entry = out["logbook"][0]
        found = [{"kind": kind.replace("_", " "), "value": ""} for kind, n in report.get("replaced", {}).items()
                 for _ in range(n)]
        return entry["customer_text"], entry["reply_text"], found
    except Exception:   # noqa: BLE001 - any failure there falls back to the simple patterns, never to no anonymising
        (c, r), found = anonymise(customer, reply)
        return c, r, found
