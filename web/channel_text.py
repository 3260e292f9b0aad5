"""How the workspace writes people and simulated times, as the channels show them. Plain functions, not Jinja
macros (issue 17): a macro call costs a new context and a Markup join, and the workspace calls these once per
message or more. Each returns plain text; the template escapes it."""
from __future__ import annotations


def ago(minutes: float) -> str:
    """Simulated minutes since a message, as the platform's "time since posting": "just now", "12 min ago",
    "2 h 5 min ago", "3 d ago"."""
    m = int(round(minutes if minutes > 0 else 0, 0))
    if m < 1:
        return "just now"
    if m < 60:
        return f"{m} min ago"
    if m < 1440:
        return f"{m // 60} h {m % 60} min ago"
    return f"{m // 1440} d ago"


def initials(name: str | None) -> str:
    """At most 2 letters, from the first words that start with a letter: "Larkspur & Vale (you)" -> "LV"."""
    letters = ""
    for word in (name or "").split():
        if len(letters) >= 2:
            break
        if word[:1].isalpha():
            letters += word[:1].upper()
    return letters or "?"


def shown_name(name: str, handle: str | None, platform: str) -> str:
    """X shows a name and @handle; Facebook a profile's name only; Instagram the username (the handle without @).
    Brands keep their page name on Facebook."""
    return handle.lstrip("@") if platform == "instagram" and handle else name


def register(app) -> None:
    for function in (ago, initials, shown_name):
        app.add_template_global(function)
