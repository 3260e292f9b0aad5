"""A sign-off records the SHA-256 of what was signed; a later change shows, on the page and in the PDF."""
import re

import pytest

from tests.conftest import csrf_from, sign_in
from web.extensions import db
from web.models import Attempt


def _client(app, username):
    client = app.test_client()
    sign_in(client, username)
    return client


def _sign(app, client, attempt_id, csrf_from_page):
    return client.post(f"/review/attempts/{attempt_id}/signoff", data={
        "comment": "Meets PC3.", "csrf_token": csrf_from_page(client, f"/review/attempts/{attempt_id}")})


def _token(client, url):
    from tests.conftest import csrf_from
    return csrf_from(client.get(url).get_data(as_text=True))


@pytest.fixture
def signed(app, demo_cohort, make_attempt):
    from web.services.signoff import evidence_sha256
    attempt_id = make_attempt(demo_cohort["learner"])
    assessor = _client(app, "assessora")
    assert _sign(app, assessor, attempt_id, _token).status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.signed_sha256 == evidence_sha256(attempt) and len(attempt.signed_sha256) == 64
        return attempt_id, attempt.signed_sha256, assessor


def test_the_page_shows_the_hash_of_what_was_signed_and_that_it_is_unchanged(app, signed):
    attempt_id, digest, assessor = signed
    page = assessor.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert f"<code>{digest}</code>" in page and "Unchanged since sign-off." in page
    assert "Changed since sign-off" not in page


def test_a_moderation_after_sign_off_shows_as_changed_and_keeps_the_signed_hash(app, signed):
    attempt_id, digest, assessor = signed
    tutor = _client(app, "tutora")
    tutor.post(f"/review/attempts/{attempt_id}/moderate", data={
        "criterion": "tone_of_voice", "level": "1", "comment": "Flat.",
        "csrf_token": _token(tutor, f"/review/attempts/{attempt_id}")})
    page = assessor.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert "Changed since sign-off:" in page and f"<code>{digest}</code>" in page
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).signed_sha256 == digest


def test_feedback_after_sign_off_is_not_a_change_to_the_evidence(app, signed):
    attempt_id, _digest, assessor = signed
    tutor = _client(app, "tutora")
    tutor.post(f"/review/attempts/{attempt_id}/feedback", data={
        "text": "Well done.", "csrf_token": _token(tutor, f"/review/attempts/{attempt_id}")})
    assert "Unchanged since sign-off." in assessor.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)


@pytest.mark.slow
def test_the_pdf_says_the_signed_evidence_changed(app, signed):
    from tests.web.test_exports import pdf_text
    attempt_id, digest, assessor = signed
    text = " ".join(pdf_text(assessor.get(f"/exports/attempts/{attempt_id}.pdf").data).split())
    assert "Unchanged since sign-off." in text and digest in text.replace(" ", "")
    tutor = _client(app, "tutora")
    tutor.post(f"/review/attempts/{attempt_id}/moderate", data={
        "criterion": "tone_of_voice", "level": "1", "comment": "Flat.",
        "csrf_token": _token(tutor, f"/review/attempts/{attempt_id}")})
    text = " ".join(pdf_text(assessor.get(f"/exports/attempts/{attempt_id}.pdf").data).split())
    assert "Changed since sign-off:" in text



def test_a_dispute_opened_after_sign_off_is_not_a_change_until_it_is_decided(app, demo_cohort, make_attempt):
    """An open dispute is the learner's question, not evidence: the signed evidence changes when the tutor decides."""
    from web.models import Dispute, User
    from web.services.disputes import open_dispute, resolve
    from web.services.signoff import sign

    attempt_id = make_attempt(demo_cohort["learner"], reply="ok we will look")
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.mode = "assessed"
        sign(attempt, db.session.get(User, demo_cohort["assessor"]), "Meets PC3.")
        criterion = next(s.criterion for s in attempt.scores if s.auto_level == "0")
        dispute = open_dispute(attempt, db.session.get(User, demo_cohort["learner"]), criterion, "2", "I did that.")
        db.session.commit()
        dispute_id = dispute.id
    assessor = _client(app, "assessora")
    assert "Unchanged since sign-off." in assessor.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    with app.app_context():
        resolve(db.session.get(Dispute, dispute_id), "rejected", None, "No: nothing in the reply does it.",
                db.session.get(User, demo_cohort["tutor"]))
        db.session.commit()
    assert "Changed since sign-off:" in assessor.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)


def test_a_second_sign_off_leaves_the_first_as_it_was(app, signed, demo_cohort, make_user):
    """A double click or a second assessor of the cohort: the first sign-off (who, when, comment, hash) stands."""
    from web.models import Cohort, User
    attempt_id, digest, _assessor = signed
    make_user("assessor", "assessorz")
    with app.app_context():
        cohort = db.session.get(Cohort, demo_cohort["cohort"])
        cohort.assessors.append(db.session.scalar(db.select(User).filter_by(username="assessorz")))
        first = db.session.get(Attempt, attempt_id)
        before = (first.signed_off_by_id, first.signed_off_at, first.signoff_comment)
        db.session.commit()
    other = _client(app, "assessorz")
    response = other.post(f"/review/attempts/{attempt_id}/signoff", data={
        "comment": "Signed again.", "csrf_token": _token(other, f"/review/attempts/{attempt_id}")},
        follow_redirects=True)
    assert "Already signed off by" in response.get_data(as_text=True)
    with app.app_context():
        again = db.session.get(Attempt, attempt_id)
        assert (again.signed_off_by_id, again.signed_off_at, again.signoff_comment) == before
        assert again.signed_sha256 == digest


def test_evidence_changed_since_is_signed_again_and_the_earlier_sign_off_kept(app, signed):
    """After a tutor changes a level, the assessor may sign off the evidence as it now stands; the first sign-off
    (who, when, comment, hash) is listed as it was."""
    from web.models import PastSignoff
    attempt_id, digest, assessor = signed
    url = f"/review/attempts/{attempt_id}"
    assert 'action="/review/attempts/%d/signoff"' % attempt_id not in assessor.get(url).get_data(as_text=True)
    tutor = _client(app, "tutora")
    tutor.post(f"{url}/moderate", data={"criterion": "tone_of_voice", "level": "1", "comment": "Flat.",
                                        "csrf_token": _token(tutor, url)})
    page = assessor.get(url).get_data(as_text=True)
    assert "sign off the evidence as it now stands" in page
    response = assessor.post(f"{url}/signoff", data={"comment": "Re-checked after the moderation.",
                                                     "csrf_token": csrf_from(page)}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Signed off as evidence." in page and "Unchanged since sign-off." in page
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        (past,) = db.session.scalars(db.select(PastSignoff).filter_by(attempt_id=attempt_id)).all()
        assert (past.sha256, past.comment) == (digest, "Meets PC3.") and attempt.signed_sha256 != digest
        assert attempt.signoff_comment == "Re-checked after the moderation."
    earlier = page.split('id="past-signoffs-h"')[1].split("</ul>")[0]
    assert digest in earlier and "Meets PC3." in earlier


@pytest.mark.slow
def test_the_pdf_lists_both_sign_offs_of_two_assessors_with_no_name_or_email(app, signed, demo_cohort, make_user):
    """assessora signs, a tutor moderates, assessorz signs the changed evidence: the attempt PDF lists both sign-offs
    with their dates, pseudonymised assessors, short hashes and what changed after each, and names nobody."""
    from tests.web.test_exports import pdf_text
    from web.models import Cohort, User
    attempt_id, digest, _assessora = signed
    make_user("assessor", "assessorz", full_name="Zainab Quartermaine")
    with app.app_context():
        cohort = db.session.get(Cohort, demo_cohort["cohort"])
        cohort.assessors.append(db.session.scalar(db.select(User).filter_by(username="assessorz")))
        db.session.commit()
        people = [(u.full_name, u.username, u.email) for u in db.session.scalars(db.select(User))]
    url = f"/review/attempts/{attempt_id}"
    tutor = _client(app, "tutora")
    tutor.post(f"{url}/moderate", data={"criterion": "tone_of_voice", "level": "1", "comment": "Flat.",
                                        "csrf_token": _token(tutor, url)})
    other = _client(app, "assessorz")
    assert other.post(f"{url}/signoff", data={"comment": "Re-checked.", "csrf_token": _token(other, url)}
                      ).status_code == 302
    with app.app_context():
        second = db.session.get(Attempt, attempt_id).signed_sha256
    raw = pdf_text(other.get(f"/exports/attempts/{attempt_id}.pdf").data)
    text = " ".join(raw.split())
    history = text.split("Sign-off history", 1)[1].split("Learner's reflection", 1)[0]
    earlier, current = history.split("(current)", 1)
    assert "Assessor B" in earlier and digest[:12] in earlier and "changed; signed off again" in earlier
    assert "Meets PC3." in earlier
    assert "Assessor A" in current and second[:12] in current and "unchanged" in current
    assert "Signed off by Assessor A" in text
    squashed = "".join(raw.split()).lower()   # pypdf may break an address across lines
    for full_name, username, email in people:
        assert "".join(email.split()).lower() not in squashed, email
        for value in (full_name, username):   # as words: "Tutor A" is the pseudonym, "tutora" a username
            assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.I), value


def test_a_portfolio_reads_the_earlier_sign_offs_of_all_its_attempts_in_one_statement(app, demo_cohort, make_attempt):
    from sqlalchemy import event

    from web.models import User
    from web.services.learner_evidence import learner_evidence
    for _ in range(5):
        make_attempt(demo_cohort["learner"])
    with app.app_context():
        statements = []

        def seen(_conn, _cursor, statement, *_args):
            statements.append(statement)
        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            data = learner_evidence(db.session.get(User, demo_cohort["learner"]))
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
    assert len(data["attempts"]) == 5
    assert len([s for s in statements if "FROM past_signoff" in s]) == 1
