"""Generated people and the template slots they fill. The only module that imports Faker.

Safe by construction: names come from Faker's en_GB locale (seeded per call), but every contact detail
is drawn from ranges reserved for fiction, so nothing generated can reach a real person:
- emails only at example.com / example.co.uk (RFC 2606 reserved domains);
- phone numbers only from Ofcom's drama ranges (07700 900000-900999, 0113 496 0000-0999, 020 7946 0000-0999...);
- postcodes only in the non-geographic ZZ99 pseudo-postcode area; towns from a list of invented names;
- order, account, booking and tracking references carry the fictional brand's prefix and random digits.
"""
from __future__ import annotations

import random
import re
import threading
import unicodedata
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable

from simulator.brands import Brand

if TYPE_CHECKING:   # Faker itself is imported on first use (slow to import); the name is for the annotation
    from faker import Faker
from simulator.seeds import stable_int

EMAIL_DOMAINS = ("example.com", "example.co.uk")
# Ofcom's numbers reserved for TV, radio and drama: (prefix as dialled, number of free digits).
DRAMA_PHONE_RANGES = (
    ("07700 900", 3), ("07700 900", 3), ("07700 900", 3),   # mobiles, most customers give one
    ("0113 496 0", 3), ("0114 496 0", 3), ("0115 496 0", 3), ("0116 496 0", 3), ("0117 496 0", 3),
    ("0118 496 0", 3), ("0121 496 0", 3), ("0131 496 0", 3), ("0141 496 0", 3), ("0151 496 0", 3),
    ("0161 496 0", 3), ("020 7946 0", 3), ("0191 498 0", 3),
)
INVENTED_TOWNS = ("Ashby Marston", "Kelthorpe", "Wyndham Cross", "Brackenford", "Little Harrowden Vale",
                  "Saltmere", "Thornbury Fell", "Cresswick", "Elmstead Quay", "Upper Dunholt")
STREET_WORDS = ("Mill", "Church", "Station", "Orchard", "Victoria", "Hawthorn", "Beech", "Kingfisher", "Meadow",
                "Rowan", "Chapel", "Larch", "Willow", "Foundry", "Heron")
STREET_KINDS = ("Road", "Lane", "Close", "Street", "Avenue", "Way", "Crescent", "Drive", "Terrace")
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"   # the letters used in a UK inward code

_local = threading.local()


def _faker(seed: int) -> Faker:
    """A per-thread en_GB Faker, re-seeded for this call (building one takes ~0.4 s, seeding is free)."""
    fake = getattr(_local, "faker", None)
    if fake is None:
        from faker import Faker  # imported on first use, so loading and validating scenarios stays quick
        fake = _local.faker = Faker("en_GB")
    fake.seed_instance(seed)
    return fake


@dataclass(frozen=True)
class Contact:
    """Who a generated customer is and how to reach them: shared by the Identity the templates fill from and the
    Persona an instance shows."""

    name: str
    first_name: str
    last_name: str
    handle: str
    email: str
    phone: str
    address: str
    postcode: str

    def contact(self) -> dict:
        """These eight values by field name (a subclass's own fields left out)."""
        return {f.name: getattr(self, f.name) for f in fields(Contact)}


@dataclass(frozen=True)
class Identity(Contact):
    """One generated customer: the personal values a template may use."""

    order_number: str
    account_number: str
    booking_reference: str
    tracking_number: str
    card_last4: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _ascii_word(name: str) -> str:
    """'Zoë O'Neil-Smith' -> 'zoeoneilsmith': safe in a handle or an email address."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in plain.lower() if ch.isalnum()) or "user"


# Words a generated handle must not spell by cutting or joining names ("the" + "Amelia" + "Poo(le)" or
# "T" + "watson"). A word inside an intact name is fine: @victoria_poole, @amelia_hancock.
RUDE_IN_HANDLES = re.compile(
    r"poo|pee|wee|arse|ass|bum|butt|fart|cum|sex|tit|boob|dick|cock|willy|knob|nob|piss|shit|crap|turd|twat|"
    r"wank|tosser|slag|slut|bitch|hoe|nazi|anal|anus|porn|rape|tard|homo|fag|suck|pube|spunk|jizz|smut|dung|"
    r"vomit|hell|nig|damn|prat|git", re.I)


def handle_is_rude(handle: str, first: str, last: str) -> bool:
    """A rude word in the handle that is not inside an intact first name or surname."""
    names = [(m.start(), m.end()) for part in (first, last) if part
             for m in re.finditer(re.escape(part), handle, re.I)]
    return any(not any(s <= w.start() and w.end() <= e for s, e in names) for w in RUDE_IN_HANDLES.finditer(handle))


def _clean_handle(handle: str, first: str, last: str, seed: int) -> str:
    """The handle, or (when it spells something rude) the first clean of a few plain forms. No draws from the
    identity's random generator, so every other value of the identity stays the same."""
    if not handle_is_rude(handle, first, last):
        return handle
    number = seed % 90 + 10
    for candidate in (f"{first}_{last}", f"{first[:1]}_{last}", f"{first}{number}", f"{last}{number}"):
        if len(candidate) <= 15 and not handle_is_rude(candidate, first, last):
            return candidate
    return f"customer{seed % 9000 + 1000}"


def make_identity(brand: Brand, *seed_parts: object) -> Identity:
    seed = stable_int("identity", *seed_parts)
    fake = _faker(seed)
    rng = random.Random(seed)
    first, last = fake.first_name(), fake.last_name()
    clean_first, clean_last = _ascii_word(first), _ascii_word(last)
    handle = rng.choice((
        f"{clean_first}{clean_last[:1]}{rng.randint(1, 99)}",
        f"{clean_first}_{clean_last}",
        f"{clean_first[:1]}{clean_last}{rng.randint(70, 99)}",
        f"{clean_first}{clean_last}{rng.randint(1, 9)}",
        f"the{clean_first}{clean_last[:3]}",
        f"{clean_last}{clean_first[:1]}_x",
    ))[:15]
    handle = _clean_handle(handle, clean_first, clean_last, seed)
    email_local = rng.choice((f"{clean_first}.{clean_last}", f"{clean_first}{rng.randint(1, 999)}",
                              f"{clean_first[:1]}{clean_last}", f"{clean_last}.{clean_first[:1]}"))
    prefix, digits = rng.choice(DRAMA_PHONE_RANGES)
    phone = prefix + "".join(str(rng.randint(0, 9)) for _ in range(digits))
    postcode = f"ZZ99 {rng.randint(1, 9)}{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}"
    street = f"{rng.randint(1, 140)} {rng.choice(STREET_WORDS)} {rng.choice(STREET_KINDS)}"
    address = f"{street}, {rng.choice(INVENTED_TOWNS)} {postcode}"
    p = brand.reference_prefix
    return Identity(
        name=f"{first} {last}", first_name=first, last_name=last, handle="@" + handle,
        email=f"{email_local}@{rng.choice(EMAIL_DOMAINS)}", phone=phone, address=address, postcode=postcode,
        order_number=f"{p}-{rng.randint(1_000_000, 9_999_999)}",
        account_number=f"{p}{rng.randint(10_000_000, 99_999_999)}",
        booking_reference=f"{p}{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6))}",
        tracking_number=f"{p}{rng.randint(10**9, 10**10 - 1)}",
        card_last4=f"{rng.randint(0, 9999):04d}",
    )


def _money(rng: random.Random, low: int, high: int) -> str:
    return f"£{rng.randint(low, high)}.{rng.choice(('00', '49', '99', '50', '95', '20'))}"


@dataclass(frozen=True)
class Slot:
    """A placeholder a template may use: `{name}`. Personal slots come from the customer's identity."""

    key: str
    personal: bool
    description: str
    make: Callable[[Identity, random.Random, Brand], str]


def _identity_slot(key: str, description: str) -> Slot:
    return Slot(key, True, description, lambda ident, rng, brand: getattr(ident, key))


_REFERENCE_DATE = date(2026, 1, 1)

SLOTS: dict[str, Slot] = {s.key: s for s in (
    _identity_slot("name", "the customer's full name"),
    _identity_slot("first_name", "the customer's first name"),
    _identity_slot("last_name", "the customer's surname"),
    _identity_slot("handle", "the customer's @handle"),
    _identity_slot("email", "an @example.com / @example.co.uk email"),
    _identity_slot("phone", "an Ofcom drama-range phone number"),
    _identity_slot("address", "a fictional address with a ZZ99 postcode"),
    _identity_slot("postcode", "a ZZ99 pseudo-postcode"),
    _identity_slot("order_number", "a made-up order number with the brand's prefix"),
    _identity_slot("account_number", "a made-up account number with the brand's prefix"),
    _identity_slot("booking_reference", "a made-up booking reference"),
    _identity_slot("tracking_number", "a made-up tracking number"),
    _identity_slot("card_last4", "the last four digits of a card"),
    Slot("brand", False, "the brand's name", lambda ident, rng, brand: brand.name),
    Slot("brand_handle", False, "the brand's @handle", lambda ident, rng, brand: brand.handle),
    Slot("amount", False, "a price such as £49.99", lambda ident, rng, brand: _money(rng, 12, 249)),
    Slot("small_amount", False, "a small sum such as £4.99", lambda ident, rng, brand: _money(rng, 2, 19)),
    Slot("days", False, "a number of days, 2 to 6", lambda ident, rng, brand: str(rng.randint(2, 6))),
    Slot("weeks", False, "a number of weeks, 2 to 5", lambda ident, rng, brand: str(rng.randint(2, 5))),
    Slot("hours", False, "a number of hours, 2 to 9", lambda ident, rng, brand: str(rng.randint(2, 9))),
    Slot("weekday", False, "a day of the week", lambda ident, rng, brand: rng.choice(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"))),
    Slot("date", False, "a date such as 14 March", lambda ident, rng, brand: (
        lambda d: f"{d.day} {d.strftime('%B')}")(_REFERENCE_DATE + timedelta(days=rng.randint(0, 364)))),
    Slot("time", False, "a time such as 07:42",
         lambda ident, rng, brand: f"{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"),
)}

PERSONAL_SLOTS = frozenset(k for k, s in SLOTS.items() if s.personal)
# Personal slots that are not contact or account details: a name or handle may appear in public.
PUBLIC_SAFE_SLOTS = frozenset({"name", "first_name", "last_name", "handle"})
# Which key of `injected_personal_data` each personal slot belongs under.
PERSONAL_DATA_KIND = {"name": "names", "first_name": "names", "last_name": "names", "handle": "handles",
                      "email": "emails", "phone": "phones", "address": "addresses", "postcode": "postcodes",
                      "order_number": "references", "account_number": "references",
                      "booking_reference": "references", "tracking_number": "references", "card_last4": "card_digits"}


def fill_slots(identity: Identity, rng: random.Random, brand: Brand) -> dict[str, str]:
    """Every slot's value for one customer, drawn in a fixed order so the result depends only on the seed."""
    return {key: slot.make(identity, rng, brand) for key, slot in SLOTS.items()}
