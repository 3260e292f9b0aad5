"""The rubric as data: load `data/<id>.yaml` into frozen dataclasses, content-hashed.

The hash is the sha256 of the file's bytes, stored with every mark (habit 4: marks are reproducible).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

import yaml

from rubrics.errors import RubricDataError

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_RUBRIC = "heat-aaa-marking"
# libyaml's safe loader when PyYAML was built with it (the same data, ~8x faster: 16 ms of a fresh process's first
# score went on parsing the rubric in Python)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SCORER_VERSION = "2.1.12"

CRITERION_ORDER = (
    "hear", "empathise", "apologise", "take_ownership", "acknowledge", "act",
    "greeting", "personalisation", "signposting", "closing", "tone_of_voice", "plain_language",
    "data_protection", "take_private", "clarify", "escalation", "accuracy", "timeliness", "platform_fit",
)
HEAT = ("hear", "empathise", "apologise", "take_ownership")
MARKING_POINTS = CRITERION_ORDER[6:]
SCALES = ("0-2", "pass-fail")
CHECK_GRADE_EFFECTS = ("refer_when_missing",)


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    framework: str
    scale: str
    detector: str
    description: str
    levels: Mapping[Any, str]
    example: str
    critical: bool = False
    needs_scenario: bool = False

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "framework": self.framework, "scale": self.scale,
                "description": self.description, "critical": self.critical, "needs_scenario": self.needs_scenario,
                "levels": {("n/a" if k is None else str(k)): v for k, v in self.levels.items()},
                "example": self.example}


@dataclass(frozen=True)
class CheckKind:
    """A scenario-aware check reported beside the criteria (the rubric file's `checks:`)."""

    key: str
    label: str
    description: str
    in_guide: bool = False
    grade: str | None = None        # "refer_when_missing": the guide's rule that the grade cannot pass without it
    rule: str | None = None         # that rule, phrased for a learner

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "description": self.description, "in_guide": self.in_guide,
                "grade": self.grade, "rule": self.rule}


@dataclass(frozen=True)
class Rubric:
    id: str
    version: int
    title: str
    hash: str
    criteria: tuple[Criterion, ...] = field(default_factory=tuple)
    checks: tuple[CheckKind, ...] = field(default_factory=tuple)

    @property
    def critical_keys(self) -> tuple[str, ...]:
        """Criteria that fail an attempt on their own at the bottom level (the file's `critical: true`)."""
        return tuple(c.key for c in self.criteria if c.critical)

    @property
    def scenario_keys(self) -> frozenset[str]:
        """Criteria that are n/a without a scenario (the file's `needs_scenario: true`)."""
        return frozenset(c.key for c in self.criteria if c.needs_scenario)

    @cached_property
    def detector_of(self) -> Mapping[str, str]:
        """Criterion key -> the registered detector that judges it (the file's `detector:`)."""
        return MappingProxyType({c.key: c.detector for c in self.criteria})

    def criterion(self, key: str) -> Criterion:
        for c in self.criteria:
            if c.key == key:
                return c
        raise KeyError(key)

    def check_kind(self, key: str) -> CheckKind | None:
        for c in self.checks:
            if c.key == key:
                return c
        return None

    def info(self) -> dict:
        return {"id": self.id, "version": self.version, "hash": self.hash, "scorer_version": SCORER_VERSION}


def rubric_path(rubric_id: str = DEFAULT_RUBRIC, version: int | None = None) -> Path:
    """The file of a rubric version: `<id>.v<N>.yaml` (version 1 is `<id>.yaml`); the latest when version is None."""
    if version is None:
        numbered = [int(p.name[len(rubric_id) + 2:-5]) for p in DATA_DIR.glob(f"{rubric_id}.v*.yaml")
                    if p.name[len(rubric_id) + 2:-5].isdigit()]
        version = max(numbered, default=1)
    return DATA_DIR / (f"{rubric_id}.yaml" if version == 1 else f"{rubric_id}.v{version}.yaml")


def _check_kinds(items, path: Path, problems: list[str]) -> tuple[CheckKind, ...]:
    out = []
    for i, item in enumerate(items or []):
        where = f"{path}: checks[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        missing = [k for k in ("key", "label", "description") if k not in item]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if item.get("grade") is not None and item["grade"] not in CHECK_GRADE_EFFECTS:
            problems.append(f"{where} ({item['key']}): grade must be one of {CHECK_GRADE_EFFECTS}")
        out.append(CheckKind(key=item["key"], label=item["label"], description=item["description"],
                             in_guide=bool(item.get("in_guide", False)), grade=item.get("grade"),
                             rule=item.get("rule")))
    return tuple(out)


def load_rubric(rubric_id: str = DEFAULT_RUBRIC, path: Path | None = None,
                detectors: Iterable[str] | None = None, version: int | None = None) -> Rubric:
    """Load and validate a rubric file; raise one RubricDataError listing every problem.

    Without `path`, the file of `version` (default the latest) of `rubric_id`. Every criterion's `detector:` must
    name a registered detector (`detectors`, default the registry in rubrics.detectors).
    """
    if detectors is None:
        from rubrics.detectors import DETECTORS  # detectors never import this module: no cycle
        detectors = DETECTORS
    known = frozenset(detectors)
    path = path or rubric_path(rubric_id, version)
    try:
        raw = path.read_bytes()
        data = yaml.load(raw, Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise RubricDataError(f"{path}: cannot read rubric: {exc}") from exc
    problems: list[str] = []
    if not isinstance(data, dict):
        raise RubricDataError(f"{path}: the rubric must be a mapping")
    for key in ("id", "version", "title", "criteria"):
        if key not in data:
            problems.append(f"{path}: missing top-level field {key!r}")
    criteria = []
    seen = []
    for i, item in enumerate(data.get("criteria") or []):
        where = f"{path}: criteria[{i}]"
        missing = [k for k in ("key", "label", "framework", "scale", "detector", "description", "levels", "example")
                   if k not in item]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if item["scale"] not in SCALES:
            problems.append(f"{where} ({item['key']}): scale must be one of {SCALES}")
        if item["detector"] not in known:
            problems.append(f"{where} ({item['key']}): unknown detector {item['detector']!r}; use one of "
                            f"{', '.join(sorted(known))}")
        seen.append(item["key"])
        criteria.append(Criterion(
            key=item["key"], label=item["label"], framework=item["framework"], scale=item["scale"],
            detector=item["detector"], description=item["description"],
            levels=MappingProxyType(dict(item["levels"])), example=item["example"],
            critical=bool(item.get("critical", False)), needs_scenario=bool(item.get("needs_scenario", False))))
    checks = _check_kinds(data.get("checks"), path, problems)
    if tuple(seen) != CRITERION_ORDER and not problems:
        problems.append(f"{path}: criteria must be exactly {', '.join(CRITERION_ORDER)} in that order; "
                        f"got {', '.join(seen)}")
    if problems:
        raise RubricDataError("; ".join(problems))
    return Rubric(id=data["id"], version=int(data["version"]), title=data["title"],
                  hash="sha256:" + hashlib.sha256(raw).hexdigest(), criteria=tuple(criteria), checks=checks)


RUBRIC = load_rubric()
RUBRIC_INFO: Mapping[str, Any] = MappingProxyType(RUBRIC.info())
CRITERIA: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {c.key: MappingProxyType({"label": c.label, "description": c.description, "framework": c.framework,
                              "scale": c.scale, "critical": c.critical}) for c in RUBRIC.criteria})
