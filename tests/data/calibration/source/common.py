"""Helpers for the hand-typed calibration batches.

Each record's labels are typed by hand as a 19-character code, one character per criterion in
CRITERIA order: '2', '1', '0', '-' (n/a); data_protection is 'P' (pass) or 'F' (fail).
timeliness may be typed as '?' to apply the guide's timeliness rule mechanically to response_minutes
(free mode: 60-minute public target; scenario mode: the scenario's sla_minutes; n/a when minutes unknown).
"""
CRITERIA = ["hear", "empathise", "apologise", "take_ownership", "acknowledge", "act",
            "greeting", "personalisation", "signposting", "closing", "tone_of_voice",
            "plain_language", "data_protection", "take_private", "clarify", "escalation",
            "accuracy", "timeliness", "platform_fit"]

RECORDS = []


def decode(code, minutes, scenario):
    code = code.replace(" ", "")
    assert len(code) == 19, (code, len(code))
    out = {}
    for crit, ch in zip(CRITERIA, code):
        if crit == "data_protection":
            assert ch in "PF", code
            out[crit] = "pass" if ch == "P" else "fail"
        elif ch == "-":
            out[crit] = None
        elif ch == "?":
            assert crit == "timeliness"
            if minutes is None:
                out[crit] = None
            else:
                target = scenario["sla_minutes"] if scenario else 60
                out[crit] = 2 if minutes <= target else (1 if minutes <= 2 * target else 0)
        else:
            out[crit] = int(ch)
    return out


def tw(pair, band, code, note, name=None):
    """A record from twcs_pairs.csv (text filled in by build.py)."""
    RECORDS.append(dict(source="twcs", twcs_pair_id=pair, band=band, code=code, note=note,
                        customer_name=name))


def w(customer, reply, platform, channel, minutes, band, code, note, name=None, handle=None,
      scenario=None):
    RECORDS.append(dict(source="written", customer=customer, reply=reply, platform=platform,
                        channel=channel, response_minutes=minutes, customer_name=name,
                        customer_handle=handle, scenario=scenario, band=band, code=code, note=note))
