"""The logbook's simulated entries show what happened in the attempt they reflect on, anonymised: real PDFs,
their text read back with pypdf."""
import copy
import io
import json
import re
import zipfile

import pytest

import portfolio
from tests.portfolio.conftest import leaks, pdf_text
from tests.portfolio.sample import make_portfolio


@pytest.fixture(scope="module")
def sample():
    return make_portfolio(3, seed=73, logbook_entries=4)


@pytest.fixture(scope="module")
def logbook_text(sample):
    data, _ = sample
    return " ".join(pdf_text(portfolio.render_logbook_pdf(data)).split())


def entry_text(text: str, n: int) -> str:
    """The text of log entry n (1-based), up to the next entry's heading."""
    start = text.index(f"Entry {n}: ")
    nxt = text.find(f"Entry {n + 1}: ", start)
    return text[start:nxt if nxt > 0 else None]


def test_a_simulated_entry_shows_scenario_platform_channel_conversation_grade_points_and_response_time(sample,
                                                                                                    logbook_text):
    data, _ = sample
    first = entry_text(logbook_text, 1)
    late = data["logbook"][0]["messages"][1]["response_minutes"] > 60
    assert "Simulated interaction · grade Merit" in first
    assert "Scenario Late parcel on X · delivery" in first
    assert "Platform and channel twitter · public reply · public, private" in first
    target = "late" if late else "within target"
    minutes = data["logbook"][0]["messages"][1]["response_minutes"]
    assert f"Response time first reply after {minutes} min (target 60 min: {target})" in first
    assert "Grade Merit (automatic grade Pass, changed by moderation)" in first
    # Final levels after moderation (empathise 1 -> 2); n/a criteria are not listed as not shown.
    assert "Marking points Clearly shown: Hear, Empathise, Apologise. Not shown: Closing, Data protection." in first
    assert "Escalation" not in first
    # The customer's messages and the learner's replies, anonymised as the real entries are.
    assert "Conversation" in first and "Times are minutes on the scenario's simulated clock." in first
    assert ("Customer A · minute 0 · public @customer_a here. Order [order ref 1] is a week late! I'm Customer A, "
            "ring [phone 1]") in first
    assert "customer.a@example.invalid" in first
    assert (f"Candidate {data['learner']['candidate_number']} · minute {minutes} · public · Replied after {minutes} "
            f"min (target 60 min: {target}) Hi Customer A, I'm so sorry order [order ref 1] is late.") in first
    assert "Customer A · minute" in first and "private It's Customer A again. Send it to [address 1]" in first
    assert "Replied after 4 min (target 60 min: within target) Thanks Customer A, I've refunded [order ref 1]" in first
    assert "Reflection What went well I used Customer A's name." in first and "Tutor comments Tutor A" in first


def test_a_real_entry_keeps_its_pasted_texts_and_no_simulated_detail(logbook_text):
    second = entry_text(logbook_text, 2)
    assert "Real interaction, logged from work" in second
    assert "Customer Hi, it's Customer B. My parcel is late, call me on [phone 2]." in second
    assert "Platform and channel" not in second and "Conversation" not in second and "Marking points" not in second


def test_no_personal_data_in_the_interaction_survives_into_the_logbook(sample, logbook_text):
    data, secrets = sample
    raw = json.dumps(data["logbook"])
    for value in ("@", "ORD-", "example.com"):   # the sample really put such values into the entries
        assert value in raw
    assert leaks(logbook_text, secrets) == []
    names = [m["author_name"] for e in data["logbook"] for m in e.get("messages") or [] if m.get("author_name")]
    assert names and all(n not in logbook_text for n in names)


def test_personal_data_in_every_field_of_a_simulated_entry_is_replaced():
    """Values put into each field the entry gained: scenario title, message texts, a customer known only by the
    persona name on their messages (in no injected list, not in the name gazetteer), the scorer's reasons and
    feedback. None may survive; the letters stay consistent across the fields."""
    data, _ = make_portfolio(1, seed=81, logbook_entries=1)
    e = data["logbook"][0]
    e["injected_personal_data"] = ["Priya Shah", "07700 900461"]
    e["scenario"] = dict(e["scenario"], title="Refund for Priya Shah")
    e["messages"] = [
        {"author": "customer", "author_name": "Zorbulon Quaxley", "channel": "public", "sim_minute": 0,
         "text": "Zorbulon Quaxley needs the refund for ORD-778812 today, call 07700 900461."},
        {"author": "customer", "author_name": "Priya Shah", "channel": "public", "sim_minute": 1,
         "text": "Priya Shah too: priya.shah@example.com, 14 Quarry Lane, LS6 2QT."},
        {"author": "learner", "channel": "public", "sim_minute": 9, "response_minutes": 9,
         "text": "Sorry Zorbulon and Priya, I will refund ORD-778812 and ring 07700 900461."},
    ]
    e["result"]["criteria"]["hear"]["reason"] = "Names Zorbulon Quaxley and the order ORD-778812."
    e["result"]["criteria"]["hear"]["evidence"] = [{"start": 6, "end": 14, "text": "Zorbulon", "turn": 0}]
    e["result"]["feedback"]["went_well"][0]["text"] = "You called Priya Shah on 07700 900461."
    text = " ".join(pdf_text(portfolio.render_logbook_pdf(data)).split())
    assert not re.search(r"Zorbulon|Quaxley|Priya|Shah|778812|900461|LS6|Quarry|example\.com", text, re.I), text
    assert "Scenario Refund for Customer B" in text or "Scenario Refund for Customer A" in text
    assert "Customer A · minute 0 · public Customer A needs the refund for [order ref 1] today, call [phone 1]." in text
    assert "Sorry Customer A and Customer B, I will refund [order ref 1] and ring [phone 1]." in text
    # The pack's evidence.json carries the same entry, scrubbed the same way.
    pack = portfolio.build_evidence_pack(data, generated_at="2026-11-23T12:00:00+00:00")
    with zipfile.ZipFile(io.BytesIO(pack)) as zf:
        body = zf.read(next(n for n in zf.namelist() if n.endswith("evidence.json"))).decode()
    assert not re.search(r"Zorbulon|Quaxley|Priya|Shah|778812|900461|LS6|Quarry", body, re.I)
    assert re.search(r"Customer [A-Z] needs the refund for \[order ref \d+\]", body)


def test_a_reflections_only_pack_leaves_the_interaction_out_of_the_logbook(sample):
    data, _ = sample
    small = copy.deepcopy(dict(data, attempts=data["attempts"][:1]))
    pack = portfolio.build_evidence_pack(small, include=("reflections",), generated_at="2026-11-23T12:00:00+00:00")
    with zipfile.ZipFile(io.BytesIO(pack)) as zf:
        evidence = json.loads(zf.read(next(n for n in zf.namelist() if n.endswith("evidence.json"))))
    entries = evidence["evidence"]["logbook"]
    assert any(e["kind"] == "simulated" for e in entries)
    assert all(not {"messages", "result", "grade", "moderated_levels", "customer_text", "reply_text"} & set(e)
               for e in entries)
    assert all(e["reflection"] for e in entries)


def test_an_entry_with_an_invalid_message_author_is_a_caller_error(sample):
    data, _ = sample
    bad = copy.deepcopy(data)
    bad["logbook"][0]["messages"][0]["author"] = "bot"
    with pytest.raises(portfolio.InvalidPortfolioData, match=r"logbook\[0\]\.messages\[0\]\.author"):
        portfolio.render_logbook_pdf(bad)
