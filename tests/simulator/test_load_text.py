"""load_scenario_text: a scenario written in the browser loads like a file, with every problem at its line."""
from pathlib import Path

import pytest

import simulator

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "tw-late-parcel.yaml"


def test_text_and_file_give_the_same_scenario_and_version():
    text = FIXTURE.read_text(encoding="utf-8")
    assert simulator.load_scenario_text(text, "pasted.yaml").version == simulator.load_scenario_file(FIXTURE).version


def test_every_problem_has_its_line_in_the_text():
    text = FIXTURE.read_text(encoding="utf-8").replace("difficulty: easy", "difficulty: super-hard") \
        .replace("sla_minutes: 60", "sla_minutes: soon")
    with pytest.raises(simulator.ScenarioFileError) as caught:
        simulator.load_scenario_text(text, "pasted.yaml")
    lines = text.split("\n")
    found = {p.field: p.line for p in caught.value.problems}
    assert lines[found["difficulty"] - 1].startswith("difficulty:")
    assert lines[found["sla_minutes"] - 1].startswith("sla_minutes:")


def test_a_yaml_syntax_error_names_its_line():
    with pytest.raises(simulator.ScenarioFileError) as caught:
        simulator.load_scenario_text("id: x\ntitle: [unclosed\nbrief: y\n", "pasted.yaml")
    (problem,) = caught.value.problems
    assert problem.code == "yaml_syntax" and problem.line in (2, 3, 4)
