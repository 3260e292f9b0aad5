"""Seeded synthetic PortfolioData for the tests and bench/bench_portfolio.py (Faker en_GB).

``make_portfolio(n_attempts, seed)`` returns ``(data, secrets)``: a PortfolioData dict and every
personal value put into it, which must not survive into any export. Attempts rotate through awkward
cases: customer names that are also words ("Rose Day", "Bill Savage"), names inside handles
(@rose_day87), values split across lines, and emails, phones, postcodes, card, sort code, NI and
order numbers typed by the learner in replies and reflections, and third parties the app never knew
about (a colleague named in a reflection).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from faker import Faker

WORD_FIRST = ["Rose", "Grace", "Bill", "Mark", "Joy", "Hope", "Dawn", "Holly", "Jack", "Frank", "Ray", "Amber", "Daisy",
              "Penny", "Ruby", "Faith", "Robin", "Heather", "Summer", "Pearl"]
WORD_LAST = ["Day", "Winter", "Brown", "Green", "Baker", "Cook", "Hill", "Wood", "King", "Savage", "Price", "Bell",
             "Hunt", "Stone", "Little", "Young", "White", "Lamb", "Fox", "Marsh"]
SCENARIOS = [
    ("late-parcel", "Late parcel on X", "delivery", "twitter", "public_reply", 60),
    ("double-charge", "Double charge in live chat", "billing", "webchat", "live_chat", 2),
    ("broken-screen", "Broken screen complaint on Facebook", "product", "facebook", "conversation", 60),
    ("data-breach-worry", "Customer worried about a data breach", "privacy", "instagram", "crisis", 30),
    ("refund-delay", "Refund delay, angry customer", "billing", "twitter", "conversation", 60),
]
CRITERIA = ["hear", "empathise", "apologise", "take_ownership", "acknowledge", "act", "greeting", "personalisation",
            "signposting", "closing", "tone_of_voice", "plain_language", "data_protection", "take_private", "clarify",
            "escalation", "accuracy", "timeliness", "platform_fit"]
GRADES = ["Refer", "Pass", "Merit", "Distinction"]
CALENDAR_WORDS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


@dataclass
class Secrets:
    values: set = field(default_factory=set)       # exact strings (names, handles, emails, addresses...)
    numbers: set = field(default_factory=set)      # digit strings (phones, cards, orders, sort codes)
    word_names: set = field(default_factory=set)   # names that are also words: checked as capitalised words

    def add(self, *values):
        for v in values:
            if v:
                self.values.add(v)

    def add_number(self, value):
        digits = "".join(c for c in value if c.isdigit())
        if len(digits) >= 6:
            self.numbers.add(digits)
        if digits.startswith("0") and len(digits) == 11:
            self.numbers.add("44" + digits[1:])


def _uk_mobile(rng):
    return f"07700 900{rng.randint(0, 999):03d}"


def _uk_landline(rng):
    return rng.choice([f"0113 496 0{rng.randint(0, 999):03d}", f"020 7946 0{rng.randint(0, 999):03d}",
                       f"01632 960{rng.randint(0, 999):03d}"])


def _card(rng):
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d2 = d * 2 if i % 2 == 0 else d
        total += d2 - 9 if d2 > 9 else d2
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i:i + 4] for i in range(0, 16, 4))


def _ni(rng):
    return f"QQ {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.choice('ABCD')}"


def make_portfolio(n_attempts: int = 40, seed: int = 1, *, logbook_entries: int = 8):
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    secrets = Secrets()
    learner_first, learner_last = fake.first_name(), fake.last_name()
    learner = {"username": f"{learner_first.lower()}{learner_last.lower()}{rng.randint(1, 99)}",
               "full_name": f"{learner_first} {learner_last}",
               "email": f"{learner_first.lower()}.{learner_last.lower()}@{fake.free_email_domain()}",
               "candidate_number": f"{rng.randint(10000000, 99999999)}"}
    secrets.add(learner["username"], learner["full_name"], learner["email"], learner_last)
    if learner_first not in WORD_FIRST:
        secrets.add(learner_first)
    tutors = [fake.name() for _ in range(2)]   # may carry a title ("Dr ..."), as real staff records do
    assessor = fake.name()
    secrets.add(*tutors, assessor)
    start = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    attempts = []
    for n in range(n_attempts):
        attempts.append(_attempt(n, fake, rng, secrets, learner, tutors, assessor, start + timedelta(days=n * 2, hours=rng.randint(0, 6))))
    logbook = [_log_entry(i, fake, rng, secrets, start + timedelta(days=i * 5)) for i in range(logbook_entries)]
    data = {
        "learner": learner,
        "cohort": {"name": "CS Specialist L3, Leeds, March 2026"},
        "qualification": {"title": "Customer Service Specialist", "level": 3, "standard_ref": "ST0071"},
        "standard": {"id": "INSCS036", "title": "Develop customer service social networks"},
        "period": {"start": start.isoformat(), "end": (start + timedelta(days=max(n_attempts, 1) * 2)).isoformat()},
        "attempts": attempts,
        "logbook": logbook,
    }
    return data, secrets


def _person(n, fake, rng):
    case = n % 4
    if case == 0:
        first, last = rng.choice(WORD_FIRST), rng.choice(WORD_LAST)
    elif case == 1:
        first, last = rng.choice(WORD_FIRST), fake.last_name()
    else:
        first, last = fake.first_name(), fake.last_name()
    handle = "@" + rng.choice([f"{first.lower()}_{last.lower()}{rng.randint(1, 99)}", f"{first.lower()}{last.lower()}",
                               f"{first[0].lower()}{last.lower()}_{rng.randint(1980, 2005)}", f"the_real_{first.lower()}",
                               f"{first.lower()}.{last.lower()}.official.account"])
    return first, last, handle


def _attempt(n, fake, rng, secrets, learner, tutors, assessor, t0):
    sid, title, cat, platform, etype, sla = SCENARIOS[n % len(SCENARIOS)]
    first, last, handle = _person(n, fake, rng)
    name = f"{first} {last}"
    email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example.com"
    phone = _uk_mobile(rng) if n % 2 else _uk_landline(rng)
    order = f"ORD-{rng.randint(100000, 999999)}"
    street = f"{rng.randint(1, 220)} {fake.last_name()} {rng.choice(['Road', 'Street', 'Avenue', 'Lane', 'Close'])}"
    town = fake.city()
    postcode = fake.postcode()
    address = f"{street}\n{town}\n{postcode}"
    injected = [name, first, handle, email, phone, order, address]
    secrets.add(name, handle, handle.lstrip("@"), email, street, postcode, town)
    secrets.add_number(phone)
    secrets.add_number(order)
    (secrets.word_names if first in WORD_FIRST else secrets.values).add(first)
    (secrets.word_names if last in WORD_LAST else secrets.values).add(last)
    # What the learner types (the app never injected these exact forms).
    typed_phone = _uk_mobile(rng)
    card = _card(rng)
    sort_code = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
    account = f"{rng.randint(10000000, 99999999)}"
    ni = _ni(rng)
    typed_postcode = fake.postcode()
    colleague = fake.name()
    secrets.add(typed_postcode, ni, colleague)
    for v in (typed_phone, card, sort_code, account):
        secrets.add_number(v)
    secrets.numbers.add(sort_code.replace("-", ""))
    customer_msgs = [
        f"{handle} here. My order {order} still hasn't arrived and I'm fuming. I'm {name}, ring me on {phone}.",
        f"It's {first} again. Still nothing! My email is {email} if you need it. Address is {street}, {town}, {postcode}.",
    ]
    variant = n % 5
    if variant == 0:
        reply1 = f"{handle} Hi {first}, I'm so sorry your parcel is late. Please DM us so we can look into order {order} for you. ^{learner['full_name'][0]}{learner['full_name'].split()[-1][0]}"
    elif variant == 1:
        reply1 = f"Hi {first}\n{last}, sorry to hear that. I've checked {order.replace('-', '')} and can call you on {typed_phone[:5]}\n{typed_phone[6:]}. Thanks, {learner['full_name'].split()[0]}"
    elif variant == 2:
        reply1 = f"Dear {name}, I apologise for the delay. I've emailed {email} and updated the address to {street}, {typed_postcode}. Card ending {card[-4:]} refunded."
    elif variant == 3:
        reply1 = f"Hello {first.upper()}, thanks for letting us know. Please don't post your card {card} or sort code {sort_code}, account {account} here. DM us."
    else:
        reply1 = f"Hi there {first}, sorry about this. Contact me at {learner['email']} or see https://twitter.com/{handle.lstrip('@')}/status/1{rng.randint(10**8, 10**9)}. NI {ni} is not needed."
    reply2 = f"Thanks {first}, I've refunded {order} today and I'll ring {phone} by 5pm to confirm. Anything else I can help with?"
    msgs = []
    t = t0
    msgs.append({"author": "customer", "author_name": name, "text": customer_msgs[0], "channel": "public", "sent_at": t.isoformat(), "response_minutes": None})
    rm1 = rng.choice([4, 18, 35, 55, 75, 140]) if sla >= 30 else rng.choice([0.5, 1.5, 3])
    t += timedelta(minutes=rm1)
    msgs.append({"author": "learner", "author_name": learner["full_name"], "text": reply1, "channel": "public", "sent_at": t.isoformat(), "response_minutes": rm1})
    t += timedelta(minutes=rng.randint(2, 20))
    msgs.append({"author": "customer", "author_name": name, "text": customer_msgs[1], "channel": "private", "sent_at": t.isoformat(), "response_minutes": None})
    rm2 = rng.choice([3, 9, 25])
    t += timedelta(minutes=rm2)
    msgs.append({"author": "learner", "author_name": learner["full_name"], "text": reply2, "channel": "private", "sent_at": t.isoformat(), "response_minutes": rm2})
    criteria = {}
    for key in CRITERIA:
        level = rng.choice([0, 1, 2, 2, 2, None]) if key not in ("hear", "apologise", "act") else rng.choice([1, 2, 2])
        if key == "data_protection":
            level = rng.choice(["pass", "pass", "fail"])
        ev = []
        for turn, text in ((0, reply1), (1, reply2)):
            probe = {"personalisation": first, "apologise": "sorry", "act": order if turn else "DM", "greeting": "Hi", "hear": "parcel",
                     "closing": "Anything else"}.get(key)
            if probe and probe in text:
                s = text.index(probe)
                ev.append({"start": s, "end": s + len(probe), "text": probe, "turn": turn})
                break
        criteria[key] = {"level": level, "evidence": ev if level not in (0, None, "fail") else [],
                         "missing": None if level == 2 else "a specific next step",
                         "reason": f"Addresses {first} by name." if key == "personalisation" else f"Level for {key.replace('_', ' ')}.",
                         "confidence": "high"}
    grade = rng.choice(GRADES)
    result = {"rubric": {"id": "heat-aaa-marking", "version": 1, "hash": "sha256:abc", "scorer_version": "1.0.0"}, "mode": "scenario",
              "criteria": criteria, "grade": grade, "grade_rule": "Every HEAT criterion and act at 1 or more.",
              "feedback": {"went_well": [{"criterion": "apologise", "quote": "sorry", "text": f"You apologised to {first} clearly."}],
                           "even_better_if": [{"criterion": "closing", "missing": "Check the customer is happy before closing.", "example": "Is there anything else I can help with? ^JS"}]}}
    moderated, moderations = {}, []
    if n % 3 == 0:
        moderated["empathise"] = 2
        moderations.append({"criterion": "empathise", "old_level": criteria["empathise"]["level"], "new_level": 2,
                            "comment": f"Recognises how {first} feels about waiting in.", "by": tutors[n % 2], "at": (t + timedelta(days=1)).isoformat()})
    refl = None
    if n % 2 == 0:
        refl = {"form": "gibbs", "created_at": (t + timedelta(days=2)).isoformat(), "fields": {
            "description": f"{name} complained on {platform} about order {order}. My colleague {colleague} helped me check the account.",
            "feelings": f"I was nervous because {first} was angry and posted their number {phone} publicly.",
            "evaluation": "I apologised quickly but asked for details in public at first.",
            "analysis": f"I should have moved to DM before mentioning the postcode {typed_postcode}.",
            "conclusion": "Take it private sooner.",
            "action_plan": f"Next time I will not repeat details like {email.split('@')[0]}\n@{email.split('@')[1]} in public."}}
    elif n % 4 == 1:
        refl = {"form": "short", "created_at": (t + timedelta(days=2)).isoformat(), "fields": {
            "what_went_well": f"I used {first}'s name and apologised.", "even_better_if": f"I had not typed card {card} in my notes.",
            "next_time": f"Check with {colleague.split()[0]} {colleague.split()[-1]} before refunding."}}
    return {
        "id": f"att-{n + 1:04d}",
        "scenario": {"id": sid, "title": title, "category": cat, "platform": platform, "exercise_type": etype,
                     "brief": f"A customer on {platform} says their order has not arrived. Reply within {sla} minutes, following the brand's tone of voice.",
                     "sla_minutes": sla},
        "started_at": t0.isoformat(), "submitted_at": t.isoformat(),
        "messages": msgs, "result": result, "moderated_levels": moderated, "moderations": moderations,
        "grade": rng.choice(GRADES) if moderations else grade,
        "tutor_feedback": [{"by": tutors[n % 2], "at": (t + timedelta(days=1)).isoformat(), "text": f"Good use of {first}'s name; move to DM before asking for {order}."}],
        "assessor_signoff": {"by": assessor, "at": (t + timedelta(days=3)).isoformat(), "comment": "Meets the standard for this scenario."} if n % 2 == 0 else None,
        "reflection": refl,
        "injected_personal_data": injected,
    }


def _log_entry(i, fake, rng, secrets, when):
    name = f"{fake.first_name()} {fake.last_name()}"
    phone = _uk_landline(rng)
    secrets.add(name)
    secrets.add_number(phone)
    kind = "real" if i % 2 else "simulated"
    entry = {"kind": kind, "created_at": when.isoformat(), "title": f"Entry {i + 1}: delivery complaint",
             "customer_text": f"Hi, it's {name}. My parcel is late, call me on {phone}.",
             "reply_text": f"Hi {name.split()[0]}, I'm sorry your parcel is late. Please DM us and we'll sort it for you.",
             "result": None, "reflection": {"what_went_well": f"I used {name.split()[0]}'s name.", "even_better_if": "I had been quicker."},
             "tutor_comments": [{"by": "Tutor", "at": when.isoformat(), "text": "Well handled."}],
             "injected_personal_data": [] if kind == "real" else [name, phone]}
    if kind == "simulated":   # the web layer gives a simulated entry its attempt's conversation, not pasted texts
        entry.update(_log_interaction(name, phone, fake, rng, secrets), customer_text=None, reply_text=None)
    return entry


def _log_interaction(name, phone, fake, rng, secrets):
    """The attempt a simulated entry reflects on, as the web layer copies it into the entry: the same customer's
    name, handle, email, phone, order number and address in the conversation and the scorer's reasons."""
    first, last = name.split()[0], name.split()[-1]
    handle = f"@{first.lower()}_{last.lower()}{rng.randint(1, 99)}"
    email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example.com"
    order = f"ORD-{rng.randint(100000, 999999)}"
    street = f"{rng.randint(1, 220)} {fake.last_name()} {rng.choice(['Road', 'Street', 'Avenue', 'Lane'])}"
    postcode = fake.postcode()
    secrets.add(handle, handle.lstrip("@"), email, street, postcode)
    # Checked as capitalised words: a name part alone must not survive (unless it is a month, "May", which dates print).
    secrets.word_names.update(n for n in (first, last) if n not in CALENDAR_WORDS)
    secrets.add_number(order)
    sla, first_reply = 60, rng.choice([18, 75])
    replies = (f"Hi {first}, I'm so sorry order {order} is late. Please DM us and I'll call {phone} today.",
               f"Thanks {first}, I've refunded {order} and sent the new parcel to {street}.")
    criteria = {
        "hear": {"level": 2, "evidence": [{"start": 0, "end": len(f"Hi {first}"), "text": f"Hi {first}", "turn": 0}],
                 "reason": f"Names {first} and the late order {order}.", "missing": None, "confidence": "high"},
        "empathise": {"level": 1, "evidence": [], "reason": "Says sorry but not how it feels.", "missing": "name the feeling",
                      "confidence": "medium"},
        "apologise": {"level": 2, "evidence": [{"start": replies[0].index("sorry"), "end": replies[0].index("sorry") + 5,
                                                 "text": "sorry", "turn": 0}], "reason": "Apologises.", "missing": None,
                      "confidence": "high"},
        "closing": {"level": 0, "evidence": [], "reason": f"Does not check {first} is happy.", "missing": "a closing check",
                    "confidence": "high"},
        "data_protection": {"level": "fail", "evidence": [], "reason": f"Repeats {phone} in public.", "missing": None,
                            "confidence": "high"},
        "escalation": {"level": None, "evidence": [], "reason": "Not needed here.", "missing": None, "confidence": "high"},
    }
    return {
        "scenario": {"id": "late-parcel", "title": "Late parcel on X", "category": "delivery", "platform": "twitter",
                     "exercise_type": "public_reply", "sla_minutes": sla},
        "messages": [
            {"author": "customer", "author_name": name, "channel": "public", "sim_minute": 0, "response_minutes": None,
             "text": f"{handle} here. Order {order} is a week late! I'm {name}, ring {phone} or email {email}."},
            {"author": "learner", "channel": "public", "sim_minute": first_reply, "response_minutes": first_reply, "text": replies[0]},
            {"author": "customer", "author_name": name, "channel": "private", "sim_minute": first_reply + 5,
             "response_minutes": None, "text": f"It's {first} again. Send it to {street}, {postcode} please."},
            {"author": "learner", "channel": "private", "sim_minute": first_reply + 9, "response_minutes": 4, "text": replies[1]},
        ],
        "result": {"rubric": {"id": "heat-aaa-marking", "version": 1}, "mode": "scenario", "criteria": criteria,
                   "grade": "Pass", "grade_rule": "Every HEAT criterion and act at 1 or more.",
                   "feedback": {"went_well": [{"criterion": "hear", "quote": f"Hi {first}", "text": f"You named {first}."}],
                                "even_better_if": [{"criterion": "closing", "missing": f"Check {first} is happy.", "example": ""}]}},
        "moderated_levels": {"empathise": 2},
        "grade": "Merit",
        "injected_personal_data": [name, first, handle, email, phone, order, f"{street}\n{postcode}"],
    }
