"""The pattern rules on the seeded adversarial set (tests/portfolio/adversarial.py): every email, IBAN,
sort code, account and card number, street address, house name, town and postcode a learner or customer
might type is replaced with nothing known (a partial replacement is a miss), and ordinary
customer-service sentences come back unchanged."""
from collections import Counter

import pytest

from portfolio import anonymise
from portfolio.anonymise import Known, Registry, Scrubber
from tests.portfolio.adversarial import CATEGORIES, CLEAN_SENTENCES, SEED, caught, seeded_cases, survives
from tests.portfolio.sample import make_portfolio

CASES = seeded_cases()


def bare() -> Scrubber:
    """The rules on their own: nothing known about anyone."""
    return Scrubber(Registry("Candidate 1"), Known(), set())


def test_the_set_is_seeded_deterministic_and_covers_every_category():
    assert seeded_cases() == CASES
    assert seeded_cases(seed=SEED + 1) != CASES
    counts = Counter(item.category for _text, items in CASES for item in items)
    assert all(counts[c] >= 10 for c in CATEGORIES), counts


@pytest.mark.parametrize("text,items", CASES, ids=[f"{n}-{items[0].category}" for n, (_t, items) in enumerate(CASES)])
def test_every_seeded_item_is_replaced_whole(text, items):
    out = bare().scrub(text)[0]
    left = [tell for item in items for tell in item.tells if survives(tell, out)]
    assert left == [], f"{text!r} -> {out!r}"


@pytest.mark.parametrize("text", CLEAN_SENTENCES)
def test_clean_customer_service_sentences_are_left_alone(text):
    assert bare().scrub(text) == (text, [])


def test_seeded_items_are_replaced_through_the_whole_anonymiser_too():
    data, _ = make_portfolio(1, seed=3)
    attempt = data["attempts"][0]
    attempt["tutor_feedback"] = [{"by": "Tutor", "at": attempt["submitted_at"], "text": t} for t, _ in CASES]
    out = anonymise(data)["attempts"][0]["tutor_feedback"]
    missed = [(text, note["text"]) for (text, items), note in zip(CASES, out)
              if not all(caught(item, note["text"]) for item in items)]
    assert missed == []


def test_the_same_bank_identifier_typed_two_ways_gets_one_pseudonym():
    out = bare().scrub("IBAN GB29 NWBK 6016 1331 9268 19, i.e. gb29nwbk60161331926819; "
                       "sort code 20-00-00 or 20 00 00")[0]
    assert out == "IBAN [bank details 1], i.e. [bank details 1]; sort code [bank details 2] or [bank details 2]"


@pytest.mark.parametrize("text,expected", [
    ("I live at 12 High Street and my phone is broken", "I live at [address 1] and my phone is broken"),
    ("Send it to 12 High Street\nCan you deliver tomorrow?", "Send it to [address 1]\nCan you deliver tomorrow?"),
    ("12 High Street, Thanks!", "[address 1], Thanks!"),
    ("jo@gmail.com. Thanks for that", "[email 1]. Thanks for that"),
    ("IBAN GB29 NWBK 6016 1331 9268 19 for the refund", "IBAN [bank details 1] for the refund"),
    ("my card **** **** **** 4242 was charged twice", "my card **** **** **** [card number 1] was charged twice"),
])
def test_an_address_email_or_number_ends_where_it_ends(text, expected):
    """The rules stop at the value: the words after it stay (the old address rule ran on into the sentence)."""
    assert bare().scrub(text)[0] == expected
