"""The whole-file walk: the top-level fields (id, title, category, platforms...), then each part in turn
through the mixins that check it, and last the variables no text uses."""
from __future__ import annotations

from simulator.brands import BRANDS
from simulator.catalogue import CATEGORIES, DIFFICULTIES, EXERCISE_TYPES
from simulator.platforms import PLATFORMS
from simulator.validation.crisis import CrisisChecks
from simulator.validation.customers import CustomerChecks
from simulator.validation.schema import ID_PATTERN, NUMBER, TOP_LEVEL
from simulator.validation.triage import TriageChecks


class ScenarioValidator(CustomerChecks, TriageChecks, CrisisChecks):
    """Checks one file's parsed content; each part of the file is checked by the mixin named for it."""

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
        if "sla_minutes" in d and c.typed(d["sla_minutes"], ("sla_minutes",), NUMBER, "a number of minutes"):
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
