"""A crisis exercise's `crisis` block: the platform it plays on, the incident, the burst of posts, the holding
statement's points, the action people must take (`fix`) and the waves that follow the statement."""
from __future__ import annotations

from simulator.platforms import PLATFORMS
from simulator.validation.expected import ExpectedChecks
from simulator.validation.facts import FactChecks
from simulator.validation.schema import BURST_FIELDS, CRISIS_FIELDS, HOLDING_FIELDS, NUMBER, WAVE_KEYS


class CrisisChecks(FactChecks, ExpectedChecks):
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
                    c.typed(post["at_minute"], p + ("at_minute",), NUMBER, "a number of minutes")
