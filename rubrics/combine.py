"""A conversation judged on all its turns, each level with evidence from the turn that earned it.

- greeting from the first turn; tone, plain language, accuracy and platform fit from the worst turn (every turn
  must keep them); any data-protection fail fails the whole;
- what a turn can show (HEAT, act, signposting, take_private...) from the best turn, or from the conversation read
  as one text where what, who and when are spread over turns ("I'll book an engineer" ... "he'll be with you at
  8am tomorrow"), whichever is higher;
- closing from the conversation's ending: an offer of further help and a sign-off in its last two turns, so an
  offer in the second-last message and a goodbye in the last still close well.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from rubrics.cues import Cues
from rubrics.detectors import Judgement, Situation
from rubrics.detectors.closing import ClosingParts, closing_judgement, closing_parts
from rubrics.rubric import CRITERION_ORDER
from rubrics.text import Span, read

TAKE_MAX = {"hear", "acknowledge", "empathise", "apologise", "take_ownership", "act", "personalisation",
            "signposting", "take_private", "clarify", "escalation"}
TAKE_MIN = {"tone_of_voice", "plain_language", "accuracy", "platform_fit"}
# Criteria whose evidence may be spread over turns: the whole conversation read as one text can earn them.
WHOLE_READING = ("take_ownership", "act", "signposting")
ENDING_TURNS = 2
JOINER = "\n"


def _rank(j: Judgement) -> int:
    return -1 if j.level is None else (1 if j.level == "pass" else 0 if j.level == "fail" else j.level)


def join_turns(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The turns as one text, and where each turn starts in it."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(JOINER)
    return JOINER.join(texts), starts


def to_turns(span: Span, texts: Sequence[str], starts: Sequence[int]) -> Span:
    """A span of the joined text as a span of the turn it starts in (clipped to that turn)."""
    turn = max(i for i, s in enumerate(starts) if s <= span.start)
    start = span.start - starts[turn]
    end = min(span.end - starts[turn], len(texts[turn]))
    return Span(start, end, texts[turn][start:end], turn)


def _closing_of_ending(texts: Sequence[str], sit: Situation) -> Judgement:
    parts = ClosingParts()
    for i in range(max(0, len(texts) - ENDING_TURNS), len(texts)):
        parts = parts + closing_parts(Cues(read(texts[i], i), sit.customer))
    return closing_judgement(parts, sit.chat)


def combine_turns(per_turn: list[dict[str, Judgement]], texts: Sequence[str] | None = None,
                  sit: Situation | None = None, whole: Mapping[str, Judgement] | None = None) -> dict[str, Judgement]:
    """One judgement per criterion from the turns' judgements (`per_turn`), their texts, the last turn's situation
    and `whole`: the judgements of the conversation read as one text (spans already mapped back to turns)."""
    if len(per_turn) == 1:
        return per_turn[0]
    out = {}
    for key in CRITERION_ORDER:
        js = [t[key] for t in per_turn]
        if key == "greeting":
            out[key] = js[0]
        elif key == "closing":
            last = js[-1]
            if texts is None or sit is None or last.level is None:
                out[key] = last
            else:
                ending = _closing_of_ending(texts, sit)
                out[key] = ending if _rank(ending) > _rank(last) else last
        elif key == "data_protection":
            fails = [j for j in js if j.level == "fail"]
            out[key] = fails[0] if fails else js[0]
        elif key in TAKE_MIN:
            applicable = [j for j in js if j.level is not None]
            out[key] = min(applicable, key=_rank) if applicable else js[0]
        else:
            best = max(js, key=_rank)
            if whole is not None and key in WHOLE_READING and _rank(whole[key]) > _rank(best):
                best = replace(whole[key], reason=whole[key].reason + " (across the conversation's turns)")
            out[key] = best
    return out
