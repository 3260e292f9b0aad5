"""A triage exercise's queue: 8 to 12 posts, most urgent first, and with a `triage` block each post's route,
first action and tags, picked from its lists."""
from __future__ import annotations

from simulator.platforms import PLATFORMS
from simulator.validation.schema import DECISIONS, ID_PATTERN, NUMBER, QUEUE_FIELDS, TRIAGE_LISTS, default_channel
from simulator.validation.templates import TemplateChecks


class TriageChecks(TemplateChecks):
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
            c.typed(item["at_minute"], p + ("at_minute",), NUMBER, "a number of minutes")
