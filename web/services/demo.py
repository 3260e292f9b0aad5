"""Demo data: a cohort with learners, a tutor, an assessor and an admin, each with something real to see.

Attempts are played through the same service the pages use (real generated customers, real scoring,
real reactions), with replies that improve over the weeks so the progress charts have a story to tell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select

from web.extensions import db
from web.models import Assignment, Attempt, Cohort, Feedback, LogbookEntry, User, utcnow
from web.services import attempts as attempt_service
from web.services.accounts import create_user
from web.services.library import instance_for, library
from web.services.marks import moderate
from web.services.signoff import sign

# (username, role, password): printed on start and listed in the README. Local demo use only.
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
DEMO_JOIN_CODE = "DEMO2026"   # the demo's marker: the demo is present when a cohort has this join code
DEMO_ASSIGNMENT = {"scenario_id": "legal-threat-rail-x", "mode": "assessed", "seed": 2026}

# Scenarios each demo learner has played, oldest first, with the quality of their replies (0 weak .. 2 strong).
DEMO_PLAYS = [("late-parcel-x-public", 0), ("slow-refund-instagram", 1), ("double-charge-bank-x", 1),
              ("faulty-air-fryer-facebook", 2), ("outage-broadband-x", 2)]

OPENING = {
    0: "We can't do anything about that, check our website.",
    1: "Hi {first}, sorry to hear that. Please DM us and we'll help.",
    2: ("Hi {first}, I'm really sorry about this, I can see how frustrating it must be. Please send us a DM "
        "with your order or account number so I can look into it for you and update you today. ^JE"),
}
FOLLOW_UP = {   # one reply per later turn; a weak learner repeats themselves, as weak replies do
    0: ["Like I said, check the website."],
    1: ["Thanks {first}, we'll look into it and someone will be in touch."],
    2: ["Thanks {first}, I've found it, and I'm sorry this has happened. I've arranged for it to be put right today "
        "and I'll email you a confirmation within the hour. ^JE",
        "I understand, {first}, and I'm sorry we've let you down. I've passed this to our customer relations team, "
        "who will call you by 5pm today. Is there anything else I can help with? ^JE",
        "Thank you for your patience, {first}. Everything is in hand and you'll hear from us today. Is there "
        "anything else I can help with? ^JE"],
}


def _play(learner: User, scenario_id: str, quality: int, seed: int, days_ago: int) -> Attempt:
    attempt = attempt_service.start_attempt(learner, scenario_id, seed)
    inst = instance_for(attempt.instance)
    first = inst.customers[0].persona.first_name if inst.customers else "there"
    for turn in range(4):
        if attempt.status != "in_progress":
            break
        thread = next(iter(attempt.state["threads"]))
        channel = inst.channels[0] if turn == 0 or len(inst.channels) == 1 else inst.channels[-1]
        # Pretend the learner took a while: slower when weaker.
        seen = utcnow() - timedelta(minutes=(95, 45, 12)[quality])
        attempt.state = {**attempt.state, "seen_at": {**attempt.state["seen_at"], thread: seen.isoformat()}}
        replies = FOLLOW_UP[quality]
        text = (OPENING[quality] if turn == 0 else replies[min(turn - 1, len(replies) - 1)]).format(first=first)
        attempt_service.submit_reply(attempt, text, channel, thread, attempt.state["turn"])
    if attempt.status == "in_progress":
        attempt_service.finish(attempt)
    shift = timedelta(days=days_ago)
    attempt.started_at -= shift
    attempt.submitted_at -= shift
    for message in attempt.messages:
        message.created_at -= shift
    return attempt


@dataclass
class SeedReport:
    """What one run of seed() did: pieces it created, and existing accounts it left as they were."""

    created: list[str] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)   # username -> why its demo sign-in may not work
    demo_was_present: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created)


def seed() -> SeedReport:
    """Create whatever part of the demo data is missing; running it again changes nothing.

    Each piece is looked for before it is made: the accounts by username, the cohort by its join code
    DEMO2026, its members, the assessed assignment, each learner's attempts (played only for a demo learner
    with none) and what hangs off them. An existing account is never changed: a hand-made `admin` keeps its
    password, and an account whose role is not the demo role takes no part in the demo.
    """
    report = SeedReport()
    users = _accounts(report)
    cohort = db.session.scalar(select(Cohort).where(Cohort.join_code == DEMO_JOIN_CODE))
    report.demo_was_present = cohort is not None
    if cohort is None and users.get("tutor1"):
        cohort = Cohort(name=DEMO_COHORT, tutor_id=users["tutor1"].id, join_code=DEMO_JOIN_CODE)
        db.session.add(cohort)
        report.created.append(f"cohort {DEMO_JOIN_CODE}")
    if cohort is not None:
        _members(cohort, users, report)
    db.session.flush()

    played: dict[str, list[Attempt]] = {}
    for i in range(1, 6):
        learner = users.get(f"learner{i}")
        if learner is None or db.session.scalar(select(func.count()).select_from(Attempt)
                                                .where(Attempt.learner_id == learner.id)):
            continue
        plays = DEMO_PLAYS[: 2 + i % 4]
        played[learner.username] = [
            _play(learner, scenario_id, min(2, max(0, quality + (i % 3) - 1)), seed=100 * i + n,
                  days_ago=7 * (len(plays) - n))
            for n, (scenario_id, quality) in enumerate(plays)]
        report.created.append(f"{len(plays)} attempts of {learner.username}")
    db.session.flush()
    _reviews(played, users, report)
    return report


def _accounts(report: SeedReport) -> dict[str, User | None]:
    users: dict[str, User | None] = {}
    for username, role, password in DEMO_ACCOUNTS:
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            users[username] = create_user(username, DEMO_NAMES[username], role, password,
                                          email=f"{username}@example.com")
            users[username].lead_tutor = username == "tutor1"   # the demo tutor sets up calibration sessions
            report.created.append(f"account {username}")
        elif user.role != role:
            users[username] = None
            report.kept[username] = f"an existing {user.role} account, left out of the demo"
        else:
            users[username] = user
            if not user.check_password(password):
                report.kept[username] = "an existing account with its own password, not the demo one"
    return users


def _members(cohort: Cohort, users: dict[str, User | None], report: SeedReport) -> None:
    for i in range(1, 6):
        learner = users.get(f"learner{i}")
        if learner is not None and learner not in cohort.learners:
            cohort.learners.append(learner)
            report.created.append(f"{learner.username} in the demo cohort")
    assessor = users.get("assessor1")
    if assessor is not None and assessor not in cohort.assessors:
        cohort.assessors.append(assessor)
        report.created.append("assessor1 on the demo cohort")
    if cohort.id is None or not db.session.scalar(select(Assignment).filter_by(cohort_id=cohort.id,
                                                                               **DEMO_ASSIGNMENT)):
        title = library().get(DEMO_ASSIGNMENT["scenario_id"]).title
        db.session.add(Assignment(cohort=cohort, created_by_id=cohort.tutor_id, scenario_title=title,
                                  instructions="Reply as you would on shift: the customer is threatening legal action.",
                                  **DEMO_ASSIGNMENT))
        report.created.append(f"assessed assignment {title}")


def _reviews(played: dict[str, list[Attempt]], users: dict[str, User | None], report: SeedReport) -> None:
    """Moderation, feedback, sign-offs and logbook entries, on attempts this run has just played."""
    tutor, assessor = users.get("tutor1"), users.get("assessor1")
    if "learner1" in played:
        first = played["learner1"][0]
        if tutor is not None:
            moderate(first, "tone_of_voice", "1", "Curt rather than rude: I'd call this partly shown.", tutor)
            first.feedback.append(Feedback(author_id=tutor.id, text="Name the customer's problem in your first "
                                                                    "line, then say what you will do and when."))
            report.created.append("a moderation and feedback for learner1")
        if assessor is not None:
            for attempt in played["learner1"][-2:]:
                sign(attempt, assessor, "Authentic simulated evidence of handling a complaint on social media.")
            report.created.append("2 sign-offs for learner1")
        last = played["learner1"][-1]
        db.session.add(LogbookEntry(
            learner_id=users["learner1"].id, attempt_id=last.id, form="short",
            # Titled after the attempt it reflects on (a fixed title named another scenario).
            title=(f"Reflection: {last.instance.title}" if last.instance and last.instance.title
                   else "Reflection on my reply"),
            fields={"went_well": "I apologised straight away and moved the customer to a private message quickly.",
                    "even_better_if": "I had given a time for the next update in the public reply.",
                    "next": "Always say when the customer will next hear from us."},
            performance_criteria=[]))   # a reply evidences marking points, not INSCS036
        report.created.append("a logbook entry of learner1")
    if "learner2" in played:
        db.session.add(LogbookEntry(
            learner_id=users["learner2"].id, attempt_id=played["learner2"][0].id, form="gibbs",
            title="My first late-parcel reply",
            fields={"description": "A customer complained publicly that a parcel was late.",
                    "feelings": "I felt rushed and wrote a short reply.",
                    "evaluation": "It was polite but did not apologise properly.",
                    "analysis": "I focused on the process, not on how the customer felt.",
                    "conclusion": "Naming the problem shows the customer I listened.",
                    "action_plan": "Use HEAT: hear, empathise, apologise, take ownership."},
            performance_criteria=[]))
        report.created.append("a logbook entry of learner2")
