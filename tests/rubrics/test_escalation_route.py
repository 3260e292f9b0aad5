"""escalation: the scenario's route is named by its name, whatever the determiner (learner suite replies, where
both raters gave the level below and the scorer gave 0 because "our Priority Services team" is not "the Priority
Services team")."""
import pytest

from rubrics.corpus import load_suite
from rubrics.detectors.escalation import route_pattern
from rubrics.evaluation import score_record


@pytest.mark.parametrize("case, level", [("learner-W3-056", 2), ("learner-W3-057", 2), ("learner-W3-079", 2),
                                         ("learner-W3-087", 2), ("learner-W3-046", 1)])
def test_the_route_named_with_our_or_without_team_is_escalation(case, level):
    rec = next(r for r in load_suite() if r["id"] == case)
    assert rec["labels"]["escalation"] == level
    assert score_record(rec)["criteria"]["escalation"]["level"] == level


def test_route_pattern_reads_the_name_not_the_determiner():
    p = route_pattern("the Priority Services team")
    assert p.search("I've passed you to our Priority Services team as urgent.")
    assert p.search("I've asked Priority Services to call you.")
    assert not p.search("Our services team will call you.")
    assert route_pattern("the Customer Relations team").search("passed your flight receipt to Customer Relations")
