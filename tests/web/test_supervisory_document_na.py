"""A submitted procedure keeps the document scorer's n/a and its reason (issue 12): the app stores "na" for what
the task cannot show (rubrics.documents.not_applicable), and a crisis procedure is still judged on keeping
promotion out of its public statement."""
from __future__ import annotations

from tests.rubrics.test_document_scoring import PROCEDURE
from tests.web.test_supervisory_exercises import _attempt_id, _start, _submit


def _result(client, attempt_id: int) -> dict:
    from web.extensions import db
    from web.models import SupervisoryAttempt
    with client.application.app_context():
        return db.session.get(SupervisoryAttempt, attempt_id).result


def test_a_procedure_stores_the_scorers_na_with_its_reason(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, task="identity"))
    assert _submit(client, csrf, attempt_id, PROCEDURE).status_code == 302
    criteria = _result(client, attempt_id)["criteria"]
    assert {k for k, v in criteria.items() if v["level"] == "na"} == {
        "smart_objectives", "justified_platforms", "owned_earned_paid", "service_apart"}
    assert criteria["smart_objectives"]["reason"] == "n/a: a procedure sets out steps, not the strategy's objectives"
    assert criteria["implementation_review"]["level"] == 2


def test_a_crisis_procedure_is_judged_on_keeping_promotion_out(client, login, csrf, demo_cohort):
    login("learnera")
    attempt_id = _attempt_id(_start(client, csrf, task="crisis"))
    text = PROCEDURE + "\nPause all scheduled marketing posts on every channel until the statement is agreed.\n"
    assert _submit(client, csrf, attempt_id, text).status_code == 302
    assert _result(client, attempt_id)["criteria"]["service_apart"]["level"] == 1
