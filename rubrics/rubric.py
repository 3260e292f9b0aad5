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
SCORER_VERSION = "1.2.1"

CRITERION_ORDER = (
    "hear", "empathise", "apologise", "take_ownership", "acknowledge", "act",
    "greeting", "personalisation", "signposting", "closing", "tone_of_voice", "plain_language",
    "data_protection", "take_private", "clarify", "escalation", "accuracy", "timeliness", "platform_fit",
)
HEAT = ("hear", "empathise", "apologise", "take_ownership")
MARKING_POINTS = CRITERION_ORDER[6:]
SCALES = ("0-2", "pass-fail")


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
class Rubric:
    id: str
    version: int
    title: str
    hash: str
    criteria: tuple[Criterion, ...] = field(default_factory=tuple)

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

    def info(self) -> dict:
        return {"id": self.id, "version": self.version, "hash": self.hash, "scorer_version": SCORER_VERSION}


def load_rubric(rubric_id: str = DEFAULT_RUBRIC, path: Path | None = None,
                detectors: Iterable[str] | None = None) -> Rubric:
    """Load and validate a rubric file; raise one RubricDataError listing every problem.

    Every criterion's `detector:` must name a registered detector (`detectors`, default the registry in
    rubrics.detectors).
    """
    if detectors is None:
        from rubrics.detectors import DETECTORS    # detectors never import this module: no cycle
        detectors = DETECTORS
    known = frozenset(detectors)
    path = path or DATA_DIR / f"{rubric_id}.yaml"
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw)
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
    if tuple(seen) != CRITERION_ORDER and not problems:
        problems.append(f"{path}: criteria must be exactly {', '.join(CRITERION_ORDER)} in that order; got {', '.join(seen)}")
    if problems:
        raise RubricDataError("; ".join(problems))
    return Rubric(id=data["id"], version=int(data["version"]), title=data["title"],
                  hash="sha256:" + hashlib.sha256(raw).hexdigest(), criteria=tuple(criteria))


RUBRIC = load_rubric()
RUBRIC_INFO: Mapping[str, Any] = MappingProxyType(RUBRIC.info())
CRITERIA: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {c.key: MappingProxyType({"label": c.label, "description": c.description, "framework": c.framework,
                              "scale": c.scale, "critical": c.critical}) for c in RUBRIC.criteria})
