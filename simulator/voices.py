"""The engine's default customer lines, used where a scenario gives none for a reaction.

Plain British voices, no personal data (only the brand's name and handle). A scenario's own `followups`
replace these, and should: a default is the fallback, not the ideal.
"""
from __future__ import annotations

DEFAULT_FOLLOWUPS: dict[str, list[str]] = {
    "calmer": ["Ok, thank you. That's more like it.", "Right, thanks for actually listening. What happens now?",
               "Thanks, appreciate that.", "OK cheers, that helps."],
    "resolved": ["Brilliant, thanks for sorting that 👍", "That's great, thank you so much.",
                 "Perfect, thanks for your help.", "Lovely, thank you. Sorted."],
    "repeats": ["That doesn't really answer my question though?", "Yes but what are you actually going to DO about it?",
                "I've already said what the problem is. Can someone just fix it please.",
                "Sorry but that's a copy and paste reply. I'm asking about MY problem."],
    "frustrated": ["Unbelievable. You're not listening at all.", "So it's my fault now? Wow.",
                   "This is getting ridiculous.", "Why do I even bother."],
    "leave_threat": ["Honestly I'm done. Looking at other options tonight.",
                     "Keep this up and you've lost a customer. Simple as.",
                     "I'll be taking my business elsewhere if this isn't sorted today."],
    "manager": ["Can I speak to a manager please. This isn't good enough.",
                "I want this escalated to someone who can actually do something.",
                "Put me through to your complaints team. Now please."],
    "pile_on": ["Anyone else getting fobbed off by {brand_handle}? RT if so",
                "Avoid {brand} at all costs. Absolute joke of a company",
                "Day whatever of being ignored by {brand_handle} 🙃 thread below"],
    "outraged": ["Excuse me?? Don't you dare speak to me like that.",
                 "Wow. Screenshotted. Let's see what everyone else thinks of that reply.",
                 "That is SO rude. I want your name and your manager's name."],
    "privacy_worry": ["I'm not putting my details on a public post?! Can't you message me?",
                      "Er, shouldn't that be in a private message? Everyone can see this.",
                      "You want my address on here for the whole world to see? No thanks."],
    "moves_private": ["Done, sent you a DM.", "Just messaged you.", "Ok have DMd you now.",
                      "Sent you a message with my details."],
    "escalation_ack": ["OK, thank you for passing it on. When will I hear back?",
                       "Fine. As long as someone actually gets back to me this time.",
                       "Thank you. I'll wait to hear from them then."],
    "gave_up": ["Forget it. I'll sort it myself.", "Not wasting any more time on this. Bye.",
                "Don't bother. I'm going to the ombudsman.", "Right, I give up. Shocking service."],
}

# The customer's goodbye after the learner's closing turn. Kept apart from DEFAULT_FOLLOWUPS so instances
# generated before sign-offs existed stay the same; a scenario may still give its own `signs_off` lines.
SIGN_OFFS: list[str] = ["No, that's everything. Thanks, bye!", "That's all, thank you. Have a good day.",
                        "Nope, all sorted now. Cheers!", "No that's it, thanks again."]

# Crisis waves when a scenario gives none.
DEFAULT_WAVES: dict[str, list[str]] = {
    "calmer": ["Fair play to {brand_handle} for getting a statement out quickly.",
               "At least they're being upfront about it. Will keep an eye out for updates."],
    "worse": ["That 'statement' says nothing. What are {brand_handle} hiding?",
              "Copy and paste corporate waffle from {brand}. People deserve answers."],
}
