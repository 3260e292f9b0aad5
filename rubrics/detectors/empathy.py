"""empathise: a feeling or impact recognised and tied to the customer's situation, or light, or none, or n/a."""
from __future__ import annotations

import re

from rubrics.cues.empathy import (
    DISMISSIVE_RE,
    EMPATHY_LIGHT_RE,
    EMPATHY_STRONG_RE,
    EMPATHY_UNDERSTAND_FEELING_RE,
    FEELING,
    IMPACT_EVAL_RE,
    OWN_SLIP_RE,
)
from rubrics.cues.manner import RUDE_RE
from rubrics.cues.reply import Cues
from rubrics.detectors.base import HIGH, LOW, Judgement, Situation, detector, has_problem, issue_label, spans

EMPATHY_IMPACT_RE = re.compile(r"\b(?:is|was|are|were|'s|must\s+be|can\s+be|sounds)\s+(?:really\s+|so\s+|very\s+|"
                               r"incredibly\s+|truly\s+|genuinely\s+|such\s+|pretty\s+)?(?:a\s+)?(?:real\s+|huge\s+)?"
                               + FEELING + r"|\bnot\s+(?:the|what)\s+(?:\w+\s+)?(?:you|we)\s+(?:paid\s+for|expected|"
                               r"deserve|"
                               r"booked|want|wanted)|\b(?:such\s+a|a\s+really)\s+(?:hard|difficult|tough|"
                               r"stressful)\s+time\b|"
                               r"\bhope\s+you(?:'re|\s+are)\s+(?:ok|okay|alright|all\s+right|safe)", re.I)
VAGUE_SUBJECT_RE = re.compile(r"^\W*(?:(?:oh\s+no|sorry|i'?m\s+sorry)\W+)?(?:that|this|it)(?:'s|\s+is|\s+sounds|"
                              r"\s+must\s+be)\b", re.I)
TIE_RE = re.compile(r"\b(?:when\s+you|all\s+day|your\s+whole|paid\s+for|work\s+from\s+home|\d+\s+times|again|"
                    r"without|with\s+no|no\s+warning|for\s+(?:your|the)\s+\w+|to\s+(?:get|wait|be)|waiting|seeing|"
                    r"getting|being)\b", re.I)


def _for_own_slip(cues: Cues, span: tuple[int, int]) -> bool:
    """The apology is for our own slip: the rest of its sentence or the next one corrects what we did ("Sorry! Please
    DM us instead")."""
    sentences = cues.r.sentences
    for i, (ss, se) in enumerate(sentences):
        if ss <= span[0] < se:
            end = sentences[i + 1][1] if i + 1 < len(sentences) else se
            return bool(OWN_SLIP_RE.search(cues.r.masked[span[0]:end]))
    return False


@detector("empathise")
def empathise(cues: Cues, sit: Situation) -> Judgement:
    strong = (cues.find(EMPATHY_STRONG_RE) + cues.find(IMPACT_EVAL_RE)
              + [(m.start(), m.end()) for m in EMPATHY_IMPACT_RE.finditer(cues.r.masked)])
    understand = cues.find(EMPATHY_UNDERSTAND_FEELING_RE)
    light = cues.find(EMPATHY_LIGHT_RE)
    dismiss = cues.find(DISMISSIVE_RE) + cues.find(RUDE_RE) + cues.sarcasm
    if dismiss:
        return Judgement(0, spans(cues, dismiss[:2]), "recognition of how the customer feels, without blame",
                         "Dismissive, blaming or sarcastic wording cancels any empathy.", HIGH)
    tied, vague = [], []
    for s, e in sorted(strong + understand):
        ss, se = cues.r.sentence_of(s)
        sentence = cues.r.masked[ss:se]
        clause = re.split(r"\s[-–—]\s|;|,\s(?:and|but)\s", cues.r.masked[ss:e])[-1]
        named = any(ss <= m[0] < se for m in cues.issue_mentions)
        if re.search(r"not\s+(?:the|a)\s+(?:kind\s+of\s+)?(?:experience|service|standard|journey|impression)", sentence,
                     re.I):
            tied.append((s, e))
        elif (named or TIE_RE.search(sentence)) and not (VAGUE_SUBJECT_RE.match(clause) and not named):
            tied.append((s, e))
        else:
            vague.append((s, e))
    if tied:
        return Judgement(2, spans(cues, tied[:2]), None,
                         "Recognises the customer's feeling or its impact, tied to their situation.",
                         HIGH)
    if vague:
        return Judgement(1, spans(cues, vague[:1]),
                         f"a link between the feeling and their situation (the {issue_label(sit)})",
                         "Names a feeling, but not tied to their specific problem.", LOW)
    if not has_problem(sit) and not light:
        return Judgement(None, (), None, "A neutral request for information: nothing to empathise with.",
                         HIGH if sit.customer.intent in ("query", "praise") else LOW)
    if light:
        return Judgement(1, spans(cues, light[:2]), f"how the {issue_label(sit)} affects the customer",
                         "Light, formulaic empathy.", HIGH)
    # A sincere apology to someone with a problem is the guide's light empathy ("sorry to hear that" is empathise 1
    # and apologise 1): on the labelled train split the raters gave 1 to 132 of the 165 replies whose only sign of
    # empathy was an apology ("so sorry about this", "apologies for the trouble"), 0 to 13.
    regret = [a["span"] for a in cues.apologies
              if a["kind"] not in ("negated", "blame") and not _for_own_slip(cues, a["span"])]
    if regret:
        return Judgement(1, spans(cues, regret[:1]), f"how the {issue_label(sit)} affects the customer",
                         "Light empathy: an apology, with no recognition of how the problem affects them.", LOW)
    return Judgement(0, (), f"recognition of how the {issue_label(sit)} affects the customer",
                     "No recognition of the customer's feelings or the impact on them.",
                     HIGH if sit.customer.intent == "complaint" else LOW)
