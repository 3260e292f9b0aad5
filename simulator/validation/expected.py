"""The expected handling (flags, not_applicable, escalation route, promises, key behaviours) and the points a
crisis holding statement must cover or avoid, with the wordings that show each."""
from __future__ import annotations

from simulator.criteria import CRITERIA, NEVER_NOT_APPLICABLE
from simulator.validation.schema import (
    EXPECTED_FIELDS,
    EXPECTED_FLAGS,
    FLAG_CRITERION,
    ID_PATTERN,
    KEY_BEHAVIOUR_FIELDS,
    POINT_FIELDS,
)
from simulator.validation.templates import TemplateChecks


class ExpectedChecks(TemplateChecks):
    def check_expected(self, exp, path, *, partial=False, variables: set[str] | None = None):
        c = self.c
        variables = self.variables if variables is None else variables
        if not c.typed(exp, path, dict, "a mapping"):
            return
        c.known_keys(exp, path, EXPECTED_FIELDS, "expected")
        if not partial:
            c.required(exp, path, ("take_private", "escalate"), "expected")
        for flag in EXPECTED_FLAGS:
            if flag in exp:
                c.typed(exp[flag], path + (flag,), bool, "true or false")
        na = self.check_not_applicable(exp.get("not_applicable") or [], path + ("not_applicable",))
        for flag, crit in FLAG_CRITERION.items():
            if exp.get(flag) is True and crit in na:
                c.add(path + ("not_applicable",), f"{flag} is true but {crit!r} is listed as not applicable",
                      f"remove {crit!r} from not_applicable or set {flag}: false", "contradiction")
        if exp.get("escalate") is True and not exp.get("escalation_route"):
            c.add(path + ("escalate",), "escalate is true but no escalation_route is given",
                  "add e.g. `escalation_route: the complaints team`", "missing_field")
        for key in ("escalation_route", "resolution"):
            if exp.get(key) is not None and c.typed(exp[key], path + (key,), str, "a text"):
                self.template(exp[key], path + (key,), variables, public=False)
        for key in ("may_promise", "must_not_promise"):
            for i, text in enumerate(self.strings(exp.get(key), path + (key,))):
                self.template(text, path + (key, i), variables, public=False)
        if exp.get("key_behaviours") is not None:
            self.check_key_behaviours(exp["key_behaviours"], path + ("key_behaviours",), variables)

    def check_not_applicable(self, na, path) -> list:
        """The criterion keys listed as not applicable ([] if the list itself is of the wrong type)."""
        c = self.c
        if not c.typed(na, path, list, "a list of criterion keys"):
            return []
        for i, key in enumerate(na):
            if c.typed(key, path + (i,), str, "a criterion key") and \
                    c.one_of(key, path + (i,), list(CRITERIA), "criterion key"):
                if key in NEVER_NOT_APPLICABLE:
                    c.add(path + (i,), f"{key!r} always applies",
                          f"remove {key!r} from not_applicable", "criterion_always_applies")
        return na

    def check_wordings(self, value, path, variables: set[str]):
        """`shown_by`: one or more wordings that show the behaviour (the scorer matches their meaning)."""
        texts = [value] if isinstance(value, str) else value
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) and t.strip() for t in texts):
            self.c.add(path, "should be a list of wordings that show it",
                       "write one `- wording` per line, as a learner might say it", "wrong_type")
            return
        for i, text in enumerate(texts):
            self.template(text, path + (i,), variables, public=False)

    def check_key_behaviours(self, items, path, variables: set[str]):
        c = self.c
        if not c.typed(items, path, list, "a list of key behaviours (id, do, shown_by)"):
            return
        seen: set[str] = set()
        for i, item in enumerate(items):
            p = path + (i,)
            if not c.typed(item, p, dict, "a key behaviour (id, do, shown_by)"):
                continue
            c.known_keys(item, p, KEY_BEHAVIOUR_FIELDS, "a key behaviour")
            c.required(item, p, ("id", "do", "shown_by"), "the key behaviour")
            ident = item.get("id")
            if ident is not None and c.typed(ident, p + ("id",), str, "a kebab-case id"):
                if not ID_PATTERN.match(ident):
                    c.add(p + ("id",), f"id {ident!r} is not kebab-case", "use lower-case words joined by hyphens",
                          "bad_id")
                elif ident in seen:
                    c.add(p + ("id",), f"key behaviour id {ident!r} is used twice", "give each one its own id",
                          "duplicate_field")
                seen.add(ident)
            if "do" in item and c.typed(item["do"], p + ("do",), str, "a text (what the learner should do)"):
                self.template(item["do"], p + ("do",), variables, public=False)
            if "shown_by" in item:
                self.check_wordings(item["shown_by"], p + ("shown_by",), variables)
            if "avoid" in item:
                c.typed(item["avoid"], p + ("avoid",), bool, "true or false")

    def check_points(self, key, items, path):
        """A holding statement's must_cover / must_not: texts, or mappings with `point` and `shown_by`."""
        c = self.c
        if items is None:
            return
        if not c.typed(items, path, list, "a list of points"):
            return
        for i, item in enumerate(items):
            p = path + (i,)
            if isinstance(item, str):
                self.template(item, p, self.variables, public=False)
                continue
            if not c.typed(item, p, dict, "a point: a text, or a mapping with point and shown_by"):
                continue
            c.known_keys(item, p, POINT_FIELDS[key], "a point")
            c.required(item, p, ("point",), "the point")
            if "point" in item and c.typed(item["point"], p + ("point",), str, "a text"):
                self.template(item["point"], p + ("point",), self.variables, public=False)
            if "shown_by" in item:
                self.check_wordings(item["shown_by"], p + ("shown_by",), self.variables)
            if "safety" in item:
                c.typed(item["safety"], p + ("safety",), bool, "true or false")
