"""Persistence: what the packages return, stored. Models hold data; views and services decide.

One module per area; every model is imported here, so `from web.models import X` works for each of them and
every relationship named by a string ("User", "Attempt"...) finds its class when the mappers are configured.
"""
from __future__ import annotations

from web.models.attempts import (
    MODES,
    Attempt,
    CriterionScore,
    KnowledgeCheck,
    LevelTally,
    Message,
    PastSignoff,
    Rescore,
    ScenarioInstance,
)
from web.models.authoring import AuthoredScenario, AuthoredVersion, authored_scenario_cohorts
from web.models.clock import utcnow
from web.models.cohorts import (
    Assignment,
    Cohort,
    CohortInvitation,
    assignment_learners,
    cohort_assessors,
    cohort_iqas,
    cohort_learners,
    new_join_code,
)
from web.models.exports import ExportJob, Install, XapiStatement
from web.models.logbook import Draft, Feedback, LogbookComment, LogbookEntry
from web.models.moderation import (
    DISPUTE_OUTCOMES,
    IQA_OUTCOMES,
    CalibrationEntry,
    CalibrationSession,
    Dispute,
    IqaCheck,
    IqaSample,
    Moderation,
    calibration_attempts,
    calibration_tutors,
)
from web.models.supervisory import SUPERVISORY_KINDS, SupervisoryAttempt, SupervisoryModeration
from web.models.users import ROLES, User

__all__ = [
    "DISPUTE_OUTCOMES", "IQA_OUTCOMES", "MODES", "ROLES", "SUPERVISORY_KINDS",
    "Assignment", "Attempt", "AuthoredScenario", "AuthoredVersion", "CalibrationEntry", "CalibrationSession",
    "Cohort", "CohortInvitation", "CriterionScore", "Dispute", "Draft", "ExportJob", "Feedback", "Install",
    "IqaCheck", "IqaSample", "KnowledgeCheck", "LevelTally", "LogbookComment", "LogbookEntry", "Message",
    "Moderation", "PastSignoff", "Rescore", "ScenarioInstance", "SupervisoryAttempt", "SupervisoryModeration",
    "User", "XapiStatement",
    "assignment_learners", "authored_scenario_cohorts", "calibration_attempts", "calibration_tutors",
    "cohort_assessors", "cohort_iqas", "cohort_learners", "new_join_code", "utcnow",
]
