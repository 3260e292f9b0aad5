"""The anonymiser on its own: plain data in, plain data out (no PDF)."""
import json

import pytest

from portfolio import InvalidPortfolioData, PortfolioData, anonymise, anonymise_with_report
from portfolio.anonymise import Known, Registry, Scrubber
from tests.portfolio.conftest import leaks
from tests.portfolio.sample import make_portfolio


def scrubber(names=(), handles=(), others=()):
    reg = Registry("Candidate 12345678")
    known = Known()
    for name, handle in zip(names, handles):
        person = reg.person_for(name)
        known.add(name, "name", person)
        for part in name.split():
            known.add(part, "name_part", person)
        known.add(handle, "handle", person)
    for value, kind in others:
        known.add(value, kind)
    return Scrubber(reg, known, set())


def scrub(text, **kw):
    return scrubber(**kw).scrub(text)[0]


@pytest.mark.parametrize("typed", [
    "07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900 123", "0113 496 0123", "020 7946 0999",
    "(0113) 4960123", "01632 960123", "07700\n900123",
])
def test_uk_phone_numbers_are_replaced_including_drama_ranges_and_split_lines(typed):
    out = scrub(f"Call me on {typed} please")
    assert out == "Call me on [phone 1] please"


@pytest.mark.parametrize("typed,label", [
    ("jo.bloggs@example.com", "[email 1]"), ("jo.bloggs @ example.co.uk", "[email 1]"),
    ("jo.bloggs@\nexample.com", "[email 1]"),
    ("jo at gmail dot com", "[email 1]"), ("LS1 4AP", "[postcode 1]"), ("sw1a1aa", "[postcode 1]"),
    ("4111 1111 1111 1111", "[card number 1]"), ("4111-1111-1111-1111", "[card number 1]"),
    ("QQ 12 34 56 C", "[NI number 1]"), ("AB123456C", "[NI number 1]"), ("12-34-56", "[bank details 1]"),
    ("ORD-558812", "[order ref 1]"), ("#558812", "[order ref 1]"), ("https://example.com/track?id=99812", "[link 1]"),
    ("12 Acacia Avenue, Lower Wibble", "[address 1]"),
])
def test_pattern_rules_replace_what_learners_type(typed, label):
    out = scrub(f"Details: {typed}.")
    assert label in out
    assert typed.split()[0].lower() not in out.lower() or typed.split()[0].lower() in label.lower()


def test_card_ending_and_account_number_after_a_cue_are_replaced():
    out = scrub("The card ending 4242 and account number 12345678 were refunded.")
    assert "4242" not in out and "12345678" not in out


def test_the_same_person_gets_the_same_pseudonym_as_name_handle_and_first_name():
    s = scrubber(names=["Joyce Smith"], handles=["@joyce_smith99"])
    a = s.scrub("@joyce_smith99 Hi Joyce, sorry Joyce Smith. JOYCE said so.")[0]
    assert a == "@customer_a Hi Customer A, sorry Customer A. Customer A said so."


def test_names_inside_handles_and_identifier_like_tokens_are_caught_even_when_unknown():
    out = scrub("Ask @priya_shah_1987 or priya.shah.official or @sarah.jones.official.account about it")
    assert "priya" not in out.lower() and "sarah" not in out.lower() and "jones" not in out.lower()


def test_handles_of_any_length_are_replaced_whole():
    out = scrub("Thanks @a and @this_is_a_very_long_handle_name_2024")
    assert "@a " not in out and "long_handle" not in out


def test_a_name_split_across_lines_is_caught():
    s = scrubber(names=["Grace Holloway"], handles=["@gh"])
    assert s.scrub("Hi Grace\nHolloway, sorry")[0] == "Hi Customer A, sorry"


def test_names_that_are_words_are_names_only_with_support():
    out = scrub("I will mark it. The grace period ends in May. Bill me later. Kind regards, Bill. Thanks Rose!")
    assert "I will mark it" in out and "grace period" in out and "in May" in out and "Bill me later" in out
    assert "regards, Bill" not in out and "Thanks Rose" not in out


def test_known_customer_names_that_are_words_are_always_replaced_when_capitalised():
    s = scrubber(names=["Mark Day"], handles=["@markday"])
    out = s.scrub("Mark, I'll chase it today. Day two of waiting for Mark Day. We will mark it done.")[0]
    assert "Mark" not in out and "Day two" not in out and "mark it done" in out


def test_unknown_gazetteer_names_and_all_capitals_are_replaced():
    out = scrub("My colleague Priya Shah and DAVID helped; Mr Okonkwo called.")
    for name in ("Priya", "Shah", "DAVID", "Okonkwo"):
        assert name not in out


def test_agent_initials_are_replaced():
    assert scrub("Sorry about that ^JS") == "Sorry about that ^[initials 1]"


def test_generic_text_and_brand_links_are_left_alone():
    text = "Please see www.brand.co.uk/help or DM us so we can look into this for you today."
    assert scrub(text) == text


def test_evidence_spans_are_remapped_to_the_scrubbed_text():
    data, _ = make_portfolio(6, seed=5)
    out = anonymise(data)
    for attempt in out["attempts"]:
        turns = [m["text"] for m in attempt["messages"] if m["author"] == "learner"]
        for crit in attempt["result"]["criteria"].values():
            for ev in crit["evidence"]:
                assert turns[ev["turn"]][ev["start"]:ev["end"]] == ev["text"]
    personal = [ev for a in out["attempts"] for ev in a["result"]["criteria"]["personalisation"]["evidence"]]
    assert personal and all(ev["text"].startswith("Customer ") for ev in personal)


@pytest.mark.slow
def test_no_known_personal_value_survives_in_the_anonymised_data_of_60_attempts():
    data, secrets = make_portfolio(60, seed=21)
    out = anonymise(data)
    assert leaks(json.dumps(out, ensure_ascii=False), secrets) == []


def test_the_learner_appears_by_candidate_number_only():
    data, _ = make_portfolio(4, seed=2)
    out = anonymise(data)
    assert out["learner"]["full_name"] == f"Candidate {data['learner']['candidate_number']}"
    learner_msgs = [m for a in out["attempts"] for m in a["messages"] if m["author"] == "learner"]
    assert {m["author_name"] for m in learner_msgs} == {out["learner"]["full_name"]}
    assert data["learner"]["email"] not in json.dumps(out)


def test_adding_a_later_attempt_does_not_rename_anyone_in_earlier_attempts():
    full, _ = make_portfolio(9, seed=4)
    fewer = dict(full, attempts=full["attempts"][:8])
    assert anonymise(fewer)["attempts"] == anonymise(full)["attempts"][:8]


def test_a_flag_in_the_input_never_skips_anonymisation():
    data, secrets = make_portfolio(3, seed=8)
    flagged = dict(data, _anonymised=True, _anonymisation_report={"replaced": {}})
    out = anonymise(flagged)
    assert leaks(json.dumps(out, ensure_ascii=False), secrets) == []
    assert not any(k.startswith("_") for k in out)


def test_anonymising_anonymised_data_again_leaks_nothing_and_keeps_the_pseudonyms_readable():
    data, secrets = make_portfolio(3, seed=8)
    twice = anonymise(anonymise(data))
    assert leaks(json.dumps(twice, ensure_ascii=False), secrets) == []
    assert twice["attempts"][0]["messages"][0]["author_name"].startswith("Customer ")


def test_report_counts_replacements_by_kind():
    data, _ = make_portfolio(5, seed=3)
    _out, report = anonymise_with_report(data)
    assert report["replaced"]["name"] > 0 and report["replaced"]["phone"] > 0 and report["replaced"]["email"] > 0


def test_a_portfolio_data_object_comes_back_as_one():
    data, _ = make_portfolio(2, seed=3)
    model = PortfolioData.from_dict(data)
    out = anonymise(model)
    assert isinstance(out, PortfolioData) and out.learner.full_name.startswith("Candidate ")


def test_invalid_data_lists_every_problem_at_once():
    with pytest.raises(InvalidPortfolioData) as err:
        PortfolioData.from_dict({"learner": {},
                                 "attempts": [{"messages": [{"author": "bot", "sent_at": "yesterday"}]}]})
    problems = err.value.problems
    assert any("learner.full_name" in p for p in problems)
    assert any("author" in p for p in problems) and any("sent_at" in p for p in problems)
    assert any("scenario.id" in p for p in problems)


def test_a_customer_who_shares_a_first_name_with_a_tutor_or_the_learner_stays_a_customer():
    data, _ = make_portfolio(2, seed=3)
    learner_first = data["learner"]["full_name"].split()[0]
    a = data["attempts"][0]
    a["tutor_feedback"] = [{"by": "Sarah Jones", "at": a["submitted_at"], "text": "Good."}]
    a["injected_personal_data"] = ["Sarah Brown", "Sarah", "@sarahb", f"{learner_first} Okafor", learner_first]
    a["messages"][0]["text"] = f"Sarah here, and my friend {learner_first} Okafor. @sarahb"
    a["messages"][0]["author_name"] = "Sarah Brown"
    a["messages"][1]["text"] = "Hi Sarah, sorry about this."
    out = anonymise(data)["attempts"][0]
    assert out["messages"][0]["text"] == "Customer A here, and my friend Customer B. @customer_a"
    assert out["messages"][1]["text"].startswith("Hi Customer A,")
    assert out["tutor_feedback"][0]["by"].startswith("Tutor ")
