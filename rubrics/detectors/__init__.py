"""One detector per criterion, in a registry keyed by the name used in the rubric data file.

A detector takes the reply's cues, the situation and the judgements it declares it needs, and returns a
Judgement: level, evidence spans, what was missing, a one-line reason and a confidence flag ("low" where a cue is
weak or cues conflict). `graph.evaluate` runs them in dependency order.
"""
from rubrics.detectors import (  # noqa: F401
                               accuracy,
                               action,
                               apology,
                               clarify,
                               closing,
                               data_protection,
                               empathy,
                               escalation,
                               greeting,
                               hearing,
                               ownership,
                               personalisation,
                               plain_language,
                               platform_fit,
                               signposting,
                               take_private,
                               timeliness,
                               tone_of_voice,
)
from rubrics.detectors.base import DETECTORS, HIGH, LOW, Detector, Judgement, Situation, detector, spans
from rubrics.detectors.graph import evaluate, evaluation_order

__all__ = ["DETECTORS", "HIGH", "LOW", "Detector", "Judgement", "Situation", "detector", "evaluate",
           "evaluation_order", "spans"]
