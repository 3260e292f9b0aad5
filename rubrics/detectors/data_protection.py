"""data_protection: personal data revealed or asked for in public, passwords, identity checks in live chat."""
from __future__ import annotations

import re

from rubrics.cues.matching import fast_paths, lsearch
from rubrics.cues.personal_data import (
    ACCOUNT_NO_RE,
    ACCOUNT_TALK_RE,
    ADDRESS_RE,
    ASK_RE,
    BRAND_PHONE_RE,
    CARD_FRAGMENT_RE,
    CARD_RE,
    DOB_RE,
    EMAIL_RE,
    GENERIC_MAILBOX_RE,
    IMPERATIVE_ASK_RE,
    NEVER_SHARE_RE,
    ORDER_REF_RE,
    PASSWORD_ASK_RE,
    PASSWORD_REVEAL_RE,
    PERSONAL_ITEM_RE,
    PHONE_RE,
    POSTCODE_RE,
    PRIVATE_MARK_RE,
    SORT_CODE_RE,
    VERIFY_RE,
)
from rubrics.cues.reply import Cues
from rubrics.detectors.base import DIGIT_RE, HIGH, LOW, Judgement, Situation, detector, spans


def _reveals(cues: Cues, sit: Situation) -> list[tuple[int, int, str]]:
    text = cues.r.masked
    found: list[tuple[int, int, str]] = []
    if fast_paths() and not DIGIT_RE.search(text) and "@" not in cues.r.text:   # every pattern below needs one
        return found
    for m in EMAIL_RE.finditer(cues.r.text):
        if not GENERIC_MAILBOX_RE.match(m.group()):
            found.append((m.start(), m.end(), "an email address"))
    for m in PHONE_RE.finditer(text):
        if not BRAND_PHONE_RE.match(m.group().strip()):
            found.append((m.start(), m.end(), "a phone number"))
    for m in CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19:
            found.append((m.start(), m.end(), "a card number"))
    for pat, what in ((SORT_CODE_RE, "a sort code"), (ACCOUNT_NO_RE, "an account number"),
                      (CARD_FRAGMENT_RE, "the last digits of a card or account"),
                      (POSTCODE_RE, "a postcode"), (ADDRESS_RE, "a street address"),
                      (DOB_RE, "a date of birth"),      # a password written out fails before this, on any channel
                      (ORDER_REF_RE, "an order or booking reference")):
        for m in pat.finditer(text):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), what))
    return found


@detector("data_protection")
def data_protection(cues: Cues, sit: Situation) -> Judgement:
    text = cues.r.masked
    pw = [p for p in cues.find(PASSWORD_ASK_RE)
          if not NEVER_SHARE_RE.search(text[max(0, p[0] - 40):p[1]])]
    if pw:
        return Judgement("fail", spans(cues, pw[:1]), "never ask for a password, PIN or security code",
                         "Asks for a password or security code (critical).", HIGH)
    shown = cues.find(PASSWORD_REVEAL_RE)
    if shown:   # a password written out is unsafe on any channel, private ones included
        return Judgement("fail", spans(cues, shown[:1]), "never write a password out; send a reset link instead",
                         "Writes a password out (critical).", HIGH)
    if sit.public:
        revealed = _reveals(cues, sit)
        if revealed:
            what = ", ".join(dict.fromkeys(r[2] for r in revealed))
            return Judgement("fail", spans(cues, [r[:2] for r in revealed[:2]]),
                             "keep personal details out of public replies", f"Reveals {what} in public (critical).",
                             HIGH)
        lower = cues.r.lower
        for s, e in cues.r.sentences:
            sent = lower[s:e]
            ask = lsearch(ASK_RE, sent) or lsearch(IMPERATIVE_ASK_RE, sent)
            if not ask:
                continue
            a0 = ask.start("verb") if "verb" in ask.re.groupindex else ask.start()
            item = lsearch(PERSONAL_ITEM_RE, sent)
            if item and not lsearch(PRIVATE_MARK_RE, sent) and not lsearch(NEVER_SHARE_RE, sent):
                nxt = lower[e:e + 80]
                if lsearch(PRIVATE_MARK_RE, nxt[:60]) and re.match(r"\s*(?:via|in|by|over|through)\b", nxt):
                    continue
                strong = re.search(r"e-?mail|phone|mobile|address|post\s?code|card|password|date of birth|dob|"
                                   r"full name|account number|sort code", item.group(), re.I)
                return Judgement("fail", spans(cues, [(s + a0, s + max(ask.end(), item.end()))]),
                                 "ask for personal details only in a private message",
                                 f"Asks for {item.group().lower()} in a public reply (critical).",
                                 HIGH if strong else LOW)
    if sit.chat and sit.expected.get("verify_identity"):
        talk = cues.find(ACCOUNT_TALK_RE) + cues.find(CARD_FRAGMENT_RE)
        verified = cues.find(VERIFY_RE) or sit.verified_earlier
        if talk and not verified:
            return Judgement("fail", spans(cues, talk[:1]),
                             "verify the customer's identity before discussing the account",
                             "Discusses the account before verifying identity (critical).", LOW)
    return Judgement("pass", (), None, "No personal data asked for or revealed in public.", HIGH)
