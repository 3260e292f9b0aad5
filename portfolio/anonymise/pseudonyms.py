"""Consistent pseudonyms within one document: people ("Customer A", "@customer_a") and numbered values ("[phone 1]")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import TITLES


def attempt_order(attempts) -> list:
    """Attempts in the order every document numbers them (and gives out pseudonyms): submitted, else started, then
    id."""
    return sorted(attempts or [], key=lambda a: (a.get("submitted_at") or a.get("started_at") or "", str(a.get("id"))))


KIND_LABELS = {
    "email": "email", "url": "link", "ni_number": "NI number", "card": "card number", "phone": "phone",
    "bank_details": "bank details", "postcode": "postcode", "order_ref": "order ref", "address": "address",
    "security_code": "security code", "date": "date", "date_of_birth": "date of birth", "nhs_number": "NHS number",
    "vehicle_reg": "vehicle reg", "passport": "passport number", "driving_licence": "driving licence number",
    "number": "number", "initials": "initials", "account_number": "account number",
}


# Kinds compared by their letters and digits only ("4111 1111" is "4111-1111").
DIGIT_KINDS = frozenset("""phone card bank_details order_ref number nhs_number passport driving_licence vehicle_reg
ni_number account_number""".split())


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out



@dataclass(eq=False)
class Person:
    role: str
    label: str = ""     # "Customer A", "Candidate 1234", "Tutor A": given at first use, in document order
    handle: str = ""    # "@customer_a"
    email: str = ""     # "customer.a@example.invalid"
    tokens: set = field(default_factory=set)   # lower-case name parts that point to this person


class Registry:
    def __init__(self, candidate_label: str):
        self.people: dict[str, Person] = {}        # normalised key -> person
        self.token_owners: dict[str, list] = {}    # name part -> people with that part, in registration order
        self.scope: list[Person] = []              # people of the attempt being scrubbed: preferred on ties
        self.scopes: dict = {}                     # ("attempt", id) -> the people injected into that attempt
        self.values: dict[tuple[str, str], str] = {}
        self.counts: dict[str, int] = {}
        self.role_counts: dict[str, int] = {}
        self.replaced: dict[str, int] = {}
        slug = re.sub(r"[^a-z0-9]+", "_", candidate_label.lower()).strip("_")
        self.candidate = Person("Candidate", candidate_label, f"@{slug}", f"{slug}@example.invalid")
        self.candidate_initials: set[str] = set()   # "JS", "JAS": the learner's own sign-off

    def new_person(self, role: str) -> Person:
        return Person(role)

    def named(self, person: Person) -> Person:
        """Give the person a letter the first time a replacement uses it, so letters follow the
        order people appear in the document and adding a later attempt never renames earlier ones."""
        if not person.label:
            n = self.role_counts.get(person.role, 0)
            self.role_counts[person.role] = n + 1
            letter = _letters(n)
            person.label = f"{person.role} {letter}"
            person.handle = f"@{person.role.lower()}_{letter.lower()}"
            person.email = f"{person.role.lower()}.{letter.lower()}@example.invalid"
        return person

    def person_for(self, name: str, role: str = "Customer", person: Person | None = None) -> Person:
        key = _norm(name)
        if key in self.people:
            return self.people[key]
        parts = [p for p in re.split(r"[^a-zà-ÿ'’\-]+", key) if len(p) >= 2 and p not in TITLES]
        if person is None and len(parts) == 1:
            # A lone first name or surname is the person already known by it; a full name is its own person.
            person = self.owner(parts)
        if person is None:
            person = self.new_person(role)
        self.people[key] = person
        self.add_tokens(person, parts)
        return person

    def add_tokens(self, person: Person, parts):
        for p in parts:
            owners = self.token_owners.setdefault(p, [])
            if person not in owners:
                owners.append(person)
            person.tokens.add(p)

    def owner(self, parts) -> Person | None:
        """The person a name part points to: someone in the current attempt first, else the first registered."""
        for p in parts:
            for person in self.scope:
                if p in person.tokens:
                    return person
        for p in parts:
            if self.token_owners.get(p):
                return self.token_owners[p][0]
        return None

    def initials_for(self, letters: str) -> str:
        """A sign-off's initials: the learner's own say so, anyone else's are numbered."""
        if letters.upper() in self.candidate_initials:
            return "[candidate's initials]"
        return self.value_for("initials", letters.upper())

    def value_for(self, kind: str, value: str) -> str:
        key = (kind, _norm_value(kind, value))
        if key not in self.values:
            n = self.counts.get(kind, 0) + 1
            self.counts[kind] = n
            self.values[key] = f"[{KIND_LABELS.get(kind, kind)} {n}]"
        return self.values[key]


GRAM = 4


def _squash(text: str) -> str:
    """Lower-case letters and digits only: a known value can match a text only if its squash is in the text's."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _norm_value(kind: str, value: str) -> str:
    if kind in DIGIT_KINDS:
        digits = re.sub(r"[^0-9a-z]", "", value.lower())
        if kind == "phone" and digits.startswith("44"):
            digits = "0" + digits[2:]
        if kind == "phone" and digits.startswith("00440"):
            digits = digits[4:]
        return digits
    return re.sub(r"\s+", "", value.lower())


