"""apologise: the strongest apology in the reply by its kind (specific, vague, conditional, negated, blame)."""
from __future__ import annotations

from rubrics.cues.apology import OWNED_FAILURE_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, has_problem, issue_label, spans


@detector("apologise")
def apologise(cues: Cues, sit: Situation) -> Judgement:
    aps = cues.apologies
    if not has_problem(sit) and not aps:
        return Judgement(None, (), None, "Nothing to apologise for (a neutral query or a compliment).",
                         HIGH if sit.customer.intent in ("query", "praise") else LOW)
    owned = cues.find(OWNED_FAILURE_RE) if not aps else []
    if owned:
        return Judgement(1, spans(cues, owned[:1]), f"an apology that names what went wrong (the {issue_label(sit)})",
                         "Owns the failure without saying sorry: impersonal regret.", LOW)
    if not aps:
        return Judgement(0, (), f"an apology that names what went wrong (the {issue_label(sit)})", "No apology.",
                         HIGH if sit.customer.intent == "complaint" else LOW)
    kinds = [a["kind"] for a in aps]
    def by_kind(*ks: str) -> list:
        return [a["span"] for a in aps if a["kind"] in ks]
    if "blame" in kinds:
        return Judgement(0, spans(cues, by_kind("blame")[:1]), "an apology without 'but you...'",
                         "A non-apology: the regret is followed by blame.", HIGH)
    if "specific" in kinds or "specific_heard" in kinds:
        conf = HIGH if "specific" in kinds else LOW
        return Judgement(2, spans(cues, by_kind("specific", "specific_heard")[:1]), None,
                         "A clear apology that names what went wrong.", conf)
    if set(kinds) == {"negated"}:
        return Judgement(0, spans(cues, by_kind("negated")[:1]), "a sincere apology", "The apology is negated.", HIGH)
    if "conditional" in kinds:
        return Judgement(1, spans(cues, by_kind("conditional")[:1]), f"an apology that owns the {issue_label(sit)}",
                         "A conditional or impersonal apology.", HIGH)
    ev = by_kind("to_hear", "vague", "vague_other")
    conf = LOW if "vague_other" in kinds else HIGH
    return Judgement(1, spans(cues, ev[:1]), f"an apology that names what went wrong (the {issue_label(sit)})",
                     "A vague apology that does not say what went wrong.", conf)
