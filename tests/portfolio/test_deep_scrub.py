"""Deny by default: every string anywhere in the data is scrubbed, whatever field it is in, before the
evidence pack's JSON or the PDF is written (a scorer's reactions, signals, fields added later)."""
import io
import json
import zipfile

import portfolio
from tests.portfolio.conftest import leaks, pdf_text
from tests.portfolio.sample import make_portfolio

PERSONA = "Georgia Parker"
ORDER = "TM-9599470"
PHONE = "07700 900481"
EMAIL = "georgia.parker77@example.com"
HANDLE = "@georgia_p_1988"
POSTCODE = "LS6 2QT"


def personal(i: int = 0) -> str:
    """One string with a piece of every kind of personal data in it."""
    return (f"Hi it's {PERSONA}, order {ORDER}, card ending 8772, call {PHONE} or mail {EMAIL}; "
            f"{HANDLE} lives at {POSTCODE}. Kenneth is threatening to leave ({i}).")


def deep_data():
    data, secrets = make_portfolio(3, seed=41, logbook_entries=2)
    a = data["attempts"][0]
    a["injected_personal_data"] = list(a["injected_personal_data"]) + [PERSONA, "Georgia", "Kenneth Moore", "Kenneth",
                                                                       ORDER, HANDLE]
    r = a["result"]
    r["reactions"] = [{"customer_id": "customer", "key": "leave_threat", "mood": "angry",
                       "messages": [personal(1), personal(2)], "why": personal(3),
                       "nested": {"deeper": [{"note": personal(4)}]}}]
    r["signals"] = {"channel": "public", "issue_words": [personal(5)], "summary": personal(6)}
    r["something_a_future_scorer_adds"] = {"free_text": personal(7), "list": [[personal(8)]]}
    r["criteria"]["hear"]["reason"] = personal(9)
    r["criteria"]["hear"]["missing"] = personal(10)
    r["criteria"]["hear"]["extra_note"] = personal(11)
    r["feedback"]["went_well"][0]["quote"] = personal(12)
    r["grade_rule"] = personal(13)
    a["scenario"]["brief"] = personal(14)
    a["scenario"]["title"] = f"Late parcel for {PERSONA}"
    a["moderations"] = [{"criterion": "empathise", "old_level": 1, "new_level": 2, "comment": personal(15),
                         "by": "Dr Nora Blakeley", "at": a["submitted_at"]}]
    a["tutor_feedback"] = [{"by": "Nora Blakeley", "at": a["submitted_at"], "text": personal(16)}]
    a["assessor_signoff"] = {"by": "Ian Fairweather", "at": a["submitted_at"], "comment": personal(17)}
    a["reflection"] = {"form": "short", "created_at": a["submitted_at"],
                       "fields": {"what_went_well": personal(18), "my_own_field": personal(19)}}
    a["messages"][0]["text"] = personal(20)
    data["cohort"]["note"] = personal(21)
    data["qualification"]["awarding_body_note"] = personal(22)
    e = data["logbook"][0]
    e["result"] = {"grade": "Pass", "reactions": [{"why": personal(23), "messages": [personal(24)]}],
                   "criteria": {}}
    e["reflection"] = {"what_went_well": personal(25)}
    e["tutor_comments"] = [{"by": "Nora Blakeley", "at": e["created_at"], "text": personal(26)}]
    e["injected_personal_data"] = [PERSONA, "Kenneth Moore", ORDER]
    for value in (PERSONA, "Georgia", "Parker", "Kenneth", "Moore", EMAIL, HANDLE, HANDLE.lstrip("@"), POSTCODE,
                  "Nora Blakeley", "Blakeley", "Ian Fairweather", "Fairweather"):
        secrets.add(value)
    for number in (ORDER, PHONE):
        secrets.add_number(number)
    secrets.numbers.add("8772")
    return data, secrets


def test_every_nested_string_of_the_evidence_json_is_anonymised():
    data, secrets = deep_data()
    body = portfolio.evidence_json(data)
    text = json.dumps(body, ensure_ascii=False)
    assert leaks(text, secrets) == []
    reaction = body["evidence"]["attempts"][0]["result"]["reactions"][0]
    assert "Customer " in reaction["why"] and "[order ref" in reaction["messages"][0]
    # Safe fields keep their values: ids, levels, enumerations, criterion keys.
    assert reaction["key"] == "leave_threat" and reaction["mood"] == "angry"
    assert "hear" in body["evidence"]["attempts"][0]["result"]["criteria"]


def test_the_evidence_pack_json_and_pdf_carry_no_personal_data_from_any_field():
    data, secrets = deep_data()
    pack = portfolio.build_evidence_pack(data, generated_at="2026-11-23T12:00:00+00:00")
    with zipfile.ZipFile(io.BytesIO(pack)) as zf:
        names = zf.namelist()
        evidence = zf.read(next(n for n in names if n.endswith("evidence.json"))).decode("utf-8")
        pdf = zf.read(next(n for n in names if n.endswith(".pdf")))
    assert leaks(evidence, secrets) == []
    assert leaks(pdf_text(pdf), secrets) == []


def test_the_logbook_pdf_carries_no_personal_data_from_any_field():
    data, secrets = deep_data()
    assert leaks(pdf_text(portfolio.render_logbook_pdf(data)), secrets) == []


def test_the_standard_reference_is_not_taken_for_an_order_number():
    data, _ = make_portfolio(2, seed=3)
    body = portfolio.evidence_json(data)["evidence"]
    assert body["qualification"]["standard_ref"] == "ST0071"
    text = json.dumps(body)
    assert "[order ref 1]" in text   # the first real order ref is number 1


def test_dict_keys_that_are_not_field_names_are_scrubbed():
    data, secrets = deep_data()
    data["attempts"][1]["result"]["by_customer"] = {PERSONA: personal(30)}
    assert leaks(json.dumps(portfolio.evidence_json(data), ensure_ascii=False), secrets) == []


