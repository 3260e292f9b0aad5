"""The command line: list, validate (exit 1 with every error), generate (JSON), table."""
from __future__ import annotations

import json
import subprocess
import sys

from simulator.cli import main
from tests.simulator.sim_helpers import ROOT, write_variant


def test_list_prints_every_scenario(capsys, library):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(s.id in out for s in library.list())


def test_validate_exits_zero_on_the_shipped_library(capsys):
    assert main(["validate"]) == 0


def test_validate_exits_one_and_lists_every_error(scenario_dir, capsys):
    write_variant(scenario_dir, "broken-one", {"platforms: [twitter, facebook]": "platforms: [tiktok]"})
    write_variant(scenario_dir, "broken-two", {"difficulty: easy": "difficulty: impossible"})
    assert main(["validate", str(scenario_dir)]) == 1
    out = capsys.readouterr().out
    assert "broken-one.yaml" in out and "tiktok" in out
    assert "broken-two.yaml" in out and "impossible" in out


def test_validate_accepts_a_single_file(scenario_dir):
    assert main(["validate", str(scenario_dir / "example-late-parcel.yaml")]) == 0


def test_generate_prints_the_instance_as_json(capsys):
    assert main(["generate", "late-parcel-x-public", "--seed", "42"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario_id"] == "late-parcel-x-public" and data["seed"] == 42


def test_generate_unknown_id_fails_with_a_message(capsys):
    assert main(["generate", "no-such-thing", "--seed", "1"]) == 2
    assert "no scenario" in capsys.readouterr().err


def test_table_prints_markdown_for_the_readme(capsys, library):
    assert main(["table"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| id |") and out.count("\n| `") == len(library)


def test_python_dash_m_simulator_validate_exits_one_on_a_broken_folder(scenario_dir):
    write_variant(scenario_dir, "broken", {"brand: larkspur ": "brand: acme "})
    bad = subprocess.run([sys.executable, "-m", "simulator", "validate", str(scenario_dir)], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "acme" in bad.stdout


def test_readme_tables_are_up_to_date(library):
    from simulator.table import readme_with_tables
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    assert readme_with_tables(readme, library) == readme, "run: python -m simulator table --write-readme"


def test_readme_python_example_runs(capsys):
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    code = readme.split("## Using the engine from Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "scenarios/README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "sends_details" in out and "private" in out and "Rank correlation 1.00" in out
