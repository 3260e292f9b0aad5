"""The shipped library: every file validates and the issue's coverage is met."""
from __future__ import annotations

import json

import simulator
from simulator.catalogue import CATEGORIES, DIFFICULTIES, EXERCISE_TYPES
from simulator.platforms import PLATFORMS
from tests.simulator.sim_helpers import EXAMPLE, SCENARIOS

REQUIRED_SITUATIONS = {
    "late_delivery", "lost_delivery", "damaged_product", "faulty_product", "billing_error", "double_charge",
    "slow_refund", "service_outage", "rude_customer", "personal_data_public", "vulnerable_customer",
    "legal_threat", "ambiguous_complaint", "product_question", "positive_feedback", "escalation_authority",
    "identity_verification", "crisis_recall", "crisis_security_breach", "crisis_viral_post",
}


def test_every_shipped_scenario_validates(library):
    assert library.errors == [], "\n".join(map(str, library.errors))
    files = [p for p in SCENARIOS.glob("*.yaml") if not p.name.startswith("_")]
    assert len(library) == len(files)


def test_library_has_at_least_thirty_scenarios(library):
    assert len(library) >= 30


def test_every_situation_named_in_the_issue_is_covered(library):
    assert REQUIRED_SITUATIONS <= {s.category for s in library.list()}
    assert REQUIRED_SITUATIONS <= set(CATEGORIES)


def _played_platforms(scenario, seeds=range(20)) -> set[str]:
    return {simulator.generate(scenario, seed).platform for seed in seeds}


def test_every_listed_platform_is_played_on_some_seed(library):
    for scenario in library.list():
        assert _played_platforms(scenario) == set(scenario.platforms), scenario.id


def test_scenarios_spread_over_platforms_difficulties_and_exercise_types(library):
    scenarios = library.list()
    played = {s.id: _played_platforms(s) for s in scenarios}
    for platform in PLATFORMS:
        assert sum(platform in played[s.id] for s in scenarios) >= 4, platform
    for difficulty in DIFFICULTIES:
        assert sum(s.difficulty == difficulty for s in scenarios) >= 5, difficulty
    for etype in EXERCISE_TYPES:
        assert sum(s.exercise_type == etype for s in scenarios) >= 3, etype


def test_commented_example_is_itself_a_valid_scenario(scenario_dir):
    scenario = simulator.load_scenario_file(scenario_dir / "example-late-parcel.yaml")
    assert scenario.exercise_type == "conversation"


def test_files_starting_with_underscore_are_not_loaded(library):
    assert EXAMPLE.exists()
    assert "example-late-parcel" not in library.scenarios


def test_get_returns_the_scenario_and_list_is_sorted(library):
    assert library.get("late-parcel-x-public").title
    ids = [s.id for s in library.list()]
    assert ids == sorted(ids)


def test_scenario_version_is_a_content_hash(library):
    s = library.get("late-parcel-x-public")
    assert s.version.startswith("sha256:") and len(s.version) == 7 + 64
    assert simulator.load_scenario_file(s.source).version == s.version


def test_scenario_to_dict_is_plain(library):
    # Plain means JSON gives back exactly the same value: a tuple or a date would come back changed (or fail).
    for s in library.list():
        d = s.to_dict()
        assert json.loads(json.dumps(d)) == d and d["id"] == s.id


def test_a_yml_file_in_the_scenarios_folder_is_reported_not_ignored(scenario_dir):
    draft = scenario_dir / "new-scenario.yml"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8").replace("id: example-late-parcel ", "id: new-scenario "),
                     encoding="utf-8")
    (scenario_dir / "_draft.yml").write_text("id: draft\n", encoding="utf-8")      # a draft: kept out quietly
    (scenario_dir / "notes.md").write_text("# notes\n", encoding="utf-8")          # not a scenario at all
    lib = simulator.load_library(scenario_dir)
    assert list(lib.scenarios) == ["example-late-parcel"]
    (problem,) = lib.errors
    assert problem.code == "wrong_extension" and problem.file == str(draft)
    assert "new-scenario.yaml" in problem.fix
