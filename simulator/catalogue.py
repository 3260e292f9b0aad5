"""The vocabularies a scenario file may use: exercise types, categories, difficulties, moods, needs.

Each is a registry keyed by the word written in the YAML, so adding one is a one-line change here, and
the loader can say exactly which words are allowed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ExerciseType:
    key: str
    label: str
    description: str
    min_customers: int       # customers the file must describe (0: the exercise has no single customer)
    max_customers: int
    max_turns: int           # learner turns per customer before the conversation ends on its own
    needs_queue: bool = False
    needs_crisis: bool = False
    needs_crm: bool = False
    ends_with: str = "reaction"

    def to_dict(self) -> dict:
        return asdict(self)


EXERCISE_TYPES: dict[str, ExerciseType] = {t.key: t for t in (
    ExerciseType("public_reply", "Single public reply",
                 "Write one reply to one customer's post; the customer reacts once and the exercise ends.",
                 1, 1, 1),
    ExerciseType("conversation", "Conversation",
                 "A multi-turn exchange with one customer that may move from a public post to private messages.",
                 1, 1, 6, ends_with="resolution"),
    ExerciseType("live_chat", "Live chat",
                 "Two or three customers chat at once; each chat ends with a CRM record "
                 "(query type, resolution, follow-up).", 2, 3, 6, needs_crm=True, ends_with="crm_record"),
    ExerciseType("triage", "Triage",
                 "Put a queue of 8 to 12 incoming posts in priority order by urgency and impact.",
                 0, 0, 0, needs_queue=True, ends_with="ranking"),
    ExerciseType("crisis", "Crisis",
                 "A burst of posts about one incident; write the holding statement.",
                 0, 0, 1, needs_crisis=True, ends_with="holding_statement"),
)}

CATEGORIES: dict[str, str] = {
    "late_delivery": "Late delivery",
    "lost_delivery": "Lost delivery",
    "damaged_product": "Damaged product",
    "faulty_product": "Faulty product",
    "billing_error": "Billing error",
    "double_charge": "Double charge",
    "slow_refund": "Slow refund",
    "service_outage": "Service outage",
    "rude_customer": "Rude or abusive customer",
    "personal_data_public": "Customer posting personal data publicly",
    "vulnerable_customer": "Vulnerable customer",
    "legal_threat": "Legal threat",
    "ambiguous_complaint": "Ambiguous until clarified",
    "product_question": "Product question (knowledge base)",
    "positive_feedback": "Positive feedback",
    "escalation_authority": "Escalation beyond the agent's authority",
    "identity_verification": "Identity verification in live chat",
    "mixed_queue": "Mixed queue",
    "crisis_recall": "Crisis: product recall",
    "crisis_security_breach": "Crisis: security breach",
    "crisis_viral_post": "Crisis: viral post",
}

DIFFICULTIES = ("easy", "medium", "hard")

# The customer's mood, calmest first. Reactions move along this scale.
MOODS = ("delighted", "happy", "calm", "worried", "frustrated", "angry", "furious")

NEEDS: dict[str, str] = {
    "vulnerable": "in a vulnerable situation: take extra care and follow the vulnerability process",
    "bereaved": "recently bereaved",
    "financial_difficulty": "struggling financially",
    "disability": "has a disability that affects how they use the service",
    "elderly": "older customer, may be less used to online channels",
    "medical": "depends on the service for a medical reason",
    "repeat_contact": "has contacted before about the same issue",
    "influencer": "has a large following: what happens is seen by many",
    "urgent": "needs an answer today",
}

# What the customer may do next. A scenario's `followups` may give its own lines for any of these;
# the engine has a British default for each (see voices.py).
REACTION_KEYS: dict[str, str] = {
    "calmer": "the reply helped: the customer calms down and cooperates",
    "resolved": "everything needed is done: the customer thanks the agent",
    "repeats": "the reply was vague: the customer repeats the question",
    "frustrated": "the reply ignored or blamed them: the customer gets more frustrated",
    "leave_threat": "the customer threatens to leave",
    "manager": "the customer asks for a manager",
    "pile_on": "the customer escalates publicly and others join in",
    "outraged": "the reply was rude: the customer is outraged",
    "privacy_worry": "the reply asked for or exposed personal data in public",
    "moves_private": "the customer says they have sent a private message",
    "escalation_ack": "the customer accepts the escalation",
    "gave_up": "patience ran out: the customer gives up",
    "signs_off": "the customer was satisfied and the learner closed: the customer says goodbye",
}
CUSTOMER_TEXT_FIELDS = ("details", "clarification", "verification")
