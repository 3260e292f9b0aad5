"""Scenario files: read, validate (simulator/validation/: every problem at once, with file, line, field and fix)
and build Scenarios.

`load_scenario_file(path)` raises one ScenarioFileError listing every problem in the file.
`load_library(path)` loads a folder: a broken file is reported in `Library.errors` and skipped; the rest load.
"""
from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from simulator.catalogue import CUSTOMER_TEXT_FIELDS
from simulator.errors import Problem, ScenarioFileError, UnknownScenarioError, internal_problem
from simulator.validation import EXPECTED_FLAGS, LineMap, default_channel, validate

DEFAULT_SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when available: same result, faster


@dataclass(frozen=True)
class Scenario:
    """One validated scenario file. `data` is the file's content with defaults filled in (plain values)."""

    id: str
    version: str                 # "sha256:<hex>" of the file's content: marks record which version they used
    title: str
    category: str
    difficulty: str
    exercise_type: str
    platforms: tuple[str, ...]
    brand: str
    sla_minutes: float
    brief: str
    source: str
    data: dict = field(repr=False, compare=False)

    def to_dict(self) -> dict:
        return json.loads(json.dumps({**self.data, "version": self.version, "source": self.source}))

    def summary(self) -> dict:
        return {"id": self.id, "title": self.title, "category": self.category, "difficulty": self.difficulty,
                "exercise_type": self.exercise_type, "platforms": list(self.platforms), "brand": self.brand,
                "sla_minutes": self.sla_minutes}


@dataclass(frozen=True)
class Library:
    scenarios: dict[str, Scenario]
    errors: list[Problem]
    path: str

    def get(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            close = difflib.get_close_matches(str(scenario_id), list(self.scenarios), n=3)
            hint = (f"; did you mean {', '.join(close)}?" if close
                    else f"; run `python -m simulator list` to see all {len(self.scenarios)}")
            broken = [p for p in self.errors if Path(p.file).stem == scenario_id]
            if broken:
                hint = f"; its file has {len(broken)} problem(s), see Library.errors or `python -m simulator validate`"
            raise UnknownScenarioError(f"no scenario with id {scenario_id!r} in {self.path}{hint}") from None

    def list(self) -> list[Scenario]:
        return [self.scenarios[k] for k in sorted(self.scenarios)]

    def __len__(self) -> int:
        return len(self.scenarios)


# ------------------------------------------------------------------------------------------------ loading

def _read(path: Path) -> tuple[Any, LineMap | None, list[Problem]]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [Problem(name, "", f"the file is not UTF-8 text ({exc.reason})",
                                    "save it as UTF-8", None, "encoding")]
    except OSError as exc:
        return None, None, [Problem(name, "", f"cannot read the file ({exc.strerror})",
                                    "check the path and permissions", None, "unreadable")]
    return _parse(text, name)


def _parse(text: str, name: str) -> tuple[Any, LineMap | None, list[Problem]]:
    loader = _YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc)
        return None, None, [Problem(name, "", f"YAML syntax error: {what}",
                                    "check indentation, colons and quotes on this line and the one above "
                                    "(quote texts that contain `: ` or start with @, { or *)", line, "yaml_syntax")]
    finally:
        loader.dispose()
    return data, LineMap(node), []


def _with_defaults(data: dict) -> dict:
    """The file's content with defaults filled in, so the rest of the engine never guesses."""
    d = json.loads(json.dumps(data, default=str))
    if isinstance(d.get("platforms"), str):
        d["platforms"] = [d["platforms"]]
    if "customer" in d:
        d["customers"] = [d.pop("customer")]
    for key, empty in (("customers", []), ("variables", {}), ("facts", {}), ("expected", {})):
        if d.get(key) is None:      # `key:` left empty means the same as leaving it out
            d[key] = empty
    exp = d["expected"]
    for flag in EXPECTED_FLAGS:
        exp.setdefault(flag, False)
    exp.setdefault("escalation_route", None)
    for key in ("not_applicable", "may_promise", "must_not_promise"):
        exp[key] = list(exp.get(key) or [])
    first_channel = default_channel(d["platforms"][0])
    for i, cust in enumerate(d["customers"]):
        _customer_with_defaults(cust, i, len(d["customers"]), first_channel)
    for item in d.get("queue") or []:
        item.setdefault("platform", d["platforms"][0])
        item.setdefault("channel", default_channel(item["platform"]))
        item.setdefault("at_minute", 0)
        item.setdefault("critical", False)
    return d


def _customer_with_defaults(cust: dict, i: int, count: int, first_channel: str) -> None:
    for key in CUSTOMER_TEXT_FIELDS:
        if cust.get(key) is None:
            cust.pop(key, None)
    cust.setdefault("id", "customer" if count == 1 else f"customer-{i + 1}")
    for key, empty in (("needs", []), ("followups", {}), ("variables", {}),
                       ("posts_personal_data_publicly", False)):
        if cust.get(key) is None:
            cust[key] = empty
    if isinstance(cust.get("expected"), dict):   # an empty list here inherits the scenario's
        cust["expected"] = {k: v for k, v in cust["expected"].items()
                            if not (v is None and k in ("not_applicable", "may_promise", "must_not_promise"))}
    elif "expected" in cust:
        cust.pop("expected")
    msgs, last = [], 0.0
    for msg in cust["messages"]:
        msg = {"text": msg} if isinstance(msg, str) else msg
        last = float(msg.get("at_minute", last))
        msgs.append({"text": msg["text"], "channel": msg.get("channel", first_channel), "at_minute": last})
    cust["messages"] = msgs


def load_scenario_file(path: str | Path) -> Scenario:
    """Load and validate one file; raise ScenarioFileError listing every problem in it."""
    path = Path(path)
    data, lines, problems = _read(path)
    return _build(data, lines, problems, path.stem, str(path))


def load_scenario_text(text: str, name: str = "scenario.yaml") -> Scenario:
    """Load and validate a scenario given as text (authored in the browser); raise ScenarioFileError listing every
    problem, each with its line in `text`. `name` stands for the file in messages; the id is not compared with it
    (the caller decides which ids it accepts)."""
    data, lines, problems = _parse(text, name)
    given = data.get("id") if isinstance(data, dict) else None
    stem = given if isinstance(given, str) else Path(name).stem
    return _build(data, lines, problems, stem, name, source=name)


def _build(data: Any, lines: LineMap | None, problems: list[Problem], stem: str, path: str,
           source: str | None = None) -> Scenario:
    if problems or lines is None:
        raise ScenarioFileError(path, problems)
    problems = validate(data, stem, path, lines)
    if problems:
        raise ScenarioFileError(path, problems)
    try:
        full = _with_defaults(data)
        canonical = json.dumps(full, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return Scenario(
            id=full["id"], version="sha256:" + hashlib.sha256(canonical).hexdigest(), title=full["title"],
            category=full["category"], difficulty=full["difficulty"], exercise_type=full["exercise_type"],
            platforms=tuple(full["platforms"]), brand=full["brand"], sla_minutes=full["sla_minutes"],
            brief=full["brief"].strip(), source=source or path, data=full,
        )
    except Exception as exc:
        raise ScenarioFileError(path, [internal_problem(path, "building", exc)]) from exc


def scenario_files(path: str | Path) -> list[Path]:
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(p for p in path.glob("*.yaml") if not p.name.startswith("_"))


def misnamed_files(path: str | Path) -> list[Problem]:
    """Files in a scenarios folder that look like scenarios but are never loaded (e.g. `new-one.yml`)."""
    path = Path(path)
    if not path.is_dir():
        return []
    return [Problem(str(p), "", f"the file ends in {p.suffix!r}, so it is not loaded",
                    f"rename it to {p.stem}.yaml (scenario files end in .yaml; start the name with _ to keep a "
                    "draft out of the library)", None, "wrong_extension")
            for p in sorted(path.iterdir())
            if p.is_file() and not p.name.startswith("_") and p.suffix.lower() in (".yml", ".yaml")
            and p.suffix != ".yaml"]


def load_library(path: str | Path | None = None) -> Library:
    """Load every scenarios/*.yaml (files starting with `_` are skipped); broken files go to `.errors`, and
    so do `.yml` files, which are not loaded."""
    root = Path(path) if path is not None else DEFAULT_SCENARIO_DIR
    scenarios, errors = {}, []
    if not root.exists():
        errors.append(Problem(str(root), "", "no such file or folder", "give the scenarios folder", None, "unreadable"))
    for file in scenario_files(root) if root.exists() else []:
        try:
            scenario = load_scenario_file(file)
        except ScenarioFileError as exc:
            errors.extend(exc.problems)
            continue
        except Exception as exc:   # noqa: BLE001 - never let one file take the library down
            errors.append(internal_problem(str(file), "loading", exc))
            continue
        scenarios[scenario.id] = scenario
    errors.extend(misnamed_files(root))
    return Library(scenarios, errors, str(root))


@lru_cache(maxsize=4)
def default_library(path: str | None = None) -> Library:
    """The shipped library, loaded once per process (used when `generate` is given an id)."""
    return load_library(path)
