"""portfolio/standard.yaml: the standard's own criteria, each evidenced by at least one exercise type (issue 12)."""
import pytest
import yaml

from portfolio import standard as std_module
from portfolio.standard import criterion_text, evidencing, problems, standard
from rubrics.documents import EXERCISE_RUBRICS, load_exercise_rubric
from rubrics.errors import RubricDataError
from rubrics.rubric import RUBRIC


def test_every_criterion_has_at_least_one_exercise_type_that_can_evidence_it():
    for pc in standard()["performance_criteria"]:
        found = evidencing(pc["id"])
        assert found, pc["id"]
        for kind, keys in found.items():
            rubric = load_exercise_rubric(EXERCISE_RUBRICS[kind])
            assert all(pc["id"] in rubric.criterion(k).standard for k in keys)
    assert problems() == []


def test_the_criteria_quote_the_standard_and_name_its_source():
    std = standard()
    assert std["id"] == "INSCS036" and std["title"] == "Develop customer service social networks"
    assert "ukstandards.org.uk" in std["source"]["url"] and "INSCS036" in std["source"]["url"]
    quoted = [pc for pc in std["performance_criteria"] if pc["text_status"] == "quoted"]
    assert [pc["id"] for pc in quoted] == [f"P{n}" for n in range(1, 9)]
    assert quoted[0]["text"] == "identify the social media platforms used by your organisation's customers"


def test_a_criterion_whose_wording_was_not_found_says_so_instead_of_inventing_it():
    missing = [pc for pc in standard()["performance_criteria"] if pc["text_status"] == "not_available"]
    assert missing and all(pc["text"] is None for pc in missing)
    assert criterion_text(missing[0]).startswith("[wording not available; summary] ")
    p9 = next(pc for pc in standard()["performance_criteria"] if pc["id"] == "P9")
    assert p9["text_status"] == "incomplete" and p9["text"].endswith("…")


def test_frontline_marking_points_are_marking_points_not_criteria():
    std = standard()
    frontline = {mp["key"] for mp in std["marking_points"]}
    assert frontline == {c.key for c in RUBRIC.criteria}
    for pc in std["performance_criteria"]:
        assert not set(pc["evidenced_by"]) & frontline, pc["id"]


def test_the_standard_names_no_qualification_the_cohort_does():
    assert "qualification" not in standard()


@pytest.fixture
def edited_standard(monkeypatch):
    data = yaml.safe_load(yaml.safe_dump(standard()))
    monkeypatch.setattr(std_module, "standard", lambda: data)
    return data


def test_a_criterion_no_exercise_can_evidence_is_reported(edited_standard):
    edited_standard["performance_criteria"].append(
        {"id": "P99", "text": "something", "text_status": "quoted", "evidenced_by": [], "exercises": []})
    assert "standard.yaml P99: no exercise type can evidence it" in problems()


def test_a_frontline_point_listed_as_evidence_of_a_criterion_is_reported(edited_standard):
    edited_standard["performance_criteria"][0]["evidenced_by"].append("empathise")
    assert any("frontline marking points are not evidence" in p for p in problems())


def test_a_map_that_disagrees_with_the_rubrics_is_reported(edited_standard):
    edited_standard["performance_criteria"][0]["exercises"] = ["document"]
    assert any(p.startswith("standard.yaml P1: exercises ['document'] but the rubrics say ['profiling']")
               for p in problems())


def test_the_exercise_rubric_loader_reports_every_problem_at_once(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump({"id": "broken", "version": 1, "title": "x", "exercise": "document", "criteria": [
        {"key": "a", "label": "A", "scale": "0-5", "description": "d", "levels": {2: "x", 1: "y", 0: "z"},
         "standard": []},
        {"key": "b", "label": "B", "scale": "0-2", "description": "d", "levels": {2: "x"}, "standard": ["P1"]},
        {"key": "c"}]}))
    with pytest.raises(RubricDataError) as info:
        load_exercise_rubric("broken", path)
    message = str(info.value)
    assert "(a): scale must be" in message and "(b): levels must describe" in message and "missing label" in message


def test_every_knowledge_point_is_asked_by_the_checks_and_mapped(edited_standard):
    assert problems() == []
    edited_standard["knowledge_points"].append({"key": "negotiation", "label": "Negotiation"})
    del edited_standard["knowledge_points"][0]
    found = problems()
    assert "standard.yaml: knowledge point 'negotiation' has no question in the knowledge checks" in found
    assert "standard.yaml: knowledge point 'law' of the checks is not in knowledge_points" in found


def test_the_tutors_page_shows_the_map_as_it_is():
    from pathlib import Path

    from portfolio.standard import criteria_table, knowledge_table
    page = (Path(__file__).resolve().parents[2] / "docs" / "evidence-map.md").read_text(encoding="utf-8")
    assert criteria_table() in page and knowledge_table() in page


def test_knowledge_results_are_totalled_per_point_and_bad_ones_refused():
    from portfolio.errors import InvalidPortfolioData
    from portfolio.evidence import knowledge_summary
    from portfolio.model import PortfolioData
    checks = [{"marked_at": "2026-12-01T10:00", "seed": 1, "score": 3, "total": 8,
               "by_point": {"law": {"correct": 1, "total": 2}, "metrics": {"correct": 2, "total": 3}}},
              {"marked_at": "2026-12-03T10:00", "seed": 2, "score": 5, "total": 8,
               "by_point": {"law": {"correct": 2, "total": 2}}}]
    rows = {r["key"]: r for r in knowledge_summary(checks)}
    assert (rows["law"]["right"], rows["law"]["total"], rows["law"]["checks"]) == (3, 4, 2)
    assert rows["metrics"]["checks"] == 1 and rows["escalation"]["total"] == 0
    base = {"learner": {"username": "u", "full_name": "U", "candidate_number": "C1"}, "period": {}, "attempts": []}
    assert PortfolioData.from_dict({**base, "knowledge_checks": checks}).knowledge_checks[1]["score"] == 5
    with pytest.raises(InvalidPortfolioData):
        PortfolioData.from_dict({**base, "knowledge_checks": [{"score": "3", "total": 8, "by_point": {}}]})
