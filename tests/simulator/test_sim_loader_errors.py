"""Broken scenario files: each problem is named, located and explained; one broken file never stops the rest."""
from __future__ import annotations

import pytest

import simulator
from simulator.errors import ScenarioFileError, UnknownScenarioError

from tests.simulator.sim_helpers import write_variant

# (file stem, {old: new}, expected problem code, expected field (substring), expected line or None)
BROKEN_CASES = [
    ("bad-yaml", {"difficulty: easy": "difficulty: [easy"}, "yaml_syntax", "", True),
    ("missing-title", {"title: Air fryer three days late   # short, shown in lists\n": ""}, "missing_field", "", False),
    ("wrong-type", {"sla_minutes: 60 ": "sla_minutes: soon "}, "wrong_type", "sla_minutes", True),
    ("unknown-criterion", {"not_applicable: [escalation]": "not_applicable: [escalaton]"},
     "unknown_criterion_key", "expected.not_applicable[0]", True),
    ("unknown-platform", {"platforms: [twitter, facebook]": "platforms: [twitter, tiktok]"},
     "unknown_platform", "platforms[1]", True),
    ("bad-slot", {"my {product} was meant": "my {prodcut} was meant"}, "bad_template_slot",
     "customer.messages[0].text[0]", True),
    ("broken-brace", {"my {product} was meant": "my {product was meant"}, "bad_template",
     "customer.messages[0].text[0]", True),
    ("personal-in-public", {"my {product} was meant": "my {product} (order {order_number}) was meant"},
     "personal_data_in_public", "customer.messages[0].text[0]", True),
    ("unknown-field", {"brief: >": "breif: >"}, "unknown_field", "breif", True),
    ("unknown-brand", {"brand: larkspur ": "brand: amazon "}, "unknown_brand", "brand", True),
    ("bad-mood", {"mood: frustrated ": "mood: livid "}, "unknown_mood", "customer.mood", True),
    ("contradiction", {"  clarify: false ": "  clarify: true ",
                       "not_applicable: [escalation]": "not_applicable: [escalation, clarify]"},
     "contradiction", "expected.not_applicable", True),
    ("wrong-shape", {"exercise_type: conversation": "exercise_type: live_chat"}, "wrong_shape", "customer", True),
    ("unused-variable", {"product: [air fryer, stand mixer, cordless vacuum]":
                         "product: [air fryer, stand mixer, cordless vacuum]\n  colour: [red, blue]"},
     "unused_variable", "variables.colour", True),
    ("duplicate", {"difficulty: easy": "difficulty: easy\ndifficulty: hard"}, "duplicate_field", "difficulty", True),
]


@pytest.mark.parametrize("stem, replace, code, field, has_line", BROKEN_CASES, ids=[c[0] for c in BROKEN_CASES])
def test_broken_file_gives_its_named_error_and_the_rest_still_load(scenario_dir, stem, replace, code, field, has_line):
    path = write_variant(scenario_dir, stem, replace)
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    problems = [p for p in info.value.problems if p.code == code]
    assert problems, f"expected a {code} problem, got {[str(p) for p in info.value.problems]}"
    problem = problems[0]
    assert problem.file == str(path)
    assert field in problem.field
    assert problem.fix
    if has_line:
        assert isinstance(problem.line, int) and problem.line > 0
    lib = simulator.load_library(scenario_dir)
    assert "example-late-parcel" in lib.scenarios          # the good file still loads
    assert stem not in lib.scenarios
    assert any(p.code == code and p.file == str(path) for p in lib.errors)


def test_yaml_syntax_error_names_the_line(scenario_dir):
    path = write_variant(scenario_dir, "bad-yaml", {"difficulty: easy": "difficulty: [easy"})
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    (problem,) = info.value.problems
    assert problem.code == "yaml_syntax"
    assert 15 <= problem.line <= 20                         # at or just after the broken line (16)


def test_id_must_equal_the_file_stem(scenario_dir):
    path = scenario_dir / "other-name.yaml"
    path.write_text((scenario_dir / "example-late-parcel.yaml").read_text())
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    (problem,) = info.value.problems
    id_line = path.read_text().splitlines().index(next(l for l in path.read_text().splitlines() if l.startswith("id:"))) + 1
    assert problem.code == "id_mismatch" and problem.field == "id" and problem.line == id_line
    assert "other-name" in problem.fix


def test_every_problem_in_a_file_is_reported_at_once(scenario_dir):
    path = write_variant(scenario_dir, "many-problems", {
        "platforms: [twitter, facebook]": "platforms: [twitter, tiktok]",
        "not_applicable: [escalation]": "not_applicable: [escalaton]",
        "my {product} was meant": "my {prodcut} was meant",
        "sla_minutes: 60 ": "sla_minutes: -5 ",
    })
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    codes = {p.code for p in info.value.problems}
    assert {"unknown_platform", "unknown_criterion_key", "bad_template_slot", "invalid"} <= codes
    assert str(path) in str(info.value) and "Fix:" in str(info.value)


def test_misspelt_criterion_gets_a_suggestion(scenario_dir):
    path = write_variant(scenario_dir, "typo", {"not_applicable: [escalation]": "not_applicable: [escalaton]"})
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    assert "'escalation'" in info.value.problems[0].fix


def test_empty_file_is_reported_not_crashed(scenario_dir):
    (scenario_dir / "empty.yaml").write_text("")
    lib = simulator.load_library(scenario_dir)
    assert [p.code for p in lib.errors] == ["not_a_mapping"]
    assert "example-late-parcel" in lib.scenarios


def test_live_chat_needs_a_crm_record_per_customer(library, tmp_path):
    src = library.get("live-chat-retail-saturday").source
    text = open(src, encoding="utf-8").read().replace("    crm:\n      query_type: [stock enquiry", "    xcrm:\n      query_type: [stock enquiry", 1)
    path = tmp_path / "live-chat-retail-saturday.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    codes = {p.code for p in info.value.problems}
    assert {"unknown_field", "missing_field"} <= codes


def test_triage_queue_must_hold_eight_to_twelve_posts(library, tmp_path):
    src = library.get("triage-retail-monday").source
    text = open(src, encoding="utf-8").read()
    cut = text.index("  - id: product-question")
    path = tmp_path / "triage-retail-monday.yaml"
    path.write_text(text[:cut])
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    assert any(p.code == "wrong_shape" and p.field == "queue" for p in info.value.problems)


def test_unknown_scenario_id_raises_a_clear_error(library):
    with pytest.raises(UnknownScenarioError, match="did you mean late-parcel-x-public"):
        library.get("late-parcel-x-publik")
    with pytest.raises(KeyError):
        library.get("nothing-like-it-at-all-zzz")


def test_missing_folder_is_an_error_not_a_crash(tmp_path):
    lib = simulator.load_library(tmp_path / "nope")
    assert len(lib) == 0 and lib.errors[0].code == "unreadable"
