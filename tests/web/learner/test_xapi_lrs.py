"""xAPI statements reach a real learning record store: Ralph, served on loopback with its file-system backend.

A learner plays real attempts through the app; the statements are recorded with each change, the commit asks the
task queue to send them, the queued task is run as the worker would, and Ralph must accept every one."""
from __future__ import annotations

import pytest

from tests.web.learner.conftest import GOOD_REPLY
from tests.xapi.ralph import PASSWORD, USERNAME, start_ralph, stop_ralph


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    server = start_ralph(tmp_path_factory.mktemp("ralph"))
    yield server
    stop_ralph(server)


@pytest.fixture
def app_config(ralph, request) -> dict:
    """One site per test: each test's emptied database numbers its attempts from 1 again, and statement ids are
    derived from the site and the attempt, so two tests on one site would send different statements with one id."""
    from tests.web.learner.conftest import SCENARIOS
    return {"SCENARIO_DIR": str(SCENARIOS), "SIM_SPEED": 1.0, "XAPI_ENDPOINT": ralph.url, "XAPI_USERNAME": USERNAME,
            "XAPI_PASSWORD": PASSWORD, "XAPI_HOME_PAGE": f"https://{request.node.name.replace('_', '-')}.example.org",
            "XAPI_ACTOR_KEY": "a-key-kept-for-ever"}


def play(client, start, page_token, reply: str, seed: int) -> int:
    attempt_id = start("tw-late-parcel", seed=seed)
    client.post(f"/practice/attempts/{attempt_id}/reply", data={
        "csrf_token": page_token(f"/practice/attempts/{attempt_id}"), "reply": reply, "channel": "public",
        "thread": "customer", "turn": 0})
    return attempt_id


def outbox(app):
    from web.extensions import db
    from web.models import XapiStatement
    with app.app_context():
        rows = db.session.scalars(db.select(XapiStatement).order_by(XapiStatement.id)).all()
        return [{"attempt": r.attempt_id, "verb": r.verb, "status": r.status, "tries": r.tries, "body": r.body,
                 "error": r.last_error, "id": r.statement_id} for r in rows]


def run_queued_tasks(app) -> int:
    """What `flask --app app worker` does with the queued tasks: run each one."""
    huey = app.extensions["task_queue"].huey
    ran = 0
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        ran += 1
    return ran


def test_ralph_accepts_every_statement_of_played_attempts(app, client, learner, start, page_token, ralph):
    passed = play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=7)
    failed = play(client, start, page_token, "k", seed=8)
    rows = outbox(app)
    assert [(r["attempt"], r["verb"]) for r in rows] == [
        (passed, "attempted"), (passed, "scored"), (passed, "passed"), (passed, "completed"),
        (failed, "attempted"), (failed, "scored"), (failed, "failed"), (failed, "completed")]
    assert {r["status"] for r in rows} == {"pending"}
    assert run_queued_tasks(app) >= 1          # each commit that recorded statements queued a send
    rows = outbox(app)
    assert [r["status"] for r in rows] == ["sent"] * 8, [r["error"] for r in rows]
    stored = {s["id"]: s for s in ralph.stored()}
    for row in rows:                            # Ralph stored each one as sent
        assert row["id"] in stored
        for key in ("actor", "verb", "object", "result", "context"):
            assert stored[row["id"]].get(key) == row["body"].get(key), key
    scored = next(r["body"] for r in rows if r["verb"] == "scored" and r["attempt"] == passed)
    assert 0 < scored["result"]["score"]["scaled"] <= 1
    assert scored["actor"]["account"]["homePage"] == app.config["XAPI_HOME_PAGE"]
    assert "lena" not in str(stored) and "@example.com" not in str(stored)   # no username, no e-mail
    found = ralph.get(f"/xAPI/statements?registration={scored['context']['registration']}")["statements"]
    assert len(found) == 4                      # one registration ties an attempt's statements together


def test_statements_wait_in_the_outbox_while_the_lrs_is_down(app, client, learner, start, page_token, ralph):
    from tests.xapi.ralph import free_port
    from web.extensions import db
    from web.models import XapiStatement, utcnow
    from web.services import xapi_outbox

    app.config["XAPI_ENDPOINT"] = f"http://127.0.0.1:{free_port()}/xAPI"   # nothing listens there
    play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=9)
    with app.app_context():
        report = xapi_outbox.send_pending()
    assert report.sent == 0 and report.retry_later == 4
    rows = outbox(app)
    assert {(r["status"], r["tries"]) for r in rows} == {("pending", 1)}
    assert "unreachable" in rows[0]["error"]
    with app.app_context():
        assert xapi_outbox.send_pending().retry_later == 0   # not due yet: it waits a minute before trying again
        app.config["XAPI_ENDPOINT"] = ralph.url                # the LRS is back
        db.session.execute(db.update(XapiStatement).values(next_try_at=utcnow()))
        db.session.commit()
        assert xapi_outbox.send_pending().sent == 4
    assert {r["status"] for r in outbox(app)} == {"sent"}
    assert {r["id"] for r in outbox(app)} <= {s["id"] for s in ralph.stored()}


def test_while_the_lrs_is_down_the_task_schedules_itself_for_when_the_first_statement_is_due(
        app, client, learner, start, page_token):
    from tests.xapi.ralph import free_port

    app.config["XAPI_ENDPOINT"] = f"http://127.0.0.1:{free_port()}/xAPI"
    play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=10)
    huey = app.extensions["task_queue"].huey
    huey.flush()
    app.extensions["task_queue"].enqueue("xapi_send")
    huey.execute(huey.dequeue())
    (again,) = huey.pending()                  # queued with an eta: the consumer holds it until then
    assert again.name == "xapi_send"
    from datetime import datetime, timedelta
    assert timedelta(seconds=50) < again.eta - datetime.now() <= timedelta(seconds=61)   # the first retry: 1 minute
    assert {(r["status"], r["tries"]) for r in outbox(app)} == {("pending", 1)}


def test_a_statement_ralph_refuses_is_kept_as_rejected_and_can_be_sent_again(app, client, learner, start,
                                                                            page_token, runner):
    from web.extensions import db
    from web.models import XapiStatement
    from web.services import xapi_outbox

    play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=11)
    with app.app_context():   # a statement broken after it was recorded (our bug): Ralph must refuse it
        row = db.session.scalar(db.select(XapiStatement).filter_by(verb="scored"))
        row.body = {key: value for key, value in row.body.items() if key != "actor"}
        db.session.commit()
        report = xapi_outbox.send_pending()
    assert report.sent == 3 and report.rejected == 1
    rejected = [r for r in outbox(app) if r["status"] == "rejected"]
    assert [r["verb"] for r in rejected] == ["scored"] and "LRS answered 4" in rejected[0]["error"]
    assert "pending 0, sent 3, failed 0, rejected 1" in runner.invoke(args=["xapi", "status"]).output
    result = runner.invoke(args=["xapi", "send", "--again"])
    assert "1 failed or rejected statement(s) queued again." in result.output
    assert "refused by the LRS 1" in result.output


def test_no_statement_is_recorded_without_an_lrs(app, client, learner, start, page_token):
    app.config["XAPI_ENDPOINT"] = ""
    play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=12)
    assert outbox(app) == []


def test_a_tutors_change_of_a_level_sends_the_marks_as_they_now_stand(app, client, learner, start, page_token,
                                                                      make_user, ralph):
    from web.extensions import db
    from web.models import Attempt, User
    from web.services.marks import moderate

    attempt_id = play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=13)
    tutor_id = make_user("tutor", "tilly")
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.final_grade != "Refer"
        moderate(attempt, "act", "0", "No action offered in the end.", db.session.get(User, tutor_id))
        db.session.commit()
        grade = attempt.final_grade
    assert grade == "Refer"                      # act at 0 refers
    rows = [r for r in outbox(app) if r["attempt"] == attempt_id]
    assert [r["verb"] for r in rows] == ["attempted", "scored", "passed", "completed", "voided", "voided", "scored",
                                         "failed"]
    assert rows[-1]["body"]["result"]["success"] is False
    assert rows[-2]["body"]["result"]["score"]["scaled"] < rows[1]["body"]["result"]["score"]["scaled"]
    # The scored and passed statements the re-mark replaced are voided, by the tutor (a pseudonym).
    assert [r["body"]["object"]["id"] for r in rows[4:6]] == [rows[1]["id"], rows[2]["id"]]
    assert rows[4]["body"]["actor"]["account"]["name"].startswith("staff-")
    run_queued_tasks(app)
    assert {r["status"] for r in outbox(app)} == {"sent"}, [r["error"] for r in outbox(app)]
    assert {r["id"] for r in rows} <= {s["id"] for s in ralph.stored()}
    # (Ralph's file-system backend stores the voiding statements but still lists the voided ones in queries.)


def test_a_sign_off_and_a_rescore_send_statements_ralph_accepts(app, client, learner, start, page_token, make_user,
                                                                 ralph):
    from tests.web.test_rescore import as_if_old_scorer
    from web.extensions import db
    from web.models import Attempt, User
    from web.services.rescoring import rescore
    from web.services.signoff import sign

    attempt_id = play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=14)
    as_if_old_scorer(app, attempt_id, "hear", "0")            # marked by an older scorer that gave hear 0
    assessor_id = make_user("assessor", "asha")
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert rescore(attempt).changed
        sign(attempt, db.session.get(User, assessor_id), "Meets the marking points.")
        db.session.commit()
        signed = attempt.signed_sha256
    rows = [r for r in outbox(app) if r["attempt"] == attempt_id]
    assert [r["verb"] for r in rows] == ["attempted", "scored", "passed", "completed", "voided", "voided", "scored",
                                         "passed", "approved"]
    assert rows[4]["body"]["actor"]["account"]["name"] == "scorer"
    assert "https://" in next(iter(rows[6]["body"]["context"]["extensions"])) and any(
        k.endswith("/rescore") for k in rows[6]["body"]["context"]["extensions"])
    approved = rows[-1]["body"]
    assert approved["object"] == {"objectType": "StatementRef", "id": rows[3]["id"]}     # the attempt's completion
    assert signed in approved["context"]["extensions"].values()
    assert approved["actor"]["account"]["name"].startswith("staff-") and "asha" not in str(approved)
    run_queued_tasks(app)
    assert {r["status"] for r in outbox(app)} == {"sent"}, [r["error"] for r in outbox(app)]
    assert {r["id"] for r in rows} <= {s["id"] for s in ralph.stored()}


def test_a_database_started_afresh_sends_new_statement_ids_that_ralph_accepts(app, client, learner, start, page_token,
                                                                              ralph):
    """A database started afresh numbers its attempts from 1 again, on the same site: its attempt 1 is another
    attempt than the LRS already heard about. Here the outbox and the install row are emptied (as in a new database)
    and attempt 1 starts again later; its statement must get a new id, which Ralph stores, instead of the old id
    with other content, which Ralph refuses."""
    from datetime import timedelta

    from web.extensions import db
    from web.models import Attempt, Install, XapiStatement
    from web.services import xapi_outbox

    attempt_id = play(client, start, page_token, GOOD_REPLY.format(first="Sam"), seed=15)
    run_queued_tasks(app)
    before = outbox(app)
    assert {r["status"] for r in before} == {"sent"}
    with app.app_context():
        db.session.execute(db.delete(XapiStatement))
        db.session.execute(db.delete(Install))
        attempt = db.session.get(Attempt, attempt_id)
        attempt.started_at += timedelta(days=3)     # another attempt with the same number
        xapi_outbox.record_started(attempt)
        db.session.commit()
    run_queued_tasks(app)
    (again,) = outbox(app)
    assert again["verb"] == "attempted" and again["id"] not in {r["id"] for r in before}
    assert again["status"] == "sent", again["error"]
    assert again["id"] in {s["id"] for s in ralph.stored()}
