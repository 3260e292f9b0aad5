"""Language cues in a reply, found once per reply and shared by the detectors.

Patterns live by family (apology, empathy, ownership, acknowledgement, courtesy, manner, clarity, personal_data,
questions); `issue` finds where the reply names the customer's issue; `reply.Cues` caches every cue of one reply;
`matching` holds the fast paths (lower-case twins, substring gates) and the switch that turns them off.
"""
from rubrics.cues.matching import exact, lsearch, rx
from rubrics.cues.reply import Cues

__all__ = ["Cues", "exact", "lsearch", "rx"]
