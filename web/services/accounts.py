"""Creating users and cohort membership: shared by the admin pages, the CLI and the demo data."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import Select, bindparam, delete, func, select

from web.extensions import db
from web.models import ROLES, Cohort, CohortInvitation, User, cohort_assessors, cohort_learners
from web.sessions import end_all_sessions


class AccountError(ValueError):
    """A caller mistake the user can fix (duplicate username, unknown role...)."""


def next_candidate_number() -> str:
    count = db.session.scalar(select(func.count()).select_from(User).where(User.candidate_number.is_not(None)))
    return f"CAND-{1001 + (count or 0):05d}"


MIN_PASSWORD_LENGTH = 10


def check_password_length(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")


def create_user(username: str, full_name: str, role: str, password: str, email: str | None = None) -> User:
    username = username.strip().lower()
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
    check_password_length(password)
    if db.session.scalar(select(User).where(User.username == username)):
        raise AccountError(f"The username {username!r} is taken.")
    if email and db.session.scalar(select(User).where(User.email == email)):
        raise AccountError(f"The email {email!r} belongs to another account.")
    user = User(username=username, full_name=full_name.strip(), role=role, email=email or None)
    user.set_password(password, method=current_app.config["PASSWORD_HASH_METHOD"])
    if role == "learner":
        user.candidate_number = next_candidate_number()
    db.session.add(user)
    db.session.flush()
    return user


def change_role(user: User, role: str, acting: User) -> int:
    """Give an account another role. Returns how many cohorts it left (memberships belong to a role).

    Nobody changes their own role (an admin cannot demote themselves and lock everyone out), and a tutor who
    still owns cohorts keeps the role: their learners would be left without a tutor."""
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
    if user.id == acting.id:
        raise AccountError("You cannot change your own role: ask another admin.")
    if role == user.role:
        raise AccountError(f"{user.username} is already a {role}.")
    owned = db.session.scalar(select(func.count()).select_from(Cohort).where(Cohort.tutor_id == user.id))
    if owned:
        raise AccountError(f"{user.username} is the tutor of {owned} cohort(s): they stay a tutor while they own "
                           "cohorts.")
    left = len(user.learner_cohorts) + len(user.assessed_cohorts) + len(user.sampled_cohorts)
    user.learner_cohorts.clear()
    user.assessed_cohorts.clear()
    user.sampled_cohorts.clear()
    user.lead_tutor = False   # leading calibration belongs to the tutor role
    user.role = role
    end_all_sessions(user)   # sign in again under the new role
    if role == "learner" and not user.candidate_number:
        user.candidate_number = next_candidate_number()
    return left


def reset_password(user: User, password: str) -> None:
    check_password_length(password)
    user.set_password(password, method=current_app.config["PASSWORD_HASH_METHOD"])
    end_all_sessions(user)   # whoever held the old password is signed out everywhere


def set_active(user: User, active: bool) -> None:
    user.active = active
    end_all_sessions(user)   # a deactivated account's sessions never come back, even if it is reactivated


def join_cohort(learner: User, code: str) -> Cohort:
    cohort = db.session.scalar(select(Cohort).where(Cohort.join_code == code.strip().upper()))
    if cohort is None:
        raise AccountError("No cohort has that join code. Check it with your tutor.")
    if learner not in cohort.learners:
        cohort.learners.append(learner)
    db.session.execute(delete(CohortInvitation).where(CohortInvitation.cohort_id == cohort.id,
                                                      CohortInvitation.learner_id == learner.id))
    return cohort


def _user_with_role(username: str, role: str) -> User:
    user = db.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or user.role != role:
        raise AccountError(f"There is no {role} with the username {username!r}.")
    return user


def add_learner_to_cohort(cohort: Cohort, username: str) -> User:
    """An admin (or the CLI and demo data) puts a learner straight into a cohort. Tutors invite instead."""
    learner = _user_with_role(username, "learner")
    if learner not in cohort.learners:
        cohort.learners.append(learner)
    return learner


def invite_learner(cohort: Cohort, username: str, inviter: User) -> None:
    """A tutor invites a learner by username: the learner joins only if they accept (web/learner.py).

    Says nothing about what it found: the same outcome, and so the same message, whether the username is a
    learner's, someone else's, unknown, already in the cohort or already invited, so that a tutor cannot use
    it to learn which accounts exist or take over another cohort's learner."""
    learner = db.session.scalar(select(User).where(User.username == username.strip().lower()))
    if learner is None or learner.role != "learner" or not learner.active or learner in cohort.learners:
        return
    pending = db.session.scalar(select(CohortInvitation).where(CohortInvitation.cohort_id == cohort.id,
                                                               CohortInvitation.learner_id == learner.id))
    if pending is None:
        db.session.add(CohortInvitation(cohort_id=cohort.id, learner_id=learner.id, invited_by_id=inviter.id))


def answer_invitation(learner: User, invitation_id: int, accept: bool) -> Cohort | None:
    """The learner accepts (joins) or declines; the invitation is used up either way. None if it is not theirs."""
    invitation = db.session.get(CohortInvitation, invitation_id)
    if invitation is None or invitation.learner_id != learner.id:
        return None
    cohort = invitation.cohort
    if accept and learner not in cohort.learners:
        cohort.learners.append(learner)
    db.session.delete(invitation)
    return cohort


VIEWER = bindparam("viewer_id")
LEARNERS_VISIBLE_TO = {   # per role, the ids of the learners whose work the viewer (bind parameter viewer_id) may see
    "learner": select(User.id).where(User.id == VIEWER),
    "iqa": select(User.id).where(User.id == -1),   # sampled attempts only (web.services.iqa.iqa_may_see)
    "tutor": (select(cohort_learners.c.user_id).join(Cohort, Cohort.id == cohort_learners.c.cohort_id)
              .where(Cohort.tutor_id == VIEWER)),
    "assessor": (select(cohort_learners.c.user_id)   # the learners of the cohorts they assess
                 .join(cohort_assessors, cohort_assessors.c.cohort_id == cohort_learners.c.cohort_id)
                 .where(cohort_assessors.c.user_id == VIEWER)),
}


def visible_learner_ids_query(user: User) -> Select | None:
    """A SELECT of the ids of the learners whose work this user may see (None: all of them, for an admin), to use
    as a subquery: one statement, however many cohorts and learners (issue 17). Pages whose statements are built
    once use LEARNERS_VISIBLE_TO[role] directly, with viewer_id as a parameter."""
    if user.role == "admin":
        return None
    return LEARNERS_VISIBLE_TO.get(user.role, LEARNERS_VISIBLE_TO["assessor"]).params(viewer_id=user.id)


def learner_ids_visible_to(user: User) -> set[int] | None:
    """Which learners' work this user may see: None means all (admin)."""
    query = visible_learner_ids_query(user)
    return None if query is None else set(db.session.scalars(query))


def can_see_learner(user: User, learner_id: int) -> bool:
    query = visible_learner_ids_query(user)
    if query is None:
        return True
    return db.session.scalar(select(query.where(query.selected_columns[0] == learner_id).exists())) or False


def attach_assessor(cohort: Cohort, username: str) -> User:
    assessor = _user_with_role(username, "assessor")
    if assessor not in cohort.assessors:
        cohort.assessors.append(assessor)
    return assessor


def set_lead_tutor(user: User, lead: bool) -> None:
    """An admin makes a tutor a lead tutor (who sets up calibration sessions), or stops them being one."""
    if user.role != "tutor":
        raise AccountError(f"{user.username} is not a tutor: only a tutor can be a lead tutor.")
    user.lead_tutor = lead


def attach_iqa(cohort: Cohort, username: str) -> User:
    """An IQA samples (and sees) only the cohorts an admin attached them to."""
    iqa = _user_with_role(username, "iqa")
    if iqa not in cohort.iqas:
        cohort.iqas.append(iqa)
    return iqa


def detach_iqa(cohort: Cohort, user_id: int) -> User:
    iqa = next((u for u in cohort.iqas if u.id == user_id), None)
    if iqa is None:
        raise AccountError("That IQA is not attached to this cohort.")
    cohort.iqas.remove(iqa)
    return iqa
