"""Scoring engine: HEAT, acknowledge-apologise-act and examiner marking points, each with its evidence.

Plain Python: no Flask, no database. Public API:

    score_reply(reply, context) -> dict          one reply (docs/interfaces.md)
    score_conversation(turns, context) -> dict   the learner's side of a conversation
    grade(levels) -> (grade, rule)               also for tutor-moderated levels
    CRITERIA, RUBRIC_INFO                        criterion keys/labels and the rubric's id, version, hash
"""
from rubrics.errors import RubricDataError, RubricsError, ScoringError, ScoringInputError
from rubrics.grading import GRADES, grade
from rubrics.rubric import CRITERIA, CRITERION_ORDER, RUBRIC_INFO, SCORER_VERSION
from rubrics.scoring import MAX_REPLY_CHARS, ScoreResult, score_conversation, score_reply, score_reply_result, warm_up

__all__ = ["CRITERIA", "CRITERION_ORDER", "GRADES", "MAX_REPLY_CHARS", "RUBRIC_INFO", "RubricDataError", "RubricsError",
           "SCORER_VERSION", "ScoreResult", "ScoringError", "ScoringInputError", "grade", "score_conversation",
           "score_reply", "score_reply_result", "warm_up"]
