"""Evidence spans as the learner sees them (issue 16.5): the result's table and the transcript show the same spans,
each once.

`tidy` runs when a result is stored: within one criterion, spans of one message that overlap or touch become one
span whose text is read from that message ("so I can sort" and "I can sort" were listed as two, and
"that's really disappointing 's really disappointing" read as a repeat). `transcript_spans` gives the transcript
every span the table lists, at every level: the words behind a critical fail ("reply here with your full home
address") and behind a 0 are marked too, as counted against the learner.
"""
from __future__ import annotations

from web.services import scoring

AGAINST = (0, "fail")


def _merged(spans: list[dict], text: str | None) -> list[dict]:
    """Overlapping or touching spans of one message as one, in order; text re-read from the message if known."""
    out: list[dict] = []
    for e in sorted(spans, key=lambda e: (e["start"], -e["end"])):
        if out and e["start"] <= out[-1]["end"]:
            last = out[-1]
            if e["end"] > last["end"]:
                tail = (e.get("text") or "")[last["end"] - e["start"]:]
                last["end"] = e["end"]
                last["text"] = text[last["start"]:last["end"]] if text is not None else (last.get("text") or "") + tail
            continue
        out.append(dict(e))
    return out


def tidy(result: dict, texts: list[str]) -> dict:
    """`result` with each criterion's evidence merged per message (`texts`: the learner's messages in transcript
    order, which evidence `turn` counts). Evidence without a position (a check's note) is kept as it is."""
    criteria = {}
    for key, crit in (result.get("criteria") or {}).items():
        evidence = crit.get("evidence") or []
        placed: dict[int, list[dict]] = {}
        loose = []
        for e in evidence:
            if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int) \
                    and e["end"] > e["start"]:
                placed.setdefault(e.get("turn") or 0, []).append(e)
            elif e not in loose:
                loose.append(e)
        merged = [m for turn in sorted(placed)
                  for m in _merged(placed[turn], texts[turn] if turn < len(texts) else None)]
        criteria[key] = {**crit, "evidence": merged + loose}
    return {**result, "criteria": criteria}


def transcript_spans(result: dict | None) -> dict[int, list[dict]]:
    """Every positioned evidence span of the result, per learner message, labelled by its criterion; `against`
    when the criterion scored 0 or failed (its words are why)."""
    out: dict[int, list[dict]] = {}
    for key, crit in ((result or {}).get("criteria") or {}).items():
        against = crit.get("level") in AGAINST
        label = scoring.LABELS.get(key, key) + (" (critical fail)" if crit.get("level") == "fail"
                                                 else " (counted against)" if against else "")
        for e in crit.get("evidence") or []:
            if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
                out.setdefault(e.get("turn") or 0, []).append(
                    {"start": e["start"], "end": e["end"], "label": label, "against": against})
    return out
