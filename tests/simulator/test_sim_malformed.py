"""Malformed files, generated from shipped ones: the library never crashes, and each bad file is reported.

A fixed, deterministic set of variants: every field of a shipped file of each shape is set, in turn, to a
few wrong values (None, a number, a list, a mapping, a boolean, a broken template). Every variant must be
either rejected with problems that name its file, or accepted and then generate.
"""
from __future__ import annotations

import copy

import pytest
import yaml

import simulator
from tests.simulator.sim_helpers import EXAMPLE, SCENARIOS

# One shipped file per shape of scenario file.
SOURCES = {
    "conversation": EXAMPLE,
    "live_chat": SCENARIOS / "live-chat-retail-saturday.yaml",
    "triage": SCENARIOS / "triage-retail-monday.yaml",
    "crisis": SCENARIOS / "crisis-recall-kettle.yaml",
}
BAD_VALUES = [None, 5, [], {}, True, "{", "{nope}", [1, 2], {"a": 1}, [None], -1, 3.5, "{order_number}"]
VALUES_PER_FIELD = 2


def _paths(node, prefix=()):
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _get(data, path):
    for key in path:
        data = data[key]
    return data


def malformed_variants(source) -> list[tuple[str, tuple, object, dict, bool]]:
    """(stem, path, bad value, data, retyped) for every field of the file and VALUES_PER_FIELD wrong values
    each; `retyped` is true when the value is non-empty and of another type than the original."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    out = []
    for i, path in enumerate(_paths(data)):
        original = _get(data, path)
        for j in range(VALUES_PER_FIELD):
            value = BAD_VALUES[(i * VALUES_PER_FIELD + j) % len(BAD_VALUES)]
            stem = f"{source.stem.strip('_')}-v{len(out)}"
            variant = copy.deepcopy(data)
            variant["id"] = stem
            _set(variant, path, copy.deepcopy(value))
            retyped = value not in (None, [], {}) and type(value) is not type(original)
            out.append((stem, path, value, variant, retyped))
    return out


@pytest.fixture(scope="module")
def malformed_folder(tmp_path_factory):
    """A folder holding every variant plus one good scenario, loaded once."""
    folder = tmp_path_factory.mktemp("malformed")
    (folder / "kb-returns-webchat.yaml").write_text((SCENARIOS / "kb-returns-webchat.yaml").read_text("utf-8"),
                                                    encoding="utf-8")
    variants = {}
    for shape, source in SOURCES.items():
        for stem, path, value, data, retyped in malformed_variants(source):
            (folder / f"{stem}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")
            variants[stem] = (shape, path, value, retyped)
    return folder, variants, simulator.load_library(folder)   # must not raise


def test_malformed_variants_cover_every_shape_of_file(malformed_folder):
    _, variants, _ = malformed_folder
    shapes = {v[0] for v in variants.values()}
    assert shapes == set(SOURCES) and len(variants) > 400


def test_load_library_survives_every_malformed_variant_and_keeps_the_good_file(malformed_folder):
    folder, variants, lib = malformed_folder
    assert "kb-returns-webchat" in lib.scenarios
    rejected = {stem for stem in variants if stem not in lib.scenarios}
    assert len(rejected) > len(variants) / 2          # most wrong values are wrong, so most files are rejected
    reported = {p.file for p in lib.errors}
    missing = sorted(stem for stem in rejected if str(folder / f"{stem}.yaml") not in reported)
    assert missing == []


def test_every_malformed_variant_is_reported_by_a_check_not_by_the_safety_net(malformed_folder):
    _, variants, lib = malformed_folder
    internal = [str(p) for p in lib.errors if p.code == "internal"]
    assert internal == []


def test_each_reported_problem_names_the_field_line_and_fix(malformed_folder):
    _, variants, lib = malformed_folder
    vague = []
    for p in lib.errors:
        if not p.fix or (p.code != "yaml_syntax" and not (p.field or p.line)):
            vague.append(str(p))
        elif p.field and p.line is None:
            vague.append(str(p))
    assert vague == []


def test_a_value_of_the_wrong_type_is_reported_at_its_own_field(malformed_folder):
    """A value of another type than the field takes is reported at that field (or the block holding it).
    (An emptied field may rightly be reported where it is needed, e.g. a slot whose variable was removed.)"""
    folder, variants, lib = malformed_folder
    by_file: dict[str, list] = {}
    for p in lib.errors:
        by_file.setdefault(p.file, []).append(p)
    elsewhere, checked = [], 0
    for stem, (_shape, path, value, retyped) in variants.items():
        problems = by_file.get(str(folder / f"{stem}.yaml"))
        if not retyped or not problems or path == ("id",):   # accepted ones must generate: tested below
            continue
        checked += 1
        dotted = simulator.validation.dotted(path)
        prefixes = {simulator.validation.dotted(path[:n]) for n in range(len(path) + 1)}
        if not any(p.field in prefixes or p.field.startswith(dotted) for p in problems):
            elsewhere.append((stem, dotted, value, [f"{p.field}: {p.message}" for p in problems]))
    assert checked > 200 and elsewhere == []


def test_every_malformed_variant_that_passes_validation_generates_for_several_seeds(malformed_folder):
    _, variants, lib = malformed_folder
    accepted = [s for s in lib.list() if s.id in variants]
    assert len(accepted) > 30        # the set holds harmless changes too, so this test sees real cases
    failures = []
    for scenario in accepted:
        for seed in (0, 1, 2):
            try:
                simulator.generate(scenario, seed)
            except Exception as exc:   # noqa: BLE001  (any failure is the finding)
                failures.append((scenario.id, variants[scenario.id][1:3], seed, repr(exc)[:160]))
                break
    assert failures == []


def test_every_shipped_scenario_generates_for_several_seeds(library):
    for scenario in library.list():
        for seed in range(5):
            assert simulator.generate(scenario, seed).scenario_id == scenario.id


# The crash sites found by the audit: each wrong value is now reported at its field and line, and the file
# is skipped while the rest load. (source file, old text, new text, expected field, expected code)
CRASH_SITES = [
    ("_example.yaml", "not_applicable: [escalation]", "not_applicable: true", "expected.not_applicable",
     "wrong_type"),
    ("_example.yaml", "      channel: public ", "      channel: [public] ", "customer.messages[0].channel",
     "wrong_type"),
    ("triage-retail-monday.yaml", "    platform: facebook\n", "    platform:\n", "queue[0].platform", "missing_field"),
    ("triage-retail-monday.yaml", "    platform: facebook\n", "    platform: facebook\n    channel: {a: 1}\n",
     "queue[0].channel", "wrong_type"),
    ("crisis-data-breach-bank.yaml", "  platform: twitter", "  platform: []", "crisis.platform", "wrong_type"),
    ("live-chat-retail-saturday.yaml", "  - id: wheres-my-order", "  - id: []", "customers[0].id", "wrong_type"),
]


@pytest.mark.parametrize("source, old, new, field, code", CRASH_SITES, ids=[c[3] for c in CRASH_SITES])
def test_a_value_that_used_to_crash_the_loader_is_reported_and_skipped(tmp_path, source, old, new, field, code):
    text = (SCENARIOS / source).read_text(encoding="utf-8")
    assert old in text, "test bug: the shipped file changed"
    name = "example-late-parcel" if source == "_example.yaml" else source[:-5]
    text = text.replace(old, new, 1)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "kb-returns-webchat.yaml").write_text((SCENARIOS / "kb-returns-webchat.yaml").read_text("utf-8"))
    lib = simulator.load_library(tmp_path)
    assert list(lib.scenarios) == ["kb-returns-webchat"]
    (problem,) = [p for p in lib.errors if p.field == field]
    assert problem.code == code and problem.file == str(path) and problem.fix
    start = text.index(new)
    changed_line = text[:start].count("\n") + len(new.rstrip("\n").splitlines())   # the last line written
    assert problem.line == changed_line


def test_an_unforeseen_failure_while_checking_is_reported_for_that_file_only(scenario_dir, monkeypatch):
    """The safety net: whatever a check raises, the file is reported (code `internal`) and skipped."""
    original = simulator.validation.ScenarioValidator.check_expected

    def broken(self, exp, path, *, partial=False):
        if self.stem == "trips-a-bug":
            raise RuntimeError("a check that did not expect this file")
        return original(self, exp, path, partial=partial)

    monkeypatch.setattr(simulator.validation.ScenarioValidator, "check_expected", broken)
    (scenario_dir / "trips-a-bug.yaml").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("id: example-late-parcel ", "id: trips-a-bug "), encoding="utf-8")
    lib = simulator.load_library(scenario_dir)
    assert list(lib.scenarios) == ["example-late-parcel"]
    (problem,) = lib.errors
    assert problem.code == "internal" and problem.file.endswith("trips-a-bug.yaml")
    assert "RuntimeError" in problem.message and "rest of the library still loads" in problem.fix


# Files that used to pass `validate` and then fail in `generate`.
VALID_BUT_BROKEN = [
    ("_example.yaml", "may_promise: [a courier trace,", "may_promise: ['a refund of {delivery_charge}',",
     "expected.may_promise[0]", "bad_template_slot"),
    ("_example.yaml", "  resolution: Trace raised,", "  resolution: Trace {raised,", "expected.resolution",
     "bad_template"),
    ("live-chat-retail-saturday.yaml", "      query_type: [stock enquiry", "      query_type: ['stock {enquiry}'",
     "customers[1].crm.query_type[0]", "bad_template_slot"),
    ("crisis-recall-kettle.yaml", "  holding_statement:\n    channel: public\n", "  holding_statement:\n    channel: dm\n",
     "crisis.holding_statement.channel", "unknown_channel"),
]


@pytest.mark.parametrize("source, old, new, field, code", VALID_BUT_BROKEN, ids=[c[3] for c in VALID_BUT_BROKEN])
def test_a_file_that_would_fail_to_generate_fails_validation(tmp_path, source, old, new, field, code):
    text = (SCENARIOS / source).read_text(encoding="utf-8")
    assert old in text, "test bug: the shipped file changed"
    name = "example-late-parcel" if source == "_example.yaml" else source[:-5]
    path = tmp_path / f"{name}.yaml"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    lib = simulator.load_library(tmp_path)
    assert name not in lib.scenarios
    (problem,) = [p for p in lib.errors if p.field == field]
    assert problem.code == code and problem.fix
    assert problem.line == text[:text.index(new)].count("\n") + len(new.rstrip("\n").splitlines())


@pytest.mark.parametrize("block", ["followups", "variables", "needs"])
def test_an_empty_block_means_the_same_as_leaving_it_out(scenario_dir, block):
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    indent = "  " if block in ("followups", "needs") else ""
    start = next(i for i, l in enumerate(lines) if l.startswith(f"{indent}{block}:"))
    end = next(i for i in range(start + 1, len(lines))
               if lines[i].strip() and not lines[i].startswith(indent + "  ") and not lines[i].lstrip().startswith("#"))
    body = "".join(lines[:start]) + f"{indent}{block}:\n" + "".join(lines[end:])
    if block == "variables":
        body = body.replace("{product}", "air fryer")
    path = scenario_dir / "example-late-parcel.yaml"
    path.write_text(body, encoding="utf-8")
    scenario = simulator.load_scenario_file(path)
    inst = simulator.generate(scenario, 3)
    assert inst.customers[0].followups["calmer"]          # the engine's defaults fill in
