"""Customers and their messages: `customer:` or `customers:`, how many the exercise type takes, each customer's
fields, messages in time order on the platforms' channels, the texts the expected handling asks of them, and the
CRM record a live-chat customer needs."""
from __future__ import annotations

from simulator.catalogue import CUSTOMER_TEXT_FIELDS, MOODS, NEEDS, REACTION_KEYS
from simulator.fixes import problems as fix_problems
from simulator.validation.base import as_mapping
from simulator.validation.expected import ExpectedChecks
from simulator.validation.facts import FactChecks
from simulator.validation.schema import CRM_FIELDS, CUSTOMER_FIELDS, ID_PATTERN, MESSAGE_FIELDS, NUMBER, default_channel


class CustomerChecks(FactChecks, ExpectedChecks):
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

    def check_customer(self, cust, path, spec, *, multi):
        self.check_customer_fields(cust, path, multi=multi)
        personal_ok = cust.get("posts_personal_data_publicly") is True
        variables = self.variables | self.check_variables(cust.get("variables"), path + ("variables",))
        if "facts" in cust:
            self.check_facts(cust["facts"], path + ("facts",), variables)
        if "expected" in cust:
            self.check_expected(cust["expected"], path + ("expected",), partial=True, variables=variables)
        expected = {**as_mapping(self.d.get("expected")), **as_mapping(cust.get("expected"))}
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
            if c.typed(at, mp + ("at_minute",), NUMBER, "a number of minutes"):
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
