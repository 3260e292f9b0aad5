"""The words of the feedback, in plain English for a Level 2 apprentice.

- ADVICE[key][level]: what to do next, written for the level the reply got (so it never says "no next step" to a
  reply that has one);
- example(key, setting): wording that would have earned the top level, fitted to the scenario (the customer's name,
  the thing they wrote about, the brand's sign-off, what the scenario allows) and to the platform (X's 280
  characters only on X, a DM only where there is one);
- WELL[key]: one short line for what went well (the learner's own words are quoted beside it).
"""
from __future__ import annotations

from typing import Callable, Mapping

from rubrics.feedback.setting import Setting

ADVICE: Mapping[str, Mapping[object, str]] = {
    "hear": {1: "Show you understood: name their actual problem in your reply.",
             0: "Start by showing you read their message: say what their problem is."},
    "empathise": {1: "Make the empathy personal: say how this affects them, not a stock phrase.",
                  0: "Say how this must feel for them, or how it affects their day."},
    "apologise": {1: "Make the apology clear and say what you are sorry for.",
                  0: "Say sorry, and say what for."},
    "take_ownership": {1: "Say what YOU will do about it, not only where they should go.",
                       0: "Take it on yourself: say what you will do next."},
    "acknowledge": {1: "Say exactly what you are acknowledging, in their words.",
                    0: "Let them know their message has been received and what it is about."},
    "act": {1: "Make the next step specific: who will do what, and when.",
            0: "Give them a next step: what will happen, who does it and when."},
    "greeting": {1: "Open in a friendly way that suits the platform.",
                 0: "Open with a greeting before anything else."},
    "personalisation": {1: "Make it about this customer: use their name and mention their situation.",
                        0: "Write for this customer, not a template: their name and their situation."},
    "signposting": {1: "Say exactly where and how the next step happens.",
                    0: "Tell them where the next step happens and how."},
    "closing": {1: "Finish by offering more help and signing off.",
                0: "End well: offer more help and sign off with your name."},
    "tone_of_voice": {1: "Keep the tone warm and professional all the way through.",
                      0: "Take the edge out of the wording: stay calm, polite and on their side."},
    "plain_language": {1: "Use short sentences and everyday words the customer would use.",
                       0: "Rewrite it in short, simple sentences without jargon."},
    "data_protection": {"fail": "Keep personal details out of public view, and check who you are talking to "
                                "before discussing an account."},
    "take_private": {1: "When you move to a private channel, say why.",
                     0: "Move this to a private channel, and say why."},
    "clarify": {1: "Ask one clear question before suggesting a fix.",
                0: "Their message is unclear: ask one focused question before guessing."},
    "escalation": {1: "When you pass it on, name the team and say what happens next.",
                   0: "This needs passing to the right team: say who and what happens next."},
    "accuracy": {1: "Only state what the scenario's facts and policy support.",
                 0: "Only promise what the policy allows."},
    "platform_fit": {1: "Make it shorter so it is easy to read here.",
                     0: "Cut it down so it fits this platform."},
}

WELL: Mapping[str, str] = {
    "hear": "You showed you understood their actual problem.",
    "empathise": "You recognised how it affects them.",
    "apologise": "A clear apology for what went wrong.",
    "take_ownership": "You took it on yourself.",
    "acknowledge": "You acknowledged exactly what they told you.",
    "act": "A clear next step: who does what, and when.",
    "greeting": "A good opening for this platform.",
    "personalisation": "It was written for this customer.",
    "signposting": "You told them exactly where and how the next step happens.",
    "closing": "A good ending: more help offered and signed off.",
    "tone_of_voice": "Warm and professional.",
    "take_private": "You moved it to a private channel and said why.",
    "clarify": "You asked a focused question before suggesting a fix.",
    "escalation": "You passed it to the right team and said what happens next.",
}
PRAISE_WELL: Mapping[str, str] = {
    "hear": "You picked up what they were pleased about.",
    "acknowledge": "You picked up exactly what they praised.",
    "act": "You said what you will do with their praise.",
    "take_ownership": "You said what you will do with their praise.",
}
PRAISE_ADVICE: Mapping[str, Mapping[object, str]] = {
    "hear": {1: "Mention exactly what they were pleased about, so it reads as a real reply.",
             0: "Show you read their message: mention what they were pleased about."},
    "acknowledge": {1: "Name exactly what they praised.", 0: "Thank them for the message and name what they praised."},
    "empathise": {1: "Share their happiness in your own words.", 0: "Share their happiness in your own words."},
    "closing": {1: "End warmly and sign off.", 0: "End warmly and sign off with your name."},
    "signposting": {1: "Say where their praise is going.", 0: "Say where their praise is going."},
    "act": {1: "Say what you will do with their praise, and when.", 0: "Say what you will do with their praise."},
    "take_ownership": {1: "Say that you will pass it on yourself.", 0: "Say that you will pass it on yourself."},
}


def advice(key: str, level, s: Setting) -> str:
    table = (PRAISE_ADVICE.get(key) if s.praise else None) or ADVICE.get(key, {})
    return table.get(level) or table.get(0) or next(iter(table.values()), "")


def well(key: str, s: Setting) -> str:
    return (PRAISE_WELL.get(key) if s.praise else None) or WELL.get(key, "")


def _hi(s: Setting) -> str:
    if s.public and s.platform == "twitter":
        return f"{s.name}, " if s.name else ""
    return f"Hi {s.name}, " if s.name else "Hi there, "


def _private_step(s: Setting, doing: str) -> str:
    if s.chat:
        return f"I'll {doing} now and confirm the next step here before we finish."
    if s.public and s.needs_private:
        return f"If you send us a {s.private_word} with your {s.reference}, I'll {doing} today."
    if s.public:
        return f"I'll {doing} today and reply here by 5pm."
    return f"I'll {doing} today and message you here by 5pm."


def _offer(s: Setting) -> str:
    return " or ".join(s.promises[:2]) if s.promises else ""


def _a(word: str) -> str:
    """'an Instagram', 'a Facebook': the article by the word's first sound (the platform names begin plainly)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def signed_closing(s: Setting, own: str) -> tuple[str, str]:
    """(advice, example) for a closing 1 whose reply signed off (`own`, the learner's sign-off): what is missing is
    the offer of more help, and the example ends with their own sign-off, not the brand's sample agent's."""
    if s.praise:
        return "You signed off; before you do, end warmly, for example by thanking them again.", \
            f"Thanks again for letting us know! {own}"
    if s.chat:
        return "You signed off; before you end the chat, check they are happy with the answer.", \
            f"Is there anything else I can help with today? {own}"
    return "You signed off; before you do, offer more help or check they are happy.", \
        f"Is there anything else we can help with? {own}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _complaint_examples(s: Setting) -> dict[str, Callable[[], str]]:
    about = s.about()
    thing = s.subject or "this"
    return {
        "hear": lambda: f"{_hi(s)}I'm sorry {about}." if s.problem else
        f"{_hi(s)}thanks for telling us about the trouble with {thing}." if s.subject else
        f"{_hi(s)}thanks for explaining what's happened; I can see exactly why you got in touch.",
        "empathise": lambda: f"I can see how {s.feeling} it is that {about}, especially when you were counting on it."
        if s.problem else f"I can imagine how {s.feeling} this is for you.",
        "apologise": lambda: f"I'm really sorry {about}; that's not what you should expect from us." if s.problem
        else f"I'm really sorry about the trouble with {thing}; that's not what you should expect from us."
        if s.subject else "I'm really sorry this has happened; that's not what you should expect from us.",
        "take_ownership": lambda: _private_step(s, f"look into {thing} myself"),
        "acknowledge": lambda: f"Thanks for letting us know {about}." if s.problem else
        f"Thanks for letting us know about {thing}." if s.subject else "Thanks for letting us know what's happened.",
        "act": lambda: _private_step(s, f"arrange {_offer(s)}" if s.promises else f"check {thing}"),
        "greeting": lambda: (f"Hi {s.name or 'there'}, thanks for waiting. I'm Sam from {s.brand or 'the team'}."
                             if s.chat else f"{_hi(s)}thanks for getting in touch."),
        "personalisation": lambda: f"Hi {s.name or 'there'}, I'm sorry {about}." if s.problem else
        f"Hi {s.name or 'there'}, I'm sorry for the trouble with {thing}." if s.subject else
        f"Hi {s.name or 'there'}, thanks for explaining what's happened.",
        "signposting": lambda: ("I'll email you a confirmation within the hour, so you'll have it in writing."
                                if s.chat else
                                f"Please send us a {s.private_word} with your {s.reference} and we'll pick it up "
                                "from there." if s.public else
                                "Our team will call you on the number on your account by 5pm today."),
        "closing": lambda: ("Is there anything else I can help with today? Thanks for chatting, Sam." if s.chat else
                            f"Is there anything else we can help with? {s.signoff}"),
        "tone_of_voice": lambda: f"Thanks for bearing with us{', ' + s.name if s.name else ''}; "
                                 "I'll get this sorted for you.",
        "plain_language": lambda: (f"I've arranged {_offer(s)}. You'll get an email to confirm it today." if s.promises
                                   else "I've checked this for you. You'll get an email with the next step today."),
        "data_protection": lambda: ("Before I look at the account, please can you confirm your full name and "
                                    "postcode?" if s.chat else
                                    f"Please don't share your {s.reference} here; send it by {s.private_word} and "
                                    "we'll check it securely."),
        "take_private": lambda: f"So we can check your {s.reference} securely, please send us a {s.private_word}.",
        "clarify": lambda: "So I can help, could you tell me what happens when you try, and when it started?",
        "escalation": lambda: f"I've passed this to {s.route or 'the right team'}, who will contact you within "
                              "24 hours.",
        "accuracy": lambda: (f"Under our policy we can offer {_offer(s)}." if s.promises else
                             "I'll check exactly what we can offer and confirm it with you today."),
        "platform_fit": lambda: _fit(s),
    }


def _praise_examples(s: Setting) -> dict[str, Callable[[], str]]:
    name = f", {s.name}" if s.name else ""
    thing = s.subject or "your experience"
    return {
        "hear": lambda: f"Thank you so much{name}! It's lovely to hear what you thought of {thing}.",
        "acknowledge": lambda: f"Thanks for taking the time to tell us about {thing}{name}.",
        "signposting": lambda: "I've sent your message to the team's manager, so it goes on their record today.",
        "empathise": lambda: "We're so pleased it made your day!",
        "act": lambda: "I'll pass your kind words on to the team and their manager today.",
        "take_ownership": lambda: "I'll make sure your message reaches the team and their manager today.",
        "closing": lambda: f"Thanks again for letting us know! {s.signoff}",
        "personalisation": lambda: f"Thank you{name}! We're so glad you enjoyed {thing}.",
        "tone_of_voice": lambda: f"Thank you{name}, this really made our day!",
    }


def _crisis_examples(s: Setting) -> dict[str, Callable[[], str]]:
    return {
        "hear": lambda: "We've seen the reports and we're looking into them urgently.",
        "acknowledge": lambda: "We've seen what people are saying, and we're taking it seriously.",
        "empathise": lambda: "We know how worrying this is for everyone affected.",
        "apologise": lambda: "We're sorry for the worry this has caused.",
        "take_ownership": lambda: "We're looking into this now and we'll post an update here by 5pm today.",
        "act": lambda: "We'll post the next update here by 5pm today.",
    }


def _hard_examples(s: Setting) -> dict[str, Callable[[], str]]:
    return {
        "empathise": lambda: "I can imagine how hard this is for you right now.",
        "apologise": lambda: "I'm so sorry you're having to deal with this.",
        "hear": lambda: f"{_hi(s)}thank you for telling me what's happened.",
        "personalisation": lambda: f"Hi {s.name or 'there'}, thank you for telling me what's happened.",
    }


def _fit(s: Setting) -> str:
    if s.platform == "twitter" and s.public:
        return "Keep a public reply on X under 280 characters; put the details in a DM."
    if s.chat:
        return "Send one or two short sentences per chat message."
    return (f"Keep {_a(s.platform_label)} reply to two or three short sentences; put the details in a "
            f"{s.private_word}." if s.public else
            f"Keep a {s.private_word} to a few short sentences, one point each.")


def example(key: str, s: Setting) -> str:
    makers = _complaint_examples(s)
    if s.praise:
        makers = {**makers, **_praise_examples(s)}
    elif s.crisis:
        makers = {**makers, **_crisis_examples(s)}
    elif s.feeling == "hard":
        makers = {**makers, **_hard_examples(s)}
    make = makers.get(key)
    return _cap(" ".join(make().split())) if make else ""
