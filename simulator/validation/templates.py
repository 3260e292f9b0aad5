"""Template texts and their slots: each `{slot}` must be a built-in slot or a declared variable (a linked
variable's `{name.field}` one of its fields), personal slots stay out of public posts, and a customer's words
must differ between seeds."""
from __future__ import annotations

import difflib
import re
import string

from simulator.personas import PERSONAL_SLOTS, PUBLIC_SAFE_SLOTS, SLOTS
from simulator.validation.base import ValidatorBase


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


class TemplateChecks(ValidatorBase):
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
