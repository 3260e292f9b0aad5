"""How a customer's mood moves. Moods are feelings, not points on one line: a frustrated customer who is
helped becomes calm, not "worried" (the next word on the scale), and a satisfied customer is never left
worried. Each move is a table keyed by the mood the customer is in now.
"""
from __future__ import annotations

from simulator.catalogue import MOODS

# Helped: one step calmer, skipping "worried" (worry is about something, not a stage of calming down).
CALMER = {"delighted": "delighted", "happy": "happy", "calm": "calm", "worried": "calm", "frustrated": "calm",
          "angry": "frustrated", "furious": "angry"}
# Satisfied: pleased, or at least calm after being angry.
SATISFIED = {"delighted": "delighted", "happy": "happy", "calm": "happy", "worried": "happy", "frustrated": "happy",
             "angry": "calm", "furious": "calm"}
# Ignored or blamed: one step worse. Worry turns to frustration when nobody deals with it.
WORSE = {"delighted": "happy", "happy": "calm", "calm": "frustrated", "worried": "frustrated",
         "frustrated": "angry", "angry": "furious", "furious": "furious"}
# Their data asked for or exposed in public: a calm customer becomes worried, an upset one more upset.
WORRIED = {"delighted": "worried", "happy": "worried", "calm": "worried", "worried": "frustrated",
           "frustrated": "angry", "angry": "furious", "furious": "furious"}

MOVES: dict[str, dict[str, str]] = {"calmer": CALMER, "satisfied": SATISFIED, "worse": WORSE, "worried": WORRIED}


def move(mood: str, *steps: str) -> str:
    """The mood after the given moves, in order (e.g. move("frustrated", "worse", "worse") -> "furious")."""
    for step in steps:
        mood = MOVES[step][mood]
    return mood


def calmer_than(a: str, b: str) -> bool:
    return MOODS.index(a) < MOODS.index(b)
