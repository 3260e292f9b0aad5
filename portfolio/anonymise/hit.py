"""One detected piece of personal data in a text."""
from __future__ import annotations

from dataclasses import dataclass

from .pseudonyms import Person


@dataclass
class Hit:
    start: int
    end: int
    kind: str
    text: str
    person: Person | None = None
    priority: int = 0

