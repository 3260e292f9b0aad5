"""Property test (hypothesis) over the scenario loader: a shipped file with any field set to any YAML value, or
any text at all, is either loaded (and then generates) or refused with ScenarioFileError naming the file.
Nothing else escapes, so one bad file can never take the app's catalogue down."""
from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import simulator
from tests.simulator.sim_helpers import EXAMPLE, SCENARIOS

SOURCES = [EXAMPLE, SCENARIOS / "live-chat-retail-saturday.yaml", SCENARIOS / "triage-retail-monday.yaml",
           SCENARIOS / "crisis-recall-kettle.yaml"]
DATA = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in SOURCES]
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT,
                                st.sampled_from(["{", "{nope}", "{order_number}", "", "twitter", "public"])),
                      lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
                      max_leaves=8)


def _paths(node, prefix=()):
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


PATHS = [(i, path) for i, data in enumerate(DATA) for path in _paths(data) if path != ("id",)]


def _load(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop-scenario.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            return simulator.load_scenario_file(path), None
        except simulator.ScenarioFileError as exc:
            return None, exc


def _check(text: str) -> None:
    scenario, error = _load(text)
    if scenario is None:
        assert error.problems and all(p.file.endswith("prop-scenario.yaml") for p in error.problems)
        return
    for seed in (1, 2):
        simulator.generate(scenario, seed)


@SETTINGS
@given(choice=st.sampled_from(PATHS), value=VALUES)
def test_any_field_set_to_any_value_is_loaded_or_refused_with_problems(choice, value):
    index, path = choice
    data = copy.deepcopy(DATA[index])
    data["id"] = "prop-scenario"
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    _check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@SETTINGS
@given(text=st.one_of(TEXT, st.text(max_size=300).filter(lambda t: "\x00" not in t)))
def test_any_text_is_loaded_or_refused_with_problems(text):
    _check(text)
