"""xAPI in Chromium: what people do on the pages reaches a real learning record store.

Ralph (ralph-malph) is served on loopback with its file-system backend, and the live app is pointed at it for this
module only. A learner plays a strong and a weak reply, a tutor moderates a level and an assessor signs off, all in
the browser; the task queue's own consumer sends the outbox in the background; Ralph must store every statement."""
from __future__ import annotations

import time

import pytest

from tests.browser.conftest import PASSWORD, TIMEOUT_MS, sign_in, start
from tests.xapi.ralph import PASSWORD as LRS_PASSWORD
from tests.xapi.ralph import USERNAME as LRS_USERNAME
from tests.xapi.ralph import start_ralph, stop_ralph

pytestmark = pytest.mark.browser

STRONG = ("Hi {name}, I'm so sorry your order is late, I can see how frustrating that is. I'll chase it now: "
          "please DM us so we can look into this for you today. ^LV")


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    server = start_ralph(tmp_path_factory.mktemp("ralph-browser"))
    yield server
    stop_ralph(server)


@pytest.fixture
def lrs(live_app, ralph):
    """The live app sends to Ralph while this test runs (the configuration is read per request)."""
    settings = {"XAPI_ENDPOINT": ralph.url, "XAPI_USERNAME": LRS_USERNAME, "XAPI_PASSWORD": LRS_PASSWORD,
                "XAPI_HOME_PAGE": "https://browser-xapi.example.org", "XAPI_ACTOR_KEY": "browser-actor-key"}
    saved = {key: live_app.config.get(key) for key in settings}
    live_app.config.update(settings)
    yield ralph
    live_app.config.update(saved)


@pytest.fixture
def people(live_app):
    """Learner Rhea in tutor Theo's cohort, with assessor Asa attached."""
    from web.extensions import db
    from web.models import Cohort
    from web.services.accounts import create_user

    with live_app.app_context():
        tutor = create_user("theo-x", "Theo Tutor", "tutor", PASSWORD)
        assessor = create_user("asa-x", "Asa Assessor", "assessor", PASSWORD)
        learner = create_user("rhea-x", "Rhea Learner", "learner", PASSWORD, email="rhea-x@example.com")
        cohort = Cohort(name="xAPI cohort", tutor_id=tutor.id)
        db.session.add(cohort)
        cohort.learners.append(learner)
        cohort.assessors.append(assessor)
        db.session.commit()
        return {"learner": learner.id}


def _outbox(live_app, learner_id: int) -> list[dict]:
    from web.extensions import db
    from web.models import Attempt, XapiStatement
    with live_app.app_context():
        rows = db.session.scalars(db.select(XapiStatement).join(Attempt).where(Attempt.learner_id == learner_id)
                                  .order_by(XapiStatement.id)).all()
        return [{"attempt": r.attempt_id, "verb": r.verb, "status": r.status, "id": r.statement_id, "body": r.body,
                 "error": r.last_error} for r in rows]


def _play(page, reply: str) -> int:
    start(page, "Late air fryer on X")
    attempt_id = int(page.url.rstrip("/").rsplit("/", 1)[-1])
    name = page.locator("label[for='reply-customer']").inner_text().rsplit(" to ", 1)[-1].strip()
    page.locator("#reply-customer").fill(reply.format(name=name))
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_url("**/result")
    return attempt_id


def test_ralph_accepts_every_statement_of_what_people_do_in_the_browser(page, live_app, lrs, people, queue_worker):
    page.context.clear_cookies()
    sign_in(page, "rhea-x")
    strong = _play(page, STRONG)
    weak = _play(page, "k")

    page.context.clear_cookies()     # the tutor sets act to 0 on the strong attempt: it is now a Refer
    sign_in(page, "theo-x")
    page.goto(f"/review/attempts/{strong}")
    page.locator("#crit-act summary").click()
    page.locator("#level-act").select_option("0")
    page.locator("#comment-act").fill("No action the customer can rely on.")
    page.locator("#crit-act").get_by_role("button", name="Save").click()
    page.wait_for_load_state()

    page.context.clear_cookies()
    sign_in(page, "asa-x")
    page.goto(f"/review/attempts/{weak}")
    page.get_by_label("Assessor comment").fill("Checked against the marking points.")
    page.get_by_role("button", name="Sign off as evidence").click()
    page.wait_for_url(f"**/review/attempts/{weak}")

    deadline = time.monotonic() + TIMEOUT_MS / 1000 * 2   # the consumer sends in the background
    rows = _outbox(live_app, people["learner"])
    while {r["status"] for r in rows} != {"sent"} and time.monotonic() < deadline:
        time.sleep(0.5)
        rows = _outbox(live_app, people["learner"])
    assert [(r["attempt"], r["verb"]) for r in rows] == [
        (strong, "attempted"), (strong, "scored"), (strong, "passed"), (strong, "completed"),
        (weak, "attempted"), (weak, "scored"), (weak, "failed"), (weak, "completed"),
        (strong, "voided"), (strong, "voided"), (strong, "scored"), (strong, "failed"),
        (weak, "approved")]
    assert [r["status"] for r in rows] == ["sent"] * len(rows), [r["error"] for r in rows]
    stored = {s["id"]: s for s in lrs.stored()}
    for row in rows:                              # Ralph stored each one, as it was built
        assert row["id"] in stored, row["verb"]
        for key in ("actor", "verb", "object", "context"):
            assert stored[row["id"]].get(key) == row["body"].get(key), (row["verb"], key)
    assert "rhea" not in str(stored).lower() and "theo" not in str(stored).lower()   # pseudonyms, no e-mail
