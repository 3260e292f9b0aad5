"""Both labelled sets stay well-formed: every field present and valid, every grade consistent with its labels."""
import importlib.util
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, DATA / "calibration" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", ["calibration", "heldout"])
def test_labelled_set_is_valid_and_its_grades_follow_the_grade_rules(folder, capsys):
    path = DATA / folder / "replies.jsonl"
    assert load("check_labels").main(path) == 0
    assert load("grade_rules_check").main(path) == 0
