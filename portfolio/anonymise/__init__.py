"""Replace personal data in portfolio data with consistent pseudonyms, before anything is rendered.

Layers, applied together to every string (one pass, overlapping hits resolved longest-first):

1. Exact values the app knows: the learner's name, first name, surname, username and email; staff who
   moderated or signed; every value the simulator injected (persona names, handles, emails, phones,
   order numbers, addresses) and any ``known_values`` from the caller. Matched case-insensitively,
   across line breaks and with any separators between the digits of a number.
2. UK pattern rules for what learners type (``portfolio/anonymise/patterns.py``): emails (also Unicode, split
   across lines, or written out: "jo dot smith at gmail dot com", "jo[at]example.co.uk"), UK phone
   numbers in any format (Ofcom drama ranges included: no validity check), postcodes, IBANs, card numbers,
   "card ending 1234" and masked cards, sort codes and account numbers in any format, National Insurance
   numbers, @handles of any length, URLs carrying identifiers, street addresses (numbered, flats, house
   names, lower case; with the town and postcode after them), order/account/booking references, and any
   run of six or more digits.
3. Names: identifier-like tokens that contain a known or gazetteer name (``joyce_smith99``), and
   capitalised (or all-capitals) words found in an offline first-name/surname gazetteer
   (``data/*.txt``, built from Faker's person lists). Names that are also common words ("Rose",
   "Grace", "Bill", "Mark") count only with support: a greeting or title before them, or another name
   next to them.

Pseudonyms are consistent within one document: a person keeps one letter ("Customer A", "@customer_a",
"customer.a@example.invalid"), the learner is "Candidate <number>", staff are "Tutor A" / "Assessor A",
and other values are numbered by kind ("[phone 1]", "[order ref 2]").

Scoring evidence spans (character offsets into the learner's turns) are remapped through the
replacements so highlighting still lines up.

The package, one job a module: ``gazetteer`` (name lists and cues), ``pseudonyms`` (people and numbered
values, given out in document order), ``known`` (the exact values the data says are personal),
``patterns`` (the pattern rules), ``scrubber`` with its ``names`` and ``addresses`` rules (finding and
replacing in one text), and ``document`` (walking the portfolio data, deny by default).
"""
from __future__ import annotations

from .document import (
           PARTS,
           SAFE_DICT_KEY,
           SAFE_KEYS,
           anonymise,
           anonymise_with_report,
           attempt_order,
)
from .gazetteer import NOT_NAMES, gazetteer
from .known import Known, register_known
from .pseudonyms import Person, Registry
from .scrubber import Hit, Scrubber, remap_offset

__all__ = ["NOT_NAMES", "PARTS", "SAFE_DICT_KEY", "SAFE_KEYS", "Hit", "Known", "Person", "Registry", "Scrubber",
           "anonymise", "anonymise_with_report", "attempt_order", "gazetteer", "register_known", "remap_offset"]
