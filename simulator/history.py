"""A customer's contact history, as the agent's CRM would show it: customer since when, and one to three
earlier contacts (date, channel, topic, outcome), newest first.

Seeded and fictional: every choice comes from `rng_for("history", scenario, seed, customer)`, so the same
(scenario, seed, customer) always gives the same history, and nothing in it is personal data. A customer
who `repeat_contact` needs has, as their latest contact, an unresolved one about the issue they write about now.
"""
from __future__ import annotations

from datetime import date, timedelta

from simulator.seeds import rng_for

# History ends before the year the generated messages are set in (personas' dates fall in 2026).
HISTORY_ENDS = date(2025, 12, 31)
CHANNELS = ("Email", "Phone", "Web chat", "Private message on social media")

# Earlier contacts per brand: (topic, outcome). Ordinary, settled business, so the history is context only.
TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "larkspur": (("Changed the delivery address on an order", "Updated before dispatch"),
                 ("Asked whether a kettle was in stock", "Answered; back in stock the next week"),
                 ("Returned a lamp that did not match the photo", "Refund issued in 4 days"),
                 ("Late delivery of a toaster", "Delivered the next day; apology given"),
                 ("Asked about a 2-year warranty", "Explained the warranty terms")),
    "fibrenest": (("Asked about a new router", "Router sent; set up by the customer"),
                  ("Slow broadband in the evenings", "Line test passed; Wi-Fi tips given"),
                  ("Moved house", "Service moved to the new address"),
                  ("Question about the monthly price", "Explained the annual price change")),
    "wenmoor": (("Delay repay claim for a late train", "Compensation paid"),
                ("Lost property on a train", "Umbrella returned at the station"),
                ("Changed the date of a ticket", "Ticket changed; no fee"),
                ("Asked about assistance at a station", "Passenger assistance booked")),
    "quillfield": (("Ordered a new debit card", "Card sent; arrived in 5 days"),
                   ("Asked about an overdraft limit", "Explained how to apply in the app"),
                   ("Reported a lost card", "Card frozen and replaced"),
                   ("Could not sign in to the app", "Password reset; signed in")),
    "tillymint": (("Asked which foundation shade to choose", "Shade guide sent"),
                  ("Parcel left with a neighbour", "Customer collected it"),
                  ("Returned an unopened serum", "Refund issued in 3 days"),
                  ("Discount code did not work", "Code reissued; order placed")),
    "pippin": (("Rearranged a delivery day", "Delivered on the new day"),
               ("Parcel shown as delivered but not found", "Found in the safe place"),
               ("Asked for a collection from home", "Collection booked"),
               ("Damaged box on arrival", "Claim passed to the sender")),
    "hearthly": (("Submitted a meter reading", "Bill corrected"),
                 ("Asked about a smart meter", "Installation booked"),
                 ("Changed the monthly direct debit", "Payment amount updated"),
                 ("Question about an estimated bill", "Explained; reading requested")),
}
UNRESOLVED = ("Promised a call back within 48 hours; no call recorded",
              "Passed to another team; no update sent to the customer",
              "Told it would be sorted in 5 working days; still open",
              "Chat ended before the issue was solved")


def contact_history(brand_key: str, scenario_id: str, seed: int, customer_id: str,
                    needs: tuple[str, ...] = ()) -> dict:
    """{"customer_since": "YYYY-MM", "contacts": [{date, channel, topic, outcome}, ...]} (newest first)."""
    rng = rng_for("history", scenario_id, seed, customer_id)
    since = date(rng.randint(2014, 2024), rng.randint(1, 12), 1)
    pool = list(TOPICS.get(brand_key) or TOPICS["larkspur"])
    count = rng.randint(1, 3)
    days = sorted(rng.sample(range(7, 540), count))   # days before HISTORY_ENDS, newest first
    if "repeat_contact" in needs:
        days[0] = min(days[0], rng.randint(1, 6))        # they were in touch about this only days ago
    picks = rng.sample(pool, min(count, len(pool)))
    contacts = []
    for i, back in enumerate(days):
        when = max(since, HISTORY_ENDS - timedelta(days=back))
        topic, outcome = picks[i % len(picks)]
        if i == 0 and "repeat_contact" in needs:
            topic = "The same issue the customer is writing about now"
            outcome = rng.choice(UNRESOLVED)
        contacts.append({"date": when.isoformat(), "channel": rng.choice(CHANNELS), "topic": topic, "outcome": outcome})
    return {"customer_since": f"{since.year}-{since.month:02d}", "contacts": contacts}
