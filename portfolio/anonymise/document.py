"""Walking the portfolio data: every string scrubbed (deny by default) in document order, evidence spans remapped."""
from __future__ import annotations

import copy
import re
from typing import Any

from .known import attempt_scope, entry_scope, register_known
from .pseudonyms import Registry, attempt_order
from .scrubber import Scrubber, remap_offset

# Fields whose string values are never personal data (ids, levels, enumerations, timestamps, hashes): kept as
# they are. Every other string anywhere in the data is scrubbed (deny by default), whatever its key.
SAFE_KEYS = frozenset("""
id key criterion level old_level new_level grade auto_grade author channel thread customer_id
sent_at started_at submitted_at created_at at start end turn response_minutes sim_minute sla_minutes
candidate_number hash version scorer_version confidence mode kind form platform exercise_type category
difficulty seed standard_ref schema mood previous_mood customer_intent tone_analyser timeliness
sha256 disputed_level requested_level outcome_level resolved_at replaced_at
""".split())
SAFE_DICT_KEY = re.compile(r"^[a-z][a-z0-9_]*$")   # snake_case field names (criterion keys, reflection fields)


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
    from ..model import PortfolioData

    as_model = isinstance(data, PortfolioData)
    raw = data.to_dict() if as_model else copy.deepcopy(data)
    raw = {k: v for k, v in raw.items() if not str(k).startswith("_")}   # no caller flag skips anything
    learner = raw.get("learner") or {}
    cand_label = f"Candidate {learner.get('candidate_number') or 'unknown'}"
    registry = Registry(cand_label)
    known = register_known(raw, registry, known_values, staff_names)
    scrubber = Scrubber(registry, known, set(keep_values))

    def s(text):
        return scrubber.scrub(text)[0] if isinstance(text, str) else text

    def walk(value, key=None):
        if isinstance(value, str):
            return value if key in SAFE_KEYS else s(value)
        if isinstance(value, (list, tuple)):
            return [walk(v, key) for v in value]
        if isinstance(value, dict):
            return {(k if not isinstance(k, str) or SAFE_DICT_KEY.match(k) else s(k)): walk(v, k)
                    for k, v in value.items()}
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
    for index, e in enumerate(raw.get("logbook") or []) if "logbook" in parts else []:
        if e.get("messages"):   # an entry with its attempt's conversation: scrubbed as that attempt is
            new_entries.append(_anonymise_attempt(e, scrubber, walk, scope_key=entry_scope(index)))
        else:
            registry.scope = list(registry.scopes.get(entry_scope(index), []))
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
    key = scope_key if scope_key is not None else attempt_scope(a)
    scrubber.registry.scope = list(scrubber.registry.scopes.get(key, []))
    out: dict[str, Any] = {}
    for k in a:   # every field, known or not, in document order (messages first)
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
