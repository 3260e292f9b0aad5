"""A conversation's judgement from its turns': greeting from the first turn, closing from the last, the best turn
for what a turn can show (HEAT, act, signposting...), the worst for what every turn must keep (tone, plain
language, accuracy, platform fit), and any data-protection fail fails the whole."""
from __future__ import annotations

from rubrics.detectors import Judgement
from rubrics.rubric import CRITERION_ORDER

TAKE_MAX = {"hear", "acknowledge", "empathise", "apologise", "take_ownership", "act", "personalisation",
            "signposting", "take_private", "clarify", "escalation"}
TAKE_MIN = {"tone_of_voice", "plain_language", "accuracy", "platform_fit"}


def combine_turns(per_turn: list[dict[str, Judgement]]) -> dict[str, Judgement]:
    if len(per_turn) == 1:
        return per_turn[0]
    out = {}
    rank = lambda j: -1 if j.level is None else (1 if j.level == "pass" else 0 if j.level == "fail" else j.level)
    for key in CRITERION_ORDER:
        js = [t[key] for t in per_turn]
        if key == "greeting":
            out[key] = js[0]
        elif key == "closing":
            out[key] = js[-1]
        elif key == "data_protection":
            fails = [j for j in js if j.level == "fail"]
            out[key] = fails[0] if fails else js[0]
        elif key in TAKE_MIN:
            applicable = [j for j in js if j.level is not None]
            out[key] = min(applicable, key=rank) if applicable else js[0]
        else:
            out[key] = max(js, key=rank)
    return out
