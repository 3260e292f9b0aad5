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

# ---------------------------------------------------------------------------------------------------
# Bank identifiers and cards

# IBAN: country code, two check digits, then the rest in one run ("GB29NWBK60161331926819") or in groups of
# four with spaces or dashes ("gb29 nwbk 6016 1331 9268 19", "GB82-WEST-1234-..."), any case. After the bank
# code every group has a digit, so a word after the IBAN ("... 9268 19 for the refund") is never taken in.
_IBAN_GROUP = r"[ \-]?(?=[A-Z]{0,3}\d)[A-Z0-9]{4}"
IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}"
    r"|[ \-]?[A-Z0-9]{4}(?:" + _IBAN_GROUP + r"){2,6}(?:[ \-]?(?=[A-Z]{0,2}\d)[A-Z0-9]{1,3})?)\b", re.I)

# Card numbers: 13 to 19 digits with spaces or dashes; or groups of four split across a line break
# (13 to 19 digits in all: see plausible()).
CARD = re.compile(r"(?<![\d])(?:\d[ \-]?){12,18}\d(?![\d])")
CARD_SPLIT_LINE = re.compile(r"(?<![\d])\d{4}(?:[ \-]?\d{4}){0,2}[ \t]*\r?\n[ \t]*\d{4}(?:[ \-]?\d{1,4}){0,2}(?![\d])")
# The last four digits after a cue: "card ending 4242", "ends with 4242", "ending in ...4242",
# "last four digits are 4242", "last 4 of my card: 4242".
CARD_LAST_FOUR = re.compile(
    r"\b(?:end(?:s|ing)(?:\s+(?:in|with))?"
    r"|last\s+(?:4|four)(?:\s+(?:digits|numbers))?(?:\s+of\s+(?:my|the|your|his|her|their)\s+(?:card|account))?"
    r"(?:\s+(?:are|is|were|was|of))?)"
    r"\s*[:\-]?\s*(?:[.*x•]+\s*)?(\d{4})\b", re.I)
# A masked card number: "**** **** **** 4242", "xxxx-xxxx-xxxx-4242" (the four digits are replaced).
CARD_MASKED = re.compile(r"(?<![\w*•])(?:[*xX•]{4}[ \-]?){2,3}(\d{4})\b")

# Sort codes: three pairs of digits. With nothing before them, only with dashes or spaces ("20-00-00",
# "20 - 00 - 00", "20 00 00"): "12.05.24" and "12/05/24" are dates.
_PAIRS = r"\d{2}(?:\s?-\s?|\s)\d{2}(?:\s?-\s?|\s)\d{2}"
_ANY_PAIRS = r"\d{2}\s?[\-./ ]?\s?\d{2}\s?[\-./ ]?\s?\d{2}"
SORT_CODE = re.compile(r"(?<![\d])" + _PAIRS + r"(?![\d])")
# After "sort code", "s/c", "bank details": any separators or none ("sort code: 20.00.00", "s/c 20/00/00").
SORT_CODE_CUED = re.compile(r"\b(?:sort\s?code|s/c|bank\s+details)\b\s*(?:is|are|:|-|=)?\s*(" + _ANY_PAIRS + r")(?![\d])", re.I)
# Dotted or slashed pairs straight before an account number: "44.37.61 88054289".
_ACCOUNT = r"\d{4}[ \-]?\d{3,4}"
SORT_CODE_BEFORE_ACCOUNT = re.compile(r"(?<![\d.])\d{2}[./]\d{2}[./]\d{2}(?=[\s,/;]+" + _ACCOUNT + r"(?![\d]))")
# Account numbers after a cue, also typed in two halves ("acc 1234 5678", "account no. 1234-5678"); an unsplit
# run of six or more digits is caught anyway (order refs).
ACCOUNT_CUED = re.compile(
    r"\b(?:account|acct|acc|a/c)\b\.?(?:\s*(?:no\.?|num(?:ber)?|#))?\s*(?:is|:|-)?\s*(\d{4}[ \-]\d{3,4})(?![\d])", re.I)
# An account number in two halves straight after a sort code: "20 00 00 / 1234 5678".
ACCOUNT_AFTER_SORT_CODE = re.compile(r"(?<![\d])" + _ANY_PAIRS + r"[\s,/;]+(\d{4}[ \-]\d{3,4})(?![\d])")

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("email", EMAIL),
    ("email", EMAIL_WRITTEN),
    # ---------------------------------------------------------------------------------------------------
    ("url", re.compile(r"(?:https?://|www\.)[^\s<>\"']+|\b(?:[a-z0-9\-]+\.)+(?:com|co\.uk|uk|net|org|io|me|ly)/[^\s<>\"']+", re.I)),
    ("ni_number", re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I)),
    ("bank_details", IBAN),
    ("card", CARD),
    ("card", CARD_SPLIT_LINE),
    ("card", CARD_LAST_FOUR),
    ("card", CARD_MASKED),
    ("phone", re.compile(r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-.()]{0,3}\d){8,9}(?![\d])")),
    ("bank_details", SORT_CODE),
    ("bank_details", SORT_CODE_CUED),
    ("bank_details", SORT_CODE_BEFORE_ACCOUNT),
    ("bank_details", ACCOUNT_CUED),
    ("bank_details", ACCOUNT_AFTER_SORT_CODE),
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


def plausible(kind: str, value: str) -> bool:
    """Checks a regex cannot make simply: a card number has 4 (the last four) or 13 to 19 digits."""
    if kind == "card":
        digits = sum(c.isdigit() for c in value)
        return digits == 4 or 13 <= digits <= 19
    return True


def address_pattern(suffixes) -> re.Pattern:
    """House number, street words and a suffix from the gazetteer, then up to three town/county parts."""
    suffix_alt = "|".join(re.escape(s) for s in suffixes)
    return re.compile(
        r"\b(?:(?:flat|apartment|apt|unit|studio)\s+\d+[A-Z]?\s*,?\s+)?\d{1,4}[A-Z]?\s*,?\s+"
        r"(?:[A-Z][A-Za-z'’\-]+\s+){1,3}(?:" + suffix_alt + r")\b\.?"
        r"(?:\s*,?\s*(?:[A-Z][A-Za-z'’\-]+)(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2}){0,3}",
        re.I,
    )
