"""Re-scoring stored attempts with the current scorer (issue 11.6): `flask --app app rescore` keeps the old levels
beside the new ones with both scorer and rubric versions, leaves a tutor's moderation in force, shows progress, is
idempotent, and tutors see which marks changed. Attempts are made through the real practice flow; "marked by an
older scorer" is set up by writing the older version and levels into the stored mark, as an old row would hold."""
from __future__ import annotations

import re

import rubrics
from web.extensions import db
from web.models import Attempt, LevelTally, Rescore, User
from web.services import attempts
from web.services.marks import moderate

REPLY = ("Hi {name}, I'm so sorry your order hasn't arrived, I can see how frustrating that is. Please DM us your "
         "order number and I'll chase it with the courier today. ^JS")


def played(app, learner_id: int, seed: int = 3) -> int:
    """A completed public reply at a shipped scenario, through the real service (as the pages do)."""
    with app.app_context():
        learner = db.session.get(User, learner_id)
        attempt = attempts.start_attempt(learner, "late-parcel-x-public", seed=seed)
        thread = next(iter(attempt.state["threads"]))
        name = attempt.instance.data["persona"]["first_name"]
        attempts.submit_reply(attempt, REPLY.format(name=name), "public", thread, attempt.state["turn"])
        if attempt.status != "completed":
            attempts.finish(attempt)
        db.session.commit()
        return attempt.id


def as_if_old_scorer(app, attempt_id: int, criterion: str = "hear", level: str = "0") -> str:
    """Rewrite the stored mark as an older scorer would have left it: its version, and `criterion` at `level`
    (automatic level, result and tally). Returns the level the current scorer gave."""
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        score = next(s for s in attempt.scores if s.criterion == criterion)
        now = score.auto_level
        tally = db.session.scalar(db.select(LevelTally).filter_by(learner_id=attempt.learner_id, criterion=criterion,
                                                                 level=now))
        tally.count -= 1
        db.session.add(LevelTally(learner_id=attempt.learner_id, criterion=criterion, level=level, count=1))
        score.auto_level = level
        result = dict(attempt.result)
        result["criteria"] = {**result["criteria"], criterion: {**result["criteria"][criterion], "level": int(level)}}
        result["rubric"] = {**result["rubric"], "version": 1, "scorer_version": "1.2.1", "hash": "sha256:old"}
        result["grade"] = attempt.auto_grade = attempt.final_grade = rubrics.grade(
            {k: v["level"] for k, v in result["criteria"].items()})[0]
        attempt.result, attempt.scorer_version, attempt.rubric_hash = result, "1.2.1", "sha256:old"
        db.session.commit()
        return now


def tallies(app, learner_id: int, criterion: str) -> dict:
    with app.app_context():
        rows = db.session.scalars(db.select(LevelTally).filter_by(learner_id=learner_id, criterion=criterion))
        return {t.level: t.count for t in rows if t.count}


def test_rescore_keeps_the_old_levels_beside_the_new_and_records_both_versions(app, runner, demo_cohort):
    learner = demo_cohort["learner"]
    attempt_id = played(app, learner)
    current = played(app, learner, seed=4)          # already marked by this scorer: not due
    new_level = as_if_old_scorer(app, attempt_id)
    assert new_level != "0"
    out = runner.invoke(args=["rescore", "--batch-size", "1"])
    assert out.exit_code == 0, out.output
    assert "1 attempt(s) due" in out.output and "1/1 re-scored: 1 with changed marks" in out.output
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        (record,) = attempt.rescores
        assert record.changes == {"hear": {"old": "0", "new": new_level, "moderated": None}} and record.changed
        assert (record.old_scorer_version, record.old_rubric_version, record.old_rubric_hash) == ("1.2.1", 1, "sha256:old")
        info = rubrics.RUBRIC_INFO
        assert (record.new_scorer_version, record.new_rubric_version, record.new_rubric_hash) == \
            (info["scorer_version"], info["version"], info["hash"])
        assert attempt.scorer_version == info["scorer_version"] and attempt.rubric_hash == info["hash"]
        assert next(s for s in attempt.scores if s.criterion == "hear").auto_level == new_level
        assert attempt.result["criteria"]["hear"]["level"] == int(new_level)
        assert record.new_grade == attempt.auto_grade == attempt.result["grade"]
        assert db.session.get(Attempt, current).rescores == []
    assert tallies(app, learner, "hear").get("0", 0) == 0


def test_running_it_again_changes_nothing(app, runner, demo_cohort):
    attempt_id = played(app, demo_cohort["learner"])
    as_if_old_scorer(app, attempt_id)
    assert runner.invoke(args=["rescore"]).exit_code == 0
    again = runner.invoke(args=["rescore"])
    assert again.exit_code == 0 and "0 attempt(s) due" in again.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Rescore.id))) == 1


def test_a_tutors_moderated_level_stays_in_force_after_rescoring(app, runner, demo_cohort):
    learner = demo_cohort["learner"]
    attempt_id = played(app, learner)
    new_level = as_if_old_scorer(app, attempt_id)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        moderate(attempt, "hear", "1", "Names the parcel but not the birthday.", db.session.get(User, demo_cohort["tutor"]))
        db.session.commit()
    assert runner.invoke(args=["rescore"]).exit_code == 0
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        score = next(s for s in attempt.scores if s.criterion == "hear")
        assert (score.auto_level, score.moderated_level, score.level) == (new_level, "1", "1")
        assert attempt.rescores[0].changes["hear"] == {"old": "0", "new": new_level, "moderated": "1"}
        levels = {s.criterion: s.level for s in attempt.scores}
        assert attempt.final_grade == rubrics.grade({k: (None if v == "na" else int(v) if v.isdigit() else v)
                                                    for k, v in levels.items()}, checks=attempt.result["checks"])[0]
    assert tallies(app, learner, "hear").get("1") == 1       # the level in force, counted once


def test_dry_run_changes_nothing_and_an_unscorable_attempt_is_reported_and_left(app, runner, demo_cohort):
    attempt_id = played(app, demo_cohort["learner"])
    as_if_old_scorer(app, attempt_id)
    dry = runner.invoke(args=["rescore", "--dry-run"])
    assert dry.exit_code == 0 and "1 attempt(s) due" in dry.output
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.rescores == [] and attempt.scorer_version == "1.2.1"
        attempt.state = {**attempt.state, "threads": {"ghost": {}}}      # a thread with no learner reply left
        attempt.messages = [m for m in attempt.messages if m.author != "learner"]
        db.session.commit()
    out = runner.invoke(args=["rescore"])
    assert out.exit_code == 1 and re.search(rf"attempt {attempt_id} not re-scored: AttemptError", out.output)
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).scorer_version == "1.2.1"


def test_tutors_see_which_marks_changed(app, runner, client, login, demo_cohort):
    attempt_id = played(app, demo_cohort["learner"])
    outsider = played(app, demo_cohort["outsider"])
    as_if_old_scorer(app, attempt_id)
    as_if_old_scorer(app, outsider)
    assert runner.invoke(args=["rescore"]).exit_code == 0
    login("tutora")
    listing = client.get("/review/?show=rescored").get_data(as_text=True)
    assert f"/review/attempts/{attempt_id}" in listing and f"/review/attempts/{outsider}" not in listing
    assert "Hear" in listing and "0 → " in listing
    page = client.get(f"/review/attempts/{attempt_id}").get_data(as_text=True)
    assert "Re-scored marks" in page and "1.2.1" in page and rubrics.RUBRIC_INFO["scorer_version"] in page
    assert client.get(f"/review/attempts/{outsider}").status_code == 403


def test_rescoring_with_the_same_scorer_gives_the_same_marks(app, runner, demo_cohort):
    """--force re-scores attempts the current scorer marked: from the stored messages and instance alone it gives
    every level and the grade they got when the replies were sent (the re-scoring is faithful)."""
    ids = [played(app, demo_cohort["learner"], seed) for seed in (1, 2)]
    with app.app_context():
        before = {i: ({s.criterion: s.auto_level for s in db.session.get(Attempt, i).scores},
                      db.session.get(Attempt, i).auto_grade) for i in ids}
    out = runner.invoke(args=["rescore", "--force"])
    assert out.exit_code == 0 and "2/2 re-scored: 0 with changed marks" in out.output, out.output
    with app.app_context():
        for i in ids:
            attempt = db.session.get(Attempt, i)
            assert ({s.criterion: s.auto_level for s in attempt.scores}, attempt.auto_grade) == before[i]
            assert [r.changed for r in attempt.rescores] == [False]


def test_the_learner_sees_that_their_attempt_was_marked_again(app, runner, client, login, demo_cohort):
    attempt_id = played(app, demo_cohort["learner"])
    as_if_old_scorer(app, attempt_id)
    login("learnera")
    assert "Marked again" not in client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    assert runner.invoke(args=["rescore"]).exit_code == 0
    page = client.get(f"/practice/attempts/{attempt_id}/result").get_data(as_text=True)
    with app.app_context():
        record = db.session.get(Attempt, attempt_id).rescores[0]
    assert f"the automatic grade was {record.old_grade} and is now {record.new_grade}" in page
