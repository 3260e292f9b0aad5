"""Agent tools: what the learner sees beside the conversation, built from a scenario's `facts`.

Every fact an instance holds is shown: a mapping (order, account) as a record of label and value, `policy` and any
other list as lines, `knowledge_base` as titled entries, a text (incident) as a paragraph. Live chat shows each
customer's own facts under their name, so a second customer's knowledge-base entry is on screen too (issue 16.1).
`on_screen_text` is the same facts as one text: the validator (simulator/validation/facts.py) checks that a customer's
`fix` and the expected escalation route can be found in it.

Plain values only, no Flask: the workspace template renders the sections as given.
"""
from __future__ import annotations

TITLES = {"order": "Order", "account": "Account", "policy": "Policy", "knowledge_base": "Knowledge base",
          "incident": "Incident"}
ORDER = ("incident", "order", "account", "policy", "knowledge_base")   # then any other key, in the file's order


def _label(key: str) -> str:
    return TITLES.get(key, key.replace("_", " ").capitalize())


def _section(key: str, value) -> dict | None:
    """One box of the Agent tools: {key, title, kind, entries}; None for an empty fact."""
    if value in (None, "", [], {}):
        return None
    if key == "knowledge_base" and isinstance(value, list):
        items = [{"title": str(e.get("title", "")), "text": str(e.get("text", ""))} for e in value
                 if isinstance(e, dict)]
        return {"key": key, "title": _label(key), "kind": "kb", "entries": items}
    if isinstance(value, dict):
        items = [{"label": k.replace("_", " ").capitalize(), "text": str(v)} for k, v in value.items()
                 if v not in (None, "")]
        return {"key": key, "title": _label(key), "kind": "record", "entries": items}
    if isinstance(value, list):
        return {"key": key, "title": _label(key), "kind": "list", "entries": [str(v) for v in value]}
    return {"key": key, "title": _label(key), "kind": "text", "entries": [str(value)]}


def fact_sections(facts: dict | None) -> list[dict]:
    """Every fact as a section, incident first, then order, account, policy, knowledge base, then the rest."""
    facts = facts or {}
    keys = [k for k in ORDER if k in facts] + [k for k in facts if k not in ORDER]
    return [s for s in (_section(k, facts[k]) for k in keys) if s is not None]


def on_screen_text(facts: dict | None) -> str:
    """The facts' words as one text (labels, titles and values), as the learner can read them."""
    parts: list[str] = []
    for s in fact_sections(facts):
        parts.append(s["title"])
        for item in s["entries"]:
            parts.extend(item.values() if isinstance(item, dict) else [item])
    return "\n".join(parts)


def agent_tools(instance) -> list[dict]:
    """The facts boxes per customer ({customer, name, sections}); a crisis (no customers) gets one group with the
    scenario's facts and the incident. A customer whose facts equal the one before's is not shown twice."""
    groups: list[dict] = []
    if not instance.customers:
        facts = dict(instance.facts or {})
        if instance.crisis and "incident" not in facts:
            facts = {"incident": instance.crisis.incident, **facts}
        return [{"customer": None, "name": None, "sections": fact_sections(facts)}]
    previous = None
    for cust in instance.customers:
        sections = [] if cust.facts == previous else fact_sections(cust.facts)
        previous = cust.facts
        groups.append({"customer": cust.id, "name": cust.persona.name, "sections": sections})
    return groups
