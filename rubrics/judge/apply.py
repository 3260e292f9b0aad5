"""Run the learned model over the rules' judgements: new levels, calibrated confidence, evidence kept.

- A criterion the scenario declares n/a (or that needs a scenario in free mode) stays n/a: the model never sees it.
- Where the rules were sure (high confidence), the model overrules them only when its probability reaches the
  criterion's `override_above` (chosen by cross-validation on train). Nor does it lower a level the rules gave with
  high confidence and evidence when its own probability for the rules' level is higher than for the level it picked:
  the cut points (tuned for kappa on the expected level) can pick a less probable class, e.g. act 1 at 0.16 against
  act 2 at 0.55 for "I've reversed it and credited the difference to your account today". In a scenario, nor does
  an unsure model (under the low-confidence threshold) lower such a level it still gives at least STILL_LIKELY
  (hear 1 at 0.59 against hear 2 at 0.39 for a reply naming the customer's opened duvet). A critical failure the
  rules found with high confidence (a rude, blaming or shouting reply: tone 0) always stands.
- Where the scenario's brand has its own voice (emoji, informality), tone of voice stays with the rules, which read
  the brand's file; the model learned the guide's default voice.
- Where the model agrees with the rules, the rules' judgement stays, with the model's confidence.
- Where it differs, the level is the model's; the evidence is the rules' spans when they found any, otherwise the
  reply's sentence that shows what the criterion looks for (rubrics.judge.evidence), so every level above 0
  keeps evidence; when no sentence shows it, the rules' judgement stands with low confidence. The reason says what
  the rules said and the model's probability.
- Confidence is "low" when the model's probability for its level is under the file's threshold.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from rubrics.brand_voice import GUIDE_DEFAULT
from rubrics.detectors import HIGH, LOW, Judgement, Situation
from rubrics.judge import features
from rubrics.judge.embedding import embedder, unavailable_reason
from rubrics.judge.evidence import best_sentence, content_words, readable
from rubrics.judge.model import JudgeModel, ModelFileError, load_model
from rubrics.rubric import RUBRIC

VOICE_KEYS = ("tone_of_voice",)
# In scenario mode a level the rules gave with high confidence and evidence also stands when the model is unsure of
# its lower level (probability under the file's low-confidence threshold) and still gives the rules' level at least
# this: a near tie is no reason to mark down a reply that names the scenario customer's issue.
STILL_LIKELY = 0.35
# A reply with fewer content words than this (only "hi", "ok", "yes", "sorry", emoji, single letters) has nothing
# in it to support a level above the rules': the model may lower its levels but not raise them. (2 cost the grade
# on train, 0.860 -> 0.853; 1 left it at 0.860.)
MIN_CONTENT_WORDS = 1
_checked: dict[str, str | None] = {}


def _model() -> tuple[JudgeModel | None, str | None]:
    try:
        model = load_model()
    except ModelFileError as exc:
        return None, str(exc)
    if model.version not in _checked:
        _checked[model.version] = (None if list(model.features) == features.names(model.criteria_keys)
                                   else "the model file was trained on other features; retrain it")
    problem = _checked[model.version]
    return (None, problem) if problem else (model, None)


def warm_up() -> str:
    """Load the model file, WordLlama and the prototype vectors now (app start) rather than on the first score."""
    model, problem = _model()
    if model is None:
        return f"rules ({problem})"
    if embedder() is None:
        return f"rules ({unavailable_reason()})"
    features.prototype_vectors()
    return f"model {model.version}"


SCENARIO_KEYS = frozenset(RUBRIC.scenario_keys)


def _forced_na(key: str, sit: Situation) -> bool:
    return key in (sit.expected.get("not_applicable") or ()) or (sit.free and key in SCENARIO_KEYS)


def _level(cls: str):
    if cls == "na":
        return None
    return int(cls)


def _p_of(level, probs: Mapping[str, float]) -> float:
    return probs.get("na" if level is None else str(level), 0.0)


def _lowers(level, rule: Judgement) -> bool:
    """Whether the model's level is below a level the rules gave with evidence."""
    return isinstance(level, int) and isinstance(rule.level, int) and level < rule.level and bool(rule.evidence)


def _raises(level, rule: Judgement) -> bool:
    """Whether the model's level is above the rules' (a level where the rules said n/a counts from 0)."""
    return isinstance(level, int) and level > (rule.level if isinstance(rule.level, int) else 0)


def _missing(key: str, level) -> str | None:
    if level in (2, None):
        return None
    top = str(RUBRIC.criterion(key).levels.get(2, "")).strip().rstrip(".")
    return top[:1].lower() + top[1:] if top else None


def _same_with(rule: Judgement, confidence: str) -> Judgement:
    """The rules' judgement with the model's confidence (dataclasses.replace, without its per-call field walk)."""
    return Judgement(rule.level, rule.evidence, rule.missing, rule.reason, confidence)


def _judged(key: str, rule: Judgement, level, p: float, texts: Sequence[str], threshold: float,
            customer: str = "") -> Judgement:
    confidence = HIGH if p >= threshold else LOW
    if level == rule.level:
        return _same_with(rule, confidence)
    evidence = rule.evidence
    if level not in (None, 0) and not evidence:
        span = best_sentence(key, texts, customer)
        if span is None:                  # no sentence shows that level: the rules' judgement stands, unsure
            return _same_with(rule, LOW)
        evidence = (span,)
    said = "n/a" if rule.level is None else rule.level
    reason = (f"{rule.reason} The learned judgement puts this at {'n/a' if level is None else level} "
              f"(probability {p:.2f}); the rules alone said {said}.").strip()
    return Judgement(level=level, evidence=evidence if level is not None else (),
                     missing=_missing(key, level) if level is not None and level != 2 else None,
                     reason=reason, confidence=confidence)


def judge_criteria(criteria: Mapping[str, Judgement], texts: Sequence[str],
                   sit: Situation) -> tuple[dict[str, Judgement], str]:
    """The judgements to grade, and how they were judged."""
    model, problem = _model()
    if model is None:
        return dict(criteria), f"rules (learned model unavailable: {problem})"
    if embedder() is None:
        return dict(criteria), f"rules (learned model unavailable: {unavailable_reason()})"
    if not readable(texts):
        return dict(criteria), "rules (no sentence with a word in it for the model to read)"
    x = features.vector(criteria, texts, sit, model.criteria_keys)
    out = dict(criteria)
    thin = content_words(texts) < MIN_CONTENT_WORDS
    for key, (cls, p, probs) in model.predict_all(x).items():
        if _forced_na(key, sit):
            continue
        rule = criteria[key]
        if rule.confidence == HIGH and p < model.criteria[key].override_above:
            continue                      # the rules were sure and the model is not sure enough to overrule them
        level = _level(cls)
        if _lowers(level, rule) and rule.confidence == HIGH and p < _p_of(rule.level, probs):
            continue                      # a sure level with evidence stands against a less probable lower one
        if (_lowers(level, rule) and rule.confidence == HIGH and not sit.free and p < model.low_confidence_below
                and _p_of(rule.level, probs) >= STILL_LIKELY):
            continue                      # in a scenario, an unsure model does not lower a sure level it finds likely
        if thin and _raises(level, rule):
            continue                      # nothing in the reply's words can support more than the rules found
        if key in RUBRIC.critical_keys and rule.level == 0 and rule.confidence == HIGH:
            continue                      # a critical failure the rules found (rude, blaming, shouting) stands
        if key in VOICE_KEYS and sit.voice != GUIDE_DEFAULT:
            continue                      # the model learned the guide's default voice; a brand's own is the rules'

        out[key] = _judged(key, criteria[key], level, p, texts, model.low_confidence_below, sit.customer.text)
    return out, f"model {model.version}"
