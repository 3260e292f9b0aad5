"""Checking a scenario file's content: every problem at once, each with its file, line, field, what is wrong
and how to fix it (simulator.errors.Problem). `validate()` is the one entry; loader.py reads the YAML and builds
Scenarios from what passes.

Over 500 lines on purpose: it is one walk over one file, and its checks share what that walk has learned (the
variables declared and the slots used, the platforms played); split apart, that state would be passed around.

Hand-written rather than declarative (pydantic and the like were considered): most checks here are across fields
(a flag against not_applicable, a template slot against the variables of that customer, a channel against the
platforms played), and each message names the field's own line and a fix in the author's words, which a
schema library's errors would need a translation layer as large as these checks to keep.
"""
from __future__ import annotations

import difflib
import re
import string

import yaml

from simulator.brands import BRANDS
from simulator.catalogue import (
    CATEGORIES,
    CUSTOMER_TEXT_FIELDS,
    DIFFICULTIES,
    EXERCISE_TYPES,
    MOODS,
    NEEDS,
    REACTION_KEYS,
)
from simulator.criteria import CRITERIA, NEVER_NOT_APPLICABLE
from simulator.errors import Problem, internal_problem
from simulator.fixes import gives_fix
from simulator.fixes import problems as fix_problems
from simulator.personas import PERSONAL_SLOTS, PUBLIC_SAFE_SLOTS, SLOTS
from simulator.platforms import PLATFORMS
from simulator.tools import on_screen_text

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NUMBER = (int, float)

# --------------------------------------------------------------------------------------------- YAML + lines

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


# ------------------------------------------------------------------------------------------------- schema

TOP_LEVEL = {
    "id": "the scenario id, equal to the file name without .yaml",
    "version": "an optional integer the author bumps on a big change",
    "title": "a short title", "category": "the kind of situation", "difficulty": "easy, medium or hard",
    "exercise_type": "what the learner does", "platforms": "where it happens", "brand": "the fictional brand",
    "sla_minutes": "the response-time target", "brief": "what the learner is told",
    "tutor_notes": "notes for tutors only", "variables": "named lists of values picked per seed",
    "customer": "the customer (single-customer exercises)", "customers": "the customers (live chat)",
    "facts": "what the learner may rely on", "expected": "the expected handling",
    "queue": "triage: the posts in priority order", "crisis": "crisis: the burst and the holding statement",
    "triage": "triage: the pick lists (routes, actions, tags) each post's decisions come from",
}
CUSTOMER_FIELDS = ("id", "mood", "patience", "needs", "persona_notes", "messages", "details", "clarification",
                   "verification", "followups", "posts_personal_data_publicly", "variables", "facts", "expected",
                   "crm", "fix", "verify_with")
MESSAGE_FIELDS = ("text", "channel", "at_minute")
EXPECTED_FIELDS = ("not_applicable", "take_private", "escalate", "escalation_route", "clarify", "verify_identity",
                   "may_promise", "must_not_promise", "resolution", "holding_statement", "key_behaviours")
KEY_BEHAVIOUR_FIELDS = ("id", "do", "shown_by", "avoid")
POINT_FIELDS = {"must_cover": ("point", "shown_by", "safety"), "must_not": ("point", "shown_by")}
EXPECTED_FLAGS = ("take_private", "escalate", "clarify", "verify_identity")
FLAG_CRITERION = {"take_private": "take_private", "escalate": "escalation", "clarify": "clarify"}
CRM_FIELDS = ("query_type", "resolution_keywords", "follow_up", "follow_up_keywords")
QUEUE_FIELDS = ("id", "text", "platform", "channel", "at_minute", "why", "critical", "posts_personal_data_publicly",
                "route", "action", "tags")
TRIAGE_LISTS = ("routes", "actions", "tags")
DECISIONS = {"route": "routes", "action": "actions"}
CRISIS_FIELDS = ("platform", "incident", "burst", "holding_statement", "waves", "fix")
BURST_FIELDS = ("text", "at_minute", "author", "channel")
HOLDING_FIELDS = ("must_cover", "must_not", "channel")
WAVE_KEYS = ("calmer", "worse")


def template_slots(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def slot_parts(name: str) -> tuple[str, str | None]:
    """'fault.symptom' -> ('fault', 'symptom'); 'name' -> ('name', None); 'x[0]' -> ('x', '[0]')."""
    match = re.match(r"^([^.\[]*)(?:\.(\w+)|(\[.*))?$", name)
    if not match:
        return name, "?"
    return match.group(1), match.group(2) or match.group(3)


def _plain(value) -> bool:
    """A value a variable may hold: a text or a number (a YAML yes/no is a bool: not one of them)."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}   # a wrong type is reported where the field is checked


def default_channel(platform: str) -> str:
    return next(iter(PLATFORMS[platform].channels))


class ScenarioValidator:
    def __init__(self, data: dict, stem: str, check: Checker):
        self.d, self.stem, self.c = data, stem, check
        self.platforms: list[str] = []
        self.variables: set[str] = set()
        self.public_platform = False
        self.used: set[str] = set()
        self.declared: dict[str, tuple] = {}
        self.case_fields: dict[str, set[str]] = {}   # linked variables: name -> the fields every case has

    # -- helpers
    def texts(self, value, path) -> list[tuple[tuple, str]]:
        """The template(s) in a text field, each with its path; reports a wrong type."""
        if isinstance(value, str):
            return [(path, value)]
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return [(path + (i,), v) for i, v in enumerate(value)]
        self.c.add(path, f"should be a text or a list of alternative texts, not {value!r}"[:160],
                   "write the message in quotes, or a list of alternatives each starting with `- `", "wrong_type")
        return []

    def template(self, value, path, variables: set[str], *, public: bool, personal_ok: bool = False):
        for p, text in self.texts(value, path):
            try:
                names = template_slots(text)
            except ValueError as exc:
                self.c.add(p, f"broken template ({exc})",
                           "close every `{` with `}`; write `{{` or `}}` for a literal brace", "bad_template")
                continue
            for full in names:
                name, part = slot_parts(full)
                self.used.add(name)
                fields = self.case_fields.get(name)
                if name in variables and (fields is not None or part is not None):
                    if fields is None or part is None or part not in fields:
                        self.c.add(p, f"slot {{{full}}} does not name a field of the variable {name!r}",
                                   f"write {{{name}.<field>}} with one of: {', '.join(sorted(fields or ())) or '-'}"
                                   if fields else f"write {{{name}}}: it is a plain list of values",
                                   "bad_template_slot")
                    continue
                if part is not None and name in SLOTS:
                    self.c.add(p, f"slot {{{full}}}: {{{name}}} has no fields", f"write {{{name}}}",
                               "bad_template_slot")
                    continue
                if name not in SLOTS and name not in variables:
                    known = sorted(set(SLOTS) | variables)
                    close = difflib.get_close_matches(name, known, n=1)
                    self.c.add(p, f"unknown template slot {{{name}}}",
                               (f"did you mean {{{close[0]}}}? " if close else "") +
                               f"use a slot ({', '.join(sorted(SLOTS))}) or declare it under `variables:`",
                               "bad_template_slot")
                elif public and not personal_ok and name in PERSONAL_SLOTS - PUBLIC_SAFE_SLOTS:
                    self.c.add(p, f"slot {{{name}}} puts personal data in a public post",
                               "move it to `details:` (sent privately), or set "
                               "`posts_personal_data_publicly: true` if that is the point of the scenario",
                               "personal_data_in_public")

    def varies(self, value, path):
        """A customer's words must differ between seeds: one text with no slot is what every learner sees."""
        if isinstance(value, str):
            try:
                slots = template_slots(value)
            except ValueError:
                return   # reported by template()
            if not slots:
                self.c.add(path, "every learner sees exactly this text: it has no alternatives and no slot",
                           "give two or three alternative wordings (a list), or use slots such as {weekday} or your "
                           "own `variables:`", "same_every_seed")

    def strings(self, value, path, what="a list of texts") -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.c.add(path, f"should be {what}", "write one `- item` per line", "wrong_type")
            return []
        return value

    # -- top level
    def run(self):
        d, c = self.d, self.c
        c.known_keys(d, (), TOP_LEVEL, "the scenario")
        c.required(d, (), ("id", "title", "category", "difficulty", "exercise_type", "platforms", "brand",
                           "sla_minutes", "brief"), "the scenario")
        self.check_id()
        self.check_top_fields()
        self.check_platforms()
        self.variables = self.check_variables(d.get("variables"), ("variables",))
        etype = d.get("exercise_type")
        spec = None
        if etype is not None and c.one_of(etype, ("exercise_type",), list(EXERCISE_TYPES), "exercise type"):
            spec = EXERCISE_TYPES[etype]
        if "facts" in d:
            self.check_facts(d["facts"], ("facts",), self.variables)
        if "expected" in d:
            self.check_expected(d["expected"], ("expected",))
        if spec is not None:
            self.check_shape(spec)
            self.check_brief_tools()
        for name, path in self.declared.items():
            if name not in self.used:
                c.add(path, f"variable {name!r} is declared but no text uses it",
                      f"use {{{name}}} in a message, or remove it", "unused_variable")

    def check_id(self):
        d, c = self.d, self.c
        if "id" in d and c.typed(d["id"], ("id",), str, "a text"):
            if not ID_PATTERN.match(d["id"]):
                c.add(("id",), f"id {d['id']!r} is not kebab-case", "use lower-case words joined by hyphens, "
                      "e.g. late-parcel-twitter", "bad_id")
            if d["id"] != self.stem:
                c.add(("id",), f"id {d['id']!r} does not match the file name {self.stem!r}",
                      f"rename the file to {d['id']}.yaml or set `id: {self.stem}`", "id_mismatch")

    def check_top_fields(self):
        d, c = self.d, self.c
        for key in ("title", "brief", "tutor_notes"):
            if key in d:
                c.typed(d[key], (key,), str, "a text")
        if "version" in d:
            c.typed(d["version"], ("version",), int, "a whole number")
        if "category" in d and c.typed(d["category"], ("category",), str, "a text"):
            c.one_of(d["category"], ("category",), list(CATEGORIES), "category")
        if "difficulty" in d:
            c.one_of(d["difficulty"], ("difficulty",), DIFFICULTIES, "difficulty")
        if "brand" in d:
            c.one_of(d["brand"], ("brand",), list(BRANDS), "brand")
        if "sla_minutes" in d and c.typed(d["sla_minutes"], ("sla_minutes",), _NUMBER, "a number of minutes"):
            if d["sla_minutes"] <= 0:
                c.add(("sla_minutes",), "the response-time target must be above zero", "e.g. `sla_minutes: 60`")

    def check_platforms(self):
        d, c = self.d, self.c
        plats = d.get("platforms")
        if isinstance(plats, str):
            plats = [plats]
        if plats is not None and c.typed(plats, ("platforms",), list, "a list of platforms"):
            if not plats:
                c.add(("platforms",), "no platform given", "list at least one of: " + ", ".join(PLATFORMS))
            for i, p in enumerate(plats):
                if c.one_of(p, ("platforms", i), list(PLATFORMS), "platform"):
                    self.platforms.append(p)
        self.public_platform = any("public" in PLATFORMS[p].channels for p in self.platforms)

    def check_variables(self, value, path) -> set[str]:
        if value is None:
            return set()
        if not self.c.typed(value, path, dict, "a mapping of name: [values]"):
            return set()
        names = set()
        for name, values in value.items():
            if not isinstance(name, str) or not name.isidentifier():
                self.c.add(path + (name,), f"variable name {name!r} is not usable in a template",
                           "use letters, digits and underscores, e.g. `product`")
                continue
            if name in SLOTS:
                self.c.add(path + (name,), f"variable {name!r} hides the built-in slot of the same name",
                           "rename the variable")
            if isinstance(values, list) and values and all(isinstance(v, dict) for v in values):
                # A linked variable: each case is a mapping, picked whole ({item.product} with {item.price}).
                keys = [set(v) for v in values]
                if not all(isinstance(k, str) and k.isidentifier() for v in values for k in v) or \
                        not all(_plain(x) for v in values for x in v.values()):
                    self.c.add(path + (name,), f"variable {name!r}: each case should map field names to values",
                               "write e.g. `- {product: Aero 5 air fryer, price: £89.99}`", "wrong_type")
                elif any(k != keys[0] for k in keys):
                    self.c.add(path + (name,), f"the cases of variable {name!r} do not all have the same fields",
                               f"give every case the fields {', '.join(sorted(set().union(*keys)))}", "wrong_type")
                self.case_fields[name] = set().union(*keys)
            elif not isinstance(values, list) or not values or not all(_plain(v) for v in values):
                self.c.add(path + (name,), f"variable {name!r} should be a non-empty list of values",
                           "write e.g. `product: [air fryer, toaster]` (quote yes/no/true/false), or a list of "
                           "cases whose fields belong together: `- {product: toaster, price: £39.99}`", "wrong_type")
            names.add(name)
            self.declared.setdefault(name, path + (name,))
        return names

    def check_facts(self, facts, path, variables):
        if not self.c.typed(facts, path, dict, "a mapping (policy, order, knowledge_base...)"):
            return
        for key, value in facts.items():
            p = path + (key,)
            if key == "policy":
                for i, line in enumerate(self.strings(value, p, "a list of policy lines")):
                    self.template(line, p + (i,), variables, public=False)
            elif key == "knowledge_base":
                self.check_knowledge_base(value, p, variables)
            elif isinstance(value, dict):
                for k, v in value.items():
                    if isinstance(v, str):
                        self.template(v, p + (k,), variables, public=False)
                    elif not isinstance(v, (int, float, bool)) and v is not None:
                        self.c.add(p + (k,), "a fact should be a text or a number", "write one value", "wrong_type")
            elif isinstance(value, list):
                for i, line in enumerate(self.strings(value, p)):
                    self.template(line, p + (i,), variables, public=False)
            elif isinstance(value, str):
                self.template(value, p, variables, public=False)
            else:
                self.c.add(p, "facts should be texts, lists or mappings", "see scenarios/_example.yaml", "wrong_type")

    def check_knowledge_base(self, value, p, variables):
        if not self.c.typed(value, p, list, "a list of {title, text} entries"):
            return
        for i, entry in enumerate(value):
            if self.c.typed(entry, p + (i,), dict, "a {title, text} entry"):
                self.c.known_keys(entry, p + (i,), ("title", "text"), "a knowledge-base entry")
                self.c.required(entry, p + (i,), ("title", "text"), "a knowledge-base entry")
                for k in ("title", "text"):
                    if entry.get(k) is not None and self.c.typed(entry[k], p + (i, k), str, "a text"):
                        self.template(entry[k], p + (i, k), variables, public=False)

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

    def check_shape(self, spec):
        d, c = self.d, self.c
        customers = self.customers()
        n = len(customers)
        self.check_customer_count(spec, n)
        if spec.max_customers and "expected" not in d:
            c.add(("expected",), "the scenario is missing the required field 'expected'",
                  "add `expected:` with at least take_private and escalate", "missing_field")
        if spec.max_customers and spec.key != "live_chat" and "facts" not in d:
            c.add(("facts",), "the scenario is missing the required field 'facts'",
                  "add `facts:` (policy, order, knowledge_base) the learner may rely on", "missing_field")
        ids = set()
        for path, cust in customers:
            if isinstance(cust, dict):
                self.check_customer(cust, path, spec, multi=n > 1)
                cid = cust.get("id", "customer")
                if not isinstance(cid, str):   # a wrong type is reported by check_customer
                    continue
                if cid in ids:
                    c.add(path + ("id",), f"two customers share the id {cid!r}", "give each customer its own id")
                ids.add(cid)
            else:
                c.typed(cust, path, dict, "a customer mapping")
        self.check_blocks_of(spec)

    def customers(self) -> list[tuple[tuple, object]]:
        """(path, customer) for `customer:` or each of `customers:`."""
        d, c = self.d, self.c
        customers: list[tuple[tuple, object]] = []
        if "customer" in d and "customers" in d:
            c.add(("customers",), "both `customer` and `customers` are given", "keep one of them", "contradiction")
        if "customer" in d:
            if c.typed(d["customer"], ("customer",), dict, "a mapping"):
                customers = [(("customer",), d["customer"])]
        elif "customers" in d:
            if c.typed(d["customers"], ("customers",), list, "a list of customers"):
                customers = [(("customers", i), cust) for i, cust in enumerate(d["customers"])]
        return customers

    def check_customer_count(self, spec, n: int):
        d, c = self.d, self.c
        if not spec.min_customers <= n <= spec.max_customers:
            if spec.max_customers == 0:
                c.add(("customers" if "customers" in d else "customer",),
                      f"a {spec.key} exercise has no single customer",
                      "remove the customer block; describe the posts under " +
                      ("`queue:`" if spec.needs_queue else "`crisis: burst:`"), "wrong_shape")
            else:
                want = (f"{spec.min_customers}" if spec.min_customers == spec.max_customers
                        else f"{spec.min_customers} to {spec.max_customers}")
                c.add(("customers" if n > 1 or "customers" in d else "customer",),
                      f"a {spec.key} exercise needs {want} customer(s), found {n}",
                      "use `customer:` for one customer, `customers:` (a list) for live chat", "wrong_shape")

    def check_blocks_of(self, spec):
        """`queue` for triage and `crisis` for crisis exercises, and neither anywhere else."""
        d, c = self.d, self.c
        if spec.needs_queue:
            self.check_queue(d.get("queue"))
        elif "queue" in d:
            c.add(("queue",), f"`queue` is only for triage, not {spec.key}", "remove it", "wrong_shape")
        if spec.needs_crisis:
            self.check_crisis(d.get("crisis"))
        elif "crisis" in d:
            c.add(("crisis",), f"`crisis` is only for crisis exercises, not {spec.key}", "remove it", "wrong_shape")

    def check_fix(self, cust, path, expected, *, what="the customer", example="`- [refund|replac]`"):
        """`fix`: what a reply must give before the problem counts as fixed (a crisis: the action people must
        take). Every customer with a problem to fix needs one, or a kind reply that skips it would still do."""
        spec = cust.get("fix")
        if spec is None:
            if expected.get("escalate") is not True and self.d.get("category") != "positive_feedback":
                self.c.add(path + ("fix",), f"{what} has no `fix`: a kind reply that never gives the answer "
                           "would still satisfy them", f"add `fix:` with the words a reply must use, e.g. {example} "
                           "(each line is one way to fix it; `|` separates options)", "missing_field")
            return
        for problem in fix_problems(spec):
            self.c.add(path + ("fix",), f"`fix` {problem}", "write e.g. `fix: [[refund|replac], [update]]`",
                       "wrong_type")
        if not fix_problems(spec):
            variables = self.variables | set((cust.get("variables") or {}) if isinstance(cust.get("variables"), dict)
                                             else ())
            for i, alt in enumerate(spec):
                for j, term in enumerate([alt] if isinstance(alt, str) else alt):
                    self.template(term, path + ("fix", i, j), variables, public=False)

    def check_on_screen(self, owner, path, facts, expected):
        """What the expected handling needs must be in the facts the Agent tools show (simulator/tools.py): one
        way of the `fix` and the escalation route, for every case of the variables they use (issue 16.1).
        Reported at the facts (`path`): they are what lacks it."""
        spec = owner.get("fix")
        route = expected.get("escalation_route") if expected.get("escalate") is True else None
        if not isinstance(facts, dict) or (fix_problems(spec) and spec is not None) or \
                (spec is None and not isinstance(route, str)):
            return
        variables = {**_mapping(self.d.get("variables")), **_mapping(owner.get("variables"))}
        try:
            text = on_screen_text(facts)
        except (AttributeError, TypeError):   # a wrongly typed fact: reported by check_facts
            return
        needs = [t for alt in (spec or []) for t in ([alt] if isinstance(alt, str) else alt)]
        for case in _cases(variables, needs + [route or ""]):
            shown = _fill(text, case)
            if spec is not None and not gives_fix([[_fill(t, case) for t in ([a] if isinstance(a, str) else a)]
                                                   for a in spec], shown):
                ways = "; ".join(" + ".join(_fill(t, case) for t in ([a] if isinstance(a, str) else a))
                                 for a in spec)
                self.c.add(path, f"the fix ({ways}) is nowhere in the facts the learner sees, so "
                           "they cannot know it", "add a policy or knowledge_base line that says it (every fact "
                           "is shown under Agent tools)", "fix_not_on_screen")
                return
            if route and _bare(_fill(route, case)).lower() not in shown.lower():
                self.c.add(path, f"the escalation route ({route}) is nowhere "
                           "in the facts the learner sees", "add a policy line that names it, e.g. `Compensation "
                           "beyond policy goes to the Customer Relations team.`", "route_not_on_screen")
                return

    def check_brief_tools(self):
        """A brief that sends the learner to the knowledge base needs one on screen."""
        brief = self.d.get("brief")
        if not isinstance(brief, str) or "knowledge base" not in brief.lower():
            return
        groups = [self.d.get("facts")] + [c.get("facts") for _, c in self.customers() if isinstance(c, dict)]
        if not any(isinstance(g, dict) and g.get("knowledge_base") for g in groups):
            self.c.add(("brief",), "the brief sends the learner to the knowledge base, but no facts have a "
                       "`knowledge_base`", "add `knowledge_base:` entries under `facts:` (the scenario's or the "
                       "customer's)", "kb_not_on_screen")

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

    def check_customer(self, cust, path, spec, *, multi):
        self.check_customer_fields(cust, path, multi=multi)
        personal_ok = cust.get("posts_personal_data_publicly") is True
        variables = self.variables | self.check_variables(cust.get("variables"), path + ("variables",))
        if "facts" in cust:
            self.check_facts(cust["facts"], path + ("facts",), variables)
        if "expected" in cust:
            self.check_expected(cust["expected"], path + ("expected",), partial=True, variables=variables)
        expected = {**_mapping(self.d.get("expected")), **_mapping(cust.get("expected"))}
        msgs = cust.get("messages")
        if msgs is not None and self.c.typed(msgs, path + ("messages",), list, "a list of messages"):
            self.check_messages(msgs, path + ("messages",), variables, personal_ok=personal_ok)
        for key in CUSTOMER_TEXT_FIELDS:
            if cust.get(key) is not None:
                self.template(cust[key], path + (key,), variables, public=False)
                self.varies(cust[key], path + (key,))
        self.check_texts_expected_of(cust, path, expected)
        self.check_fix(cust, path, expected)
        self.check_on_screen(cust, path + ("facts",) if "facts" in cust else ("facts",),
                             cust["facts"] if "facts" in cust else self.d.get("facts"), expected)
        self.check_verify_with(cust, path, expected)
        fu = cust.get("followups")
        if fu is not None and self.c.typed(fu, path + ("followups",), dict, "a mapping of reaction: text(s)"):
            self.c.known_keys(fu, path + ("followups",), REACTION_KEYS, "followups")
            for key, value in fu.items():
                if key in REACTION_KEYS:
                    self.template(value, path + ("followups", key), variables,
                                  public=self.public_platform, personal_ok=personal_ok)
        if spec.needs_crm:
            self.check_crm(cust.get("crm"), path + ("crm",), variables)
        elif "crm" in cust:
            self.c.add(path + ("crm",), f"`crm` is only for live chat, not {spec.key}", "remove it", "wrong_shape")

    def check_customer_fields(self, cust, path, *, multi):
        c = self.c
        c.known_keys(cust, path, CUSTOMER_FIELDS, "a customer")
        c.required(cust, path, ("mood", "patience", "messages") + (("id",) if multi else ()), "the customer")
        if "id" in cust and c.typed(cust["id"], path + ("id",), str, "a text") and not ID_PATTERN.match(cust["id"]):
            c.add(path + ("id",), f"customer id {cust['id']!r} is not kebab-case", "e.g. `id: broadband-down`",
                  "bad_id")
        if "mood" in cust:
            c.one_of(cust["mood"], path + ("mood",), MOODS, "mood")
        if "patience" in cust and c.typed(cust["patience"], path + ("patience",), int, "a whole number from 1 to 6"):
            if not 1 <= cust["patience"] <= 6:
                c.add(path + ("patience",), f"patience {cust['patience']} is out of range",
                      "use 1 (gives up at once) to 6 (very patient)")
        for i, need in enumerate(self.strings(cust.get("needs"), path + ("needs",), "a list of needs")):
            c.one_of(need, path + ("needs", i), list(NEEDS), "need")
        if cust.get("persona_notes") is not None:
            c.typed(cust["persona_notes"], path + ("persona_notes",), str, "a text")
        if "posts_personal_data_publicly" in cust:
            c.typed(cust["posts_personal_data_publicly"], path + ("posts_personal_data_publicly",), bool,
                    "true or false")

    def check_messages(self, msgs, path, variables, *, personal_ok):
        c = self.c
        if not msgs:
            c.add(path, "the customer has no message", "add at least one message")
        last = -1.0
        for i, msg in enumerate(msgs):
            mp = path + (i,)
            if isinstance(msg, str):
                msg = {"text": msg}
            if not c.typed(msg, mp, dict, "a message (text, channel, at_minute)"):
                continue
            c.known_keys(msg, mp, MESSAGE_FIELDS, "a message")
            c.required(msg, mp, ("text",), "the message")
            channel = msg.get("channel") or (default_channel(self.platforms[0]) if self.platforms else "public")
            self.check_channel(channel, mp + ("channel",), self.platforms)
            at = msg.get("at_minute", 0 if i == 0 else last)
            if c.typed(at, mp + ("at_minute",), _NUMBER, "a number of minutes"):
                if at < 0:
                    c.add(mp + ("at_minute",), "a message cannot come before minute 0",
                          "count minutes from the start of the exercise: 0 or more")
                elif at < last:
                    c.add(mp + ("at_minute",), "messages go back in time", "list messages in time order")
                last = max(last, at)
            if "text" in msg:
                self.template(msg["text"], mp + ("text",), variables, public=channel == "public",
                              personal_ok=personal_ok)
                self.varies(msg["text"], mp + ("text",))

    def check_texts_expected_of(self, cust, path, expected):
        """What the expected handling asks of the customer (details when taken private...) must be written."""
        needs_text = {"details": expected.get("take_private") is True,
                      "clarification": expected.get("clarify") is True,
                      "verification": expected.get("verify_identity") is True}
        for key, needed in needs_text.items():
            if needed and cust.get(key) is None:
                self.c.add(path + (key,), f"the expected handling needs the customer's `{key}` but none is written",
                           f"add `{key}:` with what the customer says then", "missing_field")

    def check_verify_with(self, cust, path, expected):
        if cust.get("verify_with") is None:
            return
        for problem in fix_problems(cust["verify_with"]):
            self.c.add(path + ("verify_with",), f"`verify_with` {problem}", "write e.g. `verify_with: [[passcode]]`",
                       "wrong_type")
        if expected.get("verify_identity") is not True:
            self.c.add(path + ("verify_with",), "`verify_with` is given but the customer needs no identity check",
                       "set `verify_identity: true` in expected, or remove `verify_with`", "contradiction")

    def check_crm(self, crm, path, variables):
        c = self.c
        if crm is None:
            c.add(path, "a live-chat customer needs the expected CRM record",
                  "add `crm:` with query_type, resolution_keywords and follow_up", "missing_field")
            return
        if not c.typed(crm, path, dict, "a mapping"):
            return
        c.known_keys(crm, path, CRM_FIELDS, "crm")
        c.required(crm, path, ("query_type", "resolution_keywords", "follow_up"), "crm")
        qt = crm.get("query_type")
        if isinstance(qt, str):
            self.template(qt, path + ("query_type",), variables, public=False)
        elif qt is not None:
            for i, text in enumerate(self.strings(qt, path + ("query_type",),
                                                  "a query type or a list of accepted ones")):
                self.template(text, path + ("query_type", i), variables, public=False)
        for key in ("resolution_keywords", "follow_up_keywords"):
            for i, text in enumerate(self.strings(crm.get(key), path + (key,))):
                self.template(text, path + (key, i), variables, public=False)
        if "follow_up" in crm:
            c.typed(crm["follow_up"], path + ("follow_up",), bool, "true or false")

    def check_queue(self, queue):
        c = self.c
        if queue is None:
            c.add(("queue",), "a triage scenario needs a `queue`", "list 8 to 12 posts, most urgent first",
                  "missing_field")
            return
        if not c.typed(queue, ("queue",), list, "a list of posts, most urgent first"):
            return
        if not 8 <= len(queue) <= 12:
            c.add(("queue",), f"a triage queue needs 8 to 12 posts, found {len(queue)}",
                  "add or remove posts", "wrong_shape")
        ids: set[str] = set()
        lists = self.triage_lists()
        for i, item in enumerate(queue):
            p = ("queue", i)
            if c.typed(item, p, dict, "a post (id, text, platform, why)"):
                self.check_queue_post(item, p, ids)
                self.check_decisions(item, p, lists)

    def triage_lists(self) -> dict | None:
        """The `triage` block: the pick lists the learner assigns, tags and acts from (None when absent)."""
        block = self.d.get("triage")
        if block is None:
            return None
        if not self.c.typed(block, ("triage",), dict, "a mapping with routes, actions and tags"):
            return None
        self.c.known_keys(block, ("triage",), TRIAGE_LISTS, "triage")
        self.c.required(block, ("triage",), TRIAGE_LISTS, "triage")
        return {k: self.strings(block.get(k), ("triage", k), f"a list of {k}") for k in TRIAGE_LISTS}

    def check_decisions(self, item, p, lists):
        """With a `triage` block every post says its route, first action and tags, each from the lists."""
        given = [k for k in ("route", "action", "tags") if k in item]
        if lists is None:
            for k in given:
                self.c.add(p + (k,), f"`{k}` needs the scenario's `triage` block (routes, actions, tags)",
                           "add `triage:` with the pick lists, or remove the line", "missing_field")
            return
        self.c.required(item, p, ("route", "action", "tags"), "the queue post")
        for key, pick in DECISIONS.items():
            if isinstance(item.get(key), str) and item[key] not in lists[pick]:
                self.c.add(p + (key,), f"{key} {item[key]!r} is not in triage.{pick}",
                           f"use one of: {', '.join(lists[pick])}", "unknown_choice")
        for i, tag in enumerate(self.strings(item.get("tags"), p + ("tags",), "a list of tags")):
            if tag not in lists["tags"]:
                self.c.add(p + ("tags", i), f"tag {tag!r} is not in triage.tags",
                           f"use some of: {', '.join(lists['tags'])}", "unknown_choice")

    def check_queue_post(self, item, p, ids: set[str]):
        c = self.c
        c.known_keys(item, p, QUEUE_FIELDS, "a queue post")
        c.required(item, p, ("id", "text", "why"), "the queue post")
        if item.get("id") is not None and c.typed(item["id"], p + ("id",), str, "a post id, e.g. gas-smell"):
            if item["id"] in ids:
                c.add(p + ("id",), f"two posts share the id {item['id']!r}", "give each post its own id")
            ids.add(item["id"])
            if not ID_PATTERN.match(item["id"]):
                c.add(p + ("id",), f"post id {item['id']!r} is not kebab-case", "e.g. `id: gas-smell`", "bad_id")
        if "platform" in item and item["platform"] is None:
            c.add(p + ("platform",), "the post's platform is empty",
                  f"write one of: {', '.join(PLATFORMS)}, or remove the line to use the scenario's first",
                  "missing_field")
        plat = item["platform"] if "platform" in item else (self.platforms[0] if self.platforms else None)
        if plat is not None and c.typed(plat, p + ("platform",), str, "a platform name") and \
                c.one_of(plat, p + ("platform",), list(PLATFORMS), "platform"):
            channel = item.get("channel", default_channel(plat))
            self.check_channel(channel, p + ("channel",), [plat])
            if "text" in item:
                self.template(item["text"], p + ("text",), self.variables, public=channel == "public",
                              personal_ok=item.get("posts_personal_data_publicly") is True)
        if "why" in item:
            c.typed(item["why"], p + ("why",), str, "a text")
        for flag in ("critical", "posts_personal_data_publicly"):
            if flag in item:
                c.typed(item[flag], p + (flag,), bool, "true or false")
        if "at_minute" in item:
            c.typed(item["at_minute"], p + ("at_minute",), _NUMBER, "a number of minutes")

    def check_crisis(self, crisis):
        c = self.c
        if crisis is None:
            c.add(("crisis",), "a crisis scenario needs a `crisis` block",
                  "add `crisis:` with burst and holding_statement", "missing_field")
            return
        if not c.typed(crisis, ("crisis",), dict, "a mapping"):
            return
        c.known_keys(crisis, ("crisis",), CRISIS_FIELDS, "crisis")
        c.required(crisis, ("crisis",), ("incident", "burst", "holding_statement", "waves"), "crisis")
        played = self.crisis_platforms(crisis.get("platform"))
        if "incident" in crisis:
            self.template(crisis["incident"], ("crisis", "incident"), self.variables, public=False)
        burst = crisis.get("burst")
        if burst is not None and c.typed(burst, ("crisis", "burst"), list, "a list of posts"):
            self.check_burst(burst, played)
        hs = crisis.get("holding_statement")
        if hs is not None and c.typed(hs, ("crisis", "holding_statement"), dict, "a mapping"):
            c.known_keys(hs, ("crisis", "holding_statement"), HOLDING_FIELDS, "holding_statement")
            c.required(hs, ("crisis", "holding_statement"), ("must_cover",), "holding_statement")
            for key in ("must_cover", "must_not"):
                self.check_points(key, hs.get(key), ("crisis", "holding_statement", key))
            self.check_channel(hs.get("channel", "public"), ("crisis", "holding_statement", "channel"), played)
        self.check_fix(crisis, ("crisis",), {}, what="the crisis", example="`- [stop using|unplug]`")
        facts = self.d.get("facts")
        self.check_on_screen(crisis, ("facts",), {**(facts if isinstance(facts, dict) else {}),
                                                   "incident": crisis.get("incident")}, {})
        waves = crisis.get("waves")
        if waves is not None and c.typed(waves, ("crisis", "waves"), dict, "a mapping with calmer and worse"):
            c.known_keys(waves, ("crisis", "waves"), WAVE_KEYS, "waves")
            c.required(waves, ("crisis", "waves"), WAVE_KEYS, "waves")
            for key in WAVE_KEYS:
                if key in waves and c.typed(waves[key], ("crisis", "waves", key), list, "a list of posts"):
                    for i, text in enumerate(waves[key]):
                        self.template(text, ("crisis", "waves", key, i), self.variables, public=True)

    def crisis_platforms(self, plat) -> list[str]:
        """The platforms the crisis plays on: one of `platforms` per seed, like every exercise; `crisis.platform`
        pins one (none when that pin is itself wrong)."""
        c = self.c
        if plat is None:
            return list(self.platforms)
        if not (c.typed(plat, ("crisis", "platform"), str, "a platform name")
                and c.one_of(plat, ("crisis", "platform"), list(PLATFORMS), "platform")):
            return []
        if self.platforms and plat not in self.platforms:
            c.add(("crisis", "platform"), f"{plat!r} is not one of the scenario's platforms",
                  "add it to `platforms` or pick one listed there")
        elif set(self.platforms) - {plat}:
            others = ", ".join(p for p in self.platforms if p != plat)
            c.add(("platforms",), f"the crisis is pinned to {plat!r} (crisis.platform), so it is never played "
                  f"on {others}", f"remove {others} from `platforms`, or remove `crisis.platform` to play it "
                  "on each listed platform", "contradiction")
        return [plat]

    def check_burst(self, burst, played):
        c = self.c
        if len(burst) < 5:
            c.add(("crisis", "burst"), f"a crisis burst needs at least 5 posts, found {len(burst)}",
                  "add more posts", "wrong_shape")
        for i, post in enumerate(burst):
            p = ("crisis", "burst", i)
            if c.typed(post, p, dict, "a post (text, at_minute)"):
                c.known_keys(post, p, BURST_FIELDS, "a burst post")
                c.required(post, p, ("text",), "the burst post")
                channel = post.get("channel", "public")
                self.check_channel(channel, p + ("channel",), played)
                if "text" in post:
                    self.template(post["text"], p + ("text",), self.variables, public=channel == "public")
                if "at_minute" in post:
                    c.typed(post["at_minute"], p + ("at_minute",), _NUMBER, "a number of minutes")

_SLOT = re.compile(r"\{(\w+)(?:\.(\w+))?\}")


def _bare(route: str) -> str:
    """'the Customer Relations team' -> 'Customer Relations' (the facts may name it without article or 'team')."""
    return re.sub(r"\s+(?:team|department)$", "", re.sub(r"^(?:the|a|an)\s+", "", route.strip(), flags=re.I),
                  flags=re.I)


def _cases(variables: dict, texts: list[str], limit: int = 64) -> list[dict]:
    """Each combination of the values of the variables `texts` use (a name -> value or case mapping)."""
    names = sorted({m.group(1) for t in texts if isinstance(t, str) for m in _SLOT.finditer(t)} & set(variables))
    combos: list[dict] = [{}]
    for name in names:
        values = variables[name] if isinstance(variables[name], list) else []
        combos = [{**c, name: v} for c in combos for v in values][:limit] or combos
    return combos


def _fill(text: str, case: dict) -> str:
    """Put one case's values into a template's slots; other slots stay as written."""
    def one(m):
        value = case.get(m.group(1))
        if value is None:
            return m.group(0)
        if isinstance(value, dict):
            return str(value.get(m.group(2), m.group(0))) if m.group(2) else m.group(0)
        return m.group(0) if m.group(2) else str(value)
    return _SLOT.sub(one, text) if isinstance(text, str) else ""


def validate(data, stem: str, file: str, lines: LineMap) -> list[Problem]:
    """Every problem in a file's parsed content (`stem`: the file name without .yaml, which the id must equal)."""
    check = Checker(file, lines)
    for dup_path, line in lines.duplicates:
        check.problems.append(Problem(file, dotted(dup_path), f"the field {dup_path[-1]!r} is given twice",
                                      "keep one of them (YAML silently keeps the last)", line, "duplicate_field"))
    if not isinstance(data, dict):
        check.add((), "the file is not a scenario mapping" + (" (it is empty)" if data is None else ""),
                  "start from scenarios/_example.yaml: `id: ...`, `title: ...` at the left margin", "not_a_mapping")
        return check.problems
    try:
        ScenarioValidator(data, stem, check).run()
    # a check this file's shape was not expected by: report it, never crash the library
    except Exception as exc:   # noqa: BLE001
        check.problems.append(internal_problem(file, "checking", exc))
    return sorted(check.problems, key=lambda p: p.line or 0)
