"""Nothing lost, nothing doubled (issue 14), in process on the test database (SQLite, or PostgreSQL with
DATABASE_URL): two scorings of one learner at the same moment both count in the tallies; a reply form that passes
the turn check twice stores one reply and tells the second request so; a learner's drafts are capped in number
and size with a clear message. The same under load, against gunicorn: tests/web/test_concurrent_replies.py."""
from __future__ import annotations

import threading
import time

import pytest

import rubrics
import simulator
from tests.conftest import STRONG_REPLY, csrf_from, sign_in


def _attempt_row(learner_id: int, seed: int):
    from web.extensions import db
    from web.models import Attempt, ScenarioInstance, utcnow

    instance = simulator.generate("late-parcel-x-public", seed).to_dict()
    row = ScenarioInstance(scenario_id="late-parcel-x-public", scenario_version=instance["scenario_version"],
                           seed=seed, exercise_type=instance["exercise_type"], title=instance["title"], data=instance)
    attempt = Attempt(learner_id=learner_id, instance=row, exercise_type="public_reply", status="completed",
                      submitted_at=utcnow())
    db.session.add(attempt)
    db.session.commit()
    return attempt.id, dict(instance["scoring_context"], response_minutes=10)


def tallies(app, learner_id: int) -> dict:
    from web.extensions import db
    from web.models import LevelTally

    with app.app_context():
        return {(t.criterion, t.level): t.count for t in
                db.session.scalars(db.select(LevelTally).where(LevelTally.learner_id == learner_id))}


def counted_from_scores(app, learner_id: int) -> dict:
    from web.extensions import db
    from web.models import Attempt, CriterionScore

    counts: dict = {}
    with app.app_context():
        for score in db.session.scalars(db.select(CriterionScore).join(Attempt)
                                        .where(Attempt.learner_id == learner_id)):
            counts[(score.criterion, score.level)] = counts.get((score.criterion, score.level), 0) + 1
    return counts


def test_two_scorings_of_one_learner_at_the_same_moment_both_count(app, make_user):
    """A stores its result and holds its transaction open while B stores another of the same learner's results.
    The old read-then-write failed B with a UniqueViolation on the new tally rows on PostgreSQL (or lost its
    increment when the row existed); SQLite's single writer lock happened to serialise this interleaving."""
    from web.extensions import db
    from web.models import Attempt
    from web.services.marks import store_result

    learner = make_user("learner")
    with app.app_context():
        (first, context), (second, _) = _attempt_row(learner, 3), _attempt_row(learner, 4)
    result = rubrics.score_reply(STRONG_REPLY, context)
    a_flushed, errors = threading.Event(), []

    def store(attempt_id: int, hold: bool) -> None:
        try:
            with app.app_context():
                store_result(db.session.get(Attempt, attempt_id), result)
                db.session.flush()
                if hold:
                    a_flushed.set()
                    time.sleep(0.5)   # ordering only: B reaches its write while A's rows are uncommitted
                db.session.commit()
        except Exception as exc:   # noqa: BLE001 - reported below
            errors.append(exc)
            a_flushed.set()

    a = threading.Thread(target=store, args=(first, True))
    a.start()
    a_flushed.wait(10)
    b = threading.Thread(target=store, args=(second, False))
    b.start()
    a.join(30)
    b.join(30)
    assert errors == []
    counted = tallies(app, learner)
    assert counted == counted_from_scores(app, learner)
    assert sum(counted.values()) == 2 * len(result["criteria"])


def test_a_rescore_and_a_moderation_keep_the_tallies_equal_to_the_scores(app, make_user, make_attempt):
    from web.extensions import db
    from web.models import Attempt, User
    from web.services.marks import moderate, store_result

    learner, tutor = make_user("learner"), make_user("tutor")
    attempt_id = make_attempt(learner)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        store_result(attempt, dict(attempt.result))    # a re-score replaces its own counts
        score = next(s for s in attempt.scores if s.criterion == "hear")
        moderate(attempt, "hear", "0" if score.level != "0" else "1", "Checked with the learner.",
                 db.session.get(User, tutor))
        db.session.commit()
    assert {k: v for k, v in tallies(app, learner).items() if v} == counted_from_scores(app, learner)


# ------------------------------------------------------------------------------------------- double submit

def learner_messages(app, attempt_id: int) -> list[str]:
    from web.extensions import db
    from web.models import Message

    with app.app_context():
        return list(db.session.scalars(db.select(Message.text).where(Message.attempt_id == attempt_id,
                                                                     Message.author == "learner")))


def test_a_reply_that_passes_the_turn_check_twice_is_stored_once_and_the_second_is_told(app, make_user):
    """Two copies of one form at the same moment both read turn 0 before either commits. Here the winner has
    committed and the loser's view of the attempt is put back to turn 0, as it read it: the database refuses the
    second reply for that turn, the whole request is rolled back, and the learner reads that it was sent."""
    from web.extensions import db
    from web.models import Attempt

    make_user("learner", username="twice")
    client = app.test_client()
    assert sign_in(client, "twice").status_code == 302
    token = csrf_from(client.get("/practice/").get_data(as_text=True))
    started = client.post("/practice/start", data={"csrf_token": token, "scenario_id": "late-parcel-x-public",
                                                   "seed": "5"})
    attempt_id = int(started.headers["Location"].rstrip("/").split("/")[-1])
    form = {"csrf_token": token, "reply": STRONG_REPLY, "channel": "public", "thread": "customer", "turn": "0"}
    with app.app_context():
        thread = next(iter(db.session.get(Attempt, attempt_id).state["threads"]))
    form["thread"] = thread
    assert client.post(f"/practice/attempts/{attempt_id}/reply", data=form).status_code == 302
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        state_after = attempt.state
        attempt.state = {**state_after, "turn": 0, "phase": "reply",
                         "threads": {k: {**v, "status": "open"} for k, v in state_after["threads"].items()}}
        attempt.status = "in_progress"
        db.session.commit()
    second = client.post(f"/practice/attempts/{attempt_id}/reply", data=form, follow_redirects=True)
    assert second.status_code == 200
    assert "That reply was already sent" in second.get_data(as_text=True)
    assert learner_messages(app, attempt_id) == [STRONG_REPLY]


# ------------------------------------------------------------------------------------------------- drafts

@pytest.fixture
def drafting(app, make_user):
    make_user("learner", username="drafter")
    client = app.test_client()
    assert sign_in(client, "drafter").status_code == 302
    token = csrf_from(client.get("/practice/").get_data(as_text=True))

    def save(key: str, text: str):
        return client.post("/api/v1/drafts", json={"key": key, "text": text}, headers={"X-CSRFToken": token})
    return save


def test_drafts_are_capped_in_number_with_a_clear_message(drafting):
    from web.services.drafts import MAX_DRAFTS

    for i in range(MAX_DRAFTS):
        assert drafting(f"logbook-{i}-short", "a few words").status_code == 200
    refused = drafting("logbook-new-short", "one more")
    assert refused.status_code == 400
    assert f"You have {MAX_DRAFTS} saved drafts, the most one account keeps" in refused.get_json()["error"]
    assert "still kept in this browser" in refused.get_json()["error"]
    assert drafting("logbook-0-short", "an existing draft can still change").status_code == 200


def test_drafts_are_capped_in_total_size_with_a_clear_message(drafting):
    from web.services.drafts import MAX_DRAFT_CHARS, MAX_TOTAL_CHARS

    saved = 0
    while saved + MAX_DRAFT_CHARS <= MAX_TOTAL_CHARS:
        assert drafting(f"logbook-{saved}-gibbs", "x" * MAX_DRAFT_CHARS).status_code == 200
        saved += MAX_DRAFT_CHARS
    refused = drafting("logbook-new-gibbs", "y" * MAX_DRAFT_CHARS)
    assert refused.status_code == 400
    assert f"one account keeps at most {MAX_TOTAL_CHARS:,}" in refused.get_json()["error"]
    assert drafting("logbook-new-gibbs", "short is fine").status_code == 200
