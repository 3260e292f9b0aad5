"""Pattern rules for personal data that learners and customers type (layer 2 of :mod:`portfolio.anonymise`).

One job: the regular expressions, with the little checking that belongs to them (:func:`plausible`,
:func:`text_facts`). ``PATTERNS`` lists ``(kind, regex, needs)``; when a regex has a group, group 1 is the
value and the cue before it stays in the text (see
:func:`value_span`: a group named ``v`` is the value, other named groups are the rule's own); ``needs`` is what a
text must have for the rule to run.
Order matters only for overlaps of equal length (earlier wins). Street addresses need the gazetteer's
street suffixes and a look at the words after them, so their regexes are built by
:func:`address_patterns` and used by ``anonymise.Scrubber._address_hits``.
"""
from __future__ import annotations

import re
from functools import lru_cache

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
_PROVIDERS = (r"(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|btinternet|aol|protonmail|virginmedia"
              r"|talktalk|msn)\b")

# jo.smith+returns@mail.example.co.uk, also with a space or line break around the @ (or a full-width ＠)
# and around a dot before the top-level domain. It starts where a run of local-part characters starts
# (the lookbehind), so a long word is not tried from each of its letters.
EMAIL = re.compile(r"(?<![\w.%+\-'’])" + _LOCAL + r"\s?[@＠]\s?"
                   r"[\w\-]+(?:" + _DOMAIN_DOT + r"[\w\-]+)*" + _DOMAIN_DOT + r"[^\W\d_]{2,}\b", re.I)
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
# The last four digits after a cue: "card ending 4242", "ends with 4242", "ending in ...4242", "finishing in 4242",
# "last four digits are 4242", "last 4 of my card: 4242".
CARD_LAST_FOUR = re.compile(
    r"\b(?:(?:end|finish)(?:s|es|ing)(?:\s+(?:in|with))?"
    r"|last\s+(?:4|four)(?:\s+(?:digits|numbers))?(?:\s+of\s+(?:my|the|your|his|her|their)\s+(?:card|account))?"
    r"(?:\s+(?:are|is|were|was|of))?)"
    r"\s*[:\-]?\s*(?:[.*x•]+\s*)?(\d{4})\b", re.I)
# A masked card number: "**** **** **** 4242", "xxxx-xxxx-xxxx-4242" (the four digits are replaced).
CARD_MASKED = re.compile(r"(?<![\w*•])(?:[*xX•]{4}[ \-]?){2,3}(\d{4})\b")

# A card's security code after its name: "cvv 123", "CVC: 1234", "security code 123".
CARD_SECURITY_CODE = re.compile(r"\b(?:cvv2?|cvc2?|cv2|csc|security\s+code)\b\s*(?:is|:|-|=)?\s*(\d{3,4})(?![\d])",
                                re.I)

# Sort codes: three pairs of digits. With nothing before them, only with dashes or spaces ("20-00-00",
# "20 - 00 - 00", "20 00 00"): "12.05.24" and "12/05/24" are dates.
_PAIRS = r"\d{2}(?:\s?-\s?|\s)\d{2}(?:\s?-\s?|\s)\d{2}"
_ANY_PAIRS = r"\d{2}\s?[\-./ ]?\s?\d{2}\s?[\-./ ]?\s?\d{2}"
SORT_CODE = re.compile(r"(?<![\d])" + _PAIRS + r"(?![\d])")
# After "sort code", "s/c", "bank details": any separators or none ("sort code: 20.00.00", "s/c 20/00/00").
SORT_CODE_CUED = re.compile(r"\b(?:sort\s?code|s/c|bank\s+details)\b\s*(?:is|are|:|-|=)?\s*(" + _ANY_PAIRS
                            + r")(?![\d])", re.I)
# Dotted or slashed pairs straight before an account number: "44.37.61 88054289".
_ACCOUNT = r"\d{4}[ \-]?\d{3,4}"
SORT_CODE_BEFORE_ACCOUNT = re.compile(r"(?<![\d.])\d{2}[./]\d{2}[./]\d{2}(?=[\s,/;]+" + _ACCOUNT + r"(?![\d]))")
# Account numbers after a cue, also typed in two halves ("acc 1234 5678", "account no. 1234-5678"); an unsplit
# run of six or more digits is caught anyway (order refs).
ACCOUNT_CUED = re.compile(
    r"\b(?:account|acct|acc|a/c)\b\.?(?:\s*(?:no\.?|num(?:ber)?|#))?\s*(?:is|:|-)?\s*(\d{4}[ \-]\d{3,4})(?![\d])", re.I)
# An account number in one run after its cue: "account number 12345678", "a/c 41234567", "acc: 31926819".
ACCOUNT_NUMBER_CUED = re.compile(
    r"\b(?:account|acct|acc|a/c)\b\.?(?:\s*(?:no\.?|num(?:ber)?|#))?\s*(?:is|:|-)?\s*(\d{6,10})(?![\d])", re.I)
# An account number in two halves straight after a sort code: "20 00 00 / 1234 5678".
ACCOUNT_AFTER_SORT_CODE = re.compile(r"(?<![\d])" + _ANY_PAIRS + r"[\s,/;]+(\d{4}[ \-]\d{3,4})(?![\d])")

# ---------------------------------------------------------------------------------------------------
# Postcodes

# A full UK postcode, any case, with or without the space ("LS1 4AP", "sw1a1aa").
_POSTCODE = r"(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2})"
POSTCODE = re.compile(r"\b" + _POSTCODE + r"\b", re.I)

# ---------------------------------------------------------------------------------------------------
# Dates of birth, health and identity numbers, vehicle registrations (issue 14)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MM = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:(?:19|20)\d{2}|['’]\d{2})"          # 1987, '87
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
# A full date in any common UK form: 14/03/1987, 14-3-87, 14.03.1987, 14 03 1987, 1987-03-14, 1987/03/14,
# 3rd July 1992, 3 Jul '92, Tuesday 3rd of July 1992, July 3rd, 1992, 3-Jul-1992. Group 1 is the year.
_NUMERIC = _DAY + r"\s?(?P<sep>[/.\-])\s?" + _MM + r"\s?(?P=sep)\s?(?P<year>(?:19|20)?\d{2})(?![\d/.\-]?\d)"
_SPACED = _DAY + r" " + _MM + r" (?P<year3>(?:19|20)\d{2})(?![\d])"
_ISO = r"(?P<year4>(?:19|20)\d{2})(?P<sep2>[/.\-])" + _MM + r"(?P=sep2)" + _DAY + r"(?![\d/.\-]?\d)"
_WORDS = (r"(?i:\b" + _WEEKDAY + r"(?:the\s+)?" + _DAY + _ORD + r"(?:\s+of)?[\s\-]+" + _MONTH
          + r"\b\.?,?[\s\-]+(?P<year5>" + _YEAR + r"))(?![\d])|(?i:\b" + _WEEKDAY + _MONTH + r"\b\.?\s+(?:the\s+)?"
          + _DAY + _ORD + r",?\s+(?P<year2>" + _YEAR + r"))(?![\d])")
DATE_NUMERIC = re.compile(r"(?<![\d/.\-])" + _NUMERIC)
DATE_SPACED = re.compile(r"(?<![\d])" + _SPACED)
DATE_ISO = re.compile(r"(?<![\d/.\-])" + _ISO)
DATE_WORDS = re.compile(_WORDS)
# After a cue any date is a date of birth, and needs no year: "born on 3rd July", "DOB: 14/03", "birthday is 14 March".
DOB_CUE = (r"(?i:\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?|birthday(?:\s+is)?|birth\s+date)\b"
           r"\s*(?:is|was|:|-|=)?\s*)")
DATE_CUED = re.compile(DOB_CUE + r"(?P<v>" + _NUMERIC + r"|" + _SPACED + r"|" + _ISO + r"|" + _WORDS
                       + r"|(?i:" + _WEEKDAY + r"(?:the\s+)?" + _DAY + _ORD + r"(?:\s+of)?\s+" + _MONTH + r"\b"
                       r"|" + _MONTH + r"\s+" + _DAY + _ORD + r"\b|" + _DAY + r"\s?[/.\-]\s?" + _MM
                       + r"(?![/.\-]?\d)))")
YEAR_GROUPS = ("year", "year2", "year3", "year4", "year5")

# NHS number (England, Wales, Isle of Man), CHI (Scotland) and H&C (Northern Ireland) numbers: ten digits, often
# 3-3-4, with a modulus-11 check digit (see nhs_checksum). After "NHS"/"CHI"/"H&C" any ten digits count.
NHS_NUMBER = re.compile(r"(?<![\d])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\d])")
NHS_CUED = re.compile(r"(?i:\b(?:nhs|chi|h&c|health\s+(?:and|&)\s+care)\b(?:\s+(?:no\.?|num(?:ber)?|#))?"
                      r"\s*(?:is|:|-)?\s*)"
                      r"(\d[\d \-]{8,12}\d)(?![\d])")

# National Insurance number: two letters, six digits, a suffix A-D; spaced or dashed, any case. After a cue the
# suffix may be missing ("NI number QQ123456").
NI_NUMBER = re.compile(r"\b[A-Z]{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?[A-D]\b", re.I)
NI_CUED = re.compile(r"(?i:\b(?:ni|nino|national\s+insurance)\b(?:\s+(?:no\.?|num(?:ber)?|#))?\s*(?:is|:|-)?\s*)"
                     r"((?i:[A-Z]{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}(?:[ \-]?[A-D])?))\b")

# Vehicle registrations. Current (2001-): KX19 ABC; prefix (1983-2001): A123 BCD; suffix (1963-83): ABC 123D;
# Northern Ireland: ABZ 1234. Capitals only unless a cue says it is a registration ("reg kx19abc").
_REG_FORMS = (r"[A-Z]{2}(?:0[1-9]|[1-9]\d) ?[A-Z]{3}"                          # current (any letters: "ZZ99 ZZZ")
              r"|[A-HJ-NP-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}"                  # prefix
              r"|[A-HJ-PR-Y][A-HJ-PR-Z]{2} ?\d{1,3} ?[A-HJ-NP-Y]"                # suffix
              r"|[A-Z]{1,2}[IZ] ?\d{1,4}")                                    # Northern Ireland
VEHICLE_REG = re.compile(r"\b(?:" + _REG_FORMS + r")\b")
VEHICLE_CUED = re.compile(
    r"(?i:\b(?:reg(?:istration)?(?:\s+(?:no\.?|number|plate))?|number\s*plate|plate|vrm|vehicle|car|van)\b\s*(?:is|was|:|-)?\s*)"
    r"((?i:" + _REG_FORMS + r"|(?=[A-Z]{0,7}\d)(?=\d{0,7}[A-Z])[A-Z0-9]{2,8}|[A-Z]{1,3} ?\d{1,4}|\d{1,4} ?[A-Z]{1,3}"
    r"|[A-Z]{1,2}\d{1,3} ?[A-Z]{1,3}))(?![\w])")

# UK passport numbers: nine digits (older ones letters and digits), after a cue. A bare nine-digit run is caught
# as a number anyway.
PASSPORT_CUED = re.compile(r"(?i:\bpassport\b(?:\s+(?:no\.?|num(?:ber)?|#))?\s*(?:is|was|:|-)?\s*)"
                           r"((?=[A-Z0-9 ]*\d)[A-Z0-9]{2}[A-Z0-9 ]{4,10}[A-Z0-9])(?![\w])", re.I)
# GB driving licence number (DVLA): 5 letters of the surname (9 for padding), 6 digits of the birth date, 2 initials,
# a digit and 2 check letters (and sometimes a 2-digit issue number): MORGA753116SM9IJ, "MORGA 753116 SM9 IJ".
DRIVING_LICENCE = re.compile(r"\b[A-Z9]{5} ?\d{6} ?[A-Z9]{2}\d ?[A-Z]{2}(?: ?\d{2})?\b", re.I)
# Northern Ireland licences are 8 digits (a bare run is caught as a number); after a cue any licence form.
LICENCE_CUED = re.compile(r"(?i:\b(?:driving|driver'?s?)\s+licen[cs]e\b(?:\s+(?:no\.?|num(?:ber)?|#))?"
                          r"\s*(?:is|:|-)?\s*)"
                          r"((?=[A-Z0-9 ]*\d)[A-Z0-9][A-Z0-9 ]{6,18}[A-Z0-9])(?![\w])", re.I)


SPACED_NUMBER = re.compile(r"(?<![\d£$€.,:/])\d{2,}(?:[ \-]\d{2,}){1,5}(?![\d]|[.,:/]\d)")


def nhs_checksum(digits: str) -> bool:
    """The NHS / CHI / H&C modulus-11 check: weights 10..2 on the first nine digits; 11 - remainder is the tenth
    (11 counts as 0, 10 is never valid)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1))) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def birth_year_possible(year: str, today_year: int) -> bool:
    """A date's year that can be a living person's date of birth: at least 12 years ago (a date this year or lately
    is an order, a delivery or an offer and stays)."""
    digits = year.strip("'’")
    y = int(digits)
    if len(digits) == 2:
        y += 2000 if y <= today_year % 100 else 1900
    return 1900 <= y <= today_year - 12


# ---------------------------------------------------------------------------------------------------
# The rules, with what a text needs for each to be worth running (see text_facts): most texts have no digit,
# so the number rules are skipped for them.

PATTERNS: list[tuple[str, re.Pattern, str | None]] = [
    ("email", EMAIL, "@"),
    ("email", EMAIL_WRITTEN, "at"),
    # A link with a path or query (the scrubber keeps the ones that identify no one).
    ("url", re.compile(r"(?:https?://|www\.)[^\s<>\"']+"
                       r"|\b(?:[a-z0-9\-]+\.)+(?:com|co\.uk|uk|net|org|io|me|ly)/[^\s<>\"']+", re.I), "url"),
    # National Insurance number: QQ 12 34 56 C; after a cue without its suffix.
    ("ni_number", NI_NUMBER, "mixed"),
    ("ni_number", NI_CUED, "mixed"),
    ("driving_licence", DRIVING_LICENCE, "mixed"),
    ("driving_licence", LICENCE_CUED, "mixed"),
    ("passport", PASSPORT_CUED, "mixed"),
    ("nhs_number", NHS_CUED, "mixed"),
    ("nhs_number", NHS_NUMBER, "ten"),     # only with a valid check digit (plausible)
    ("date_of_birth", DATE_CUED, "date"),
    ("date", DATE_WORDS, "date"),            # dates only with a year a person can be born in (plausible)
    ("date", DATE_ISO, "date"),
    ("vehicle_reg", VEHICLE_CUED, "mixed"),
    ("vehicle_reg", VEHICLE_REG, "mixed"),
    ("bank_details", IBAN, "digit"),
    ("card", CARD, "digit"),
    ("card", CARD_SPLIT_LINE, "digit"),
    ("card", CARD_LAST_FOUR, "digit"),
    ("card", CARD_MASKED, "digit"),
    ("security_code", CARD_SECURITY_CODE, "digit"),
    # UK phone numbers in any format, drama ranges included (no validity check): 07700 900123, +44 (0)113 496 0123.
    ("phone", re.compile(r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-.()]{0,3}\d){8,9}(?![\d])"),
     "digit"),
    ("bank_details", SORT_CODE_CUED, "digit"),
    ("date", DATE_NUMERIC, "date"),          # before plain sort codes: 14-03-87 is a date
    ("date", DATE_SPACED, "date"),
    ("bank_details", SORT_CODE, "digit"),
    ("bank_details", SORT_CODE_BEFORE_ACCOUNT, "digit"),
    ("bank_details", ACCOUNT_CUED, "digit"),
    ("account_number", ACCOUNT_NUMBER_CUED, "digit"),
    ("bank_details", ACCOUNT_AFTER_SORT_CODE, "digit"),
    ("postcode", POSTCODE, "digit"),
    # The outward half alone after a cue: "postcode is LS1".
    ("postcode", re.compile(r"\bpost\s?code\s*(?:is|:|-)?\s*([A-Z]{1,2}\d[A-Z\d]?)\b", re.I), "digit"),
    # Order, account, booking... references after their cue: "order no. ORD-558812", "booking ref: 7XK2P9".
    ("order_ref", re.compile(
        r"\b(?:order|account|acct|a/c|booking|ticket|tracking|case|ref|reference|reservation|membership|"
        r"loyalty|customer|policy|claim|invoice|parcel|consignment|voucher|receipt)\b\s*"
        r"(?:no\.?|num(?:ber)?|#|id|ref(?:erence)?|code)?\s*(?:is|was|:|-)?\s*#?\s*"
        r"((?=[A-Z0-9\-/]*\d)[A-Z0-9][A-Z0-9\-/]{3,})", re.I), "digit"),
    # References without a cue (ORD-558812, #558812); any run of six or more digits is some number: "[number 1]".
    ("order_ref", re.compile(r"\b[A-Z]{2,5}[\-/]?\d{4,}[A-Z0-9\-]*\b|#\d{4,}\b"), "digit"),
    ("number", re.compile(r"(?<![\d£$€.,])\d{6,}(?![\d])"), "digit"),
    # Any other number typed in groups, eight digits or more in all ("12345 67890", a tax reference; "4821 9930 17"):
    # the last resort, so a more telling rule on the same digits wins (see Scrubber.hits: priority 1).
    ("number", SPACED_NUMBER, "digit"),
    # @handles of any length.
    ("handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"), "@"),
    # An agent's initials as a sign-off: ^JS (the caret stays: "^[initials 1]").
    ("initials", re.compile(r"(?<!\w)\^([A-Z]{1,3})\b"), "^"),
]

_DIGIT = re.compile(r"\d")
# A date is possible: digits with a date separator, a year ('92 or 1992: a date in words has one) or a birth cue.
_DATE_GATE = re.compile(r"\d\s?[/.\-]\s?\d|\b(?:19|20)\d\d\b|['’]\d\d\b|\d \d{1,2} \d|(?i:born|birth|d\.?o\.?b)")
# Letters touching digits (KX19 ABC, QQ123456C, MORGA753116SM9IJ), or (checked second) a cue for an identity number.
_MIXED_GATE = re.compile(r"[A-Za-z]\d|\d[A-Za-z]|[A-Z] \d|\d [A-Z]")
_ID_CUE_GATE = re.compile(r"\b(?:reg|registration|plate|vrm|passport|licen[cs]e|nhs|chi|h&c|ni|nino|insurance|car|van"
                          r"|vehicle)\b", re.I)
_TEN_GATE = re.compile(r"\d{3}[ \-]?\d{3}[ \-]?\d{4}")
_AT_GATE = re.compile(r"\sat\s|[\[({<]\s*at\s*[\])}>]", re.I)


def shape_kind(value: str) -> str | None:
    """What a value is by its form alone, for values known without a kind (injected, or a bare run of digits):
    a card number (Luhn), an NHS number (check digit), a phone, an NI number, an IBAN, a sort code, a postcode,
    a vehicle registration, a date. None when its form says nothing."""
    v = value.strip()
    digits = re.sub(r"[\s\-.()/+]", "", v)
    if digits.isdigit():
        if 13 <= len(digits) <= 19 and luhn(digits):
            return "card"
        if len(digits) == 10 and nhs_checksum(digits) and not digits.startswith("0"):
            return "nhs_number"
        if re.fullmatch(r"(?:\+|00)?44\d{9,10}|0\d{9,10}", digits):
            return "phone"
    for kind, rx in (("ni_number", NI_NUMBER), ("bank_details", IBAN), ("postcode", POSTCODE),
                     ("vehicle_reg", VEHICLE_REG), ("driving_licence", DRIVING_LICENCE), ("date", DATE_NUMERIC),
                     ("date", DATE_ISO), ("date", DATE_WORDS)):
        if rx.fullmatch(v):
            return kind
    if re.fullmatch(_PAIRS, v):
        return "bank_details"
    return None


def value_span(m: re.Match) -> tuple[int, int]:
    """The part of a match that is the value: group ``v``; the whole match when the regex only names groups for its
    own use (a date's separator and year); else group 1 when it matched, the cue before it staying in the text."""
    names = m.re.groupindex
    if "v" in names:
        return m.span("v")
    if names or not m.groups() or not m.group(1):
        return m.span()
    return m.span(1)


def text_facts(text: str) -> set:
    """What a text has that some rules need: a digit, an @, a written-out "at", a link, a caret."""
    facts = set()
    if _DIGIT.search(text):
        facts.add("digit")
        if _DATE_GATE.search(text):
            facts.add("date")
        if _MIXED_GATE.search(text) or _ID_CUE_GATE.search(text):
            facts.add("mixed")
        if _TEN_GATE.search(text):
            facts.add("ten")
    if "@" in text or "＠" in text:
        facts.add("@")
    if _AT_GATE.search(text):
        facts.add("at")
    if "/" in text or "www." in text.lower():
        facts.add("url")
    if "^" in text:
        facts.add("^")
    return facts


def plausible(kind: str, value: str, match: re.Match | None = None, today_year: int = 2026) -> bool:
    """Checks a regex cannot make simply: a card number has 4 (the last four) or 13 to 19 digits; an uncued NHS
    number has a valid check digit; a date has a year someone alive can be born in; a driving licence's birth
    digits are a month and day."""
    if kind == "card":
        digits = sum(c.isdigit() for c in value)
        return digits == 4 or 13 <= digits <= 19
    if kind == "number" and match is not None and match.re is SPACED_NUMBER:   # not a list of years
        return sum(c.isdigit() for c in value) >= 8 and not re.fullmatch(r"(?:(?:19|20)\d\d[ \-]?)+", value)
    if kind == "nhs_number" and match is not None and match.re is NHS_NUMBER:
        return nhs_checksum(re.sub(r"\D", "", value))
    if kind == "date" and match is not None:
        year = next((match.group(g) for g in YEAR_GROUPS if match.re.groupindex.get(g) and match.group(g)), None)
        return year is not None and birth_year_possible(year, today_year)
    if kind == "driving_licence" and match is not None and match.re is DRIVING_LICENCE:
        birth = re.sub(r"\D", "", value)[:6]
        month, day = int(birth[1:3]), int(birth[3:5])
        return (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31
    return True


# ---------------------------------------------------------------------------------------------------
# Street addresses
#
# The scrubber (anonymise.Scrubber._address_hits) finds a street with one of these, then takes in the
# town, county and postcode parts after it one by one (ADDRESS_TAIL), keeping a part only if it reads as
# a place or a postcode comes after it.

# Suffixes matched in any case after capitalised street words ("12 High street", "12 HIGH ST"); the
# gazetteer's other suffixes (Circle, Run, Well, Union...) only as typed, with a capital.
UK_SUFFIXES = ("Road Street Avenue Lane Close Crescent Drive Way Gardens Terrace Place Court Mews Grove Row Hill "
               "Square Walk Parade Park Rise View Green Vale Gate Wharf Yard").split()
UK_ABBREVIATIONS = "Rd St Ave Ln Cres Dr Gdns Tce Pl Ct Sq Pde".split()   # may end in a full stop: "High St."
# Suffixes of a street typed all in lower case ("44 church road"): only ones that are not everyday words
# after a number and a word ("a 10 minute walk", "2 small claims court", "3 days in a row").
LOWER_SUFFIXES = "road rd street st avenue ave lane ln crescent cres close drive gardens terrace grove mews".split()
# Words that, in lower case, say the number is a count, not a house number ("2 more lane closures").
LOWER_STOP = frozenset("""the a an my your our their his her its this that of in on at to for and or by from down up
more other extra way lane minute minutes min mins mile miles hour hours day days week weeks month months year years
time times item items car cars bus people""".split())
# Capitalised street words that say the same: small words and plural counts ("2 Great Deals On Road Bikes",
# "2 Weeks Way too long"); "The", "Day", "Lane" are street words ("1 The Parade", "81 Day Ave").
STREET_STOP = frozenset("""a an my your our their his her its this that of in on at to for and or by from more other
extra minutes mins miles hours days weeks months years times items cars people""".split())
# The last word of a house name ("Rose Cottage", "The Old Rectory", "Ivy House").
HOUSE_WORDS = ("Cottage Cottages House Farm Farmhouse Lodge Barn Villa Bungalow Rectory Vicarage Manor Hall Grange "
               "Croft Mill Chambers Mansions").split()

# A capitalised word: a street or place word ("Acacia", "St John's", "St." as in St. Mary's, "Stoke-on-Trent").
_WORD = r"(?:St\.|[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*)(?![\w])"
_LOWER_WORD = r"[a-zà-ÿ][a-zà-ÿ'’\-]+(?![\w])"
# "Flat 3", "Unit 5", "Apartment 14", "flat 2B", "Apt 5 /".
_FLAT = r"(?i:flat|apartment|apt|unit|studio|suite|room)\.?[ \t]*\d{1,4}[A-Za-z]?[ \t]*[,/]?\s*"
# A house number: "12", "221b", "12-14", "No. 9".
_NUMBER = r"(?:(?i:no)\.?[ \t]*)?\d{1,4}[A-Za-z]?(?:[ \t]?[-–][ \t]?\d{1,4}[A-Za-z]?)?[ \t]*,?[ \t]+"
_HOUSE = r"(?:" + _WORD + r"[ \t]+){1,2}(?:" + "|".join(HOUSE_WORDS) + r")(?![\w])"
_SEP = r"[ \t]*(?:,[ \t]*(?:\r?\n)?|\r?\n)[ \t]*"   # between the lines of an address: a comma, a line break or both
_NOT_AFTER = r"(?<![\w£$€.,/:\-])"                 # a house number is not part of a price, time or other number


def _street(suffixes) -> str:
    """Capitalised street words and a suffix: "Acacia Road", "Cherry Tree Close", "The Parade"."""
    gazetteer = "|".join(re.escape(s) for s in sorted(set(suffixes) - set(UK_SUFFIXES) - set(UK_ABBREVIATIONS)))
    return (r"(?P<words>(?:" + _WORD + r"[ \t]+){1,3})(?:(?i:" + "|".join(UK_SUFFIXES) + r")(?![\w])"
            r"|(?i:" + "|".join(UK_ABBREVIATIONS) + r")(?![\w])\.?|(?:" + gazetteer + r")(?![\w]))")


@lru_cache(maxsize=4)
def address_patterns(suffixes: tuple) -> dict[str, re.Pattern]:
    """The street regexes, by what the scrubber does with a hit (see anonymise.Scrubber._address_hits)."""
    street = _street(suffixes)
    lower_street = r"(?P<words>(?:" + _LOWER_WORD + r"[ \t]+){1,2})(?:%s)(?![\w])"
    return {
        # "12 Acacia Road", "Flat 3, 12 High St", "No. 9 Park Avenue", "Unit 4, Riverside Business Park":
        # always an address.
        "numbered": re.compile(_NOT_AFTER + r"(?:" + _FLAT + r"(?:" + _NUMBER + r")?|" + _NUMBER + r")" + street),
        # "44 church road", "12 high street": an address unless a street word is a LOWER_STOP word.
        "lower": re.compile(_NOT_AFTER + r"(?:" + _FLAT + r")?" + _NUMBER + lower_street % "|".join(LOWER_SUFFIXES)),
        # "3 meadow view, little snoring, nr21 0aa": any suffix in lower case, when a postcode ends its tail.
        "lower_any": re.compile(_NOT_AFTER + r"(?:" + _FLAT + r")?" + _NUMBER
                                + lower_street % "|".join(s.lower() for s in UK_SUFFIXES + UK_ABBREVIATIONS)),
        # "Rose Cottage, Mill Lane", "4 Brook Cottages, Main Street", "Ivy House\nStation Road": a house name,
        # then a street.
        "house": re.compile(r"(?<![\w])(?:" + _FLAT + r")?(?:" + _NUMBER + r")?" + _HOUSE + _SEP + r"(?:" + _NUMBER
                            + r")?" + street),
        # "Station Road" or "Ivy House" with no number: an address only when a postcode ends its tail.
        "bare": re.compile(r"(?<![\w])(?:" + street + r"|" + _HOUSE + r")"),
    }


# One part after a street: a postcode, or a town or county ("Leeds", "Hebden Bridge", "Newcastle upon Tyne"),
# after a comma, a line break or (capitalised, or a postcode) a space.
_PLACE = _WORD + r"(?:[ \t]+(?:(?:upon|on|under|in|le|de|la|cum|next[ \t]+the)[ \t]+)?" + _WORD + r"){0,2}"
_LOWER_PLACE = _LOWER_WORD + r"(?:[ \t]+(?:(?:upon|on|under)[ \t]+)?" + _LOWER_WORD + r"){0,2}"
ADDRESS_TAIL = re.compile(r"(?:" + _SEP + r"|[ \t]+)(?:(?P<postcode>(?i:" + _POSTCODE + r"))(?![\w])|(?P<place>"
                          + _PLACE + r"))")
ADDRESS_TAIL_LOWER = re.compile(r"(?:" + _SEP + r"|[ \t]+)(?P<postcode>(?i:" + _POSTCODE + r"))(?![\w])"
                                r"|" + _SEP + r"(?P<place>" + _LOWER_PLACE + r")")
