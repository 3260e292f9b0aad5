"""What ends the exercise types that are not a plain conversation: the triage ranking and the CRM record.

`score_triage` compares the learner's order with the expected one (Spearman's rank correlation, in plain
Python) and explains each misplaced post. `validate_crm_record` checks a live-chat CRM record against the
scenario's expected values. Both return plain dicts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from simulator.errors import ExerciseError, TriageOrderError
from simulator.instance import Instance, as_instance


def spearman(expected: list, actual: list) -> float:
    """Spearman's rho for two orderings of the same items (no ties): 1 - 6*sum(d^2) / (n(n^2-1))."""
    n = len(expected)
    if n != len(actual) or set(expected) != set(actual):
        raise TriageOrderError("both orders must hold the same items")
    if n < 2:
        return 1.0
    pos = {item: i for i, item in enumerate(actual)}
    d2 = sum((i - pos[item]) ** 2 for i, item in enumerate(expected))
    return 1 - 6 * d2 / (n * (n * n - 1))


def _band(rho: float) -> str:
    return "strong" if rho >= 0.8 else "fair" if rho >= 0.5 else "weak"


def score_decisions(instance: Instance, decisions: dict | None) -> dict | None:
    """Each post's route, first action and tags (`decisions`: id -> {route, action, tags}) against the scenario's,
    with feedback per item. None when the scenario asks for no decisions (no `triage` block)."""
    if not instance.triage_choices:
        return None
    decisions = decisions or {}
    rows: list[dict[str, Any]] = []
    for q in sorted(instance.queue, key=lambda q: q.expected_position):
        got = decisions.get(q.id) or {}
        tags = {str(t) for t in got.get("tags") or []}
        ok = {"route": got.get("route") == q.route, "action": got.get("action") == q.action,
              "tags": set(q.tags) <= tags and len(tags - set(q.tags)) <= 1}
        notes = []
        if not ok["route"]:
            notes.append(f"Assign it to {q.route}" + (f", not {got['route']}" if got.get("route") else "") + ".")
        if not ok["action"]:
            notes.append(f"First action: {q.action}" + (f", not {got['action']!r}" if got.get("action") else "")
                         + ".")
        if not ok["tags"]:
            notes.append(f"Tag it {', '.join(q.tags)}" + (f" (you tagged {', '.join(sorted(tags))})" if tags else "")
                         + ".")
        who = q.handle or q.name
        rows.append({"id": q.id, "who": who, "critical": q.critical, "expected": {"route": q.route, "action": q.action,
                     "tags": list(q.tags)}, "got": {"route": got.get("route") or "", "action": got.get("action") or "",
                     "tags": sorted(tags)}, "ok": ok, "all_ok": all(ok.values()),
                     "feedback": (" ".join(notes) + " " + q.why) if notes else f"Right: {q.route}, {q.action}."})
    right = sum(r["all_ok"] for r in rows)
    critical_wrong = [r["id"] for r in rows if r["critical"] and not (r["ok"]["action"] and r["ok"]["route"])]
    return {"rows": rows, "right": right, "n": len(rows), "critical_wrong": critical_wrong,
            "summary": f"{right} of {len(rows)} posts assigned, tagged and acted on as expected"
                       + (f"; an urgent post got the wrong route or first action: {', '.join(critical_wrong)}"
                          if critical_wrong else "") + "."}


def score_triage(instance: Instance, learner_order: list[str], decisions: dict | None = None) -> dict:
    """Score a triage order (item ids, most urgent first) against the scenario's expected order, and, when the
    scenario asks for them, each post's route, first action and tags (`score_decisions`)."""
    instance = as_instance(instance)
    if instance.exercise_type != "triage":
        raise ExerciseError(f"score_triage is for triage exercises, not {instance.exercise_type}")
    expected = list(instance.expected_order)
    order = list(learner_order)
    unknown = [i for i in order if i not in expected]
    missing = [i for i in expected if i not in order]
    dupes = sorted({i for i in order if order.count(i) > 1})
    if unknown or missing or dupes:
        parts = [f"unknown: {', '.join(map(str, unknown))}" if unknown else "",
                 f"missing: {', '.join(missing)}" if missing else "",
                 f"listed twice: {', '.join(dupes)}" if dupes else ""]
        raise TriageOrderError("the order must list every post exactly once (" + "; ".join(p for p in parts if p) + ")")
    rho = spearman(expected, order)
    items = {q.id: q for q in instance.queue}
    feedback: list[dict[str, Any]] = []
    for pos, item_id in enumerate(order, start=1):
        q = items[item_id]
        if pos == q.expected_position:
            continue
        direction = "higher" if pos > q.expected_position else "lower"
        who = q.handle or q.name
        text = (f"You put {who}'s post at {pos}; it belongs {direction}, at {q.expected_position}. {q.why}")
        if q.critical and pos > 3:
            text = "Critical: " + text
        feedback.append({"id": item_id, "expected_position": q.expected_position, "learner_position": pos,
                         "off_by": pos - q.expected_position, "critical": q.critical, "feedback": text})
    critical_missed = [f["id"] for f in feedback if f["critical"] and f["learner_position"] > 3]
    out = {
        "spearman": round(rho, 4), "band": _band(rho), "n": len(expected),
        "exact": len(expected) - len(feedback), "expected_order": expected, "learner_order": order,
        "misplaced": feedback, "critical_missed": critical_missed,
        "summary": (f"Rank correlation {rho:.2f} ({_band(rho)}); {len(expected) - len(feedback)} of {len(expected)} "
                    f"in the right place" + (f"; urgent posts not in your top 3: {', '.join(critical_missed)}"
                                             if critical_missed else "") + "."),
    }
    judged = score_decisions(instance, decisions)
    if judged is not None:
        out["decisions"] = judged
    return out


@dataclass(frozen=True)
class CrmCheck:
    customer_id: str
    ok: bool
    missing: tuple[str, ...]
    wrong: tuple[dict, ...]     # {field, got, expected, fix}

    def to_dict(self) -> dict:
        return {"customer_id": self.customer_id, "ok": self.ok, "missing": list(self.missing),
                "wrong": [dict(w) for w in self.wrong]}


CRM_RECORD_FIELDS = ("query_type", "resolution", "follow_up")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


def crm_query_types(instance: Instance) -> list[str]:
    """The CRM's pick list for a live-chat exercise: every query type the scenario's customers accept, once each
    (ignoring case and punctuation), in alphabetical order, each as first written."""
    instance = as_instance(instance)
    seen: dict[str, str] = {}
    for cust in instance.customers:
        for q in (cust.crm or {}).get("query_type") or []:
            seen.setdefault(_norm(q), str(q)[:1].upper() + str(q)[1:])
    return [seen[k] for k in sorted(seen)]


def validate_crm_record(instance: Instance, record: dict, *, customer: str | None = None) -> CrmCheck:
    """Check a CRM record (query_type, resolution, follow_up) for one live-chat customer."""
    instance = as_instance(instance)
    if instance.exercise_type != "live_chat":
        raise ExerciseError(f"CRM records end live-chat exercises, not {instance.exercise_type}")
    cust = instance.customer(customer)
    exp = cust.crm
    if exp is None:     # the loader requires `crm` of every live-chat customer
        raise ExerciseError(f"live-chat customer {cust.id} has no expected CRM record")
    record = record or {}
    missing = tuple(f for f in CRM_RECORD_FIELDS if not str(record.get(f) or "").strip()
                    and not (f == "follow_up" and record.get(f) is False))
    wrong = []
    if "query_type" not in missing:
        accepted = [_norm(q) for q in exp["query_type"]]
        if _norm(record["query_type"]) not in accepted:
            wrong.append({"field": "query_type", "got": record["query_type"], "expected": exp["query_type"],
                          "fix": f"record the query as {exp['query_type'][0]!r}"})
    if "resolution" not in missing:
        text = _norm(record["resolution"])
        absent = [k for k in exp["resolution_keywords"] if _norm(k) not in text]
        if absent:
            wrong.append({"field": "resolution", "got": record["resolution"], "expected": exp["resolution_keywords"],
                          "fix": "say what was done: mention " + ", ".join(repr(a) for a in absent)})
    if "follow_up" not in missing:
        value = record["follow_up"]
        says_none = value is False or _norm(value) in ("", "none", "no", "n a", "na", "no follow up", "nothing")
        if exp["follow_up"] and says_none:
            wrong.append({"field": "follow_up", "got": value, "expected": exp.get("follow_up_keywords") or True,
                          "fix": "this customer needs a follow-up: say what, by whom and when"})
        elif exp["follow_up"]:
            absent = [k for k in exp.get("follow_up_keywords", []) if _norm(k) not in _norm(value)]
            if absent:
                wrong.append({"field": "follow_up", "got": value, "expected": exp["follow_up_keywords"],
                              "fix": "mention " + ", ".join(repr(a) for a in absent)})
        elif not says_none:
            wrong.append({"field": "follow_up", "got": value, "expected": "none",
                          "fix": "nothing is outstanding for this customer: record no follow-up"})
    return CrmCheck(cust.id, not missing and not wrong, missing, tuple(wrong))
