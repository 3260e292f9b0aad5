"""What the assessor's home reads, in two statements of plain rows (issue 17 point 1): first the assessor's cohorts
with a page of the chosen cohort's learners and their completed, assessed and signed-off counts, then those
learners' newest completed attempts (assessed first).

Read as four statements (cohorts, page, counts, recent attempts) the page spent more on each statement's round of
execution than on its rows. The first statement is one UNION ALL over a page of learners kept as a materialised CTE:
- the chosen cohort is the one asked for, else the assessor's first by name, and only ever one the assessor
  assesses (asked for another's, the page has no learners and the view answers 404 from the cohort rows);
- the counts are one GROUP BY over the page's learners, from ix_attempt_learner_lists alone.
Each branch fills the columns of its kind and leaves the others NULL (cast to the column's type: PostgreSQL
matches a UNION's columns by type); `place` orders the rows of each kind, as no ORDER BY spans the union.

The second is built per number of learners on the page (one statement reading every slot of a full page whether
filled or not, tried first, cost 0.47 ms against 0.23 ms for the two, with the bench's 5 learners).
"""
from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import (
    DateTime,
    Integer,
    Row,
    String,
    bindparam,
    case,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)

from web.extensions import db
from web.models import Attempt, Cohort, ScenarioInstance, User, cohort_assessors, cohort_learners

LEARNERS_PAGE = 20   # learners a page
RECENT = 5           # newest completed attempts shown per learner (assessed first)
COHORT, LEARNER = 0, 1


class CohortRow(NamedTuple):
    id: int
    name: str
    learners: int


class LearnerRow(NamedTuple):
    id: int
    full_name: str
    candidate_number: str | None
    completed: int
    assessed: int
    signed_off: int


class AssessorHome(NamedTuple):
    cohorts: tuple[CohortRow, ...]
    learners: tuple[LearnerRow, ...]   # the page's, LEARNERS_PAGE at most
    more: bool                         # a next page of learners exists
    # learner id -> newest completed attempts, assessed first: rows of recent_statement (id, learner_id, mode,
    # final_grade, signed_off_at, title)
    recent: dict[int, tuple[Row, ...]]


def _none(type_) -> Any:
    return cast(null(), type_)


def _int(number: int) -> Any:
    """A constant written into the SQL, not bound: a bound one is processed on every execution, and the recent
    attempts' statement has dozens (with OFFSET written too: SQLite's dialect otherwise binds an OFFSET 0)."""
    return literal_column(str(number), Integer)


def _str(word: str) -> Any:
    assert word.isalpha()   # written into the SQL: a fixed word of ours, never a request's value
    return literal_column(f"'{word}'", String)


_kind = _int
_COMPLETED, _ASSESSED = Attempt.status == _str("completed"), Attempt.mode == _str("assessed")


_ASSESSOR = cohort_assessors.c.user_id == bindparam("assessor_id")
_FIRST = (select(Cohort.id).join(cohort_assessors, cohort_assessors.c.cohort_id == Cohort.id).where(_ASSESSOR)
          .order_by(Cohort.name, Cohort.id).limit(_int(1)).offset(_int(0)).scalar_subquery())
_CHOSEN = (select(cohort_assessors.c.cohort_id)   # the asked-for cohort if the assessor's, else the first
           .where(_ASSESSOR, cohort_assessors.c.cohort_id == func.coalesce(bindparam("cohort_id", type_=Integer),
                                                                          _FIRST))
           .scalar_subquery())
# One more than a page (is there a next one?), in username order (place).
_PAGE = (select(User.id, User.full_name, User.candidate_number,
                func.row_number().over(order_by=User.username).label("place"))
         .join(cohort_learners, cohort_learners.c.user_id == User.id).where(cohort_learners.c.cohort_id == _CHOSEN)
         .order_by(User.username).offset(bindparam("skip")).limit(_int(LEARNERS_PAGE + 1))
         .cte("learner_page").prefix_with("MATERIALIZED"))   # read once for the rows and the counts


def _per_learner(*figure) -> Any:
    """One count over a page learner's completed attempts, correlated with the page's row: each runs as a walk of
    that learner's entries in ix_attempt_learner_lists. (Grouping the page's learners' attempts in one subquery
    had PostgreSQL hash-join a scan of every attempt: 84 ms at 500,000 attempts, against 0.3 ms for this.)"""
    return (select(*figure).where(Attempt.learner_id == _PAGE.c.id, _COMPLETED).correlate(_PAGE)
            .scalar_subquery())


_COUNTS = (_per_learner(func.count()),
           _per_learner(func.count(case((_ASSESSED, _int(1))))),
           _per_learner(func.count(Attempt.signed_off_at)))


_COHORT_BRANCH = (
    select(_kind(COHORT).label("kind"), Cohort.id.label("n"), Cohort.name.label("s1"), _none(String).label("s2"),
           _none(String).label("s3"), _none(DateTime).label("at"),
           func.count(cohort_learners.c.user_id).label("c1"), _none(Integer).label("c2"), _none(Integer).label("c3"),
           func.row_number().over(order_by=(Cohort.name, Cohort.id)).label("place"))
    .join(cohort_assessors, cohort_assessors.c.cohort_id == Cohort.id)
    .outerjoin(cohort_learners, cohort_learners.c.cohort_id == Cohort.id)
    .where(_ASSESSOR).group_by(Cohort.id, Cohort.name))
_LEARNER_BRANCH = (
    select(_kind(LEARNER), _PAGE.c.id, _PAGE.c.full_name, _PAGE.c.candidate_number, _none(String), _none(DateTime),
           *_COUNTS, _PAGE.c.place))
HOME_READ = union_all(_COHORT_BRANCH, _LEARNER_BRANCH)   # built once


_SLOT_NAMES = tuple(f"l{i}" for i in range(LEARNERS_PAGE))


@lru_cache(maxsize=256)
def recent_statement(practice_only: int, assessed_only: int, mixed: int) -> Any:
    """The page's learners' newest completed attempts (bind parameters l0, l1, ... in that order of kinds), each
    pick a short backward walk of ix_attempt_learner_lists (no sort of a learner's hundreds of attempts), then only
    the picked rows read. What a learner needs picking follows from their counts (the page's first statement):
    with no assessed attempt, their newest RECENT; with RECENT or more, their newest RECENT assessed; between, the
    newest RECENT of each mode; with none completed, nothing. Built once per mix of kinds."""
    everything, assessed = [_COMPLETED], [_COMPLETED, _ASSESSED]
    kinds = ([[everything]] * practice_only + [[assessed]] * assessed_only
             + [[assessed, [_COMPLETED, ~_ASSESSED]]] * mixed)
    picks = [select(Attempt.id).where(Attempt.learner_id == bindparam(f"l{i}"), *conditions)
             .order_by(Attempt.submitted_at.desc()).limit(_int(RECENT)).offset(_int(0))   # the index's order: no sort
             .subquery()
             for i, kind in enumerate(kinds) for conditions in kind]
    chosen = union_all(*(select(p.c.id) for p in picks)).subquery()
    return (select(Attempt.id, Attempt.learner_id, Attempt.mode, Attempt.final_grade, Attempt.signed_off_at,
                   ScenarioInstance.title)
            .join(chosen, chosen.c.id == Attempt.id).join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id)
            .order_by(Attempt.learner_id, _ASSESSED.desc(), Attempt.submitted_at.desc(), Attempt.id.desc()))


def read_assessor_home(assessor_id: int, cohort_id: int | None, page: int) -> AssessorHome:
    """The assessor's cohorts and, for the chosen one (cohort_id, else the first by name), a page of learners with
    their counts and newest attempts. A cohort_id the assessor does not assess gives no learners."""
    connection = db.session.connection()
    found = connection.execute(HOME_READ, {
        "assessor_id": assessor_id, "cohort_id": cohort_id, "skip": (page - 1) * LEARNERS_PAGE}).all()
    # Unpacked by position: reading a Row by attribute cost 0.03 of the read's 0.20 ms CPU.
    cohorts: list[tuple[int, CohortRow]] = []
    learners: list[tuple[int, LearnerRow]] = []
    for kind, id_, s1, s2, _, _, c1, c2, c3, place in found:
        if kind == COHORT:
            cohorts.append((place, CohortRow(id_, s1, c1)))
        else:
            learners.append((place, LearnerRow(id_, s1, s2, c1, int(c2), int(c3))))
    cohorts.sort(key=itemgetter(0))
    learners.sort(key=itemgetter(0))
    shown = [learner for _, learner in learners[:LEARNERS_PAGE]]
    recent: dict[int, list[Row]] = {}
    practice_only = [l.id for l in shown if l.completed and not l.assessed]
    assessed_only = [l.id for l in shown if l.assessed >= RECENT]
    mixed = [l.id for l in shown if 0 < l.assessed < RECENT]
    if practice_only or assessed_only or mixed:
        picked = connection.execute(recent_statement(len(practice_only), len(assessed_only), len(mixed)),
                                    dict(zip(_SLOT_NAMES, practice_only + assessed_only + mixed)))
        for row in picked.all():
            mine = recent.setdefault(row[1], [])   # learner_id
            if len(mine) < RECENT:
                mine.append(row)
    return AssessorHome(tuple(cohort for _, cohort in cohorts), tuple(shown), len(learners) > LEARNERS_PAGE,
                        {learner: tuple(attempts) for learner, attempts in recent.items()})
