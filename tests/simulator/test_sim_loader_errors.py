"""Broken scenario files: each problem is named, located and explained; one broken file never stops the rest."""
from __future__ import annotations

import pytest

import simulator
from simulator.errors import ScenarioFileError, UnknownScenarioError
from tests.simulator.sim_helpers import EXAMPLE, write_variant

# (file stem, {old: new}, expected problem code, expected field, line: the text on the line the problem
# must name, in the edited file, and how many lines after it; None: no line)
BROKEN_CASES = [
    ("bad-yaml", {"difficulty: easy": "difficulty: [easy"}, "yaml_syntax", "", ("difficulty: [easy", 1)),
    ("missing-title", {"title: Air fryer three days late   # short, shown in lists\n": ""}, "missing_field",
     "title", ("id: missing-title", 0)),
    ("wrong-type", {"sla_minutes: 60 ": "sla_minutes: soon "}, "wrong_type", "sla_minutes", ("sla_minutes: soon", 0)),
    ("unknown-criterion", {"not_applicable: [escalation]": "not_applicable: [escalaton]"},
     "unknown_criterion_key", "expected.not_applicable[0]", ("not_applicable: [escalaton]", 0)),
    ("unknown-platform", {"platforms: [twitter, facebook]": "platforms: [twitter, tiktok]"},
     "unknown_platform", "platforms[1]", ("platforms: [twitter, tiktok]", 0)),
    ("bad-slot", {"my {product} was meant": "my {prodcut} was meant"}, "bad_template_slot",
     "customer.messages[0].text[0]", ("my {prodcut} was meant", 0)),
    ("broken-brace", {"my {product} was meant": "my {product was meant"}, "bad_template",
     "customer.messages[0].text[0]", ("my {product was meant", 0)),
    ("personal-in-public", {"my {product} was meant": "my {product} (order {order_number}) was meant"},
     "personal_data_in_public", "customer.messages[0].text[0]", ("(order {order_number})", 0)),
    ("unknown-field", {"brief: >": "breif: >"}, "unknown_field", "breif", ("breif: >", 0)),
    ("unknown-brand", {"brand: larkspur ": "brand: amazon "}, "unknown_brand", "brand", ("brand: amazon", 0)),
    ("bad-mood", {"mood: frustrated ": "mood: livid "}, "unknown_mood", "customer.mood", ("mood: livid", 0)),
    ("contradiction", {"  clarify: false ": "  clarify: true ",
                       "not_applicable: [escalation]": "not_applicable: [escalation, clarify]"},
     "contradiction", "expected.not_applicable", ("not_applicable: [escalation, clarify]", 0)),
    ("wrong-shape", {"exercise_type: conversation": "exercise_type: live_chat"}, "wrong_shape", "customer",
     ("customer:", 0)),
    ("unused-variable", {"product: [air fryer, stand mixer, cordless vacuum]":
                         "product: [air fryer, stand mixer, cordless vacuum]\n  colour: [red, blue]"},
     "unused_variable", "variables.colour", ("colour: [red, blue]", 0)),
    ("duplicate", {"difficulty: easy": "difficulty: easy\ndifficulty: hard"}, "duplicate_field", "difficulty",
     ("difficulty: hard", 0)),
    ("Bad_Id", {}, "bad_id", "id", ("id: Bad_Id", 0)),
    ("unknown-channel", {"      channel: public ": "      channel: dm "}, "unknown_channel",
     "customer.messages[0].channel", ("channel: dm", 0)),
    ("always-applies", {"not_applicable: [escalation]": "not_applicable: [escalation, tone_of_voice]"},
     "criterion_always_applies", "expected.not_applicable[1]", ("not_applicable: [escalation, tone_of_voice]", 0)),
    ("unknown-category", {"category: late_delivery ": "category: late_deliveries "}, "unknown_category",
     "category", ("category: late_deliveries", 0)),
    ("unknown-difficulty", {"difficulty: easy": "difficulty: trivial"}, "unknown_difficulty", "difficulty",
     ("difficulty: trivial", 0)),
    ("unknown-exercise-type", {"exercise_type: conversation": "exercise_type: chat"}, "unknown_exercise_type",
     "exercise_type", ("exercise_type: chat", 0)),
    ("unknown-need", {"needs: []": "needs: [vulnerabel]"}, "unknown_need", "customer.needs[0]",
     ("needs: [vulnerabel]", 0)),
    ("escalate-without-route", {"  escalate: false ": "  escalate: true "}, "missing_field", "expected.escalate",
     ("  escalate: true", 0)),
    ("private-without-details", {'  details: "Order {order_number}': '  xdetails: "Order {order_number}'},
     "missing_field", "customer.details", ("customer:", 0)),
]


def expected_line(path, line_spec):
    if line_spec is None:
        return None
    text, after = line_spec
    lines = path.read_text(encoding="utf-8").splitlines()
    (number,) = [i for i, line in enumerate(lines, start=1) if text in line][:1]
    return number + after


@pytest.mark.parametrize("stem, replace, code, field, line", BROKEN_CASES, ids=[c[0] for c in BROKEN_CASES])
def test_broken_file_gives_its_named_error_and_the_rest_still_load(scenario_dir, stem, replace, code, field, line):
    path = write_variant(scenario_dir, stem, replace)
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    problems = [p for p in info.value.problems if p.code == code and p.field == field]
    assert problems, f"expected a {code} problem at {field!r}, got {[str(p) for p in info.value.problems]}"
    problem = problems[0]
    assert problem.file == str(path)
    assert problem.fix
    assert problem.line == expected_line(path, line)
    lib = simulator.load_library(scenario_dir)
    assert "example-late-parcel" in lib.scenarios          # the good file still loads
    assert stem not in lib.scenarios
    assert any(p.code == code and p.file == str(path) for p in lib.errors)


def test_a_missing_top_level_field_is_named_in_the_message_and_the_field(scenario_dir):
    path = write_variant(scenario_dir, "no-title", {"title: Air fryer three days late   # short, shown in lists\n": ""})
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    (problem,) = info.value.problems
    assert problem.field == "title" and "[title]" in str(problem) and "'title'" in problem.message


def test_a_file_that_is_not_utf8_is_reported_as_an_encoding_problem(scenario_dir):
    path = scenario_dir / "latin.yaml"
    path.write_bytes(EXAMPLE.read_bytes().replace(b"id: example-late-parcel ", b"id: latin ").replace(
        "Works shifts".encode(), "Caf\xe9 shifts".encode("latin-1")))
    lib = simulator.load_library(scenario_dir)
    (problem,) = lib.errors
    assert problem.code == "encoding" and problem.file == str(path) and "UTF-8" in problem.fix
    assert "example-late-parcel" in lib.scenarios


def test_a_top_level_list_is_not_a_scenario(scenario_dir):
    path = scenario_dir / "a-list.yaml"
    path.write_text("- id: a-list\n- title: A list\n", encoding="utf-8")
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    (problem,) = info.value.problems
    assert problem.code == "not_a_mapping" and problem.line == 1 and "_example.yaml" in problem.fix


def test_a_crisis_burst_needs_at_least_five_posts(library, tmp_path):
    text = open(library.get("crisis-recall-kettle").source, encoding="utf-8").read()
    cut_from = text.index("    - at_minute: 8\n")
    cut_to = text.index("  holding_statement:")
    path = tmp_path / "crisis-recall-kettle.yaml"
    path.write_text(text[:cut_from] + text[cut_to:], encoding="utf-8")
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    (problem,) = [p for p in info.value.problems if p.code == "wrong_shape"]
    assert problem.field == "crisis.burst" and "found 3" in problem.message
    assert problem.line == path.read_text(encoding="utf-8").splitlines().index("  burst:") + 1


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


def test_a_crisis_pinned_to_one_platform_may_not_list_others(library, tmp_path):
    text = open(library.get("crisis-data-breach-bank").source, encoding="utf-8").read()
    assert "platforms: [twitter]" in text and "  platform: twitter" in text
    path = tmp_path / "crisis-data-breach-bank.yaml"
    path.write_text(text.replace("platforms: [twitter]", "platforms: [twitter, facebook]"), encoding="utf-8")
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    (problem,) = info.value.problems
    assert problem.code == "contradiction" and problem.field == "platforms" and "facebook" in problem.message
    assert "remove `crisis.platform`" in problem.fix
