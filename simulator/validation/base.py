"""What every check of one scenario file shares: the file's data, its Checker, and what the walk has learned so
far (the platforms played, the variables declared and the slots used), with the two checks every part of the file
uses (a list of texts, a channel). The checks of each part are mixins built on this (simulator/validation/)."""
from __future__ import annotations

from simulator.platforms import PLATFORMS
from simulator.validation.checker import Checker


def as_mapping(value) -> dict:
    return value if isinstance(value, dict) else {}   # a wrong type is reported where the field is checked


class ValidatorBase:
    def __init__(self, data: dict, stem: str, check: Checker):
        self.d, self.stem, self.c = data, stem, check
        self.platforms: list[str] = []
        self.variables: set[str] = set()
        self.public_platform = False
        self.used: set[str] = set()
        self.declared: dict[str, tuple] = {}
        self.case_fields: dict[str, set[str]] = {}   # linked variables: name -> the fields every case has

    def strings(self, value, path, what="a list of texts") -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.c.add(path, f"should be {what}", "write one `- item` per line", "wrong_type")
            return []
        return value

    def check_channel(self, value, path, platforms):
        if not self.c.typed(value, path, str, "a channel name (public, private or chat)"):
            return False
        for p in platforms:
            if value not in PLATFORMS[p].channels:
                c_list = ", ".join(PLATFORMS[p].channels)
                self.c.add(path, f"{PLATFORMS[p].label} has no {value!r} channel",
                           f"use one of: {c_list}", "unknown_channel")
                return False
        return True
