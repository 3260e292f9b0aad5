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
