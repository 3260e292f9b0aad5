"""Fixtures for the simulator tests."""
from __future__ import annotations

import shutil

import pytest

import simulator
from tests.simulator.sim_helpers import EXAMPLE, GOOD, POOR


@pytest.fixture(scope="session")
def library():
    return simulator.load_library()


@pytest.fixture
def good():
    return GOOD


@pytest.fixture
def poor():
    return POOR


@pytest.fixture
def scenario_dir(tmp_path):
    """A folder holding a valid copy of the commented example, as a scenario file of its own."""
    shutil.copy(EXAMPLE, tmp_path / "example-late-parcel.yaml")
    return tmp_path
