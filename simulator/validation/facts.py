"""Facts (policy, knowledge base, order details...), each customer's `fix`, and what the expected handling needs
being in the facts the learner sees under Agent tools (the fix and the escalation route, for every case)."""
from __future__ import annotations

import re

from simulator.fixes import gives_fix
from simulator.fixes import problems as fix_problems
from simulator.tools import on_screen_text
from simulator.validation.base import as_mapping
from simulator.validation.templates import TemplateChecks

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


class FactChecks(TemplateChecks):
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
        variables = {**as_mapping(self.d.get("variables")), **as_mapping(owner.get("variables"))}
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
