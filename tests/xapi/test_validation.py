"""The xAPI 1.0.3 validator on known good and known bad statements (tests/xapi/statements.json): every good one
passes, every bad one fails at the path its rule names."""
import json
from pathlib import Path

import pytest

from xapi import is_valid, problems

CASES = json.loads((Path(__file__).parent / "statements.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(CASES["good"]))
def test_a_known_good_statement_has_no_problem(name):
    assert problems(CASES["good"][name]) == []


@pytest.mark.parametrize("name", sorted(CASES["bad"]))
def test_a_known_bad_statement_is_refused_at_the_broken_rule(name):
    statement, path = CASES["bad"][name]
    found = problems(statement)
    assert found, f"{name}: accepted"
    assert path in [p.path for p in found], f"{name}: {[str(p) for p in found]}"


def test_every_problem_is_reported_at_once():
    statement = {"id": "nope", "actor": {"name": "A"}, "verb": {"id": "attempted"},
                 "object": {"id": "http://example.org/a"}, "timestamp": "today"}
    paths = {p.path for p in problems(statement)}
    assert {"id", "actor", "verb.id", "timestamp"} <= paths
    assert not is_valid(statement)


def test_a_problem_reads_as_path_and_rule():
    (problem,) = problems({"actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://x.example/v"},
                           "object": {"id": "http://example.org/a"}, "version": "0.95"})
    assert str(problem) == "version: must be a 1.0.x version, not '0.95'"


def test_the_good_statements_are_also_accepted_by_ralphs_own_models():
    """A second opinion: Ralph's pydantic xAPI models (the LRS the tests send to) accept what the validator does."""
    models = pytest.importorskip("ralph.models.xapi.base.statements")
    for name, statement in CASES["good"].items():
        models.BaseXapiStatement.model_validate(statement), name
