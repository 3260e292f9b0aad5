"""Each document stands alone: pseudonyms and numbers start fresh, customers of a live chat are told apart."""
import re

import portfolio
from tests.portfolio.conftest import leaks, pdf_text
from tests.portfolio.sample import make_portfolio


def live_chat(data):
    a = data["attempts"][0]
    a["injected_personal_data"] = ["Nadia Okafor", "Nadia", "@nadia_ok", "Tom Baxter", "Tom", "@tombaxter77"]
    a["messages"] = [
        {"author": "customer", "author_name": "Nadia Okafor", "text": "@nadia_ok here, my card was charged twice.",
         "channel": "chat", "sent_at": a["started_at"]},
        {"author": "customer", "author_name": "Tom Baxter",
         "text": "Tom here (@tombaxter77), my meter reading is wrong.", "channel": "chat", "sent_at": a["started_at"]},
        {"author": "learner", "text": "Hi Nadia, sorry about the double charge.", "channel": "chat",
         "sent_at": a["started_at"], "response_minutes": 1},
        {"author": "learner", "text": "Hi Tom, let me check the reading.", "channel": "chat",
         "sent_at": a["started_at"], "response_minutes": 1},
        {"author": "customer", "author_name": "Nadia Okafor", "text": "Thanks.", "channel": "chat",
         "sent_at": a["started_at"]},
    ]
    for c in a["result"]["criteria"].values():
        c["evidence"] = []
    return a


def test_customers_of_a_live_chat_keep_their_own_pseudonym_in_the_transcript():
    data, _ = make_portfolio(2, seed=71)
    a = live_chat(data)
    text = " ".join(pdf_text(portfolio.render_attempt_pdf(data, a["id"], include=("evidence",))).split())
    assert "Customer A · " in text and "Customer B · " in text
    assert "@customer_a here" in text and "Customer B here (@customer_b)" in text
    assert "Hi Customer A, sorry about the double charge" in text and "Hi Customer B, let me check" in text
    assert not re.search(r"Nadia|Okafor|Tom Baxter|tombaxter|\bTom\b", text)


def test_an_attempt_pdf_starts_its_pseudonyms_at_a_and_its_numbers_at_one():
    data, secrets = make_portfolio(6, seed=72)
    last = data["attempts"][-1]
    text = pdf_text(portfolio.render_attempt_pdf(data, last["id"]))
    assert "Customer A" in text and "[phone 1]" in text and "[order ref 1]" in text
    assert not re.search(r"Customer [C-Z]\b|\[phone [3-9]\]", text)
    assert leaks(text, secrets) == []


def test_the_logbook_starts_its_pseudonyms_and_numbers_fresh():
    data, secrets = make_portfolio(30, seed=73, logbook_entries=4)
    text = pdf_text(portfolio.render_logbook_pdf(data))
    assert "Customer A" in text and "[phone 1]" in text
    assert not re.search(r"Customer [E-Z]\b|\[phone [5-9]\]|\[phone \d\d\]", text)
    assert leaks(text, secrets) == []


def test_a_simulated_transcript_is_timed_on_the_scenario_clock_not_the_wall_clock():
    data, _ = make_portfolio(2, seed=73)
    a = data["attempts"][0]
    a["messages"] = [
        {"author": "customer", "author_name": "", "text": "Still waiting for my refund.", "channel": "public",
         "sent_at": a["started_at"], "sim_minute": 0},
        {"author": "learner", "text": "Sorry your refund is late, DM us and I will chase it today.",
         "channel": "public", "sent_at": a["started_at"], "sim_minute": 95, "response_minutes": 95},
    ]
    text = " ".join(pdf_text(portfolio.render_attempt_pdf(data, a["id"], include=("evidence",))).split())
    assert "Times are minutes on the scenario's simulated clock" in text
    assert "Customer · minute 0 · public" in text
    assert "· minute 95 · public · Replied after 95 min (target 60 min: late)" in text


def test_a_real_interaction_without_a_simulated_clock_keeps_its_recorded_time():
    data, _ = make_portfolio(2, seed=74)
    a = data["attempts"][0]
    for m in a["messages"]:
        m.pop("sim_minute", None)
    text = " ".join(pdf_text(portfolio.render_attempt_pdf(data, a["id"], include=("evidence",))).split())
    assert "simulated clock" not in text and " · minute " not in text
    assert re.search(r"\d{2} \w{3} \d{4} \d{2}:\d{2}", text)


def test_the_apps_short_reflection_keys_get_the_same_labels_as_the_long_ones():
    from portfolio.evidence import attempt_view

    attempt = make_portfolio(2, seed=7)[0]["attempts"][1]
    attempt["reflection"] = dict(attempt["reflection"], fields={   # as web/views/logbook.py stores them
        "went_well": "I used the customer's name.", "even_better_if": "I had said when.", "next": "Give a time."})
    rows = attempt_view(attempt, 1, ("evidence", "reflections"))["reflection"]["rows"]
    assert [r["label"] for r in rows] == ["What went well", "Even better if", "Next time I will"]
