"""Reads a learner's Markdown (or plain-text) document into the units a rater reads: sentences, bullet lines and
table rows, each with the heading it sits under and the line that introduced its list or table.

Learners write headings three ways: Markdown `#`, a bold line, or a short line of its own with no full stop
("Objectives", "What could go wrong"). All three open a section. A table row keeps its header row as context, so
"| 31 Oct 2025 |" is read under "Deadline"; a list item keeps its lead-in ("By 5 April 2026 we will:").

    read_document(text) -> list[Unit]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
MD_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
BOLD_HEADING = re.compile(r"^\s*(?:\*\*|__|\*|_)([^*_]{2,80})(?:\*\*|__|\*|_):?\s*$")   # bold or italic
BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[a-z][.)])\s+")
NUMBERED = re.compile(r"^\s*(?:\d+[.)]|step \d+\b|[a-z][.)])\s*", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(*])")
SHORT_HEADING_WORDS = 10


@dataclass(frozen=True)
class Unit:
    text: str               # the sentence, bullet or row as written (Markdown emphasis and pipes trimmed)
    heading: str            # the section it sits under ("" before the first heading)
    context: str            # the table's header row, or the line ending in ":" that introduced the list
    numbered: bool = False  # a numbered list item or step ("1.", "Step 2", "a)")
    row: bool = False       # a table row
    block: int = 0          # which line of the document it came from (a bullet's sentences share one)
    bullet: bool = False    # an item of a bulleted or numbered list

    @property
    def read(self) -> str:
        """What a rater reads for this unit: its context and its own words."""
        return f"{self.context} {self.text}".strip()


def _plain_heading(row: str, following: str) -> str | None:
    """A short line of its own with no closing punctuation, followed by content, reads as a heading; so does a
    short numbered line followed by a paragraph (a procedure's "1. Decide whether a move is needed"), and a line of
    up to four words ending in a colon ("Risks:")."""
    line = row.strip()
    if line.startswith(("|", ">", "-", "*", "•")) or not following.strip():
        return None
    numbered = re.match(r"^\d+[.)]\s+(\S.*)$", line)
    if numbered and re.match(r"^\s*\d+[.)]\s", following):
        return None
    text = numbered.group(1) if numbered else line
    if text.endswith(":") and len(text.split()) <= 4:
        return text[:-1]
    if len(text.split()) > SHORT_HEADING_WORDS or text[-1] in ".!?;:,\"'":
        return None
    return text if text[0].isupper() or text[0].isdigit() else None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "").replace("__", "")).strip(" -*#>|\t")


def _joined(text: str) -> list[str]:
    """Lines, with a wrapped bullet's indented continuation joined to its bullet."""
    out: list[str] = []
    for row in text.splitlines():
        if out and row.startswith("  ") and row.strip() and not BULLET.match(row) and not row.strip().startswith("|"):
            out[-1] += " " + row.strip()
        else:
            out.append(row)
    return out


def read_document(text: str) -> list[Unit]:
    rows = _joined(text)
    units: list[Unit] = []
    heading, lead_in, header = "", "", ""
    for i, row in enumerate(rows):
        following = next((r for r in rows[i + 1:] if r.strip()), "")
        if not row.strip():
            continue
        if SEPARATOR.match(row):
            continue
        if "|" in row and row.strip().startswith("|"):
            if SEPARATOR.match(rows[i + 1] if i + 1 < len(rows) else ""):
                header = " | ".join(_clean(c) for c in row.strip().strip("|").split("|"))
                continue
            cells = [c.strip() for c in row.strip().strip("|").split("|")]
            units.append(Unit(" | ".join(cells), heading, header, row=True, block=i))
            continue
        header = ""
        title = MD_HEADING.match(row) or BOLD_HEADING.match(row)
        plain = None if title else _plain_heading(row, following)
        if title or plain:
            heading = _clean(title.group(1) if title else plain or "")
            lead_in = ""
            continue
        numbered = bool(NUMBERED.match(row))
        if not BULLET.match(row):
            lead_in = ""
        line = _clean(BULLET.sub("", row, count=1))
        for part in SENTENCE_END.split(line):
            part = _clean(part)
            if part:
                units.append(Unit(part, heading, lead_in, numbered=numbered, block=i, bullet=bool(BULLET.match(row))))
        if not BULLET.match(row):
            lead_in = SENTENCE_END.split(line)[-1]   # a list is read under the sentence that introduced it
    return units
