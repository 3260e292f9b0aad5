"""Pattern rules for personal data that learners and customers type (layer 2 of :mod:`portfolio.anonymise`).

One job: the regular expressions, with the little checking that belongs to them (:func:`plausible`,
:func:`text_facts`). ``PATTERNS`` lists ``(kind, regex, needs)``; when a regex has a group, group 1 is the
value and the cue before it stays in the text; ``needs`` is what a text must have for the rule to run.
Order matters only for overlaps of equal length (earlier wins). Street addresses need the gazetteer's
street suffixes and a look at the words after them, so their regexes are built by
:func:`address_patterns` and used by ``anonymise.Scrubber._address_hits``.
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
CARD_SECURITY_CODE = re.compile(r"\b(?:cvv2?|cvc2?|cv2|csc|security\s+code)\b\s*(?:is|:|-|=)?\s*(\d{3,4})(?![\d])", re.I)

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

# ---------------------------------------------------------------------------------------------------
# Postcodes

# A full UK postcode, any case, with or without the space ("LS1 4AP", "sw1a1aa").
_POSTCODE = r"(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2})"
POSTCODE = re.compile(r"\b" + _POSTCODE + r"\b", re.I)

# ---------------------------------------------------------------------------------------------------
# The rules, with what a text needs for each to be worth running (see text_facts): most texts have no digit,
# so the number rules are skipped for them.

PATTERNS: list[tuple[str, re.Pattern, str | None]] = [
    ("email", EMAIL, "@"),
    ("email", EMAIL_WRITTEN, "at"),
    # A link with a path or query (the scrubber keeps the ones that identify no one).
    ("url", re.compile(r"(?:https?://|www\.)[^\s<>\"']+|\b(?:[a-z0-9\-]+\.)+(?:com|co\.uk|uk|net|org|io|me|ly)/[^\s<>\"']+", re.I), "url"),
    # National Insurance number: QQ 12 34 56 C.
    ("ni_number", re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I), "digit"),
    ("bank_details", IBAN, "digit"),
    ("card", CARD, "digit"),
    ("card", CARD_SPLIT_LINE, "digit"),
    ("card", CARD_LAST_FOUR, "digit"),
    ("card", CARD_MASKED, "digit"),
    ("security_code", CARD_SECURITY_CODE, "digit"),
    # UK phone numbers in any format, drama ranges included (no validity check): 07700 900123, +44 (0)113 496 0123.
    ("phone", re.compile(r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-.()]{0,3}\d){8,9}(?![\d])"), "digit"),
    ("bank_details", SORT_CODE, "digit"),
    ("bank_details", SORT_CODE_CUED, "digit"),
    ("bank_details", SORT_CODE_BEFORE_ACCOUNT, "digit"),
    ("bank_details", ACCOUNT_CUED, "digit"),
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
    # References without a cue (ORD-558812, #558812) and any run of six or more digits.
    ("order_ref", re.compile(r"\b[A-Z]{2,5}[\-/]?\d{4,}[A-Z0-9\-]*\b|#\d{4,}\b|(?<![\d£$€.,])\d{6,}(?![\d])"), "digit"),
    # @handles of any length.
    ("handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"), "@"),
    # An agent's initials as a sign-off: ^JS.
    ("initials", re.compile(r"(?<!\w)\^[A-Z]{1,3}\b"), "^"),
]

_DIGIT = re.compile(r"\d")
_AT_GATE = re.compile(r"\sat\s|[\[({<]\s*at\s*[\])}>]", re.I)


def text_facts(text: str) -> set:
    """What a text has that some rules need: a digit, an @, a written-out "at", a link, a caret."""
    facts = set()
    if _DIGIT.search(text):
        facts.add("digit")
    if "@" in text or "＠" in text:
        facts.add("@")
    if _AT_GATE.search(text):
        facts.add("at")
    if "/" in text or "www." in text.lower():
        facts.add("url")
    if "^" in text:
        facts.add("^")
    return facts


def plausible(kind: str, value: str) -> bool:
    """Checks a regex cannot make simply: a card number has 4 (the last four) or 13 to 19 digits."""
    if kind == "card":
        digits = sum(c.isdigit() for c in value)
        return digits == 4 or 13 <= digits <= 19
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


def address_patterns(suffixes) -> dict[str, re.Pattern]:
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
        "house": re.compile(r"(?<![\w])(?:" + _FLAT + r")?(?:" + _NUMBER + r")?" + _HOUSE + _SEP + r"(?:" + _NUMBER + r")?" + street),
        # "Station Road" or "Ivy House" with no number: an address only when a postcode ends its tail.
        "bare": re.compile(r"(?<![\w])(?:" + street + r"|" + _HOUSE + r")"),
    }


# One part after a street: a postcode, or a town or county ("Leeds", "Hebden Bridge", "Newcastle upon Tyne"),
# after a comma, a line break or (capitalised, or a postcode) a space.
_PLACE = _WORD + r"(?:[ \t]+(?:(?:upon|on|under|in|le|de|la|cum|next[ \t]+the)[ \t]+)?" + _WORD + r"){0,2}"
_LOWER_PLACE = _LOWER_WORD + r"(?:[ \t]+(?:(?:upon|on|under)[ \t]+)?" + _LOWER_WORD + r"){0,2}"
ADDRESS_TAIL = re.compile(r"(?:" + _SEP + r"|[ \t]+)(?:(?P<postcode>(?i:" + _POSTCODE + r"))(?![\w])|(?P<place>" + _PLACE + r"))")
ADDRESS_TAIL_LOWER = re.compile(r"(?:" + _SEP + r"|[ \t]+)(?P<postcode>(?i:" + _POSTCODE + r"))(?![\w])"
                                r"|" + _SEP + r"(?P<place>" + _LOWER_PLACE + r")")
