"""Where a scenario file's problems are written down: the line of every field path (`LineMap`), a path as the
author reads it (`dotted`), and `Checker`, which collects every problem of one file with its line and fix."""
from __future__ import annotations

import difflib

import yaml

from simulator.errors import Problem


class LineMap:
    """Line numbers of every field path in a YAML document, from PyYAML's node tree."""

    def __init__(self, root):
        self.lines: dict[tuple, int] = {}
        self.duplicates: list[tuple[tuple, int]] = []
        if root is not None:
            self._walk(root, ())

    def _walk(self, node, path):
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, value_node in node.value:
                key = key_node.value
                if key in seen:
                    self.duplicates.append((path + (key,), key_node.start_mark.line + 1))
                seen.add(key)
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                self._walk(value_node, path + (key,))
                self.lines[path + (key,)] = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, path + (i,))

    def line(self, path: tuple) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Checker:
    """Collects problems for one file; every check adds to the list and carries on."""

    def __init__(self, file: str, lines: LineMap):
        self.file, self.lines = file, lines
        self.problems: list[Problem] = []

    def add(self, path: tuple, message: str, fix: str, code: str = "invalid"):
        self.problems.append(Problem(self.file, dotted(path), message, fix, self.lines.line(path), code))

    def typed(self, value, path, kinds, what: str) -> bool:
        if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
            ok = False
        else:
            ok = isinstance(value, kinds)
        if not ok:
            self.add(path, f"should be {what}, not {type(value).__name__} {value!r}"[:160],
                     f"write {what} here", "wrong_type")
        return ok

    def one_of(self, value, path, allowed, what: str) -> bool:
        if value in allowed:
            return True
        close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
        fix = f"did you mean {close[0]!r}? " if close else ""
        self.add(path, f"unknown {what} {value!r}", f"{fix}use one of: {', '.join(map(str, allowed))}",
                 f"unknown_{what.replace(' ', '_')}")
        return False

    def known_keys(self, mapping: dict, path, allowed: dict | tuple | set, what: str):
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), [str(a) for a in allowed], n=1)
                fix = f"did you mean {close[0]!r}?" if close else f"allowed fields: {', '.join(map(str, allowed))}"
                self.add(path + (key,), f"unknown field {key!r} in {what}", fix, "unknown_field")

    def required(self, mapping: dict, path, keys, what: str):
        for key in keys:
            if key not in mapping or mapping[key] is None:   # the field's own line if it is there but empty
                self.add(path + (key,), f"{what} is missing the required field {key!r}",
                         f"add `{key}:` (see scenarios/_example.yaml)", "missing_field")
