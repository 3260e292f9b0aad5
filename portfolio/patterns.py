"""Pattern rules for personal data that learners and customers type (layer 2 of :mod:`portfolio.anonymise`).

One job: the regular expressions, with the little checking that belongs to them. ``PATTERNS`` lists
``(kind, regex)``; when a regex has a group, group 1 is the value and the cue before it stays in the text.
Order matters only for overlaps of equal length (earlier wins). Street addresses need the gazetteer's
street suffixes, so their regex is built by :func:`address_pattern`.
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------------
# Emails

# Top-level domains a typed-out or spaced email ends in ("gmail dot com", "gmail .\ncom"): a spaced dot
# counts only before one of these, so "jo@gmail.com. Thanks" keeps its "Thanks".
_TLDS = r"(?:com|net|org|info|biz|edu|gov|uk|co|ac|io|me|eu|ie|de|fr|nl|es|it|pl|dk|se|no|fi|be|ch|at|au|ca|us|in)\b"
# The local part: Unicode letters and digits (zoë.brontë), dots, %, +tags, hyphens, apostrophes (o'neill).
_LOCAL = r"[\w.%+\-'’]+"
# Between domain labels: a dot, or a dot with a space or line break either side before a top-level domain.
_DOMAIN_DOT = r"(?:\.|\s?\.\s?(?=" + _TLDS + r"))"
# Written out: "at" between spaces, or in brackets with or without them ("jo[at]example.co.uk").
_AT_WORD = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_DOT_WORD = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)"
# Mail providers typed without their domain ("tomasz.nowak at gmail").
_PROVIDERS = r"(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|btinternet|aol|protonmail|virginmedia|talktalk|msn)\b"

# jo.smith+returns@mail.example.co.uk, also with a space or line break around the @ (or a full-width ＠)
# and around a dot before the top-level domain.
EMAIL = re.compile(_LOCAL + r"\s?[@＠]\s?[\w\-]+(?:" + _DOMAIN_DOT + r"[\w\-]+)*" + _DOMAIN_DOT + r"[^\W\d_]{2,}\b", re.I)
# jo dot smith at gmail dot com, J.Patel AT outlook DOT com, kev (at) garage (dot) co (dot) uk, maddie at gmail.
# The scrubber drops hits whose local part is an everyday word ("looked at gmail", "look at this dot com").
EMAIL_WRITTEN = re.compile(
    r"(?<![\w.])[\w%+\-'’]+(?:" + _DOT_WORD + r"[\w%+\-'’]+)*" + _AT_WORD
    + r"(?:[\w\-]+(?:" + _DOT_WORD + r"[\w\-]+)*" + _DOT_WORD + _TLDS + r"|" + _PROVIDERS + r")", re.I)
# Where the local part ends: the @ or the written-out "at".
EMAIL_AT = re.compile(r"\s?[@＠]|" + _AT_WORD, re.I)

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("email", EMAIL),
    ("email", EMAIL_WRITTEN),
    # ---------------------------------------------------------------------------------------------------
    ("url", re.compile(r"(?:https?://|www\.)[^\s<>\"']+|\b(?:[a-z0-9\-]+\.)+(?:com|co\.uk|uk|net|org|io|me|ly)/[^\s<>\"']+", re.I)),
    ("ni_number", re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I)),
    ("card", re.compile(r"(?<![\d])(?:\d[ \-]?){12,18}\d(?![\d])")),
    ("card", re.compile(r"\b(?:ending|ends|ending\s+in|last\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is|of))?)\s*:?\s*(\d{4})\b", re.I)),
    ("phone", re.compile(r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-.()]{0,3}\d){8,9}(?![\d])")),
    ("bank_details", re.compile(r"(?<![\d])\d{2}[\s\-]\d{2}[\s\-]\d{2}(?![\d])")),
    ("postcode", re.compile(r"\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2})\b", re.I)),
    ("postcode", re.compile(r"\bpost\s?code\s*(?:is|:|-)?\s*([A-Z]{1,2}\d[A-Z\d]?)\b", re.I)),
    ("order_ref", re.compile(
        r"\b(?:order|account|acct|a/c|booking|ticket|tracking|case|ref|reference|reservation|membership|"
        r"loyalty|customer|policy|claim|invoice|parcel|consignment|voucher|receipt)\b\s*"
        r"(?:no\.?|num(?:ber)?|#|id|ref(?:erence)?|code)?\s*(?:is|was|:|-)?\s*#?\s*"
        r"((?=[A-Z0-9\-/]*\d)[A-Z0-9][A-Z0-9\-/]{3,})", re.I)),
    ("order_ref", re.compile(r"\b[A-Z]{2,5}[\-/]?\d{4,}[A-Z0-9\-]*\b|#\d{4,}\b|(?<![\d£$€.,])\d{6,}(?![\d])")),
    ("handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")),
    ("initials", re.compile(r"(?<!\w)\^[A-Z]{1,3}\b")),
]


def address_pattern(suffixes) -> re.Pattern:
    """House number, street words and a suffix from the gazetteer, then up to three town/county parts."""
    suffix_alt = "|".join(re.escape(s) for s in suffixes)
    return re.compile(
        r"\b(?:(?:flat|apartment|apt|unit|studio)\s+\d+[A-Z]?\s*,?\s+)?\d{1,4}[A-Z]?\s*,?\s+"
        r"(?:[A-Z][A-Za-z'’\-]+\s+){1,3}(?:" + suffix_alt + r")\b\.?"
        r"(?:\s*,?\s*(?:[A-Z][A-Za-z'’\-]+)(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2}){0,3}",
        re.I,
    )
