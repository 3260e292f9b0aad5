"""xAPI 1.0.3 statements about attempts, their validation and their sending. Plain Python: no Flask, no database.

    attempted(site, facts) -> dict        when an attempt starts
    marked(site, facts) -> [dict, ...]    scored, passed or failed, completed: when it is marked
    remarked(site, facts, n, when)        scored, passed or failed again after a tutor's n-th level change
    problems(statement) -> [Problem]      every xAPI 1.0.3 rule a statement breaks ([] when valid)
    Lrs(endpoint, username, password).put(statement)   one statement to a learning record store
"""
from xapi.lrs import Lrs, LrsError
from xapi.statements import VERBS, AttemptFacts, Site, XapiInputError, attempted, marked, remarked, scaled_score
from xapi.validation import Problem, is_valid, problems

__all__ = ["VERBS", "AttemptFacts", "Lrs", "LrsError", "Problem", "Site", "XapiInputError", "attempted", "is_valid",
           "marked", "problems", "remarked", "scaled_score"]
