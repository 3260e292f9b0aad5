"""Scenario files declare key behaviours and worded must-cover / must-not points; the validator reports every
mistake in them with its field and a fix, and generation passes them to the scorer (issue 11, item 3)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import simulator
from simulator.errors import ScenarioFileError
from tests.simulator.sim_helpers import write_variant

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "tw-recall-crisis.yaml"
COURIER_TRACE = "    - id: courier-trace            # result page"


def problems_of(path):
    with pytest.raises(ScenarioFileError) as info:
        simulator.load_scenario_file(path)
    return {(p.code, p.field) for p in info.value.problems}


@pytest.mark.parametrize("stem, replace, code, field", [
    ("kb-no-wordings", {"      shown_by:                    # wordings": "      shown_byy:                    # wordings"},
     "unknown_field", "expected.key_behaviours[0].shown_byy"),
    ("kb-bad-id", {"    - id: courier-trace ": "    - id: Courier Trace "}, "bad_id", "expected.key_behaviours[0].id"),
    ("kb-bad-slot", {"I've raised a trace with the courier": "I've raised a trace for {prodcut}"},
     "bad_template_slot", "expected.key_behaviours[0].shown_by[0]"),
    ("kb-not-a-list", {"      shown_by:                    # wordings that show it; the scorer matches their meaning, "
                       "so give one short\n        - I've raised a trace with the courier   # wording with only the "
                       "words that matter, and a few others\n        - we'll chase the courier and update you within "
                       "24 hours\n": "      shown_by: 3\n"},
     "wrong_type", "expected.key_behaviours[0].shown_by"),
])
def test_a_broken_key_behaviour_is_named_with_its_field(tmp_path, stem, replace, code, field):
    path = write_variant(tmp_path, stem, replace)
    assert (code, field) in problems_of(path)


def test_a_key_behaviour_without_what_to_do_or_its_wordings_is_missing_fields(tmp_path):
    path = write_variant(tmp_path, "kb-missing", {
        "      do: Raise a courier trace and say when they will hear back.    # what the learner should do\n": ""})
    assert ("missing_field", "expected.key_behaviours[0].do") in problems_of(path)


def test_two_key_behaviours_with_one_id_are_reported(tmp_path):
    twice = ("  key_behaviours:                  # optional",
             "  key_behaviours:\n    - id: courier-trace\n      do: Say sorry.\n      shown_by: [sorry]\n"
             "                                   # optional")
    path = write_variant(tmp_path, "kb-twice", {twice[0]: twice[1]})
    assert ("duplicate_field", "expected.key_behaviours[1].id") in problems_of(path)


def _crisis_variant(tmp_path, old, new):
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / FIXTURE.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_worded_must_cover_points_load_and_reach_the_scorer(tmp_path):
    path = _crisis_variant(tmp_path, "    - stop using\n", "    - point: stop using\n      safety: true\n"
                           "      shown_by: [please stop using it]\n")
    scenario = simulator.load_scenario_file(path)
    inst = simulator.generate(scenario, 1)
    cover = inst.scoring_context["scenario"]["expected"]["holding_statement"]["must_cover"]
    assert cover[0] == {"point": "stop using", "safety": True, "shown_by": ["please stop using it"]}


@pytest.mark.parametrize("new, code, field", [
    ("    - point: stop using\n      safe: true\n", "unknown_field", "crisis.holding_statement.must_cover[0].safe"),
    ("    - shown_by: [stop]\n", "missing_field", "crisis.holding_statement.must_cover[0].point"),
    ("    - point: stop using\n      safety: yes please\n", "wrong_type",
     "crisis.holding_statement.must_cover[0].safety"),
    ("    - point: stop using\n      shown_by: []\n", "wrong_type", "crisis.holding_statement.must_cover[0].shown_by"),
])
def test_a_broken_point_is_named_with_its_field(tmp_path, new, code, field):
    path = _crisis_variant(tmp_path, "    - stop using\n", new)
    assert (code, field) in problems_of(path)


def test_every_shipped_key_behaviour_reaches_the_scoring_context():
    lib = simulator.load_library()
    assert not lib.errors
    declared = {sid: sc.data["expected"].get("key_behaviours") for sid, sc in lib.scenarios.items()}
    with_kb = [sid for sid, kb in declared.items() if kb]
    assert len(with_kb) >= 10
    for sid in with_kb:
        ctx = simulator.generate(sid, 0, library=lib).scoring_context["scenario"]
        assert [k["id"] for k in ctx["expected"]["key_behaviours"]] == [k["id"] for k in declared[sid]]
        assert not re.search(r"\{\w+\}", str(ctx["expected"]["key_behaviours"]))      # slots filled in
