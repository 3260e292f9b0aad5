"""Seeded sets of UK personal data planted in a portfolio, for the recall and precision measurements of issue 14.

`planted_set(seed, generator="a")` returns a list of `Plant(field, text, items)`: a sentence to add to one field
of a portfolio (a customer message, a learner reply, a reflection, a logbook title, a tutor comment, a moderation
comment, the scorer's feedback), and the personal data items in it. `plant(data, plants)` adds them to a
PortfolioData dict made by `sample.make_portfolio`. Nothing planted is known to the anonymiser (none of it is in
`injected_personal_data`): only its pattern rules and name gazetteer can find it.

Two generators, so that a final check runs on text the rules were not tuned on:
- "a" (tuning): names from `uk_names.py` and Faker's en_GB / en_IE / ga_IE / en_IN / yo_NG lists, in the
  templates below.
- "b" (final check, written separately and not used while tuning): names from other Faker locales that have UK
  communities behind them (hi_IN, en_PK, ig_NG, tw_GH, pl_PL, ro_RO, zh_CN pinyin, vi_VN, tr_TR, lt_LT) and
  from en_GB with a different seed, its own sentence templates and formats, and a different seed.

Each item: `category` (what the README reports by) and `parts`, the strings none of which may survive.
"""
from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import date, timedelta

import uk_names
from faker import Faker

NAME_COMMUNITIES = ("scottish", "welsh", "irish", "english", "south_asian", "african", "caribbean", "chinese",
                    "polish_eastern_european", "other")
STRUCTURED = ("date of birth", "NHS number", "NI number", "vehicle reg", "passport", "driving licence", "email",
              "phone", "postcode", "card", "sort code + account", "IBAN", "street address", "handle", "order ref")
FIELDS = ("customer", "reply", "reflection", "title", "tutor", "moderation", "feedback", "real_customer", "real_reply",
          "real_reflection")


@dataclass
class Item:
    category: str
    value: str
    parts: list = field(default_factory=list)   # identifying strings: none may survive


@dataclass
class Plant:
    field: str
    text: str
    items: list
    template: str = ""   # the sentence with "{}" where the item is (to find what became of it in an export)


# ---------------------------------------------------------------------------------------------------
# Structured identifiers


def nhs_number(rng) -> str:
    while True:
        first = [rng.randint(0, 9) for _ in range(9)]
        first[0] = rng.choice([4, 6, 7, 3])   # England/Wales 4xx 6xx 7xx, NI H&C 3xx
        check = 11 - sum(d * w for d, w in zip(first, range(10, 1, -1))) % 11
        check = 0 if check == 11 else check
        if check != 10:
            return "".join(map(str, first)) + str(check)


NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def ni_number(rng) -> str:
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            return prefix + "".join(str(rng.randint(0, 9)) for _ in range(6)) + rng.choice("ABCD")


REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def vehicle_reg(rng) -> str:
    form = rng.random()
    def letters(n):
        return "".join(rng.choice(REG_LETTERS.replace("I", "").replace("Q", "")) for _ in range(n))
    if form < 0.7:   # current: KX19 ABC
        age = rng.choice([f"{y:02d}" for y in range(2, 26)] + [f"{y}" for y in range(51, 76)])
        return f"{letters(2)}{age} {letters(3)}"
    if form < 0.85:  # prefix: A123 BCD
        return f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}{rng.randint(1, 999)} {letters(3)}"
    if form < 0.95:  # suffix: ABC 123D
        return f"{letters(3)} {rng.randint(1, 999)}{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}"
    return (f"{rng.choice(['A', 'B', 'C', 'D', 'G', 'K', 'L', 'M', 'N'])}"
            f"{rng.choice(['AZ', 'BZ', 'CZ', 'DZ', 'FZ', 'JI', 'UI', 'XI'])} {rng.randint(1, 9999)}")


def driving_licence(rng, surname: str, birth: date, initials: str) -> str:
    sur = "".join(c for c in surname.upper() if c.isalpha())[:5].ljust(5, "9")
    month = birth.month + (50 if rng.random() < 0.5 else 0)
    ini = (initials.upper() + "9")[:2]
    return (f"{sur}{str(birth.year)[2]}{month:02d}{birth.day:02d}{str(birth.year)[3]}{ini}9"
            f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}")


def luhn_card(rng, prefix="4", length=16) -> str:
    digits = [int(c) for c in prefix] + [rng.randint(0, 9) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = d * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def dob_formats(d: date) -> list[str]:
    return [d.strftime("%d/%m/%Y"), f"{d.day}/{d.month}/{d.year}", d.strftime("%d/%m/%y"), d.strftime("%d-%m-%Y"),
            d.strftime("%d.%m.%Y"), d.strftime("%Y-%m-%d"), d.strftime("%Y/%m/%d"), f"{d.day} {d.strftime('%B %Y')}",
            f"{ordinal(d.day)} {d.strftime('%B %Y')}", f"{d.strftime('%B')} {ordinal(d.day)}, {d.year}",
            f"{d.day} {d.strftime('%b %Y')}", f"{d.strftime('%A')} {ordinal(d.day)} {d.strftime('%B %Y')}",
            f"{ordinal(d.day)} of {d.strftime('%B %Y')}", d.strftime("%d %m %Y"),
            f"{d.day}-{d.strftime('%b')}-{d.year}",
            f"{d.strftime('%d %b')} '{d.strftime('%y')}", f"{d.strftime('%B')} {d.day} {d.year}"]


# ---------------------------------------------------------------------------------------------------
# Names


def _forms(rng, first: str, last: str) -> tuple[str, str]:
    """A name as someone might type it: (text, form)."""
    r = rng.random()
    if r < 0.12:
        return f"{first} {last}".lower(), "lower case"
    if r < 0.22:
        return f"{first} {last}".upper(), "SHOUTED"
    if r < 0.30:
        return first, "first name only"
    if r < 0.36:
        return f"{first} {last}-{rng.choice(sorted(uk_names.all_surnames()))}", "hyphenated"
    return f"{first} {last}", "full name"


class Names:
    def __init__(self, generator: str, seed: int):
        self.rng = random.Random(seed * 7 + 1)
        self.generator = generator
        if generator == "a":
            self.pools = {c: ([w for w in uk_names.words(uk_names.FIRST[c])],
                              [w for w in uk_names.words(uk_names.SURNAMES[c])])
                          for c in NAME_COMMUNITIES}
            fakers = {"english": "en_GB", "irish": "ga_IE", "south_asian": "en_IN", "african": "yo_NG"}
        else:
            self.pools = {}
            fakers = {"english": "en_GB", "irish": "en_IE", "south_asian": "hi_IN", "african": "ig_NG",
                      "caribbean": "en_GB", "chinese": "zh_CN", "polish_eastern_european": "pl_PL", "other": "tr_TR",
                      "scottish": "en_GB", "welsh": "en_GB"}
        self.fakers = {}
        for c, loc in fakers.items():
            f = Faker(loc)
            f.seed_instance(seed + (0 if generator == "a" else 1000) + len(self.fakers))
            self.fakers[c] = f

    def pick(self, community: str) -> tuple[str, str]:
        rng = self.rng
        f = self.fakers.get(community)
        if self.generator == "a":
            if f is not None and rng.random() < 0.3:
                return f.first_name(), f.last_name()
            firsts, lasts = self.pools[community]
            return rng.choice(firsts), rng.choice(lasts)
        # generator b: Faker's lists (pinyin for zh_CN), plus Mac/Mc/O'/ap forms built from its own parts
        if community == "chinese":
            from faker.providers.person.zh_CN import Provider
            return rng.choice(Provider.first_romanized_names).title(), rng.choice(Provider.last_romanized_names).title()
        first, last = f.first_name(), f.last_name()
        if community == "scottish":
            last = rng.choice(["Mac", "Mc"]) + last
        elif community == "welsh":
            last = f"ap {f.first_name_male()}" if rng.random() < 0.5 else last
        elif community == "irish" and rng.random() < 0.4:
            last = "O'" + last
        return first, last


# ---------------------------------------------------------------------------------------------------
# Templates: (field, template). {name} is the whole planted name, {value} an identifier.

TEMPLATES_A = {
    "name": [
        ("customer", "Hi, this is {name}. My parcel still has not come."),
        ("customer", "{name} here, I need this sorted today."),
        ("customer", "My name is {name} and I want a refund."),
        ("customer", "I'm writing for my mum, {name}, who can't use Facebook."),
        ("reply", "Hi {name}, I'm so sorry about the wait."),
        ("reply", "Thanks {name}, I've passed this to the team."),
        ("reflection", "I spoke to {name} about the refund and she calmed down."),
        ("reflection", "{name} was upset because the order was late again."),
        ("reflection", "My colleague {name} showed me how to check the tracking."),
        ("title", "Refund for {name}"),
        ("title", "Helping {name} with a lost card"),
        ("title", "{name} - late delivery complaint"),
        ("tutor", "Good work with {name}: you named the issue first."),
        ("moderation", "Raised after discussing with {name}."),
        ("feedback", "Check the spelling of these words: ({name})."),
        ("real_customer", "Hello it's {name} again, still waiting on my refund"),
        ("real_reply", "Hi {name}, sorry to hear this. Could you DM us?"),
        ("real_reflection", "{name} rang twice before I answered."),
    ],
    "date of birth": [
        ("customer", "My date of birth is {value} if you need it."),
        ("customer", "DOB {value}, account in my name."),
        ("real_customer", "I was born on {value} and the account is mine"),
        ("reflection", "The customer gave her date of birth ({value}) in a public comment."),
        ("customer", "Details for the account: {value}, flat 2."),
        ("reply", "Thanks, I have your DOB as {value} now."),
    ],
    "NHS number": [
        ("customer", "My NHS number is {value}, can you check the prescription?"),
        ("customer", "NHS no. {value}"),
        ("reflection", "She posted her NHS number {value} on our page."),
        ("real_customer", "here is my nhs number {value}"),
        ("customer", "Ref for the GP letter: {value}"),
    ],
    "NI number": [
        ("customer", "My National Insurance number is {value}."),
        ("customer", "NI number: {value}"),
        ("real_customer", "ni no {value} for the payroll query"),
        ("reflection", "He sent his NI number {value} by DM, which I deleted."),
    ],
    "vehicle reg": [
        ("customer", "The courier van {value} blocked my drive."),
        ("customer", "My car reg is {value}."),
        ("real_customer", "my reg is {value} and the parking fine is wrong"),
        ("reflection", "The customer's car ({value}) was clamped by mistake."),
    ],
    "passport": [
        ("customer", "My passport number is {value}."),
        ("customer", "Passport no. {value} for the booking."),
        ("real_customer", "passport {value} was in the lost bag"),
    ],
    "driving licence": [
        ("customer", "Driving licence number {value}."),
        ("customer", "My licence is {value} if you need ID."),
        ("real_customer", "driving licence no: {value}"),
    ],
    "email": [("customer", "Email me at {value} please."), ("real_customer", "my email is {value}"),
              ("reflection", "She posted {value} in a public reply.")],
    "phone": [("customer", "Ring me on {value} after 5."), ("real_customer", "call {value}"),
              ("reply", "We'll call you on {value} today.")],
    "postcode": [("customer", "My postcode is {value}."), ("real_customer", "deliver to {value} please")],
    "card": [("customer", "Card number {value} was charged twice."),
             ("real_customer", "charged my card {value} twice")],
    "sort code + account": [("customer", "Refund to sort code {value}."), ("real_customer", "bank details {value}")],
    "IBAN": [("customer", "IBAN {value} for the refund."), ("real_customer", "pay it back to {value}")],
    "street address": [("customer", "Send it to {value} instead."), ("real_customer", "I live at {value}")],
    "handle": [("customer", "Message my sister {value} too."),
               ("reflection", "The customer tagged {value} in the post.")],
    "order ref": [("customer", "Order {value} never arrived."), ("real_customer", "order number {value}")],
}

TEMPLATES_B = {
    "name": [
        ("customer", "Can someone help? {name}, Leeds branch customer for ten years."),
        ("customer", "Regards, {name}"),
        ("reply", "Morning {name}! Let me look into this for you."),
        ("reply", "{name}, I completely understand how frustrating that is."),
        ("reflection", "When {name} replied I realised I had got the order wrong."),
        ("reflection", "I asked {name} for the order number in a DM."),
        ("title", "Complaint from {name} about a broken kettle"),
        ("title", "{name}'s cancelled booking"),
        ("tutor", "{name} would have wanted a time for the callback."),
        ("feedback", "Personalisation: you used the customer's name ({name})."),
        ("real_reflection", "I think {name} felt ignored at first."),
        ("real_customer", "{name} - order still missing"),
    ],
    "date of birth": [("customer", "D.O.B: {value}"), ("real_customer", "my birthday is {value}"),
                      ("reflection", "The form asked for a date of birth and she wrote {value}."),
                      ("customer", "Account holder {value}, can you confirm?")],
    "NHS number": [("customer", "nhs number: {value}"), ("real_customer", "{value} is my NHS no"),
                   ("reflection", "A customer typed an NHS number, {value}, into the chat.")],
    "NI number": [("customer", "NINO {value}"), ("reflection", "National Insurance number {value} was in the email.")],
    "vehicle reg": [("customer", "registration {value}"), ("real_customer", "the van was {value}"),
                    ("reflection", "A photo showed the plate {value}.")],
    "passport": [("customer", "passport no: {value}"), ("reflection", "She read out passport number {value}.")],
    "driving licence": [("customer", "licence {value}"), ("real_customer", "my driving licence {value}")],
    "email": [("reply", "Please send it to {value}"), ("customer", "contact: {value}")],
    "phone": [("customer", "mobile {value}"), ("real_customer", "text me {value}")],
    "postcode": [("customer", "postcode {value}")],
    "card": [("customer", "card {value}")],
    "sort code + account": [("customer", "sort code and account: {value}")],
    "IBAN": [("customer", "my IBAN is {value}")],
    "street address": [("customer", "address: {value}")],
    "handle": [("customer", "cc {value}")],
    "order ref": [("customer", "ref {value}")],
}

COUNTS = {"name": 300, "date of birth": 60, "NHS number": 30, "NI number": 25, "vehicle reg": 30, "passport": 15,
          "driving licence": 15, "email": 15, "phone": 15, "postcode": 10, "card": 10, "sort code + account": 8,
          "IBAN": 6, "street address": 10, "handle": 8, "order ref": 8}


def _identifier(category: str, rng, fake, generator: str) -> tuple[str, list]:
    """(value as typed, parts that must not survive)."""
    if category in ("date of birth", "NHS number", "NI number", "vehicle reg", "passport", "driving licence"):
        return _identity(category, rng, fake)
    return _contact(category, rng, fake, generator)


def _identity(category: str, rng, fake) -> tuple[str, list]:
    if category == "date of birth":
        d = date(1940, 1, 1) + timedelta(days=rng.randint(0, 365 * 66))
        value = rng.choice(dob_formats(d))
        return value, [value]
    if category == "NHS number":
        n = nhs_number(rng)
        value = rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])
        return value, [n]
    if category == "NI number":
        n = ni_number(rng)
        value = rng.choice([f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}", n, n.lower(),
                            f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}", f"{n[:2]}{n[2:8]} {n[8]}"])
        return value, [n[:8]]
    if category == "vehicle reg":
        v = vehicle_reg(rng)
        value = rng.choice([v, v, v.replace(" ", "")])
        return value, [v.replace(" ", "")]
    if category == "passport":
        n = "".join(str(rng.randint(0, 9)) for _ in range(9))
        n = str(rng.randint(1, 9)) + n[1:]
        return n, [n]
    if category == "driving licence":
        birth = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 50))
        n = driving_licence(rng, fake.last_name(), birth, fake.first_name()[0] + rng.choice(string.ascii_uppercase))
        value = rng.choice([n, f"{n[:5]} {n[5:11]} {n[11:16]}"])
        return value, [n]
    raise ValueError(category)


def _contact(category: str, rng, fake, generator: str) -> tuple[str, list]:
    if category == "email":
        v = fake.email().replace("@example", "@mail")
        return v, [v.split("@")[0]]
    if category == "phone":
        v = rng.choice([f"07700 900{rng.randint(100, 999)}", f"0113 496 0{rng.randint(100, 999)}",
                        f"+44 7700 900{rng.randint(100, 999)}", f"020 7946 0{rng.randint(100, 999)}"])
        return v, [v[-6:].replace(" ", "")]
    if category == "postcode":
        v = fake.postcode()
        return v, [v.replace(" ", "")]
    if category == "card":
        c = luhn_card(rng, rng.choice(["4", "51", "37"]), 15 if False else 16)
        v = rng.choice([c, " ".join(c[i:i + 4] for i in range(0, 16, 4)),
                        "-".join(c[i:i + 4] for i in range(0, 16, 4))])
        return v, [c]
    if category == "sort code + account":
        sc = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
        acc = "".join(str(rng.randint(0, 9)) for _ in range(8))
        return f"{sc} {acc}", [sc.replace("-", ""), acc]
    if category == "IBAN":
        v = fake.iban() if generator == "a" else "GB" + fake.iban()[2:]
        return v, [v]
    if category == "street address":
        v = f"{rng.randint(1, 200)} {fake.street_name()}, {fake.city()}"
        return v, [v.split(",")[0]]
    if category == "handle":
        v = "@" + fake.user_name()
        return v, [v]
    if category == "order ref":
        v = rng.choice([f"ORD-{rng.randint(100000, 999999)}", f"#{rng.randint(10000, 99999)}",
                        f"{rng.randint(1000000, 9999999)}"])
        return v, [v.lstrip("#")]
    raise ValueError(category)


def planted_set(seed: int = 2026, generator: str = "a") -> list[Plant]:
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    names = Names(generator, seed)
    templates = TEMPLATES_A if generator == "a" else TEMPLATES_B
    plants = []
    for category, n in COUNTS.items():
        for k in range(n):
            where, template = templates[category][k % len(templates[category])]
            if category == "name":
                community = NAME_COMMUNITIES[k % len(NAME_COMMUNITIES)]
                first, last = names.pick(community)
                text_name, form = _forms(rng, first, last)
                if where == "title" and form == "lower case":
                    text_name, form = f"{first} {last}", "full name"
                parts = [p for p in text_name.replace("-", " ").split() if p.lower() not in ("ap", "o'")]
                item = Item(f"name: {community}", text_name, parts)
                item.form = form
                plants.append(Plant(where, template.format(name=text_name), [item], template.replace("{name}", "{}")))
            else:
                value, parts = _identifier(category, rng, fake, generator)
                plants.append(Plant(where, template.format(value=value), [Item(category, value, parts)],
                                    template.replace("{value}", "{}")))
    rng.shuffle(plants)
    return plants


def plant(data: dict, plants: list[Plant]) -> dict:
    """Add each planted sentence to a field of the portfolio (round-robin over the attempts and logbook entries)."""
    attempts = data["attempts"]
    real = [e for e in data["logbook"] if e.get("kind") == "real"]
    entries = data["logbook"]
    counters: dict[str, int] = {}
    for p in plants:
        k = counters.get(p.field, 0)
        counters[p.field] = k + 1
        a = attempts[k % len(attempts)]
        if p.field == "customer":
            msg = [m for m in a["messages"] if m["author"] == "customer"][0]
            msg["text"] += "\n" + p.text
        elif p.field == "reply":
            msg = [m for m in a["messages"] if m["author"] == "learner"][-1]
            msg["text"] += "\n" + p.text
        elif p.field == "reflection":
            if not a.get("reflection"):
                a["reflection"] = {"form": "short", "created_at": a["submitted_at"], "fields": {"what_went_well": ""}}
            key = sorted(a["reflection"]["fields"])[0]
            a["reflection"]["fields"][key] = (a["reflection"]["fields"][key] + "\n" + p.text).strip()
        elif p.field == "tutor":
            a.setdefault("tutor_feedback", []).append({"by": "Tutor Person", "at": a["submitted_at"], "text": p.text})
        elif p.field == "moderation":
            a.setdefault("moderations", []).append({"criterion": "empathy", "old_level": 1, "new_level": 2,
                                                    "comment": p.text, "by": "Tutor Person", "at": a["submitted_at"]})
        elif p.field == "feedback":
            a["result"].setdefault("feedback", {}).setdefault("went_well", []).append(
                {"criterion": "personalisation", "quote": "", "text": p.text})
        elif p.field == "title":
            e = entries[k % len(entries)]
            e["title"] = (e.get("title") or "") + " / " + p.text if k >= len(entries) else p.text
        elif p.field.startswith("real_"):
            e = real[k % len(real)] if real else entries[k % len(entries)]
            if p.field == "real_customer":
                e["customer_text"] = (e.get("customer_text") or "") + "\n" + p.text
            elif p.field == "real_reply":
                e["reply_text"] = (e.get("reply_text") or "") + "\n" + p.text
            else:
                refl = e.setdefault("reflection", {})
                key = sorted(refl)[0] if refl else "what_went_well"
                refl[key] = ((refl.get(key) or "") + "\n" + p.text).strip()
        else:
            raise ValueError(p.field)
    return data
