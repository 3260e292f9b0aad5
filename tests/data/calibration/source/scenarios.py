"""Inline scenario contexts (shape of docs/interfaces.md context["scenario"]). Fictional brands and people."""


def scen(id, sla, policy, order, kb, not_applicable, take_private, escalate, route, clarify, verify,
         may, must_not):
    return {"id": id, "version": "calibration-1", "sla_minutes": sla,
            "facts": {"policy": policy, "order": order, "knowledge_base": kb},
            "expected": {"not_applicable": not_applicable, "take_private": take_private,
                         "escalate": escalate, "escalation_route": route, "clarify": clarify,
                         "verify_identity": verify, "may_promise": may, "must_not_promise": must_not}}


LATE_PARCEL = scen(
    "late-parcel", 60,
    ["Standard delivery is 3-5 working days.",
     "If a parcel is more than 5 working days late we refund the £3.99 delivery charge.",
     "A full refund or replacement is only issued once the courier confirms the parcel is lost; the courier investigation takes up to 48 hours."],
    {"order_number": "NW-448120", "placed": "2026-11-10", "courier": "Parcelwise", "status": "in transit, last scan 2026-11-13"},
    [{"title": "Courier investigations", "text": "Raise with Parcelwise; they reply within 48 hours."}],
    ["escalation"], True, False, None, False, False,
    ["refund of the £3.99 delivery charge", "courier investigation within 48 hours", "update by DM"],
    ["full refund today", "replacement sent today", "guaranteed delivery tomorrow", "compensation voucher"])

DOUBLE_CHARGE_CHAT = scen(
    "double-charge-chat", 1,
    ["Verify identity (full name, postcode and last four digits of the card) before discussing any account or payment.",
     "Confirmed duplicate card payments are refunded to the card within 3-5 working days."],
    {"account": "Greenleaf Home customer account", "duplicate_payment": "£54.20 taken twice on 2026-11-18"},
    [{"title": "Duplicate payments", "text": "Check the payment log after verification; raise a refund request, 3-5 working days to reach the card."}],
    ["take_private", "escalation"], False, False, None, False, True,
    ["refund of the duplicate £54.20 within 3-5 working days"],
    ["refund today", "refund within 24 hours", "compensation"])

GAS_SMELL = scen(
    "gas-smell-safety", 15,
    ["Any report of a gas smell is a safety emergency: tell the customer to leave the property, not to use switches or flames, and to call the national gas emergency line on 0800 111 999 now.",
     "Pass the report to the Safety team immediately and tell the customer they will be contacted."],
    {},
    [{"title": "Gas emergency", "text": "Customer-facing staff never diagnose; they direct to the emergency line and escalate to Safety."}],
    [], True, True, "the national gas emergency line and our Safety team", False, False,
    ["the Safety team will call the customer back", "the emergency line will send an engineer"],
    ["an engineer from us will come tomorrow", "it is probably nothing", "check the boiler yourself"])

LEGAL_THREAT = scen(
    "legal-threat-holiday", 60,
    ["Complaints that mention legal action go to the Customer Relations team, who reply within 5 working days.",
     "Agents must not offer refunds or compensation amounts on social media."],
    {"booking": "SV-20931, 7 nights Lanzarote, hotel pool closed all week"},
    [{"title": "Customer Relations", "text": "Takes complaints mentioning solicitors, courts or regulators. Response within 5 working days."}],
    [], True, True, "the Customer Relations team", False, False,
    ["Customer Relations will review and reply within 5 working days"],
    ["full refund", "compensation of", "we will pay", "your money back"])

BEREAVEMENT = scen(
    "bereavement-account", 60,
    ["Customers reporting a bereavement are referred to the Bereavement Support team, who call back within 2 working days.",
     "Do not ask for a death certificate on social media; the team explains what is needed.",
     "Collections on the account are paused while the team is involved."],
    {"account_holder": "late husband", "issue": "final bill reminder addressed to him"},
    [{"title": "Bereavement Support", "text": "Dedicated team, call-back within 2 working days, pause on reminders."}],
    [], False, True, "the Bereavement Support team", False, False,
    ["pause on reminders", "call-back from Bereavement Support within 2 working days"],
    ["we will close the account today", "send us the death certificate", "waive the bill"])

NOT_WORKING = scen(
    "vague-not-working", 60,
    ["Fitness app support covers the app, the watch strap sync and subscriptions; ask which one before troubleshooting."],
    {},
    [{"title": "Sync issues", "text": "Most sync faults are fixed by updating the app to 6.2."}],
    ["escalation"], False, False, None, True, False,
    ["troubleshooting once the problem is known"],
    ["refund", "replacement device"])

RETURNS_WINDOW = scen(
    "returns-window", 60,
    ["Unwanted items can be returned for a refund within 30 days with proof of purchase.",
     "Faulty items are covered by a 12-month repair or replacement guarantee; refunds for faults are only within 30 days.",
     "Store credit is not offered outside the 30-day window."],
    {"item": "Kettle, bought 2026-10-01 (53 days ago)", "fault": "lid hinge snapped"},
    [{"title": "Guarantee claims", "text": "Customer books a repair or replacement via the guarantee form; 5-7 working days."}],
    ["escalation"], True, False, None, False, False,
    ["repair or replacement under the 12-month guarantee"],
    ["full refund", "money back", "store credit"])

OUTAGE = scen(
    "broadband-outage", 60,
    ["Area outages are posted on the service status page.",
     "Customers affected by an outage of more than 2 full days receive an automatic bill credit; no other compensation is offered on social media."],
    {"area": "LS6", "status": "fibre cable damaged by roadworks; engineers on site; estimated fix 18:00 today"},
    [{"title": "Outage LS6", "text": "Estimated fix 18:00 today. Automatic credit only after 2 full days."}],
    ["escalation"], False, False, None, False, False,
    ["estimated fix 18:00 today", "automatic credit if the outage lasts more than 2 full days"],
    ["fixed within the hour", "£50 compensation", "a month free"])

DATA_BREACH = scen(
    "data-breach", 60,
    ["A customer reporting that they received someone else's personal data is a possible data breach: escalate to the Data Protection team the same day.",
     "Ask the customer not to share or forward the data and to delete it once the team confirms."],
    {},
    [{"title": "Possible breach", "text": "Log with the Data Protection team (dpo@example.com); they contact the customer within 24 hours."}],
    [], True, True, "the Data Protection team", False, False,
    ["the Data Protection team will contact you within 24 hours"],
    ["it was just a one-off", "nothing to worry about", "compensation"])

ACCOUNT_CHAT = scen(
    "account-access-chat", 1,
    ["Before discussing or changing an account in live chat, verify identity: full name, postcode and date of birth.",
     "Password resets are sent to the registered email only; agents never read passwords or send them in chat."],
    {"account": "Rivermead Energy online account", "issue": "locked after 5 failed logins"},
    [{"title": "Locked accounts", "text": "After verification, unlock and send a reset link to the registered email."}],
    ["take_private", "escalation"], False, False, None, False, True,
    ["reset link to the registered email after verification"],
    ["tell you your password", "change the email address without checks"])

LATE_REFUND_AUTHORITY = scen(
    "refund-authority", 60,
    ["Agents may refund up to £50 goodwill; anything above needs a team leader's approval.",
     "Team leaders review goodwill requests within 1 working day."],
    {"order": "sofa, £899, delivered with a torn arm", "customer_request": "£300 off"},
    [{"title": "Damaged furniture", "text": "Options: repair visit, replacement, or partial refund with team-leader approval above £50."}],
    [], True, True, "a team leader", False, False,
    ["repair visit", "replacement", "a team leader will review the partial refund within 1 working day"],
    ["£300 refund approved", "we will refund £300"])

PRIORITY_SERVICES = scen(
    "priority-services-chat", 1,
    ["Customers who depend on powered medical equipment must be referred to the Priority Services team straight away; the team can add up to £30 emergency credit the same day.",
     "Verify identity (full name, postcode, date of birth) before discussing or changing an account in live chat."],
    {"meter": "prepayment electricity meter", "credit": "£0.40 remaining"},
    [{"title": "Priority Services", "text": "Medical dependency, disability, age or illness; emergency credit up to £30; welfare call within 24 hours."}],
    ["take_private"], False, True, "the Priority Services team", False, True,
    ["emergency credit today via Priority Services", "welfare call within 24 hours"],
    ["we can't help until Friday", "top up at a shop", "unlimited credit"])
