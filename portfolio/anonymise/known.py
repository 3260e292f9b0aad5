"""Known values: exact strings the app knows are personal (the learner, staff, what the simulator injected)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import TITLES
from .patterns import shape_kind
from .pseudonyms import Person, Registry, _norm, attempt_order


@dataclass
class Known:
    """Exact values to replace, each with what replaces it (a person or a kind)."""
    entries: list = field(default_factory=list)   # (value, kind, person or None)

    def add(self, value, kind: str, person: Person | None = None):
        if isinstance(value, str) and len(value.strip()) >= 2:
            self.entries.append((value.strip(), kind, person))


def _flex(value: str) -> str:
    """A regex matching value case-insensitively, across line breaks and, for numbers, any separators."""
    if sum(c.isdigit() for c in value) >= 4:
        chars = [c for c in value if c.isalnum() or c in "@+"]
        body = r"[\s\-.()/]{0,3}".join(re.escape(c) for c in chars if c != "+")
        return body
    words = value.split()
    return r"[\s,]+".join(re.escape(w) for w in words)


@lru_cache(maxsize=65536)
def _guess_kind(value: str) -> str:
    v = value.strip()
    if v.startswith("@"):
        return "handle"
    if "@" in v:
        return "email"
    if re.match(r"^(?:https?://|www\.)", v, re.I):
        return "url"
    digits = sum(c.isdigit() for c in v)
    shaped = shape_kind(v)
    if shaped:
        return shaped
    if re.fullmatch(r"[\d\s+()\-.]{10,}", v) and digits >= 10:
        return "phone"
    if re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}", v, re.I):
        return "postcode"
    if "\n" in v or re.match(r"^\d+[A-Z]?\s+\w+", v) or ("," in v and digits):
        return "address"
    if digits:
        return "order_ref"
    return "name"



# ---------------------------------------------------------------------------------------------------
# Walking the portfolio data


def attempt_scope(attempt: dict) -> tuple:
    """The key of an attempt's people in ``Registry.scopes``."""
    return ("attempt", str(attempt.get("id")))


def entry_scope(index: int) -> tuple:
    """The key of a logbook entry's people in ``Registry.scopes``: its position in ``data["logbook"]``, which
    both passes (registering here, scrubbing in ``document``) read from the same list."""
    return ("entry", index)


def register_known(data: dict, registry: Registry, known_values, staff_names: bool) -> Known:
    """Every exact value the data says is personal, each linked to its person in ``registry``: the learner, the
    staff in ``by`` fields, what was injected into each attempt and logbook entry, then ``known_values``."""
    known = Known()
    _add_learner(data.get("learner") or {}, registry, known)
    attempts = attempt_order(data.get("attempts"))
    if staff_names:
        for name, role in _staff(attempts, data.get("logbook") or []):
            _add_staff(name, role, registry, known)
    for a in attempts:
        registry.scopes[attempt_scope(a)] = _add_injected(a.get("injected_personal_data"), _customer_names(a),
                                                          registry, known)
    for index, e in enumerate(data.get("logbook") or []):
        # A simulated entry carries its attempt's conversation: its customers' persona names are known people too.
        registry.scopes[entry_scope(index)] = _add_injected(e.get("injected_personal_data"), _customer_names(e),
                                                            registry, known)
    _add_injected(list(known_values or ()), (), registry, known)
    return known


def _add_learner(learner: dict, registry: Registry, known: Known) -> None:
    cand = registry.candidate
    full = (learner.get("full_name") or "").strip()
    if full:
        registry.people[_norm(full)] = cand
        parts = [p for p in re.split(r"[\s\-]+", full) if p[:1].isalpha()]
        if len(parts) >= 2:
            registry.candidate_initials |= {(parts[0][0] + parts[-1][0]).upper(), "".join(p[0] for p in parts).upper()}
        known.add(full, "name", cand)
        for part in full.split():
            if len(part) >= 2:
                known.add(part, "name_part", cand)
                registry.add_tokens(cand, [part.lower()])
    if learner.get("username"):
        u = learner["username"]
        known.add(u, "handle", cand)
        known.add("@" + u.lstrip("@"), "handle", cand)
    if learner.get("email"):
        known.add(learner["email"], "email", cand)


def _staff(attempts: list, logbook: list):
    """(name, role) of everyone in a ``by`` field, in document order."""
    for a in attempts:
        for m in a.get("moderations") or []:
            yield m.get("by"), "Tutor"
        for f in a.get("tutor_feedback") or []:
            yield f.get("by"), "Tutor"
        for d in a.get("disputes") or []:
            if isinstance(d, dict) and d.get("by"):
                yield d.get("by"), "Tutor"
        if a.get("assessor_signoff"):
            yield a["assessor_signoff"].get("by"), "Assessor"
        for p in a.get("past_signoffs") or []:   # earlier sign-offs, maybe by another assessor
            if isinstance(p, dict):
                yield p.get("by"), "Assessor"
    for e in logbook:
        for c in e.get("tutor_comments") or []:
            if isinstance(c, dict):
                yield c.get("by"), "Tutor"


def _add_staff(name, role: str, registry: Registry, known: Known) -> None:
    if not name:
        return
    p = registry.person_for(name, role=role)
    known.add(name, "name", p)
    for part in name.split():
        if len(part) >= 3 and part.lower().strip(".") not in TITLES:
            known.add(part, "name_part", p)


def _customer_names(item: dict) -> list:
    return [m.get("author_name") for m in item.get("messages") or [] if m.get("author") == "customer"]


def _add_injected(values, author_names, registry: Registry, known: Known) -> list:
    """Register injected values; return the people they belong to (the item's scope). Names first, so handles
    and emails can link to the person, then everything else."""
    values = [v for v in values or [] if isinstance(v, str) and v.strip()]
    names = [v for v in values if _guess_kind(v) == "name"] + [n for n in author_names if n]
    persons = _add_names(names, registry, known)
    for v in values:
        kind = _guess_kind(v)
        if kind == "name":
            continue
        person = _owner_of_contact(v, kind, persons, registry) if kind in ("handle", "email") else None
        _add_value(v, kind, person, known)
        if person is not None and person not in persons:
            persons.append(person)
    return persons


def _add_names(names: list, registry: Registry, known: Known) -> list:
    persons: list = []
    for n in sorted(set(names), key=lambda n: (-len(n.split()), names.index(n))):
        # Full names first; a lone first name then belongs to this attempt's person who has it.
        parts = [t for t in re.split(r"[^a-zà-ÿ'’\-]+", n.lower()) if len(t) >= 2]
        local = next((q for q in persons if q.tokens & set(parts)), None)
        p = registry.person_for(n, person=local) if _norm(n) not in registry.people or local else registry.person_for(n)
        persons.append(p)
        known.add(n, "name", p)
        for part in n.split():
            if len(part) >= 2 and part.lower().strip(".") not in TITLES:
                known.add(part, "name_part", p)
    return persons


def _owner_of_contact(v: str, kind: str, persons: list, registry: Registry) -> Person | None:
    """The person a handle or email belongs to: by a name part in it, else the item's only person."""
    bare = v.lstrip("@").split("@")[0].lower()
    parts = [p for p in re.split(r"[._\-\d]+", bare) if len(p) >= 3]
    person = next((p for p in persons if p.tokens & set(parts)), None)
    if person is None:   # "@sarahb", "joycesmith": a name part inside the handle
        person = next((p for p in persons if any(len(t) >= 3 and t in bare for t in p.tokens)), None)
    if person is None and len(persons) == 1:
        person = persons[0]
    if person is None and kind == "handle":
        person = registry.person_for(v)
    return person


def _add_value(v: str, kind: str, person: Person | None, known: Known) -> None:
    if kind == "address":
        for line in re.split(r"[\n,]+", v):
            if line.strip():
                known.add(line.strip(), "address")
                if _guess_kind(line.strip()) == "postcode":
                    known.add(line.strip(), "postcode")
    known.add(v, kind, person)
    if kind == "handle":
        known.add(v.lstrip("@"), "handle", person)
