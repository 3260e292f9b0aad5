"""xAPI 1.0.3 statements about attempts, their validation and their sending. Plain Python: no Flask, no database.

    attempted(site, facts) -> dict        when an attempt starts
    marked(site, facts) -> [dict, ...]    scored, passed or failed, completed: when it is marked
    remarked(site, facts, n, when)        scored, passed or failed again after a tutor's n-th level change
    rescored(site, facts, n, when)        the same after the n-th re-marking by a newer scorer that changed it
    voided(site, actor, id, when)         void a statement a re-mark or rescore replaced
    approved(site, facts, assessor, sha256, when)   the assessor signed the attempt off
    problems(statement) -> [Problem]      every xAPI 1.0.3 rule a statement breaks ([] when valid)
    Lrs(endpoint, username, password).put(statement)   one statement to a learning record store
"""
from xapi.lrs import Lrs, LrsError
from xapi.statements import (
    VERBS,
    AttemptFacts,
    Site,
    XapiInputError,
    approved,
    attempted,
    marked,
    remarked,
    rescored,
    scaled_score,
    statement_id,
    voided,
)
from xapi.validation import Problem, is_valid, problems

__all__ = ["VERBS", "AttemptFacts", "Lrs", "LrsError", "Problem", "Site", "XapiInputError", "approved", "attempted",
           "is_valid", "marked", "problems", "remarked", "rescored", "scaled_score", "statement_id", "voided"]
