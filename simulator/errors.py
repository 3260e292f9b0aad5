"""The simulator's exceptions: one root, caller errors kept apart from internal errors."""
from __future__ import annotations

from dataclasses import dataclass


class SimulatorError(Exception):
    """Root of every error the simulator raises."""


class SimulatorUsageError(SimulatorError, ValueError):
    """The caller asked for something the simulator cannot do (unknown id, wrong channel, bad order...)."""


class SimulatorInternalError(SimulatorError, RuntimeError):
    """A bug in the simulator itself, never the caller's fault."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file: where it is, which field, what is wrong and how to fix it."""

    file: str
    field: str
    message: str
    fix: str
    line: int | None = None
    code: str = "invalid"      # a stable name for the kind of problem, e.g. "yaml_syntax", "missing_field"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" [{self.field}]" if self.field else ""
        return f"{where}:{field} {self.message}. Fix: {self.fix}"

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "code": self.code,
                "message": self.message, "fix": self.fix}


def internal_problem(file: str, stage: str, exc: Exception) -> Problem:
    """The safety net: a failure the checks did not foresee still names the file and what to do."""
    return Problem(file, "", f"internal error while {stage} this file: {type(exc).__name__}: {exc}"[:300],
                   "compare the file with scenarios/_example.yaml, and report this message to the developers; "
                   "the rest of the library still loads", None, "internal")


class ScenarioFileError(SimulatorUsageError):
    """A scenario file is invalid; `.problems` lists every problem found in it at once."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{path}: {len(self.problems)} problem(s)\n{lines}")


class UnknownScenarioError(SimulatorUsageError, KeyError):
    """No scenario with that id in the library."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else "unknown scenario"


class ExerciseError(SimulatorUsageError):
    """An action that the exercise type does not support, or that comes after the exercise ended."""


class ChannelError(SimulatorUsageError):
    """A reply on a channel the platform does not offer, or outside its messaging window."""


class TriageOrderError(SimulatorUsageError):
    """A learner's triage order that is not a permutation of the queue's items."""
