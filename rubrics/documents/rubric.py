"""The supervisory exercises' rubric files: criteria with levels and the standard's criteria each one evidences.

A rubric is content-hashed (sha256 of the file's bytes) so a mark stores which text judged it; a used version is
never edited (copy the file, bump `version`).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from rubrics.errors import RubricDataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
EXERCISE_RUBRICS = {"profiling": "social-profiling", "document": "social-document", "monitoring": "social-monitoring"}
SCALES = ("0-2",)
LEVELS = (0, 1, 2)


@dataclass(frozen=True)
class ExerciseCriterion:
    key: str
    label: str
    scale: str
    description: str
    levels: tuple[tuple[int, str], ...]
    standard: tuple[str, ...]

    def to_dict(self) -> dict:
        out = asdict(self)
        out["levels"] = dict(self.levels)
        out["standard"] = list(self.standard)
        return out


@dataclass(frozen=True)
class Mistake:
    key: str
    label: str
    feedback: str


@dataclass(frozen=True)
class ExerciseRubric:
    id: str
    version: int
    title: str
    exercise: str
    hash: str
    criteria: tuple[ExerciseCriterion, ...]
    mistakes: tuple[Mistake, ...] = ()

    def criterion(self, key: str) -> ExerciseCriterion:
        for c in self.criteria:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.criteria)

    def info(self) -> dict:
        return {"id": self.id, "version": self.version, "hash": self.hash}


def _criterion(item, where: str, problems: list[str]) -> ExerciseCriterion | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: must be a mapping")
        return None
    missing = [k for k in ("key", "label", "scale", "description", "levels", "standard") if k not in item]
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
        return None
    if item["scale"] not in SCALES:
        problems.append(f"{where} ({item['key']}): scale must be one of {SCALES}")
    levels = item["levels"] if isinstance(item["levels"], dict) else {}
    if sorted(levels) != list(LEVELS):
        problems.append(f"{where} ({item['key']}): levels must describe exactly {LEVELS}")
    standard = item["standard"]
    if not isinstance(standard, list) or not all(isinstance(s, str) for s in standard):
        problems.append(f"{where} ({item['key']}): standard must be a list of criterion ids (may be empty)")
        standard = []
    return ExerciseCriterion(key=item["key"], label=item["label"], scale=item["scale"],
                             description=item["description"],
                             levels=tuple((int(k), str(v)) for k, v in sorted(levels.items())),
                             standard=tuple(standard))


def _mistakes(items, path: Path, problems: list[str]) -> tuple[Mistake, ...]:
    out = []
    for i, item in enumerate(items or []):
        if not isinstance(item, dict) or any(k not in item for k in ("key", "label", "feedback")):
            problems.append(f"{path}: mistakes[{i}]: needs key, label and feedback")
            continue
        out.append(Mistake(key=item["key"], label=item["label"], feedback=item["feedback"]))
    return tuple(out)


@lru_cache(maxsize=16)
def load_exercise_rubric(rubric_id: str, path: Path | None = None) -> ExerciseRubric:
    """Load and validate rubrics/data/<rubric_id>.yaml; raise one RubricDataError listing every problem."""
    path = path or DATA_DIR / f"{rubric_id}.yaml"
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise RubricDataError(f"{path}: cannot read rubric: {exc}") from exc
    if not isinstance(data, dict):
        raise RubricDataError(f"{path}: the rubric must be a mapping")
    problems = [f"{path}: missing top-level field {k!r}" for k in ("id", "version", "title", "exercise", "criteria")
                if k not in data]
    if data.get("id") not in (None, rubric_id) and path.stem == rubric_id:
        problems.append(f"{path}: id {data.get('id')!r} must equal the file name {rubric_id!r}")
    criteria = []
    for i, item in enumerate(data.get("criteria") or []):
        c = _criterion(item, f"{path}: criteria[{i}]", problems)
        if c is not None:
            criteria.append(c)
    keys = [c.key for c in criteria]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        problems.append(f"{path}: criterion keys repeated: {', '.join(dupes)}")
    mistakes = _mistakes(data.get("mistakes"), path, problems)
    if problems:
        raise RubricDataError("\n".join(problems))
    return ExerciseRubric(id=data["id"], version=int(data["version"]), title=data["title"], exercise=data["exercise"],
                          hash=hashlib.sha256(raw).hexdigest(), criteria=tuple(criteria), mistakes=mistakes)
