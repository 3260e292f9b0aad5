"""Is there a concrete step, and who owns it? (the guide's act and take_ownership), read sentence by sentence and
turn by turn: a conversation is as good as its most decisive turn, so each reading is the best over turns.

- a step: a first-person subject with an action verb, done ("I've refunded", "we have booked") or promised ("I'll
  chase", "we will send"), and whether the same sentence says when (a day, a time, "within 2 hours");
- a hand-off: sending the customer elsewhere (DM us, contact, call, visit, email, click) and whether the reply says
  what the brand then does ("so we can check", "and we'll sort it"), which the guide counts as ownership;
- deflection: the customer's own fault or duty, policy quoted as the answer, refusal ("you agreed", "unable to",
  "you should have", "please allow"), which the guide scores as no step.

Not yet an input of the model file (features.py does not call it): a model trained with these readings and
those of its sibling module raised cross-validated hear, take_ownership and act on train (rules 2.1.5: hear
0.583 -> 0.595, take_ownership 0.721 -> 0.728, act 0.671 -> 0.679 qwk) but failed two simulator behaviour
tests, so it was not landed.
"""
from __future__ import annotations

import math
import re
from typing import Sequence

SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")
FIRST = r"(?:i|we|i've|we've|i'll|we'll|i'm|we're|i have|we have|i will|we will|i am|we are|let me|let us)"
ACTION = (r"(?:refund|book|arrang|send|sent|chas|escalat|pass|credit|cancel|replac|fix|reset|check|look|rais|log|"
          r"report|updat|call|ring|email|investigat|sort|organis|organiz|process|reissu|issu|add|appl|waiv|"
          r"unblock|lift|remov|restor|reconnect|reactivat|reschedul|rebook|redeliver|collect|post|ship|dispatch|"
          r"contact|speak|talk|fl[ai]g|note|transfer|forward|review|confirm|compensat|reimburs|activat|test|run|"
          r"ran|track|trac|locat|find|found|get|got|mak|made|set|put|assign|open|request|order|upgrad|swap|exchang)")
STEP_RE = re.compile(rf"\b{FIRST}\s+(?:just\s+|already\s+|now\s+|personally\s+|also\s+|going to\s+|able to\s+|"
                     rf"gone ahead and\s+|been\s+)?{ACTION}\w*", re.I)
DONE_RE = re.compile(rf"\b(?:i've|we've|i have|we have|i|we)\s+(?:just\s+|already\s+|now\s+)?{ACTION}\w*(?:ed|t|d)\b"
                     r"|\b(?:has|have) been\s+\w+ed\b|\bdone\b", re.I)
PASSIVE_RE = re.compile(r"\b(?:will be|is being|are being|has been|have been)\s+\w+(?:ed|t|n)\b", re.I)
WHEN_RE = re.compile(r"\b(today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|monday|tuesday|wednesday|"
                     r"thursday|friday|saturday|sunday|within \w+|\d+\s*(?:-|to)?\s*\d*\s*(?:working |business )?"
                     r"(?:hours?|days?|weeks?|minutes?|mins?)|\d{1,2}(?::\d\d)?\s*(?:am|pm)|\d{1,2}:\d\d|by \w+|"
                     r"right away|straight away|now|asap|shortly|next \w+)\b", re.I)
HANDOFF_RE = re.compile(r"\b(dm|d\.m\.|direct message|private message|inbox us|message us|pm us|contact|call|"
                        r"ring|phone|visit|email|e-mail|click|check out|head to|reach out|get in touch|fill|"
                        r"submit|create a ticket|follow (?:this|the) link|see our|live chat|chat with)\b", re.I)
THEN_RE = re.compile(rf"\b(?:so (?:that )?(?:we|i) can|and (?:we|i)(?:'ll| will| can)|(?:we|i)(?:'ll| will)\s+"
                     rf"{ACTION}|so (?:we|i) (?:may|could))", re.I)
DEFLECT_RE = re.compile(r"\b(you agreed|you accepted|terms (?:and conditions|you)|as stated|unable to|not able to|"
                        r"can't be held|cannot be held|not responsible|you should have|if you'd|if you had|"
                        r"please allow|before contacting|nothing (?:we|i) can|there's nothing|out of our hands|"
                        r"third[- ]party|not our|your responsibility|unfortunately|i'm afraid|we trust this|"
                        r"policy|it may be worth|we can't|we cannot|i can't|i cannot)\b", re.I)
NAMES = ("act:steps", "act:done", "act:step_with_when", "act:passive_steps", "act:handoffs", "act:handoff_then",
         "act:handoff_only", "act:deflections", "act:deflect_no_step", "act:best_turn_steps", "act:step_turn_share")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.findall(text) if len(s.strip()) > 2]


def _turn(text: str) -> tuple[int, int, int, int, int, int, int]:
    steps = done = timed = passive = hand = then = deflect = 0
    for s in _sentences(text):
        n = len(STEP_RE.findall(s))
        steps += n
        done += len(DONE_RE.findall(s))
        p = len(PASSIVE_RE.findall(s))
        passive += p
        timed += int(bool(n or p) and bool(WHEN_RE.search(s)))
        h = bool(HANDOFF_RE.search(s))
        hand += int(h)
        then += int(h and bool(THEN_RE.search(s)))
        deflect += len(DEFLECT_RE.findall(s))
    return steps, done, timed, passive, hand, then, deflect


def readings(texts: Sequence[str]) -> list[float]:
    """The numbers named by NAMES for the agent's turns."""
    per = [_turn(t) for t in texts] or [(0,) * 7]
    total = [sum(col) for col in zip(*per)]
    steps, done, timed, passive, hand, then, deflect = total
    log = math.log1p
    best = max(p[0] + p[1] for p in per)
    with_step = sum(1 for p in per if p[0] or p[1])
    return [log(steps), log(done), log(timed), log(passive), log(hand), log(then),
            float(hand > 0 and steps == 0 and done == 0 and then == 0), log(deflect),
            float(deflect > 0 and steps == 0 and done == 0), log(best), with_step / len(per)]
