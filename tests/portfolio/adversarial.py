"""Seeded adversarial texts for the anonymiser's pattern rules (emails, bank identifiers, addresses).

Used by tests/portfolio/test_adversarial_patterns.py and bench/anonymiser_recall.py. Everything is
deterministic: hand-written awkward cases plus texts built from Faker en_GB (and a few other locales
for IBANs) with a fixed seed. The values are what a learner or customer might type; the app never
injected them, so only the pattern rules can catch them (the scrubber runs with nothing known).

``seeded_cases()`` returns ``[(text, [Seeded, ...])]``. A seeded item is caught only when none of its
``tells`` survives in the output (see :func:`survives`): a partial replacement such as
"jo dot [email 1]" or "GB29 NWBK [card number 1]" is a miss.

``CLEAN_SENTENCES``: ordinary customer-service sentences with numbers, dates and street-suffix words
("Way too slow", "we close at 5"); nothing in them may be replaced.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from faker import Faker

SEED = 2024
CATEGORIES = ("email", "IBAN", "sort code + account", "card", "street address", "house name", "town", "postcode")


@dataclass(frozen=True)
class Seeded:
    category: str
    value: str           # as typed
    tells: tuple         # parts that must not survive (the value itself included)


def item(category: str, value: str, *parts: str) -> Seeded:
    return Seeded(category, value, (value,) + tuple(p for p in parts if p))


# ---------------------------------------------------------------------------------------------------
# Survival: no trace of a tell is left

_NON_ALNUM = re.compile(r"[^0-9a-zà-ÿ]+")


def _squash(text: str) -> str:
    return _NON_ALNUM.sub("", text.lower())


def survives(tell: str, out: str) -> bool:
    """A tell survives as words (case-insensitive, any whitespace or commas between them, even across
    lines), as its letters and digits with separators removed (8 or more of them), or, for a number,
    as its digits with separators between them and no digit either side."""
    words = tell.split()
    if re.search(r"(?<!\w)" + r"[\s,]+".join(map(re.escape, words)) + r"(?!\w)", out, re.I):
        return True
    flat = _squash(tell)
    if len(flat) >= 8 and flat in _squash(out):
        return True
    digits = re.sub(r"\D", "", tell)
    if len(digits) >= 4 and len(digits) >= len(flat) - 1:
        if re.search(r"(?<!\d)" + r"[\s\-./()*]{0,3}".join(digits) + r"(?!\d)", out):
            return True
    return False


def caught(seeded: Seeded, out: str) -> bool:
    return not any(survives(t, out) for t in seeded.tells)


# ---------------------------------------------------------------------------------------------------
# Hand-written awkward cases

def _hand_written() -> list:
    E, I, B, C, S, H, T, P = CATEGORIES
    return [
        # Emails: plus tags, subdomains, capitals, unicode, obfuscated, split across lines.
        ("You can reach me on jo.smith+returns@gmail.com thanks", [item(E, "jo.smith+returns@gmail.com", "jo.smith", "returns")]),
        ("email: priya.k@mail.leeds.ac.uk", [item(E, "priya.k@mail.leeds.ac.uk", "priya.k")]),
        ("MY EMAIL IS DAZ.OKAFOR@HOTMAIL.CO.UK", [item(E, "DAZ.OKAFOR@HOTMAIL.CO.UK", "DAZ.OKAFOR")]),
        ("it's zoë.brontë@exämple.de if that helps", [item(E, "zoë.brontë@exämple.de", "zoë.brontë", "brontë")]),
        ("Contact: søren_ølgaard@post.dk", [item(E, "søren_ølgaard@post.dk", "søren_ølgaard", "ølgaard")]),
        ("jo dot smith at gmail dot com is best", [item(E, "jo dot smith at gmail dot com", "jo dot smith", "smith at gmail")]),
        ("mail me: jo[at]example.co.uk", [item(E, "jo[at]example.co.uk", "jo[at]example")]),
        ("write to kev (at) kevsgarage (dot) co (dot) uk", [item(E, "kev (at) kevsgarage (dot) co (dot) uk", "kevsgarage")]),
        ("J.Patel AT outlook DOT com", [item(E, "J.Patel AT outlook DOT com", "J.Patel")]),
        ("my email is maddie_lee at gmail.com", [item(E, "maddie_lee at gmail.com", "maddie_lee")]),
        ("drop me a line at tomasz.nowak at gmail if easier", [item(E, "tomasz.nowak at gmail", "tomasz.nowak")]),
        ("my address is jo.smith@\ngmail.com", [item(E, "jo.smith@\ngmail.com", "jo.smith")]),
        ("it is jo.smith\n@gmail.com ok", [item(E, "jo.smith\n@gmail.com", "jo.smith")]),
        ("reply to jo.smith@gmail.\ncom please", [item(E, "jo.smith@gmail.\ncom", "jo.smith")]),
        ("reply to jo.smith@gmail\n.com please", [item(E, "jo.smith@gmail\n.com", "jo.smith")]),
        ("ring or email <ben.o'neill@btinternet.com>", [item(E, "ben.o'neill@btinternet.com", "o'neill")]),
        ("full width: amy.chen＠example.com", [item(E, "amy.chen＠example.com", "amy.chen")]),
        ("email is sam-jones@sub.domain.example.org.", [item(E, "sam-jones@sub.domain.example.org", "sam-jones")]),
        ("Email: jo.smith @ gmail . com", [item(E, "jo.smith @ gmail . com", "jo.smith")]),
        ("my email's JANE_DOE99@YAHOO.COM", [item(E, "JANE_DOE99@YAHOO.COM", "JANE_DOE99")]),
        ("email jane.doe at yahoo dot co dot uk", [item(E, "jane.doe at yahoo dot co dot uk", "jane.doe")]),
        ("jane.doe(at)yahoo.co.uk", [item(E, "jane.doe(at)yahoo.co.uk", "jane.doe")]),
        ("it's gross at gmail.com thanks", [item(E, "gross at gmail.com", "gross at gmail")]),
        # IBANs: GB and others, spaced or not, lower case.
        ("IBAN GB29 NWBK 6016 1331 9268 19 for the refund", [item(I, "GB29 NWBK 6016 1331 9268 19", "GB29 NWBK", "31926819")]),
        ("iban: GB29NWBK60161331926819", [item(I, "GB29NWBK60161331926819", "GB29NWBK", "31926819")]),
        ("my iban is gb29 nwbk 6016 1331 9268 19", [item(I, "gb29 nwbk 6016 1331 9268 19", "gb29 nwbk", "31926819")]),
        ("gb29nwbk60161331926819 is my iban", [item(I, "gb29nwbk60161331926819", "gb29nwbk", "31926819")]),
        ("German account DE89 3704 0044 0532 0130 00", [item(I, "DE89 3704 0044 0532 0130 00", "DE89 3704", "0532013000")]),
        ("pay into DE89370400440532013000 please", [item(I, "DE89370400440532013000", "DE893704", "0532013000")]),
        ("FR14 2004 1010 0505 0001 3M02 606 is my French bank", [item(I, "FR14 2004 1010 0505 0001 3M02 606", "FR14 2004", "0001 3M02 606")]),
        ("Irish IBAN IE29 AIBK 9311 5212 3456 78", [item(I, "IE29 AIBK 9311 5212 3456 78", "IE29 AIBK", "12345678")]),
        ("nl91abna0417164300", [item(I, "nl91abna0417164300", "nl91abna", "0417164300")]),
        ("ES91 2100 0418 4502 0005 1332.", [item(I, "ES91 2100 0418 4502 0005 1332", "ES91 2100", "0005 1332")]),
        ("IBAN: PL61 1090 1014 0000 0712 1981 2874", [item(I, "PL61 1090 1014 0000 0712 1981 2874", "PL61 1090", "1981 2874")]),
        ("it's GB82-WEST-1234-5698-7654-32", [item(I, "GB82-WEST-1234-5698-7654-32", "GB82-WEST", "98765432")]),
        # Sort code + account number.
        ("sort code 20-00-00 acc 12345678", [item(B, "20-00-00", "200000"), item(B, "12345678")]),
        ("20 00 00 / 12345678", [item(B, "20 00 00", "200000"), item(B, "12345678")]),
        ("s/c 200000 a/c 12345678", [item(B, "200000"), item(B, "12345678")]),
        ("sort code: 20.00.00, account no. 1234 5678", [item(B, "20.00.00", "200000"), item(B, "1234 5678", "12345678")]),
        ("Sort Code 20 - 00 - 00 Account 12345678", [item(B, "20 - 00 - 00", "200000"), item(B, "12345678")]),
        ("sortcode 404040 account number 7654321", [item(B, "404040"), item(B, "7654321")]),
        ("bank details are 11-22-33 87654321", [item(B, "11-22-33", "112233"), item(B, "87654321")]),
        ("acct 1234-5678 at Barclays", [item(B, "1234-5678", "12345678")]),
        ("account number ending 5678", [item(B, "5678")]),
        ("sort code 20/00/00, account 12345678", [item(B, "20/00/00", "200000"), item(B, "12345678")]),
        ("sort-code 60-16-13 acct no 3192 6819", [item(B, "60-16-13", "601613"), item(B, "3192 6819", "31926819")]),
        ("A/C 12345678 S/C 12.34.56", [item(B, "12345678"), item(B, "12.34.56", "123456")]),
        ("my iban: GB33BUKB20201555555555 thx", [item(I, "GB33BUKB20201555555555", "GB33BUKB", "55555555")]),
        ("IBAN - DE44 5001 0517 5407 3249 31", [item(I, "DE44 5001 0517 5407 3249 31", "DE44 5001", "5407 3249 31")]),
        # Cards: spaces, dashes, last-four forms.
        ("card 4242 4242 4242 4242 exp 12/27", [item(C, "4242 4242 4242 4242")]),
        ("4242-4242-4242-4242", [item(C, "4242-4242-4242-4242")]),
        ("amex 3782 822463 10005", [item(C, "3782 822463 10005")]),
        ("card ending 4242", [item(C, "4242")]),
        ("the card ends with 4242", [item(C, "4242")]),
        ("card ending in 4242 was charged twice", [item(C, "4242")]),
        ("Card ending: 4242.", [item(C, "4242")]),
        ("last four digits are 4242", [item(C, "4242")]),
        ("last 4 of my card: 4242", [item(C, "4242")]),
        ("my card **** **** **** 4242 was charged twice", [item(C, "4242")]),
        ("xxxx-xxxx-xxxx-4242", [item(C, "4242")]),
        ("visa ending ...4242", [item(C, "4242")]),
        ("debit card no. 4929 1234 5678 9012", [item(C, "4929 1234 5678 9012")]),
        ("4929123456789012 is the card", [item(C, "4929123456789012")]),
        ("card number 4929 1234\n5678 9012", [item(C, "4929 1234\n5678 9012", "4929123456789012")]),
        ("card finishing in 4444", [item(C, "4444")]),
        ("the last 4 digits of the card are 4444", [item(C, "4444")]),
        ("card: 5555 5555 5555 4444, exp 01/26, cvv 123", [item(C, "5555 5555 5555 4444"), item(C, "cvv 123", "123")]),
        ("the security code is 987", [item(C, "security code is 987", "987")]),
        # Street addresses: many suffixes, flats, house names, several lines, no postcode, towns.
        ("I live at 12 Acacia Road, Leeds", [item(S, "12 Acacia Road", "Acacia Road"), item(T, "Leeds")]),
        ("Send it to 4 Mill Rd please", [item(S, "4 Mill Rd", "Mill Rd")]),
        ("address: 221b Baker Street, London NW1 6XE", [item(S, "221b Baker Street", "Baker Street"), item(T, "London"), item(P, "NW1 6XE")]),
        ("it's 7 Church St, Otley", [item(S, "7 Church St", "Church St"), item(T, "Otley")]),
        ("deliver to 33 Elm Avenue", [item(S, "33 Elm Avenue", "Elm Avenue")]),
        ("33 Elm Ave, Harrogate HG1 2AB", [item(S, "33 Elm Ave", "Elm Ave"), item(T, "Harrogate"), item(P, "HG1 2AB")]),
        ("5 Cherry Tree Close", [item(S, "5 Cherry Tree Close", "Cherry Tree Close")]),
        ("14 Moorland Crescent, Bingley", [item(S, "14 Moorland Crescent", "Moorland Crescent"), item(T, "Bingley")]),
        ("my house is 8 Oakwood Drive", [item(S, "8 Oakwood Drive", "Oakwood Drive")]),
        ("It was sent to 2 Heron Way", [item(S, "2 Heron Way", "Heron Way")]),
        ("91 Victoria Gardens, Ilkley LS29 9DN", [item(S, "91 Victoria Gardens", "Victoria Gardens"), item(T, "Ilkley"), item(P, "LS29 9DN")]),
        ("3 Albert Terrace", [item(S, "3 Albert Terrace", "Albert Terrace")]),
        ("at 16 Grosvenor Place, Bath", [item(S, "16 Grosvenor Place", "Grosvenor Place"), item(T, "Bath")]),
        ("flat is 10 Regent Court", [item(S, "10 Regent Court", "Regent Court")]),
        ("6 Stable Mews, Chester", [item(S, "6 Stable Mews", "Stable Mews"), item(T, "Chester")]),
        ("we're at 27 Laburnum Grove", [item(S, "27 Laburnum Grove", "Laburnum Grove")]),
        ("11 Cobble Row", [item(S, "11 Cobble Row", "Cobble Row")]),
        ("40 Castle Hill, Huddersfield", [item(S, "40 Castle Hill", "Castle Hill"), item(T, "Huddersfield")]),
        ("2 Market Square", [item(S, "2 Market Square", "Market Square")]),
        ("19 Riverside Walk, York", [item(S, "19 Riverside Walk", "Riverside Walk")]),
        ("1 The Parade, Shipley", [item(S, "1 The Parade", "The Parade"), item(T, "Shipley")]),
        ("Flat 3, 12 High St", [item(S, "Flat 3, 12 High St", "Flat 3", "12 High St")]),
        ("Flat 3 12 High St, Skipton", [item(S, "Flat 3 12 High St", "Flat 3", "12 High St"), item(T, "Skipton")]),
        ("Unit 5, 20 Canal Street", [item(S, "Unit 5, 20 Canal Street", "Unit 5", "Canal Street")]),
        ("Apartment 14, 2 Dock Road", [item(S, "Apartment 14, 2 Dock Road", "Apartment 14", "Dock Road")]),
        ("Flat 2B, 45 Station Road, Keighley BD21 4AA", [item(S, "Flat 2B, 45 Station Road", "Flat 2B", "Station Road"), item(T, "Keighley"), item(P, "BD21 4AA")]),
        ("Rose Cottage, Mill Lane", [item(H, "Rose Cottage", "Rose Cottage"), item(S, "Mill Lane")]),
        ("The Old Rectory, Church Road, Haworth", [item(H, "The Old Rectory"), item(S, "Church Road"), item(T, "Haworth")]),
        ("Ivy House\nStation Road\nHebden Bridge\nHX7 8AD", [item(H, "Ivy House"), item(S, "Station Road"), item(T, "Hebden Bridge"), item(P, "HX7 8AD")]),
        ("12 High Street\nLeeds\nLS1 4AP", [item(S, "12 High Street", "High Street"), item(T, "Leeds"), item(P, "LS1 4AP")]),
        ("My address:\n5 Cherry Tree Close\nMilton Keynes\nMK9 3AA", [item(S, "5 Cherry Tree Close", "Cherry Tree Close"), item(T, "Milton Keynes"), item(P, "MK9 3AA")]),
        ("12 high street, leeds ls1 4ap", [item(S, "12 high street", "high street"), item(T, "leeds"), item(P, "ls1 4ap")]),
        ("send to 44 church road please", [item(S, "44 church road", "church road")]),
        ("14 St John's Road, Newcastle upon Tyne", [item(S, "14 St John's Road", "St John's Road"), item(T, "Newcastle upon Tyne")]),
        ("14 St. Mary's Road, Stoke-on-Trent", [item(S, "14 St. Mary's Road", "Mary's Road"), item(T, "Stoke-on-Trent")]),
        ("No. 9 Park Avenue", [item(S, "9 Park Avenue", "Park Avenue")]),
        ("9a Park Avenue, Weston-super-Mare", [item(S, "9a Park Avenue", "Park Avenue"), item(T, "Weston-super-Mare")]),
        ("12-14 Bridge Street", [item(S, "12-14 Bridge Street", "Bridge Street")]),
        ("12 HIGH STREET, LEEDS LS1 4AP", [item(S, "12 HIGH STREET", "HIGH STREET"), item(T, "LEEDS"), item(P, "LS1 4AP")]),
        ("it's 3 meadow view, little snoring, nr21 0aa", [item(S, "3 meadow view", "meadow view"), item(T, "little snoring"), item(P, "nr21 0aa")]),
        ("Unit 4, Riverside Business Park, Leeds LS12 3AB", [item(S, "Unit 4, Riverside Business Park", "Unit 4", "Riverside Business Park"), item(T, "Leeds"), item(P, "LS12 3AB")]),
        ("Apt 5 / 22 Grove Road", [item(S, "Apt 5 / 22 Grove Road", "Apt 5", "Grove Road")]),
        ("Address: 4 Brook Cottages, Main Street, Edale", [item(H, "4 Brook Cottages", "Brook Cottages"), item(S, "Main Street"), item(T, "Edale")]),
        ("My new address is: Flat 12, Kingsway House, 45 Queen Street, Cardiff CF10 2BU",
         [item(S, "Flat 12", "Flat 12"), item(H, "Kingsway House"), item(S, "45 Queen Street", "Queen Street"), item(T, "Cardiff"), item(P, "CF10 2BU")]),
        ("Deliver to 7B Albert Rd., Southsea", [item(S, "7B Albert Rd.", "Albert Rd"), item(T, "Southsea")]),
        ("27 Old Road\nBarnsley\nSouth Yorkshire\nS70 1AA", [item(S, "27 Old Road", "Old Road"), item(T, "Barnsley"), item(T, "South Yorkshire"), item(P, "S70 1AA")]),
        ("Address:\nRose Cottage\nMill Lane\nHaworth\nBD22 8AA\nThanks", [item(H, "Rose Cottage"), item(S, "Mill Lane"), item(T, "Haworth"), item(P, "BD22 8AA")]),
        ("12 Mill Lane\nBath\n\nCheers", [item(S, "12 Mill Lane", "Mill Lane"), item(T, "Bath")]),
        ("flat 2\n14 church road\nleeds\nls6 2qt", [item(S, "flat 2\n14 church road", "flat 2", "church road"), item(T, "leeds"), item(P, "ls6 2qt")]),
        ("I'm at 9 Orchard Close, Little Snoring, Norfolk", [item(S, "9 Orchard Close", "Orchard Close"), item(T, "Little Snoring"), item(T, "Norfolk")]),
        # Postcodes: without the space, lower case.
        ("postcode sw1a1aa", [item(P, "sw1a1aa")]),
        ("LS14AP is the postcode", [item(P, "LS14AP")]),
        ("it's m1 1ae", [item(P, "m1 1ae")]),
        ("post code: EC1A 1BB", [item(P, "EC1A 1BB")]),
        ("B33 8TH.", [item(P, "B33 8TH")]),
        ("my postcode is cr2 6xh", [item(P, "cr2 6xh")]),
        ("DN55 1PT", [item(P, "DN55 1PT")]),
        ("W1A 0AX", [item(P, "W1A 0AX")]),
    ]


# ---------------------------------------------------------------------------------------------------
# Seeded texts (Faker en_GB, fixed seed)

UK_SUFFIXES = ("Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Close", "Crescent", "Drive", "Way", "Gardens",
               "Terrace", "Place", "Court", "Mews", "Grove", "Row", "Hill", "Square", "Walk", "Parade")
HOUSE_WORDS = ("Cottage", "House", "Farm", "Lodge", "Barn", "Villa", "Bungalow")
FREE_MAIL = ("gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com")
IBAN_LOCALES = ("en_GB", "de_DE", "fr_FR", "nl_NL", "es_ES", "it_IT", "en_IE", "pl_PL")


def _spaced(s: str, sep: str = " ") -> str:
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def _seeded(seed: int, n: int) -> list:
    E, I, B, C, S, H, T, P = CATEGORIES
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    ibans = {loc: Faker(loc) for loc in IBAN_LOCALES}
    for k, f in enumerate(ibans.values()):
        f.seed_instance(seed + k)
    out = []
    for k in range(n):
        first, last = fake.first_name().lower(), fake.last_name().lower()
        # Emails.
        local = rng.choice([f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}", f"{first[0]}{last}",
                            f"{first}_{last}", f"{first}.{last}+{rng.choice(['shop', 'orders', 'news'])}"])
        domain = rng.choice(FREE_MAIL + (f"{re.sub('[^a-z]', '', last)}.co.uk", f"mail.{fake.domain_name()}"))
        email = f"{local}@{domain}"
        form = k % 6
        if form == 0:
            typed = email
        elif form == 1:
            typed = email.upper()
        elif form == 2:
            typed = email.replace("@", "@\n") if k % 2 else email.replace("@", "\n@")
        elif form == 3:
            typed = f"{local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
        elif form == 4:
            typed = f"{local}[at]{domain}"
        else:
            typed = f"{local} at {domain}"
        lead = rng.choice(["my email is {}", "Email me on {} please", "{} is my email", "contact: {}", "it's {} thanks"])
        out.append((lead.format(typed), [item(E, typed, local.split("+")[0])]))
        # IBANs.
        loc = IBAN_LOCALES[k % len(IBAN_LOCALES)]
        iban = ibans[loc].iban()
        form = rng.randrange(4)
        typed = [iban, _spaced(iban), _spaced(iban).lower(), iban.lower()][form]
        lead = rng.choice(["IBAN {}", "my iban is {}", "refund to {} please", "bank: {}"])
        # Tells: the country, check digits and bank code (first 8 characters), and the account number (last 8).
        out.append((lead.format(typed), [item(I, typed, iban[:8], iban[-8:])]))
        # Sort code + account number.
        sc = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
        acc = f"{rng.randint(10000000, 99999999)}"
        sort_typed = rng.choice(["-", " ", "", "."]).join(sc)
        acc_typed = rng.choice([acc, f"{acc[:4]} {acc[4:]}"])
        lead = rng.choice(["sort code {s} acc {a}", "{s} / {a}", "s/c {s}, a/c {a}", "Sort code: {s} Account number: {a}",
                           "account {a} sort code {s}", "bank details {s} {a}"])
        out.append((lead.format(s=sort_typed, a=acc_typed), [item(B, sort_typed, "".join(sc)), item(B, acc_typed, acc)]))
        # Cards.
        number = fake.credit_card_number(card_type=rng.choice(["visa16", "mastercard", "amex"]))
        groups = [number[:4], number[4:10], number[10:]] if len(number) == 15 else [number[i:i + 4] for i in range(0, len(number), 4)]
        typed = rng.choice([" ", "-", ""]).join(groups)
        last4 = number[-4:]
        lead = rng.choice(["card {} please", "my card number is {}", "{} was charged"])
        out.append((lead.format(typed), [item(C, typed, number)]))
        lead = rng.choice(["card ending {}", "the card ending in {}", "last four digits {}", "card ends with {}",
                           "**** **** **** {}", "card no. ending {}"])
        out.append((lead.format(last4), [item(C, last4)]))
        # Street addresses.
        number_ = str(rng.randint(1, 299)) + rng.choice(["", "", "", "a", "B"])
        street = f"{rng.choice([fake.last_name(), fake.first_name(), fake.last_name() + ' Park'])} {UK_SUFFIXES[k % len(UK_SUFFIXES)]}"
        town = fake.city()
        postcode = fake.postcode()
        pc_typed = rng.choice([postcode, postcode.replace(" ", ""), postcode.lower(), postcode.lower().replace(" ", "")])
        form = k % 5
        if form == 0:
            text = f"I live at {number_} {street}, {town} {pc_typed}"
            items = [item(S, f"{number_} {street}", street), item(T, town), item(P, pc_typed)]
        elif form == 1:
            text = f"my address is {number_} {street}\n{town}\n{pc_typed}"
            items = [item(S, f"{number_} {street}", street), item(T, town), item(P, pc_typed)]
        elif form == 2:
            flat = rng.choice(["Flat", "Unit", "Apartment", "Flat"]) + f" {rng.randint(1, 30)}"
            text = f"Deliver to {flat}, {number_} {street}, {town}"
            items = [item(S, f"{flat}, {number_} {street}", flat, street), item(T, town)]
        elif form == 3:
            house = f"{rng.choice(['Rose', 'Ivy', 'Oak', 'Willow', 'Meadow', 'Holly', fake.last_name()])} {rng.choice(HOUSE_WORDS)}"
            text = f"{house}, {street}, {town}, {pc_typed}"
            items = [item(H, house), item(S, street), item(T, town), item(P, pc_typed)]
        else:
            text = f"send it to {number_} {street} please, it's next to the shop"
            items = [item(S, f"{number_} {street}", street)]
        out.append((text, items))
    return out


def seeded_cases(seed: int = SEED, n: int = 40) -> list:
    """Hand-written awkward cases, then ``n`` rounds of Faker-built texts (one per category each round)."""
    return _hand_written() + _seeded(seed, n)


# ---------------------------------------------------------------------------------------------------
# Clean customer-service sentences: nothing in them is personal

CLEAN_SENTENCES = [
    "I waited 3 days for a reply.", "My order arrived on 12 May.", "Way too slow, honestly.",
    "Terms and conditions apply.", "We close at 5 on Sundays.", "It took 2 weeks to arrive.",
    "Delivery takes 3 to 5 working days.", "I've been on hold for 45 minutes.", "The store is a 10 minute walk away.",
    "We open at 9am and close at 5.30pm.", "Your refund of £24.99 will show in 3-5 days.", "Order 2 of 3 has been dispatched.",
    "I rang 4 times and nobody answered.", "It was 20 minutes late again.", "I'll call you back at 2.30 today.",
    "Use code SPRING10 for 10% off.", "Prices start at £5 a month.", "I was number 7 in the queue.",
    "The offer ends on 31 March.", "3 items were missing from my order.", "Please allow 28 days for delivery.",
    "We're on our way to you now.", "That's the best way to sort it.", "Thanks for your patience, we're nearly there.",
    "The courier left it by the back door.", "I'll walk you through the steps.", "Can you close the case please?",
    "Take a look at the help page.", "We'll keep you posted.", "I'm happy to help in any way I can.",
    "Sorry, the park and ride is closed.", "Row 12 seats are not available.", "It's a long way to the depot.",
    "The 2 parcels came on different days.", "I need it by 14 June at the latest.", "That's 3 times this month!",
    "At 10 past 4 the driver still had not come.", "We answer 9 in 10 chats within 2 minutes.",
    "The driver went up the hill and back down.", "I placed the order at 11pm on Friday.",
    "Ref: your complaint from 2 March.", "You're 1 of 3 customers affected.", "Level 2 support will call you.",
    "Our team works 7 days a week.", "Page 3 of the terms explains it.", "It costs £12 per month after 6 months.",
    "The parcel is at the depot in the square.", "Terrace seating is closed today.", "We're at the court hearing on Monday.",
    "I'd give it 2 stars at best.", "This is the 3rd time I've asked.", "The 5 o'clock collection was missed.",
    "We got 1 big box and 2 small ones.", "Try again in 30 seconds.", "Step 4: press the reset button.",
    "I've been a customer for 12 years.", "It's 2 doors down from the post office.", "Our 24/7 line is free to call.",
    "Please reply at your earliest convenience.", "We'll drive it over in 2 days.", "Gate 3 is where the courier waits.",
    "I moved house 2 months ago.", "Check section 4.2 of the policy.", "The 10:15 slot is free.",
    "Press 1 for billing, 2 for deliveries.", "Version 3.1 of the app fixes this.", "I paid £150.00 for it.",
    "The sale ends 2 June.", "We updated the app on 12.05.24.", "Our 2023-2024 report is online.",
    "Reply by 12/05/24 please.", "I looked at gmail and nothing came.", "It's at the end of the road.",
    "Turn left at the 2nd roundabout onto the main road.", "Flat rate delivery is £3.99.", "Unit 4 of the course covers this.",
    "Apartment viewings are by appointment.", "Can I get back to you in 2 days?\nThanks, Customer Care",
    "12 items arrived\nThe rest come Monday", "The last 4 orders were late.", "Ending the chat now, thanks.",
    "Card payments over £100 need a PIN.", "Your account is now closed.", "Sort it out by Friday please.",
    "I'll be at home from 9 till 5.", "2 Day Delivery is not available here.", "Open 24 Hours a day.",
    "I live 2 doors down the road.", "It's a 2 way street.", "3 days in a row now!", "I'll take you to the 2 small claims court.",
    "I have 2 Very Good Reasons to complain.", "We Have 2 Great Deals On Road Bikes.", "look at this dot com",
    "The 3 lane motorway was shut.", "See you in 2 weeks, way too long.", "I'll send 2 more lane closure updates.",
    "Sorry, I can't find order 3 of 5 at the moment.", "We're at 100 percent capacity.", "Room 2 is for returns.",
]
