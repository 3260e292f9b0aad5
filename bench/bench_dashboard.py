"""Tutor and assessor dashboards at scale: builds a database with N attempts (default 500,000) and times the staff
pages (tutor, assessor with 1 and with 5 cohorts, review queue, agreement report and its CSV, IQA), a learner's
progress page and a cohort's CSV gradebook (the page that queues it; the worker's run timed apart), through the real
app and Flask test client, printing median, p95 and max. Goal (issue 17): p95 < 100 ms for every staff page at 500k
attempts, on SQLite and on PostgreSQL (--database-url postgresql+psycopg://...; an empty database).

The progress page is kept drawn until the learner's data changes (web/fragments.py,
web/services/progress_version.py): its plain rows time repeat views, its "drawn afresh" rows the first view after a
change (a new attempt, a moderation...). One learner (l0000, 500 attempts) has timed replies and ~950 moderations;
every attempt of the gradebook's cohort (10,000) has a level per criterion.

Shape: 50 cohorts x 20 learners, N spread evenly over the 1,000 learners, each attempt with its level tallies
counted as the app counts them. Attempt rows carry every column the pages read; the scorer's full JSON result is
stored only on the newest 2,000 attempts (the ones pages show) to keep the file size sane, and per-criterion score
rows beyond that learner and that cohort are left out unless --with-scores (no other page reads them). The 30
scenario instances carry a real generated instance's JSON (~9 KB, as stored instances do) under their own fields;
shared by every attempt, so SQLite's parsed-JSON cache may hide what reading it per attempt costs with real data.

    .venv/bin/python bench/bench_dashboard.py [--attempts 500000] [--repeat 20] [--database-url URL]
                                              [--sqlite-file PATH]

A database that already holds the bench's accounts (a kept --sqlite-file, or a --database-url built before) is
reused as it is: building 500k attempts takes minutes, timing the pages takes seconds.
"""
from __future__ import annotations

import argparse
import functools
import gc
import math
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CRITERIA = ["hear", "empathise", "apologise", "take_ownership", "acknowledge", "act", "greeting", "personalisation",
            "signposting", "closing", "tone_of_voice", "plain_language", "data_protection", "take_private", "clarify",
            "escalation", "accuracy", "timeliness", "platform_fit"]
GRADES = ["Refer", "Pass", "Merit", "Distinction"]


def build(app, attempts: int, with_scores: bool, seed: int = 7) -> dict:
    from sqlalchemy import insert

    from web.extensions import db
    from web.models import (
        Attempt,
        Cohort,
        CriterionScore,
        LevelTally,
        ScenarioInstance,
        User,
        cohort_assessors,
        cohort_learners,
    )
    from web.services.accounts import create_user

    rng = random.Random(seed)
    with app.app_context():
        # One account made the app's way; the rest share its password hash (scrypt per account is minutes here).
        tutors = [create_user("tutor00", "Tutor 0", "tutor", "bench-password")]
        db.session.execute(insert(User), [{"username": name, "full_name": name.title(), "role": role,
                                           "password_hash": tutors[0].password_hash, "active": True,
                                           "created_at": datetime(2026, 1, 1)}
                                          for name, role in [(f"tutor{i:02d}", "tutor") for i in range(1, 50)]
                                          + [("assessor1", "assessor"), ("assessor5", "assessor"), ("iqa1", "iqa")]])
        tutors = db.session.scalars(db.select(User).where(User.role == "tutor").order_by(User.username)).all()
        assessors = [db.session.scalar(db.select(User).where(User.username == n)) for n in ("assessor1", "assessor5")]
        learner_rows = [{"username": f"l{i:04d}", "full_name": f"Learner {i}", "role": "learner",
                         "password_hash": tutors[0].password_hash, "candidate_number": f"CAND-{i:05d}",
                         "active": True, "created_at": datetime(2026, 1, 1)} for i in range(1000)]
        db.session.execute(insert(User), learner_rows)
        learners = db.session.scalars(db.select(User.id).where(User.role == "learner").order_by(User.id)).all()
        cohorts = []
        for c in range(50):
            cohort = Cohort(name=f"Cohort {c}", tutor_id=tutors[c].id, join_code=f"BENCH{c:03d}")
            db.session.add(cohort)
            cohorts.append(cohort)
        db.session.flush()
        db.session.execute(insert(cohort_learners), [{"cohort_id": cohorts[i // 20].id, "user_id": lid}
                                                     for i, lid in enumerate(learners)])
        db.session.execute(insert(cohort_assessors), [{"cohort_id": cohorts[0].id, "user_id": assessors[0].id}] +
                           [{"cohort_id": cohorts[c].id, "user_id": assessors[1].id} for c in range(5)])
        instances = []
        for k in range(30):
            inst = ScenarioInstance(scenario_id=f"bench-{k}", scenario_version="v1", seed=k, exercise_type="public_reply",
                                    title=f"Bench scenario {k}",
                                    data={**real_instance(), "title": f"Bench scenario {k}", "scenario_id": f"bench-{k}",
                                          "platform": "twitter", "category": "delivery"})
            db.session.add(inst)
            instances.append(inst)
        db.session.flush()
        sample_result = {"grade": "Pass", "grade_rule": "bench", "criteria": {c: {"level": 1} for c in CRITERIA}}
        start = datetime(2026, 1, 5)
        tallies: dict[tuple, int] = {}
        batch, score_batch = [], []
        for n in range(attempts):
            learner_id = learners[n % len(learners)]
            levels = {c: rng.choice(["2", "2", "1", "0", "na"]) for c in CRITERIA}
            levels["data_protection"] = rng.choice(["pass", "pass", "pass", "fail"])
            for c, lv in levels.items():
                tallies[(learner_id, c, lv)] = tallies.get((learner_id, c, lv), 0) + 1
            when = start + timedelta(minutes=n)
            newest = n >= attempts - 2000
            batch.append({"learner_id": learner_id, "instance_id": instances[n % 30].id, "mode": "practice",
                          "exercise_type": "public_reply", "status": "completed", "sim_minutes": 30.0,
                          "started_at": when, "submitted_at": when + timedelta(minutes=5),
                          "auto_grade": (g := rng.choice(GRADES)), "final_grade": g,
                          "unsure_count": rng.choice([0, 0, 0, 1, 2]), "result": sample_result if newest else None})
            if len(batch) == 20_000:
                db.session.execute(insert(Attempt), batch)
                batch = []
        if batch:
            db.session.execute(insert(Attempt), batch)
        if with_scores:
            ids = db.session.scalars(db.select(Attempt.id)).all()
            for aid in ids:
                score_batch.extend({"attempt_id": aid, "criterion": c, "auto_level": "1"} for c in CRITERIA)
                if len(score_batch) >= 50_000:
                    db.session.execute(insert(CriterionScore), score_batch)
                    score_batch = []
            if score_batch:
                db.session.execute(insert(CriterionScore), score_batch)
        db.session.execute(insert(LevelTally), [{"learner_id": l, "criterion": c, "level": lv, "count": k}
                                                for (l, c, lv), k in tallies.items()])
        db.session.commit()
        return {"cohort_id": cohorts[0].id, "learner": "l0000", "learner_id": learners[0]}


@functools.cache
def real_instance() -> dict:
    """A generated instance of a shipped scenario: a stored instance holds ~10 KB of JSON (the progress page once
    parsed it for every attempt), where the bench's own fields are ~150 bytes."""
    import simulator
    return simulator.generate("late-parcel-x-public", 3).to_dict()



def realistic_instances(app) -> None:
    """The bench's instances as large as real ones (their own fields kept) in a database built before they were.
    Done once."""
    from web.extensions import db
    from web.models import ScenarioInstance

    with app.app_context():
        for inst in db.session.scalars(db.select(ScenarioInstance).where(ScenarioInstance.scenario_id.like("bench-%"))):
            if "messages" not in inst.data:
                inst.data = {**real_instance(), **inst.data}
        db.session.commit()


def detail_timed_learner(app, learner_id: int, seed: int = 11) -> None:
    """Give the learner whose progress page is timed what a real learner's attempts carry and that page reads: a
    level per criterion (its heatmap and evidence map), a customer message and a timed reply (its response chart),
    and scenarios with a response target. Only for this learner: 19 score rows for each of 500k attempts would be
    9.5 million rows no other page reads. Done once; a reused database that has them is left as it is."""
    from sqlalchemy import insert

    from web.extensions import db
    from web.models import Attempt, CriterionScore, Message, ScenarioInstance

    rng = random.Random(seed)
    with app.app_context():
        ids = db.session.scalars(db.select(Attempt.id).where(Attempt.learner_id == learner_id)
                                 .order_by(Attempt.id)).all()
        if db.session.scalar(db.select(CriterionScore.id).where(CriterionScore.attempt_id == ids[0])) is not None:
            return
        scores, messages = [], []
        for aid in ids:
            levels = {c: rng.choice(["2", "2", "1", "0", "na"]) for c in CRITERIA}
            levels["data_protection"] = rng.choice(["pass", "pass", "pass", "fail"])
            scores.extend({"attempt_id": aid, "criterion": c, "auto_level": lv,
                           "moderated_level": rng.choice([None] * 9 + ["2"])} for c, lv in levels.items())
            messages.append({"attempt_id": aid, "author": "customer", "text": "Where is my parcel?",
                             "sim_minute": 0.0, "turn": None})
            messages.append({"attempt_id": aid, "author": "learner", "text": "Sorry, let me check that for you.",
                             "sim_minute": (m := rng.uniform(2, 60)), "response_minutes": m, "turn": 0})
        db.session.execute(insert(CriterionScore), scores)
        db.session.execute(insert(Message), messages)
        for inst in db.session.scalars(db.select(ScenarioInstance).where(ScenarioInstance.scenario_id.like("bench-%"))):
            inst.data = {**inst.data, "sla_minutes": 30.0}
        db.session.commit()


def score_gradebook_cohort(app, cohort_id: int, seed: int = 13) -> None:
    """A level per criterion on every attempt of the gradebook's cohort (20 learners, 10,000 attempts at 500k, so
    190,000 score rows): the gradebook prints both levels of every criterion, and the other learners' attempts had
    none. The timed learner has theirs already. Done once."""
    from sqlalchemy import insert

    from web.extensions import db
    from web.models import Attempt, CriterionScore, cohort_learners

    rng = random.Random(seed)
    with app.app_context():
        ids = db.session.scalars(
            db.select(Attempt.id).where(Attempt.learner_id.in_(
                db.select(cohort_learners.c.user_id).where(cohort_learners.c.cohort_id == cohort_id)),
                ~db.exists().where(CriterionScore.attempt_id == Attempt.id))).all()
        rows = []
        for aid in ids:
            rows.extend({"attempt_id": aid, "criterion": c, "auto_level": rng.choice(["2", "2", "1", "0", "na"])}
                        for c in CRITERIA)
            if len(rows) >= 50_000:
                db.session.execute(insert(CriterionScore), rows)
                rows = []
        if rows:
            db.session.execute(insert(CriterionScore), rows)
        db.session.commit()


def moderate_timed_learner(app, learner_id: int, tutor: str = "tutor00") -> None:
    """A Moderation row for each moderated level of the timed learner (about one in ten, from
    detail_timed_learner): the agreement report and its CSV read only reviewed attempts, and without these the bench
    had none. Done once; a reused database that has them is left as it is."""
    from sqlalchemy import insert

    from web.extensions import db
    from web.models import Attempt, CriterionScore, Moderation, User

    with app.app_context():
        attempts = db.select(Attempt.id).where(Attempt.learner_id == learner_id)
        if db.session.scalar(db.select(Moderation.id).where(Moderation.attempt_id.in_(attempts)).limit(1)):
            return
        tutor_id = db.session.scalar(db.select(User.id).where(User.username == tutor))
        rows = db.session.execute(db.select(CriterionScore.attempt_id, CriterionScore.criterion,
                                            CriterionScore.auto_level, CriterionScore.moderated_level)
                                  .where(CriterionScore.attempt_id.in_(attempts),
                                         CriterionScore.moderated_level.is_not(None))).all()
        db.session.execute(insert(Moderation), [{"attempt_id": a, "criterion": c, "tutor_id": tutor_id,
                                                 "old_level": old, "new_level": new, "comment": "bench",
                                                 "created_at": datetime(2026, 6, 1)} for a, c, old, new in rows])
        db.session.commit()


def built_info(app) -> dict | None:
    """What main needs from a database this script built before, or None when it holds no bench data."""
    from web.extensions import db
    from web.models import Attempt, Cohort, User

    with app.app_context():
        learner = db.session.scalar(db.select(User).where(User.username == "l0000"))
        if learner is None:
            return None
        cohort = db.session.scalar(db.select(Cohort).where(Cohort.join_code == "BENCH000"))
        attempts = db.session.scalar(db.select(db.func.count(Attempt.id)))
        return {"cohort_id": cohort.id, "learner": "l0000", "learner_id": learner.id, "attempts": attempts}


def time_page(client, path: str, repeat: int) -> tuple[float, float, float, float]:
    """Median, p95 and max wall-clock ms, and p95 of this process's CPU ms: on a shared machine the wall clock
    stretches with the load, the CPU time much less (a PostgreSQL server's own CPU is not in it)."""
    client.get(path)   # warm
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    cpu.sort()
    p95 = max(0, math.ceil(0.95 * len(times)) - 1)
    return statistics.median(times), times[p95], times[-1], cpu[p95]


def signed_in(app, username: str):
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": "bench-password"})
    assert response.status_code == 302, f"sign-in failed for {username}"
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--with-scores", action="store_true")
    parser.add_argument("--no-freeze", action="store_true", help="leave the start-up objects to the collector")
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file in a temp folder")
    parser.add_argument("--sqlite-file", type=Path, default=None,
                        help="keep the SQLite database here (reused as it is if it already holds the bench's data)")
    args = parser.parse_args()

    from flask_migrate import upgrade

    from app import create_app

    tmp = Path(tempfile.mkdtemp(prefix="bench-dash-"))
    os.environ["INSTANCE_PATH"] = str(tmp)
    url = args.database_url or f"sqlite:///{(args.sqlite_file or tmp / 'bench.sqlite').resolve()}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    with app.app_context():
        upgrade(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    info = built_info(app)
    if info is not None:
        print(f"reusing a built database: {info['attempts']:,} attempts ({url.split(':')[0]})")
    else:
        t0 = time.perf_counter()
        info = build(app, args.attempts, args.with_scores)
        print(f"built {args.attempts:,} attempts in {time.perf_counter() - t0:.1f} s ({url.split(':')[0]})")
    realistic_instances(app)
    detail_timed_learner(app, info["learner_id"])
    moderate_timed_learner(app, info["learner_id"])
    score_gradebook_cohort(app, info["cohort_id"])
    if url.startswith("postgresql"):
        # A live server's autovacuum gathers statistics after a bulk load; until then the planner guesses one row
        # per learner and picks nested loops (the evidence map's probe took 12 ms before ANALYZE, 0.3 ms after).
        from sqlalchemy import text

        from web.extensions import db
        with app.app_context():
            db.session.execute(text("ANALYZE"))
            db.session.commit()

    tutor, learner = signed_in(app, "tutor00"), f"/progress/learners/{info['learner_id']}"
    own = signed_in(app, info["learner"])
    few = max(3, args.repeat // 5)   # runs of the gradebook, which takes a second or more at this size
    # (name, client, path, requests, pages kept drawn: web/fragments.py)
    pages = [("tutor home (cohorts, 20 newest attempts)", tutor, "/tutor/", args.repeat, True),
             ("cohort weaknesses chart", tutor, f"/review/cohorts/{info['cohort_id']}/weaknesses", args.repeat, True),
             ("review queue: judgements to check", tutor, "/review/?show=unsure", args.repeat, True),
             ("review queue: all completed", tutor, "/review/?show=all", args.repeat, True),
             ("review queue: all completed, page 10", tutor, "/review/?show=all&page=10", args.repeat, True),
             ("assessor home, 1 cohort", signed_in(app, "assessor1"), "/assessor/", args.repeat, True),
             ("assessor home, 5 cohorts", signed_in(app, "assessor5"), "/assessor/", args.repeat, True),
             ("agreement report (tutor's cohorts)", tutor, "/review/agreement", args.repeat, True),
             ("agreement CSV (tutor's cohorts)", tutor, "/review/agreement.csv", args.repeat, True),
             ("IQA home", signed_in(app, "iqa1"), "/iqa/", args.repeat, True),
             ("learner progress (tutor's view)", tutor, learner, args.repeat, True),
             ("learner progress (learner's own)", own, "/progress/", args.repeat, True),
             ("learner progress (tutor's view), drawn afresh", tutor, learner, args.repeat, False),
             ("learner progress (learner's own), drawn afresh", own, "/progress/", args.repeat, False),
             ("gradebook CSV: the page that queues it", tutor,
              f"/exports/cohorts/{info['cohort_id']}/gradebook.csv", args.repeat, True)]
    print(f"load average {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    print(f"{'page':50s} {'median ms':>10s} {'p95 ms':>8s} {'max ms':>8s} {'CPU p95':>8s}"
          f"   ({args.repeat} requests each unless said, test client)")
    from web.fragments import Fragments
    kept = Fragments()
    if not args.no_freeze:
        # As a served worker is (deploy/gunicorn.conf.py's pre_fork): what start-up made is frozen, so a full
        # collection (150-300 ms with it, one every ~100 fresh progress draws) scans only what requests made.
        gc.freeze()
    for name, client, path, repeat, keep in pages:
        # "drawn afresh": what the first view after a change costs (a new attempt, a moderation...)
        app.extensions["page_fragments"] = kept if keep else Fragments(limit=0)
        median, p95, worst, cpu_p95 = time_page(client, path, repeat)
        print(f"{name:50s} {median:10.1f} {p95:8.1f} {worst:8.1f} {cpu_p95:8.1f}")
    # Above DIRECT_GRADEBOOK_MAX_ATTEMPTS the gradebook is made by the task queue: time what the worker runs.
    from web.extensions import db
    from web.models import Cohort
    from web.services.gradebook import gradebook_csv
    with app.app_context():
        cohort = db.session.get(Cohort, info["cohort_id"])
        times, cpu = [], []
        for _ in range(few):
            t0, c0 = time.perf_counter(), time.process_time()
            gradebook_csv(cohort)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    print(f"{'gradebook CSV made by the worker (' + str(few) + ' runs)':50s} {statistics.median(times):10.1f} "
          f"{'':8s} {max(times):8.1f} {max(cpu):8.1f}")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
