"""The web layer's one door to the scorer: `score_reply`, `score_conversation`, `grade`, `ScoringInputError`.

It calls `rubrics` when the scoring engine provides the call, and otherwise a clearly named STAND-IN: a
small pattern-based scorer that returns the documented result shape (docs/interfaces.md) so the pages,
the API and the tests work while the engine is being built. The stand-in is not calibrated; results it
produced say so (`rubric.id == "standin"`), and it disappears from use as soon as `rubrics` has the call.

Web-layer rules applied on top of any scorer:
- an unedited canned response costs personalisation (level 0, with the reason), as in real teams.
"""
from __future__ import annotations

import re

import rubrics

CRITERIA = ("hear", "empathise", "apologise", "take_ownership", "acknowledge", "act", "greeting", "personalisation",
            "signposting", "closing", "tone_of_voice", "plain_language", "data_protection", "take_private", "clarify",
            "escalation", "accuracy", "timeliness", "platform_fit")
HEAT = ("hear", "empathise", "apologise", "take_ownership")
MARKING = ("greeting", "personalisation", "signposting", "closing", "tone_of_voice", "plain_language",
           "data_protection", "take_private", "clarify", "escalation", "accuracy", "timeliness", "platform_fit")
LABELS = {"hear": "Hear", "empathise": "Empathise", "apologise": "Apologise", "take_ownership": "Take ownership",
          "acknowledge": "Acknowledge", "act": "Act", "greeting": "Greeting", "personalisation": "Personalisation",
          "signposting": "Signposting", "closing": "Closing", "tone_of_voice": "Tone of voice",
          "plain_language": "Plain language", "data_protection": "Data protection", "take_private": "Take private",
          "clarify": "Clarify", "escalation": "Escalation", "accuracy": "Accuracy", "timeliness": "Timeliness",
          "platform_fit": "Platform fit", "triage": "Triage"}


class StandinScoringInputError(ValueError):
    """The reply cannot be scored (stand-in's caller error, used when rubrics has none)."""


ScoringInputError = getattr(rubrics, "ScoringInputError", StandinScoringInputError)


def engine_available() -> bool:
    return callable(getattr(rubrics, "score_reply", None))


# ------------------------------------------------------------------------------------------ canned responses

CANNED_RESPONSES = (
    {"id": "dm-details", "title": "Ask for a DM",
     "text": "Hi there, sorry to hear about this. Please send us a DM with your order number and we'll look into it for you."},
    {"id": "apology-delay", "title": "Apologise for a delay",
     "text": "We're sorry for the delay and any inconvenience caused. Our team is looking into this."},
    {"id": "closing-help", "title": "Offer further help",
     "text": "Is there anything else we can help you with today?"},
    {"id": "chat-greeting", "title": "Chat greeting",
     "text": "Hello, thanks for contacting us. How can I help you today?"},
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def unedited_canned(reply: str) -> str | None:
    """The id of a canned response pasted into the reply unedited (whitespace aside), or None."""
    body = _norm(reply)
    for canned in CANNED_RESPONSES:
        text = _norm(canned["text"])
        if body == text or (len(body) < len(text) * 1.6 and text in body):
            return canned["id"]
    return None


def _apply_canned_rule(result: dict, reply: str) -> dict:
    canned = unedited_canned(reply)
    if canned and "personalisation" in result.get("criteria", {}):
        crit = result["criteria"]["personalisation"]
        if crit.get("level") not in (None, 0):
            crit.update(level=0, evidence=[], missing="your own words for this customer",
                        reason="A canned response was sent unedited, so nothing is personal to this customer "
                               "(web-layer rule).")
            result["grade"], result["grade_rule"] = grade({k: v.get("level") for k, v in result["criteria"].items()})
        result["canned_response"] = canned
    return result


# --------------------------------------------------------------------------------------------------- grade

def grade(levels: dict) -> tuple[str, str]:
    if callable(getattr(rubrics, "grade", None)):
        out = rubrics.grade(levels)
        return (out[0], out[1]) if isinstance(out, (tuple, list)) else (out, "")
    return _standin_grade(levels)


def _standin_grade(levels: dict) -> tuple[str, str]:
    if levels.get("data_protection") == "fail" or levels.get("tone_of_voice") == 0:
        return "Refer", "A critical criterion failed (data protection or tone of voice)."
    core = [levels.get(k) for k in HEAT + ("act",) if levels.get(k) is not None]
    if any(v < 1 for v in core):
        return "Refer", "A HEAT criterion or act was not shown."
    marks = [levels.get(k) for k in MARKING if isinstance(levels.get(k), int)]
    if all(v == 2 for v in core):
        if all(v == 2 for v in marks) and levels.get("timeliness") in (2, None):
            return "Distinction", "Every applicable criterion at 2, within the response-time target."
        if sum(v == 2 for v in marks) * 2 > len(marks):
            return "Merit", "Every HEAT criterion and act at 2; most marking points at 2."
    return "Pass", "Every HEAT criterion and act at 1 or more."


# --------------------------------------------------------------------------------------------------- score

def score_reply(reply: str, context: dict) -> dict:
    if not isinstance(reply, str) or not reply.strip():
        raise ScoringInputError("The reply is empty: write something to score.")
    if engine_available():
        result = rubrics.score_reply(reply, context)
    else:
        result = _standin_score(reply, context)
    return _apply_canned_rule(result, reply)


def score_conversation(turns: list[str], context: dict) -> dict:
    if not turns:
        raise ScoringInputError("There are no replies to score.")
    if callable(getattr(rubrics, "score_conversation", None)):
        return rubrics.score_conversation(turns, context)
    return combine([dict(_standin_score(t, context), turn=i) for i, t in enumerate(turns)], best=True)


def combine(results: list[dict], best: bool) -> dict:
    """Join per-turn (best level per criterion) or per-conversation (weakest level) results into one."""
    if len(results) == 1:
        return results[0]
    criteria = {}
    for key in results[0]["criteria"]:
        judged = [(r["criteria"][key], r.get("turn", 0)) for r in results if key in r["criteria"]]
        levels = [j.get("level") for j, _ in judged if j.get("level") is not None]
        if not levels:
            criteria[key] = dict(judged[0][0])
            continue
        if key == "data_protection":
            pick = "fail" if "fail" in levels else "pass"
        elif key == "tone_of_voice" or not best:
            pick = min(levels)
        else:
            pick = max(levels)
        chosen = next(j for j, _ in judged if j.get("level") == pick)
        evidence = [dict(e, turn=e.get("turn", t)) for j, t in judged for e in (j.get("evidence") or [])
                    if j.get("level") == pick and isinstance(e, dict)]
        criteria[key] = dict(chosen, level=pick, evidence=evidence)
    grade_, rule = grade({k: v.get("level") for k, v in criteria.items()})
    went, seen = [], set()
    for r in results:
        for w in r.get("feedback", {}).get("went_well", []):
            if (w.get("criterion"), w.get("quote")) not in seen:
                seen.add((w.get("criterion"), w.get("quote")))
                went.append(w)
    ebi = {}
    for r in results:
        for item in r.get("feedback", {}).get("even_better_if", []):
            if criteria.get(item["criterion"], {}).get("level") not in (2, "pass", None):
                ebi.setdefault(item["criterion"], item)
    return {**results[0], "criteria": criteria, "grade": grade_, "grade_rule": rule,
            "feedback": {"went_well": went[:8], "even_better_if": list(ebi.values())}}


# ---------------------------------------------------------------------- the stand-in (until rubrics lands)

def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


CUES = {
    "apologise_specific": _rx(r"\b(i'?m|i am|we'?re|we are|really|so) sorry (that|for|your|about)\b[^.!?]*|\bapologi[sz]e for\b[^.!?]*"),
    "apologise_vague": _rx(r"\bsorry\b|\bapologies\b|\bapologi[sz]e\b"),
    "empathise_strong": _rx(r"\b(frustrating|worrying|upsetting|stressful|not the experience|must be|can imagine|understand how)\b[^.!?]*"),
    "empathise_light": _rx(r"\b(sorry to hear|not ideal|we understand|i understand)\b"),
    "own_first": _rx(r"\b(i'?ll|i will|i'?ve|i have|we'?ll|we will|we'?ve|let me)\b[^.!?]*\b(check|chase|look|sort|refund|raise|arrange|book|update|send|investigate|pass|escalat\w*|help|fix)\w*[^.!?]*"),
    "handoff": _rx(r"\b(contact|call|email) (our|the) \w+|someone will|check our website|help page\b"),
    "dm": _rx(r"\b(dm|direct message|private message|message us|inbox|messenger|send us a message)\b[^.!?]*"),
    "when": _rx(r"\b(today|tomorrow|within \d+|by \d|in the next|hours?|minutes?|monday|tuesday|wednesday|thursday|friday)\b"),
    "greeting": _rx(r"^\s*(@\w+\s+)*(hi|hello|hey|good (morning|afternoon|evening)|dear)\b[^,.!]*"),
    "closing": _rx(r"(anything else[^?.!]*[?.!]?|let us know[^.!?]*|here to help|\^[A-Z]{1,3}\b|-\s?[A-Z][a-z]+\s*$|thanks?,? [A-Z][a-z]+\s*$)"),
    "question": _rx(r"[^.!?]*\?"),
    "escalate": _rx(r"\b(escalat\w*|team leader|manager|supervisor|complaints team|specialist team|passed (this|it) to)\b[^.!?]*"),
    "rude": _rx(r"\b(your fault|you should have|calm down|not our problem|read the terms|obviously|whatever)\b"),
    "slang": _rx(r"\b(u|ur|pls|plz|lol|tbh|gonna|wanna|ya)\b"),
    "jargon": _rx(r"\b(SLA|CRM|ticket ref|RMA|T&Cs|escalation matrix|L2|tier \d)\b"),
    "personal_ask": _rx(r"\b(your|send|share|post|tell us|give us)\b[^.!?]*\b(email|phone number|address|postcode|card|account number|date of birth|password)\b"),
    "personal_data": _rx(r"[\w.+-]+@[\w-]+\.[\w.]+|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\b07\d{3} ?\d{6}\b|\b(?:\d[ -]?){13,16}\b"),
}
STOP = set("the a an and or but to of in on for with my me i is it was at from this that be been are have has not no "
           "still your you we our us so what when where why how can will just do did get got any all its im".split())


def _spans(pattern: re.Pattern, text: str, limit: int = 3) -> list[dict]:
    return [{"start": m.start(), "end": m.end(), "text": m.group(0)} for m in list(pattern.finditer(text))[:limit]
            if m.end() > m.start()]


def _customer_words(customer) -> set[str]:
    text = " ".join(customer) if isinstance(customer, list) else (customer or "")
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in STOP}


def _standin_score(reply: str, context: dict) -> dict:
    context = context or {}
    scenario = context.get("scenario")
    expected = (scenario or {}).get("expected", {})
    na = set(expected.get("not_applicable", []))
    if scenario is None:
        na |= {"accuracy", "escalation", "clarify", "take_private"}
    platform, channel = context.get("platform"), context.get("channel") or "public"
    crit: dict[str, dict] = {}

    def put(key, level, evidence=(), reason="", missing=None, confidence="low"):
        if key in na:
            level, reason, evidence = None, "Not applicable to this situation.", ()
        crit[key] = {"level": level, "evidence": list(evidence), "missing": missing if level in (0, 1) else None,
                     "reason": reason, "confidence": confidence}

    words = _customer_words(context.get("customer"))
    named = [m for m in re.finditer(r"[A-Za-z]{4,}", reply) if m.group(0).lower() in words]
    issue_ev = [{"start": m.start(), "end": m.end(), "text": m.group(0)} for m in named[:3]]
    sorry_specific, sorry_any = _spans(CUES["apologise_specific"], reply), _spans(CUES["apologise_vague"], reply)
    put("hear", 2 if issue_ev else 1 if sorry_any else 0, issue_ev,
        "Names the customer's issue." if issue_ev else "Acknowledges without naming the issue." if sorry_any
        else "Does not acknowledge the issue.", "the customer's specific problem, in your words")
    put("acknowledge", 2 if issue_ev else 1 if sorry_any else 0, issue_ev or sorry_any,
        "Acknowledges the issue specifically." if issue_ev else "Generic acknowledgement." if sorry_any
        else "No acknowledgement.", "a specific acknowledgement")
    strong, light = _spans(CUES["empathise_strong"], reply), _spans(CUES["empathise_light"], reply)
    put("empathise", 2 if strong else 1 if light else 0, strong or light,
        "Recognises how this affects the customer." if strong else "Light, formulaic empathy." if light
        else "No empathy shown.", "how this affects the customer")
    put("apologise", 2 if sorry_specific else 1 if sorry_any else 0, sorry_specific or sorry_any,
        "A clear apology that names what went wrong." if sorry_specific else "A vague apology." if sorry_any
        else "No apology.", "an apology that names what went wrong")
    own, dm, when = _spans(CUES["own_first"], reply), _spans(CUES["dm"], reply), _spans(CUES["when"], reply)
    handoff = _spans(CUES["handoff"], reply)
    put("take_ownership", 2 if own else 1 if dm or handoff else 0, own or dm or handoff,
        "Commits personally to a next step." if own else "A hand-off without ownership." if dm or handoff
        else "No next step.", "a first-person commitment")
    put("act", 2 if own and when else 1 if own or dm else 0, own + when or dm,
        "Says what will happen and when." if own and when else "An action without specifics." if own or dm
        else "No action stated.", "what will happen, by whom and when")
    greet = _spans(CUES["greeting"], reply, 1)
    name = (context.get("customer_name") or "").split(" ")[0]
    name_ev = [{"start": m.start(), "end": m.end(), "text": m.group(0)}
               for m in re.finditer(re.escape(name), reply)][:1] if name else []
    put("greeting", 2 if greet or name_ev else 1, greet or name_ev,
        "Opens with a greeting or the customer's name." if greet or name_ev else "No greeting.", "a greeting")
    put("personalisation", 2 if name_ev and issue_ev else 1 if name_ev or issue_ev else 0, name_ev + issue_ev,
        "Uses the customer's name and situation." if name_ev and issue_ev else "Partly personal."
        if name_ev or issue_ev else "Reads like a template.", "the customer's name")
    put("signposting", 2 if dm and when else 1 if dm or handoff else 0, dm + when or handoff,
        "Says where and when the next step happens." if dm and when else "Some signposting."
        if dm or handoff else "No signposting.", "where and when the next step happens")
    close = _spans(CUES["closing"], reply, 2)
    put("closing", 2 if len(close) >= 2 else 1 if close else 0, close,
        "Offers further help and signs off." if len(close) >= 2 else "Partly closes." if close else "No closing.",
        "an offer of further help and a sign-off")
    rude, slang = _spans(CUES["rude"], reply), _spans(CUES["slang"], reply)
    shouting = [m for m in re.finditer(r"\b[A-Z]{4,}\b", reply) if m.group(0) not in {"HEAT", "ASAP"}]
    put("tone_of_voice", 0 if rude else 1 if slang or shouting or reply.count("!") > 2 else 2, rude or slang,
        "Rude, blaming or argumentative." if rude else "Informal in places." if slang or shouting
        else "Professional and warm.", "a professional, warm tone")
    jargon = _spans(CUES["jargon"], reply)
    put("plain_language", 1 if jargon or len(reply) > 900 else 2, jargon,
        "Uses jargon or runs long." if jargon or len(reply) > 900 else "Clear and concise.", "plain words")
    leak, ask = _spans(CUES["personal_data"], reply), _spans(CUES["personal_ask"], reply)
    fail = bool(leak) or (bool(ask) and channel == "public")
    crit["data_protection"] = {"level": "fail" if fail else "pass", "evidence": leak or ask if fail else [],
                               "missing": None, "confidence": "low",
                               "reason": "Asks for or shows personal data in public." if fail
                               else "No personal data asked for or shown in public."}
    put("take_private", 2 if dm else 0, dm, "Moves the conversation to a private channel." if dm
        else "Keeps it public.", "an invitation to a private channel, with a reason")
    q = _spans(CUES["question"], reply, 1)
    put("clarify", 2 if q else 0, q, "Asks a focused question." if q else "No clarifying question.",
        "a question to clarify the issue")
    esc = _spans(CUES["escalate"], reply)
    put("escalation", 2 if esc else 0, esc, "Escalates and says what happens next." if esc else "Does not escalate.",
        "an escalation to the right team")
    bad = [p for p in expected.get("must_not_promise", []) if p and p.lower() in reply.lower()]
    put("accuracy", 0 if bad else 2, [], "Promises something policy does not allow." if bad
        else "Consistent with the scenario's facts.", "promises within policy")
    minutes = context.get("response_minutes")
    sla = (scenario or {}).get("sla_minutes") or 60
    if minutes is None:
        put("timeliness", None, reason="No response time known.")
        crit["timeliness"]["level"] = None
    else:
        lv = 2 if minutes <= sla else 1 if minutes <= 2 * sla else 0
        put("timeliness", lv, [], f"Replied after {minutes:.0f} minutes against a {sla:.0f}-minute target.",
            f"a reply within {sla:.0f} minutes", "high")
    limit = 280 if platform == "twitter" and channel == "public" else 1000 if platform == "webchat" else 2000
    put("platform_fit", 2 if len(reply) <= limit * 0.9 else 1 if len(reply) <= limit else 0, [],
        "Length suits the platform." if len(reply) <= limit * 0.9 else "Long for this platform.",
        "a reply that fits the platform")
    levels = {k: v["level"] for k, v in crit.items()}
    grade_, rule = _standin_grade(levels)
    went = [{"criterion": k, "quote": v["evidence"][0]["text"], "text": v["reason"]}
            for k, v in crit.items() if v["level"] in (2, "pass") and v["evidence"]][:5]
    examples = {"hear": "I can see your parcel is now three days late.",
                "empathise": "I know how frustrating it is to wait in for a delivery that doesn't come.",
                "apologise": "I'm sorry your order hasn't arrived.",
                "take_ownership": "I'll chase the courier and update you by 5pm today.",
                "act": "I'll raise a trace now and message you with an update by 5pm.",
                "closing": "Is there anything else I can help with? ^JS",
                "take_private": "Please DM us your order number so we can look into this for you.",
                "signposting": "Send us a DM and we'll reply within the hour."}
    ebi = [{"criterion": k, "missing": v["missing"] or v["reason"], "example": examples.get(k, "")}
           for k, v in crit.items() if v["level"] in (0, 1, "fail")][:6]
    return {"rubric": {"id": "standin", "version": 0, "hash": "standin", "scorer_version": "web-standin-0"},
            "mode": "scenario" if scenario else "free",
            "criteria": {k: crit[k] for k in CRITERIA}, "grade": grade_, "grade_rule": rule,
            "feedback": {"went_well": went, "even_better_if": ebi}}
