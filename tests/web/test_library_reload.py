"""Scenario edits reach every process without a restart (issue 17): each process checks the scenario folder's
fingerprint at most every LIBRARY_CHECK_SECONDS and reloads the library when a file changed, came or went."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from web.services.library import library

ROOT = Path(__file__).resolve().parents[2]
FIRST, SECOND = "late-parcel-x-public", "slow-refund-instagram"


@pytest.fixture
def scenario_dir(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(ROOT / "scenarios" / f"{FIRST}.yaml", folder)
    return folder


@pytest.fixture
def app_config(scenario_dir):
    return {"SCENARIO_DIR": str(scenario_dir), "LIBRARY_CHECK_SECONDS": 0}


def test_a_scenario_file_added_edited_or_removed_is_seen_without_a_restart(app, scenario_dir):
    with app.app_context():
        assert set(library().scenarios) == {FIRST}
        shutil.copy(ROOT / "scenarios" / f"{SECOND}.yaml", scenario_dir)
        assert set(library().scenarios) == {FIRST, SECOND}
        before = library().get(FIRST).version
        path = scenario_dir / f"{FIRST}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntitle: ", "\ntitle: Edited ", 1), encoding="utf-8")
        edited = library().get(FIRST)
        assert edited.title.startswith("Edited ") and edited.version != before   # a new content hash
        (scenario_dir / f"{SECOND}.yaml").unlink()
        assert set(library().scenarios) == {FIRST}


def test_between_checks_the_process_keeps_its_copy(app, scenario_dir):
    app.config["LIBRARY_CHECK_SECONDS"] = 3600
    with app.app_context():
        first = library()
        shutil.copy(ROOT / "scenarios" / f"{SECOND}.yaml", scenario_dir)
        assert library() is first and SECOND not in library().scenarios   # no folder walk on every request
        app.config["LIBRARY_CHECK_SECONDS"] = 0
        assert SECOND in library().scenarios


def test_the_catalogue_page_lists_a_new_scenario_file_without_a_restart(app, client, login, make_user, scenario_dir):
    make_user("learner", username="sam")
    login("sam")
    assert SECOND not in client.get("/practice/").get_data(as_text=True)
    shutil.copy(ROOT / "scenarios" / f"{SECOND}.yaml", scenario_dir)
    assert SECOND in client.get("/practice/").get_data(as_text=True)


OTHER_PROCESS = """
import sys
from app import create_app
from web.services.library import library
app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                  "SCENARIO_DIR": sys.argv[1], "LIBRARY_CHECK_SECONDS": 0.2})
with app.app_context():
    for line in sys.stdin:   # one line asks: which scenarios, and the first one's title?
        lib = library()
        print(",".join(sorted(lib.scenarios)), "|", lib.get(sys.argv[2]).title, flush=True)
"""


def test_an_edit_reaches_another_process_that_had_the_library_loaded(app, scenario_dir):
    import subprocess
    import sys

    other = subprocess.Popen([sys.executable, "-c", OTHER_PROCESS, str(scenario_dir), FIRST], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask() -> str:
        other.stdin.write("?\n")
        other.stdin.flush()
        return other.stdout.readline().strip()

    try:
        assert ask().startswith(f"{FIRST} | ")   # loaded (and cached) in the other process
        with app.app_context():
            assert set(library().scenarios) == {FIRST}   # and in this one
            path = scenario_dir / f"{FIRST}.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Edited ", 1),
                            encoding="utf-8")
            shutil.copy(ROOT / "scenarios" / f"{SECOND}.yaml", scenario_dir)
            assert set(library().scenarios) == {FIRST, SECOND} and library().get(FIRST).title.startswith("Edited ")
        import time

        time.sleep(0.3)   # past the other process's LIBRARY_CHECK_SECONDS
        ids, title = ask().split(" | ")
        assert ids == f"{FIRST},{SECOND}" and title.startswith("Edited ")
    finally:
        other.stdin.close()
        other.wait(timeout=30)
