"""Anonymising a real interaction a learner logs from work, BEFORE anything is saved.

Everything the learner typed (the customer's message, their reply, the title, the reflection) goes through the
portfolio package's anonymiser as ONE logbook entry, so a person keeps one pseudonym across all of it ("Customer A"
and "@customer_a", never "Customer A (@customer_b)"), and the learner's own name, username, e-mail and sign-off
initials become their candidate label. The learner sees the preview and must confirm it: no anonymiser finds
every name.

The reply is judged on the ORIGINAL text (held only in the request, never stored): anonymised text would hide what
the scorer must see (an e-mail address in a public reply is a data-protection failure; "Customer A" is not the
customer's name). `anonymise_with_result` anonymises the scorer's result with the texts, so its evidence spans
point into the stored reply and its feedback names nobody.

(Named so that it does not shadow ``portfolio.anonymise``; the stand-in pattern anonymiser that used to be its
fallback is gone: the portfolio anonymiser is a plain-Python dependency of the app, and a failure there is a bug to
see, not a reason to save text anonymised by weaker rules.)
"""
from __future__ import annotations

import re

from portfolio import anonymise_with_report

TEXT_FIELDS = ("customer", "reply", "title", "went_well", "even_better_if", "next")
REFLECTION_FIELDS = ("went_well", "even_better_if", "next")
NAME = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
NOT_NAMES = {"Team", "There", "All", "Everyone", "Again", "Very", "So", "For", "The", "Sorry", "Thanks", "You",
             "Customer", "Support", "Service", "Please", "Good", "Not", "Just", "Really", "Here", "Sure",
             "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"}


def _learner(learner) -> dict:
    if learner is None:
        return {"username": "learner", "full_name": "Learner", "candidate_number": None}
    return {"username": learner.username, "full_name": learner.full_name, "email": learner.email,
            "candidate_number": learner.candidate_number}


def _entry(texts: dict, original: dict, result: dict | None) -> dict:
    return {"id": 1, "kind": "real", "form": "short", "created_at": "2000-01-01T00:00",
            # The conversation as typed: the scorer's evidence spans are offsets into the original reply.
            "messages": [{"author": "customer", "text": original.get("customer") or ""},
                         {"author": "learner", "text": original.get("reply") or ""}],
            "result": result,
            "customer_text": texts.get("customer") or "", "reply_text": texts.get("reply") or "",
            "title": texts.get("title") or "",
            "reflection": {k: texts.get(k) or "" for k in REFLECTION_FIELDS},
            "performance_criteria": [], "tutor_comments": []}


def _run(texts: dict, original: dict, result: dict | None, learner) -> tuple[dict, dict, list[dict]]:
    data = {"learner": _learner(learner), "attempts": [], "logbook": [_entry(texts, original, result)]}
    out, report = anonymise_with_report(data, staff_names=False)
    entry = out["logbook"][0]
    found = [{"kind": kind.replace("_", " "), "value": ""} for kind, n in report.get("replaced", {}).items()
             for _ in range(n)]
    anon = {"customer": entry["customer_text"], "reply": entry["reply_text"], "title": entry["title"],
            **{k: entry["reflection"].get(k, "") for k in REFLECTION_FIELDS}}
    anon = {k: _drop_trailing_surnames(v, found) for k, v in anon.items()}
    return anon, entry, found


def anonymise_texts(texts: dict, learner=None) -> tuple[dict, list[dict]]:
    """Every text field anonymised together. Returns (anonymised texts, replacements)."""
    original = {"customer": texts.get("customer"), "reply": texts.get("reply")}
    anon, _entry_out, found = _run(texts, original, None, learner)
    return anon, found


def anonymise_with_result(texts: dict, result: dict, learner=None) -> tuple[dict, list[dict], dict, str]:
    """The preview: the texts as typed and the result of judging the reply as typed, anonymised together (one
    document, so the feedback's pseudonyms are the texts'). Returns (anonymised texts, replacements, anonymised
    result, the anonymised reply its evidence spans point into)."""
    anon, entry, _found = _run(texts, {"customer": texts.get("customer"), "reply": texts.get("reply")}, result, learner)
    _same, found = anonymise_texts(texts, learner)   # what was replaced in the texts (not in the scorer's feedback)
    return anon, found, entry.get("result") or {}, entry["messages"][1]["text"]


def for_saving(texts: dict, result: dict, scrubbed_reply: str, learner=None) -> tuple[dict, dict]:
    """What is stored: the confirmed (and possibly edited) preview anonymised once more (anything personal typed while
    editing goes too; the preview's pseudonyms stay as they are), and the anonymised result with its evidence spans
    on the reply as stored. Returns (texts, result)."""
    anon, _found = anonymise_texts(texts, learner)
    stored = dict(result)
    criteria = {}
    for key, c in (stored.get("criteria") or {}).items():
        c = dict(c)
        moved = (_onto(dict(s), scrubbed_reply, anon["reply"]) for s in c.get("evidence") or [])
        c["evidence"] = [span for span in moved if span is not None]
        criteria[key] = c
    stored["criteria"] = criteria
    return anon, stored


def _onto(span: dict, scrubbed: str, stored: str) -> dict | None:
    """A span of the anonymised original reply, on the reply as stored (the learner may have edited the preview):
    kept where its text is at the same place, moved to where its text is, dropped when its text is gone."""
    text = span.get("text") or ""
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and stored[start:end] == text and text:
        return span
    at = stored.find(text) if text else -1
    if at < 0:
        return None
    span.update(start=at, end=at + len(text))
    return span


def anonymise_interaction(customer: str, reply: str) -> tuple[str, str, list[dict]]:
    """(customer, reply, replacements): the two texts alone, through the same anonymiser."""
    anon, found = anonymise_texts({"customer": customer, "reply": reply})
    return anon["customer"], anon["reply"], found


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
