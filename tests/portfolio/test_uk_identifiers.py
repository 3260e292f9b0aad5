"""Issue 14 (anonymised exports) and issue 16 point 6: UK names and identifiers that survived the export, the
scorer's own text, and what was over-anonymised. Each case goes through the real exports: the PDFs read with
pdftotext, the evidence pack's JSON read from the ZIP."""
from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile

import pytest

import portfolio
from portfolio.anonymise import Known, Registry, Scrubber, register_known
from tests.portfolio.sample import make_portfolio


def pdftotext(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                                   capture_output=True).stdout.decode().split())


def evidence_json(data) -> str:
    with zipfile.ZipFile(io.BytesIO(portfolio.build_evidence_pack(data,
                                                                  generated_at="2026-12-01T00:00:00+00:00"))) as z:
        name = next(n for n in z.namelist() if n.endswith("evidence.json"))
        return json.dumps(json.loads(z.read(name)), ensure_ascii=False)


def exported(data, tmp_path) -> str:
    """Everything the exports show: the portfolio and logbook PDFs' text and the pack's evidence.json."""
    return "\n".join([pdftotext(portfolio.render_portfolio_pdf(data, generated_at="2026-12-01"), tmp_path),
                      pdftotext(portfolio.render_logbook_pdf(data), tmp_path), evidence_json(data)])


def planted(texts: dict) -> dict:
    """A two-attempt portfolio with texts added to a customer message, a reply, a reflection, a logbook title and a
    real interaction; nothing added is known to the anonymiser."""
    data, _ = make_portfolio(2, seed=41, logbook_entries=2)
    a = data["attempts"][0]
    [m for m in a["messages"] if m["author"] == "customer"][0]["text"] += "\n" + texts.get("customer", "")
    [m for m in a["messages"] if m["author"] == "learner"][-1]["text"] += "\n" + texts.get("reply", "")
    a["reflection"] = {"form": "short", "created_at": a["submitted_at"],
                       "fields": {"what_went_well": texts.get("reflection", "")}}
    data["logbook"][0]["title"] = texts.get("title", "A title")
    real = [e for e in data["logbook"] if e["kind"] == "real"][0]
    real["customer_text"] = texts.get("real", "") or real["customer_text"]
    if "feedback" in texts:
        a["result"]["feedback"]["even_better_if"].append({"criterion": "spelling", "missing": texts["feedback"],
                                                          "example": ""})
    if "quote" in texts:
        a["result"]["feedback"]["went_well"].append({"criterion": "personalisation", "quote": texts["quote"],
                                                     "text": f"You wrote “{texts['quote']}”"})
    return data


# ---------------------------------------------------------------------------------------------------
# Issue 14: what survived


def test_scottish_welsh_and_irish_names_and_a_name_in_a_title_are_removed(tmp_path):
    data = planted({"customer": "Mhairi MacGillivray here, still no parcel.",
                    "reply": "Thanks Ffion, I've passed this on.",
                    "reflection": "Eilidh McCrindle rang again; then Siobhán Ní Bhriain and Rhys ap Gwilym.",
                    "title": "Barnaby Thistlewood"})
    text = exported(data, tmp_path)
    for name in ("Mhairi", "MacGillivray", "Ffion", "Eilidh", "McCrindle", "Siobh", "Bhriain", "Gwilym", "Barnaby",
                 "Thistlewood"):
        assert name.lower() not in text.lower(), name


@pytest.mark.parametrize("dob", ["14/03/1987", "1987-03-14", "3rd July 1992", "14.03.1987", "3 Jul '92",
                                 "July 3rd, 1992", "14-03-87", "Tuesday 3rd of July 1992", "14 03 1987"])
def test_dates_of_birth_in_every_common_format_are_removed(dob, tmp_path):
    data = planted({"customer": f"My date of birth is {dob}.", "real": f"dob {dob} thanks",
                    "reflection": f"She gave {dob} in public."})
    text = exported(data, tmp_path)
    assert dob not in text and re.sub(r"\W", "", dob) not in re.sub(r"\W", "", text)
    assert "[date of birth 1]" in text


def test_nhs_ni_vehicle_passport_and_driving_licence_numbers_are_removed_and_labelled(tmp_path):
    data = planted({"customer": "NHS number 943 476 5919, NI QQ 12 34 56 C, car KX19 ABC.",
                    "real": "passport number 502135326 and driving licence MORGA753116SM9IJ",
                    "reflection": "She posted 9434765919 and ab123456c."})
    text = exported(data, tmp_path)
    flat = re.sub(r"\W", "", text)
    for value in ("9434765919", "QQ123456", "KX19ABC", "502135326", "MORGA753116SM9IJ", "AB123456"):
        assert value.lower() not in flat.lower(), value
    for label in ("[NHS number 1]", "[NI number 1]", "[vehicle reg 1]", "[passport number 1]",
                  "[driving licence number 1]"):
        assert label in text, label


def test_an_nhs_number_is_known_by_its_check_digit_and_an_invalid_one_is_left():
    s = Scrubber(Registry("Candidate 1"), Known(), set())
    assert s.scrub("943 476 5919")[0] == "[NHS number 1]"
    assert s.scrub("943 476 5918")[0] == "[number 1]"   # a wrong check digit: some other number (still removed)


# ---------------------------------------------------------------------------------------------------
# Issue 14: the scorer's own text


def test_feedback_quotes_and_titles_the_scorer_composes_are_anonymised_after_composing(tmp_path):
    data = planted({})
    a = data["attempts"][0]
    a["injected_personal_data"] += ["Siobhan O'Neill", "siobhan.oneill@gmail.com"]
    a["result"]["feedback"]["even_better_if"].append(
        {"criterion": "spelling", "missing": "Check the spelling of: (siobhan, oneill, okonkwo).", "example": ""})
    a["result"]["feedback"]["went_well"].append({"criterion": "personalisation", "quote": "siobhan.",
                                                 "text": "You used their email: “siobhan.oneill@gm”"})
    data["logbook"][0]["title"] = "Helping Siobhán Customer B"
    text = exported(data, tmp_path)
    for leak in ("siobh", "oneill", "o'neill", "okonkwo", "@gm"):
        assert leak not in text.lower(), leak
    assert re.search(r"\((Customer [A-Z]+), \1, Customer [A-Z]+\)", text)   # siobhan and oneill: one known person


def test_a_piece_of_a_known_identifier_at_a_quote_boundary_is_that_identifier():
    registry = Registry("Candidate 1")
    data = {"learner": {"full_name": "Jo Smith"},
            "attempts": [{"id": 1, "messages": [], "injected_personal_data": ["07700 900123", "ORD-558812"]}]}
    s = Scrubber(registry, register_known(data, registry, (), True), set())
    assert s.scrub("“…ring 0770090”")[0] == "“…ring [phone 1]”"
    assert s.scrub("…D-558812 was late")[0] == "…[order ref 1] was late"


# ---------------------------------------------------------------------------------------------------
# Issue 16 point 6: over-anonymisation


def test_ordinary_words_are_not_names_and_the_brand_handle_stays():
    s = Scrubber(Registry("Candidate 1"), Known(), {"@LarkspurVale"})
    for text in ("Don't use @LarkspurVale for anything important", "Can't wait, won't wait.", "Will they come today?",
                 "Over-the-top apologies", "Cheers, DMing you now", "Berry Crush palette", "my nan's tablet",
                 "Thank you. Will they ring me?", "Echo newsdesk here"):
        assert s.scrub(text)[0] == text


def test_labels_say_what_was_removed_card_last_four_and_the_learners_own_initials():
    data, _ = make_portfolio(1, seed=43)
    data["learner"]["full_name"] = "Jo Smith"
    a = data["attempts"][0]
    a["injected_personal_data"] += ["4821"]   # the app injects a card's last four digits
    [m for m in a["messages"] if m["author"] == "customer"][0]["text"] = "Card ending 4821, charged twice."
    [m for m in a["messages"] if m["author"] == "learner"][-1]["text"] = "Sorry about that, we'll refund it. ^JS"
    out = portfolio.anonymise(data)["attempts"][0]["messages"]
    assert "Card ending [card number 1], charged twice." in [m["text"] for m in out]
    assert "Sorry about that, we'll refund it. ^[candidate's initials]" in [m["text"] for m in out]
    s = Scrubber(Registry("Candidate 1"), Known(), set())
    assert s.scrub("Thanks ^AB") == ("Thanks ^[initials 1]", [(8, 10, 8, 20)])
    assert s.scrub("account number 31926819")[0] == "account number [account number 1]"
    assert s.scrub("my IBAN is GB29 NWBK 6016 1331 9268 19")[0] == "my IBAN is [bank details 1]"
