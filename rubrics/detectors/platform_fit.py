"""platform_fit: length and format for the platform and channel."""
from __future__ import annotations

import re

from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector
from rubrics.text import URL_RE


@detector("platform_fit")
def platform_fit(cues: Cues, sit: Situation) -> Judgement:
    from simulator.platforms import get_platform, message_length
    chan = get_platform(sit.platform).channel(sit.channel)
    text = cues.r.text
    parts = re.split(r"(?<![\w/])\d/\d(?![\w/])", text) if re.search(r"(?<![\w/])1/\d(?![\w/])", text) else [text]
    parts = [p for p in parts if p.strip()] or [text]
    worst = 0
    for p in parts:
        p = p.strip()
        if chan.weighted:
            # upper bound of X's weighted count (URLs 23, anything outside Latin-1-ish ranges 2); the exact
            # count from the platform rules is needed only near the limit (parse_tweet costs ~2 ms)
            bound = len(URL_RE.sub("x" * 23, p)) + sum(1 for ch in p if ord(ch) > 4351)
            n = message_length(p, sit.platform, sit.channel) if bound > chan.max_chars - 10 else bound
        else:
            n = len(p)
        worst = max(worst, n)
    hashtags = len(re.findall(r"(?<!\w)#\w+", cues.r.masked))
    conf = HIGH if sit.platform_known else LOW
    where = f"{get_platform(sit.platform).label} ({sit.channel})"
    if worst > chan.max_chars:
        return Judgement(0, (), f"a reply within {chan.max_chars} characters",
                         f"{worst} characters: over the {chan.max_chars}-character limit of {where}.", conf)
    if worst > chan.comfortable_chars:
        return Judgement(1, (), f"a shorter reply (under {chan.comfortable_chars} characters) for {where}",
                         f"{worst} characters: a wall of text for {where}.", conf)
    if hashtags > 2:
        return Judgement(1, (), "no hashtags in a customer-service reply", "Too many hashtags for a reply.", conf)
    return Judgement(2, (), None, f"{worst} characters: suits {where}.", conf)
