"""Rubrics for the supervisory exercises (profiling, strategy or procedure document, monitoring review).

Plain Python and data: the rubric files are rubrics/data/social-*.yaml. Public API:

    load_exercise_rubric(rubric_id) -> ExerciseRubric   one rubric file, validated (every problem in one error)
    EXERCISE_RUBRICS                                    rubric ids of the three exercise types
    score_profile(answer, organisation) -> dict         the profiling exercise, each level with quoted evidence
    score_document(markdown, kind) -> dict              a strategy or procedure document, with named mistakes;
                                                        what a procedure cannot show is n/a (not_applicable(kind))
    score_review(answer, metrics) -> dict               the monitoring review, with the planted problems found
"""
from rubrics.documents.document import DocumentInputError, not_applicable, score_document
from rubrics.documents.monitoring import ReviewInputError, score_review
from rubrics.documents.profiling import ProfileInputError, score_profile
from rubrics.documents.rubric import (
    EXERCISE_RUBRICS,
    ExerciseCriterion,
    ExerciseRubric,
    Mistake,
    load_exercise_rubric,
)

__all__ = ["EXERCISE_RUBRICS", "DocumentInputError", "ExerciseCriterion", "ExerciseRubric", "Mistake",
           "ProfileInputError", "ReviewInputError", "load_exercise_rubric", "not_applicable", "score_document",
           "score_profile", "score_review"]
