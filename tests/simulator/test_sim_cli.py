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


def _block(text: str, name: str) -> str:
    start, end = f"<!-- {name}:start -->\n", f"\n<!-- {name}:end -->"
    assert start in text and end in text, f"the README lost its {name} markers"
    return text.split(start, 1)[1].split(end, 1)[0]


def test_project_readme_scenario_table_is_the_output_of_simulator_table(capsys, library):
    assert main(["table"]) == 0
    printed = capsys.readouterr().out.rstrip("\n")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _block(readme, "scenario-table") == printed, "run: python -m simulator table --write-readme"
    assert f"{len(library)} scenarios over" in readme


def test_readme_copy_of_the_annotated_example_is_the_example_file():
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    example = (ROOT / "scenarios" / "_example.yaml").read_text(encoding="utf-8")
    assert _block(readme, "example") == f"```yaml\n{example.rstrip()}\n```", \
        "run: python -m simulator table --write-readme"


def test_write_readme_refreshes_the_generated_blocks(scenario_dir, capsys):
    import shutil
    shutil.copy(ROOT / "scenarios" / "_example.yaml", scenario_dir / "_example.yaml")
    (scenario_dir / "README.md").write_text("intro\n<!-- scenario-table:start -->\nstale\n<!-- scenario-table:end -->\n"
                                            "<!-- example:start -->\nstale\n<!-- example:end -->\n", encoding="utf-8")
    assert main(["table", "--path", str(scenario_dir), "--write-readme"]) == 0
    text = (scenario_dir / "README.md").read_text(encoding="utf-8")
    assert "stale" not in text and "`example-late-parcel`" in _block(text, "scenario-table")
    assert _block(text, "example").startswith("```yaml\n# A complete, commented scenario.")


def test_every_yaml_snippet_in_the_scenarios_readme_is_valid_yaml():
    import yaml
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    snippets = [part.split("```", 1)[0] for part in readme.split("```yaml\n")[1:]]
    assert len(snippets) >= 4                      # live chat, triage, crisis and the annotated example
    for snippet in snippets:
        assert isinstance(yaml.safe_load(snippet), dict), snippet[:80]


def test_readme_python_example_runs(capsys):
    readme = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    code = readme.split("## Using the engine from Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "scenarios/README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "sends_details" in out and "private" in out and "Rank correlation 1.00" in out
