"""An attempt signed off again after its evidence changed: the PDF lists every sign-off (date, pseudonymised
assessor, short evidence hash, whether the evidence changed after it), and no assessor's name or e-mail survives."""
import hashlib

import portfolio
from tests.portfolio.conftest import leaks, pdf_text
from tests.portfolio.sample import make_portfolio

FIRST_SHA = hashlib.sha256(b"the evidence as first signed").hexdigest()
SECOND_SHA = hashlib.sha256(b"the evidence after the moderation").hexdigest()
EARLIER_ASSESSOR, EARLIER_EMAIL = "Imogen Thackeray", "imogen.thackeray@northfield-college.ac.uk"


def signed_twice(seed: int):
    """Attempt 1 signed off by another assessor, moderated, then signed off again by the portfolio's assessor."""
    data, secrets = make_portfolio(2, seed=seed)
    a = data["attempts"][0]
    current = a["assessor_signoff"]   # make_portfolio signs every other attempt, the first included
    assert current is not None
    a["assessor_signoff"] = {**current, "at": "2026-03-09T14:30:00+00:00", "comment": "Re-checked after moderation.",
                             "sha256": SECOND_SHA, "changed": False}
    a["past_signoffs"] = [{"by": EARLIER_ASSESSOR, "at": "2026-03-05T10:15:00+00:00",
                           "comment": f"Meets PC3. Queries to {EARLIER_EMAIL}", "sha256": FIRST_SHA, "changed": True,
                           "replaced_at": "2026-03-09T14:30:00+00:00"}]
    secrets.add(EARLIER_ASSESSOR, "Thackeray", EARLIER_EMAIL)
    return data, secrets, a


def test_the_attempt_pdf_lists_both_sign_offs_with_date_assessor_short_hash_and_change():
    data, secrets, a = signed_twice(81)
    raw = pdf_text(portfolio.render_attempt_pdf(data, a["id"]))
    text = " ".join(raw.split())
    assert "Sign-off history" in text
    history = text.split("Sign-off history", 1)[1]
    earlier = history.split("05 Mar 2026 10:15 UTC", 1)[1].split("09 Mar 2026 14:30 UTC (current)", 1)[0]
    # The earlier sign-off: its own pseudonym (another assessor than the current one), short hash, changed after it.
    assert "Assessor B" in earlier and FIRST_SHA[:12] in earlier
    assert "changed; signed off again 09 Mar 2026 14:30 UTC" in earlier
    current = history.split("09 Mar 2026 14:30 UTC (current)", 1)[1]
    assert current.split()[:2] == ["Assessor", "A"] and SECOND_SHA[:12] in current and "unchanged" in current
    assert "Signed off by Assessor A on 09 Mar 2026 14:30 UTC" in text
    # Only the start of an earlier hash is printed; the current one is in full above the table.
    squashed = "".join(raw.split())
    assert FIRST_SHA not in squashed and SECOND_SHA in squashed


def test_the_history_leaks_no_assessor_name_or_email():
    data, secrets, a = signed_twice(82)
    text = pdf_text(portfolio.render_attempt_pdf(data, a["id"]))
    assert "Sign-off history" in text
    assert leaks(text, secrets) == []
    assert "Thackeray" not in text and "northfield-college" not in text


def test_the_evidence_json_keeps_the_history_pseudonymised_and_a_reflections_only_export_drops_it():
    data, secrets, a = signed_twice(83)
    body = portfolio.evidence_json(data)
    (attempt,) = [x for x in body["evidence"]["attempts"] if x["id"] == a["id"]]
    (past,) = attempt["past_signoffs"]
    assert past["by"] == "Assessor B" and past["sha256"] == FIRST_SHA and past["changed"] is True
    assert past["at"] == "2026-03-05T10:15:00+00:00" and past["replaced_at"] == "2026-03-09T14:30:00+00:00"
    assert EARLIER_EMAIL not in str(body) and EARLIER_ASSESSOR not in str(body)
    only = portfolio.evidence_json(data, include=("reflections",))
    assert all("past_signoffs" not in x for x in only["evidence"]["attempts"])


def test_an_attempt_signed_once_has_no_history_table():
    data, _secrets = make_portfolio(2, seed=84)
    a = data["attempts"][0]
    text = " ".join(pdf_text(portfolio.render_attempt_pdf(data, a["id"])).split())
    assert "Signed off by Assessor A" in text and "Sign-off history" not in text
