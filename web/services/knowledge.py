"""Knowledge checks for the web layer: start one from a seed, mark the learner's answers. No commits here."""
from __future__ import annotations

import secrets

import simulator
from web.extensions import db
from web.inputs import InputError, whole_number
from web.models import KnowledgeCheck, User, utcnow

MAX_SEED = 2**31 - 1


def start_check(learner: User, seed_text: str | None) -> KnowledgeCheck:
    """A new check for the learner: the given seed (digits), or a fresh random one."""
    seed = whole_number(seed_text, "seed", maximum=MAX_SEED)
    if seed is None:
        seed = secrets.randbelow(MAX_SEED)
    quiz = simulator.make_quiz(seed)
    check = KnowledgeCheck(learner_id=learner.id, seed=seed, bank_version=quiz.bank_version, quiz=quiz.to_dict(),
                           total=len(quiz.questions))
    db.session.add(check)
    return check


def answers_from(form, quiz: simulator.Quiz) -> dict[str, int]:
    """{question id: option index} from the form's radio groups (named q-<id>); unanswered ones left out."""
    answers = {}
    for q in quiz.questions:
        value = whole_number(form.get(f"q-{q.id}"), f"answer to question {q.id}", maximum=len(q.options) - 1)
        if value is not None:
            answers[q.id] = value
    return answers


def mark_check(check: KnowledgeCheck, form) -> KnowledgeCheck:
    """Mark once: a marked check keeps its first result (InputError if answered again)."""
    if check.result is not None:
        raise InputError("This check has been marked already: start a new one to try again.")
    quiz = simulator.Quiz.from_dict(check.quiz)
    result = simulator.mark_quiz(quiz, answers_from(form, quiz))
    check.result, check.score, check.marked_at = result.to_dict(), result.score, utcnow()
    return check
