"""Demo data: a cohort with learners, a tutor, an assessor and an admin, each with something real to see."""
from __future__ import annotations

from sqlalchemy import select

from web.accounts import create_user
from web.extensions import db
from web.models import Cohort, User

# (username, role, password) — printed on start and listed in the README. Local demo use only.
DEMO_ACCOUNTS = [
    ("admin", "admin", "admin-demo"),
    ("tutor1", "tutor", "tutor1-demo"),
    ("assessor1", "assessor", "assessor1-demo"),
] + [(f"learner{i}", "learner", f"learner{i}-demo") for i in range(1, 6)]

DEMO_NAMES = {
    "admin": "Alex Admin", "tutor1": "Priya Tutor", "assessor1": "Sam Assessor",
    "learner1": "Jordan Ellis", "learner2": "Aisha Khan", "learner3": "Tom Baker",
    "learner4": "Megan Price", "learner5": "Daniel Okafor",
}
DEMO_COHORT = "Demo cohort: Customer Service Practitioner L2"


def seed() -> bool:
    """Create the demo data unless it is there already. Returns True when anything was created."""
    if db.session.scalar(select(User).where(User.username == "admin")):
        return False
    users = {}
    for username, role, password in DEMO_ACCOUNTS:
        users[username] = create_user(username, DEMO_NAMES[username], role, password,
                                      email=f"{username}@example.com")
    cohort = Cohort(name=DEMO_COHORT, tutor_id=users["tutor1"].id, join_code="DEMO2026")
    cohort.learners = [users[f"learner{i}"] for i in range(1, 6)]
    cohort.assessors = [users["assessor1"]]
    db.session.add(cohort)
    db.session.flush()
    return True
