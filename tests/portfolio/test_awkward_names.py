"""Names that are months or words, and names typed in lower case: known names are replaced before the
never-a-name list applies, while everyday words (months, adjectives) are left alone."""
import json

import pytest

import portfolio
from portfolio import anonymise
from tests.portfolio.conftest import leaks, pdf_text
from tests.portfolio.sample import make_portfolio


def with_learner(data, first, last):
    old = data["learner"]["full_name"]
    data["learner"] = dict(data["learner"], full_name=f"{first} {last}")
    text = json.dumps(data).replace(old.split()[0], first).replace(old.split()[-1], last)
    return json.loads(text)


def test_a_learner_called_june_who_signs_thanks_june_is_the_candidate():
    data, _ = make_portfolio(2, seed=61)
    data = with_learner(data, "June", "Okonjo")
    a = data["attempts"][0]
    a["messages"][1]["text"] = "Sorry about this, we'll have it with you by June. Thanks, June"
    a["messages"][3]["text"] = "Back in stock in May.\nJune"
    out = anonymise(data)["attempts"][0]
    label = f"Candidate {data['learner']['candidate_number']}"
    assert out["messages"][1]["text"] == f"Sorry about this, we'll have it with you by June. Thanks, {label}"
    assert out["messages"][3]["text"] == f"Back in stock in May.\n{label}"


def test_a_customer_called_may_is_one_person_and_the_month_stays():
    data, _ = make_portfolio(1, seed=62)
    a = data["attempts"][0]
    a["injected_personal_data"] = ["May Clarke", "May", "@mayclarke"]
    a["messages"][0]["author_name"] = "May Clarke"
    a["messages"][0]["text"] = "May Clarke here. It's May, I ordered in May and nothing yet. @mayclarke"
    a["messages"][1]["text"] = "Hi May, sorry. It will be with you in May at the latest."
    out = anonymise(data)["attempts"][0]
    assert out["messages"][0]["text"] == ("Customer A here. It's Customer A, I ordered in May and nothing yet. "
                                          "@customer_a")
    assert out["messages"][1]["text"] == "Hi Customer A, sorry. It will be with you in May at the latest."


def test_a_colleague_with_a_month_for_a_first_name_is_replaced_whole():
    data, _ = make_portfolio(1, seed=63)
    a = data["attempts"][0]
    a["reflection"] = {"form": "short", "created_at": a["submitted_at"],
                       "fields": {"what_went_well": "My colleague June Johnson checked it with me in June.",
                                  "next_time": "Ask April Harris before the end of April."}}
    fields = anonymise(data)["attempts"][0]["reflection"]["fields"]
    assert "June Johnson" not in fields["what_went_well"] and "Johnson" not in fields["what_went_well"]
    assert fields["what_went_well"].endswith("checked it with me in June.")
    assert "April Harris" not in fields["next_time"] and fields["next_time"].endswith("the end of April.")


@pytest.mark.parametrize("typed", ["thanks priya", "hi priya, sorry", "cheers priya!", "priya said it was late",
                                   "ok PRIYA", "thanks priya patel"])
def test_known_names_typed_in_lower_case_are_replaced(typed):
    data, _ = make_portfolio(1, seed=64)
    a = data["attempts"][0]
    a["injected_personal_data"] = ["Priya Patel", "Priya", "Patel"]
    a["messages"][1]["text"] = typed
    out = anonymise(data)["attempts"][0]["messages"][1]["text"]
    assert "priya" not in out.lower() and "patel" not in out.lower() and "Customer " in out


def test_unknown_lower_case_names_after_a_greeting_are_replaced():
    data, _ = make_portfolio(1, seed=65)
    a = data["attempts"][0]
    a["messages"][1]["text"] = "hi sarah jones, thanks for waiting. dear kenneth, sorry."
    out = anonymise(data)["attempts"][0]["messages"][1]["text"]
    assert "sarah" not in out and "jones" not in out and "kenneth" not in out


@pytest.mark.parametrize("text", [
    "Curt rather than rude: I'd call this partly shown.",
    "Sterling work on the apology.",
    "Bliss to read. Moody tone in the second reply though.",
    "We will mark it done in May, by June at the latest.",
    "hi there, thanks so much, cheers mate",
    "Frank and clear; the grace period was explained.",
])
def test_everyday_words_that_are_also_names_are_left_alone(text):
    data, _ = make_portfolio(1, seed=66)
    data["attempts"][0]["tutor_feedback"] = [{"by": "Tutor", "at": None, "text": text}]
    assert anonymise(data)["attempts"][0]["tutor_feedback"][0]["text"] == text


@pytest.mark.slow
def test_no_month_named_or_lower_case_name_survives_across_seeded_attempts_and_the_pdf():
    data, secrets = make_portfolio(12, seed=67)
    months = ["June", "May", "April", "August"]
    for n, a in enumerate(data["attempts"]):
        first, last = months[n % 4], ["Okafor", "Lindqvist", "Brennan", "Achebe"][n % 4]
        a["injected_personal_data"] = list(a["injected_personal_data"]) + [f"{first} {last}", first, last]
        for m in a["messages"]:
            if m["author"] == "customer":
                m["author_name"] = f"{first} {last}"
        a["messages"][0]["text"] += f" {first} {last} here. It's {first}, booked in {first}."
        a["messages"][1]["text"] += f"\nthanks {first.lower()} {last.lower()}, sorry. Hi {first}."
        secrets.add(f"{first} {last}", last)
    out = anonymise(data)
    text = json.dumps(out, ensure_ascii=False)
    assert leaks(text, secrets) == []
    for n, a in enumerate(out["attempts"]):
        month, last = months[n % 4], ["Okafor", "Lindqvist", "Brennan", "Achebe"][n % 4]
        assert last.lower() not in json.dumps(a).lower()
        assert f"booked in {month}." in a["messages"][0]["text"]   # the month itself stays
        assert f"It's {month}," not in a["messages"][0]["text"] and f"Hi {month}." not in a["messages"][1]["text"]
    body = portfolio.render_portfolio_pdf(data, include=("evidence",), generated_at="2026-11-23")
    pdf = pdf_text(body)
    assert leaks(pdf, secrets) == []
    for last in ("Okafor", "Lindqvist", "Brennan", "Achebe"):
        assert last.lower() not in pdf.lower()
