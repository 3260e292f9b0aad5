"""A strict validator for xAPI 1.0.3 statements (IEEE 9274.1.1 / ADL xAPI 1.0.3, Part Two "Experience API Data").

It checks a statement as a plain dict, the way it will be sent as JSON, and lists every problem at once with
the path to it ("actor.account.homePage: ..."). It is stricter than many LRSs: unknown properties and null
values are refused everywhere, as the conformance suite expects a strict LRS to do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.I)
# ISO 8601 date and time; xAPI requires the time zone on timestamps it stores, and we require it on all.
TIMESTAMP_RE = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$")
DURATION_RE = re.compile(r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?"
                         r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")
# RFC 5646 language tags, the common shapes (language[-script][-region][-variant]* or a private use tag).
LANGUAGE_RE = re.compile(r"^(([a-z]{2,3}(-[a-z]{3}){0,3}|[a-z]{4,8})(-[a-z]{4})?(-([a-z]{2}|\d{3}))?"
                         r"(-([a-z\d]{5,8}|\d[a-z\d]{3}))*(-[a-wyz\d](-[a-z\d]{2,8})+)*(-x(-[a-z\d]{1,8})+)?"
                         r"|x(-[a-z\d]{1,8})+)$", re.I)
SHA1_RE = re.compile(r"^[0-9a-f]{40}$", re.I)
SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*$", re.I)

STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
                  "version", "attachments"}
SUBSTATEMENT_KEYS = {"objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
GROUP_KEYS = AGENT_KEYS | {"member"}
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
VERB_KEYS = {"id", "display"}
ACTIVITY_KEYS = {"objectType", "id", "definition"}
DEFINITION_KEYS = {"name", "description", "type", "moreInfo", "extensions", "interactionType",
                   "correctResponsesPattern", "choices", "scale", "source", "target", "steps"}
INTERACTION_TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing",
                     "likert", "numeric", "other"}
INTERACTION_COMPONENTS = {"choices", "scale", "source", "target", "steps"}
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
SCORE_KEYS = {"scaled", "raw", "min", "max"}
CONTEXT_KEYS = {"registration", "instructor", "team", "contextActivities", "revision", "platform", "language",
                "statement", "extensions"}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}
ATTACHMENT_KEYS = {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"}
VOIDED = "http://adlnet.gov/expapi/verbs/voided"


@dataclass(frozen=True)
class Problem:
    """One rule a statement breaks: where (a dotted path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or 'statement'}: {self.message}"


class _Check:
    """Collects problems while walking one statement."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(self, value: Any, path: str, allowed: set[str], required: tuple[str, ...] = ()) -> bool:
        """Is value a JSON object with only allowed keys, every required one, and no null? Reports each miss."""
        if not isinstance(value, dict):
            self.fail(path, f"must be a JSON object, not {type(value).__name__}")
            return False
        for key in sorted(set(value) - allowed):
            self.fail(_join(path, key), "is not a property xAPI 1.0.3 allows here")
        for key in required:
            if key not in value:
                self.fail(_join(path, key), "is required")
        for key, item in value.items():
            if item is None:
                self.fail(_join(path, key), "must not be null (leave the property out instead)")
        return True

    def string(self, value: Any, path: str) -> bool:
        if not isinstance(value, str):
            self.fail(path, f"must be a string, not {type(value).__name__}")
            return False
        return True

    def iri(self, value: Any, path: str) -> None:
        if self.string(value, path) and not is_iri(value):
            self.fail(path, f"must be an absolute IRI (scheme:...), not {value!r}")

    def irl(self, value: Any, path: str) -> None:
        if self.string(value, path) and not is_irl(value):
            self.fail(path, f"must be an absolute IRL (http:// or https:// with a host), not {value!r}")

    def uuid(self, value: Any, path: str) -> None:
        if self.string(value, path) and not UUID_RE.match(value):
            self.fail(path, f"must be a UUID (RFC 4122, 8-4-4-4-12 hex digits), not {value!r}")

    def timestamp(self, value: Any, path: str) -> None:
        if self.string(value, path) and not TIMESTAMP_RE.match(value):
            self.fail(path, f"must be an ISO 8601 date and time with a time zone, not {value!r}")

    def language_map(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            self.fail(path, "must be a language map (an object of language tag -> string)")
            return
        if not value:
            self.fail(path, "must not be empty")
        for tag, text in value.items():
            if not LANGUAGE_RE.match(tag):
                self.fail(_join(path, tag), f"{tag!r} is not an RFC 5646 language tag")
            if not isinstance(text, str):
                self.fail(_join(path, tag), "must be a string")

    def extensions(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            self.fail(path, "must be an object whose keys are IRIs")
            return
        for key in value:
            if not is_iri(key):
                self.fail(_join(path, key), "an extension's key must be an absolute IRI")


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def is_iri(value: str) -> bool:
    """An absolute IRI: a scheme, a colon, then something, with no spaces."""
    scheme, sep, rest = value.partition(":")
    return bool(sep and rest and SCHEME_RE.match(scheme)) and not any(c.isspace() for c in value)


def is_irl(value: str) -> bool:
    if not is_iri(value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# ------------------------------------------------------------------------------------------ the parts

def _actor(c: _Check, value: Any, path: str, *, group_only: bool = False) -> None:
    if not isinstance(value, dict):
        c.fail(path, "must be an Agent or a Group object")
        return
    kind = value.get("objectType", "Agent")
    if group_only and kind != "Group":
        c.fail(_join(path, "objectType"), "must be 'Group' here")
    if kind == "Group":
        _group(c, value, path)
    elif kind == "Agent":
        _agent(c, value, path)
    else:
        c.fail(_join(path, "objectType"), f"must be 'Agent' or 'Group', not {kind!r}")


def _ifis(c: _Check, value: dict, path: str) -> int:
    """Check each inverse functional identifier present; return how many there are."""
    present = [key for key in IFIS if key in value]
    if "mbox" in value and c.string(value["mbox"], _join(path, "mbox")):
        if not re.match(r"^mailto:[^@\s]+@[^@\s]+$", value["mbox"]):
            c.fail(_join(path, "mbox"), "must be a mailto: IRI ('mailto:someone@example.org')")
    if "mbox_sha1sum" in value and c.string(value["mbox_sha1sum"], _join(path, "mbox_sha1sum")):
        if not SHA1_RE.match(value["mbox_sha1sum"]):
            c.fail(_join(path, "mbox_sha1sum"), "must be 40 hexadecimal digits (a SHA-1 of the mailto IRI)")
    if "openid" in value:
        c.iri(value["openid"], _join(path, "openid"))
    if "account" in value:
        account = value["account"]
        if c.obj(account, _join(path, "account"), {"homePage", "name"}, ("homePage", "name")):
            if "homePage" in account:
                c.irl(account["homePage"], _join(path, "account.homePage"))
            if "name" in account and c.string(account["name"], _join(path, "account.name")) \
                    and not account["name"].strip():
                c.fail(_join(path, "account.name"), "must not be empty")
    return len(present)


def _agent(c: _Check, value: dict, path: str) -> None:
    if not c.obj(value, path, AGENT_KEYS):
        return
    if "name" in value:
        c.string(value["name"], _join(path, "name"))
    count = _ifis(c, value, path)
    if count != 1:
        c.fail(path, f"an Agent must have exactly one of mbox, mbox_sha1sum, openid, account (it has {count})")


def _group(c: _Check, value: dict, path: str) -> None:
    if not c.obj(value, path, GROUP_KEYS, ("objectType",)):
        return
    if "name" in value:
        c.string(value["name"], _join(path, "name"))
    count = _ifis(c, value, path)
    if count > 1:
        c.fail(path, f"an identified Group has exactly one of mbox, mbox_sha1sum, openid, account (it has {count})")
    members = value.get("member")
    if count == 0 and not members:
        c.fail(_join(path, "member"), "an anonymous Group must list its members")
    if members is not None:
        if not isinstance(members, list):
            c.fail(_join(path, "member"), "must be a list of Agents")
            return
        for i, member in enumerate(members):
            where = _join(_join(path, "member"), i)
            if isinstance(member, dict) and member.get("objectType", "Agent") != "Agent":
                c.fail(_join(where, "objectType"), "a Group's members are Agents")
            else:
                _agent(c, member, where)


def _verb(c: _Check, value: Any, path: str) -> None:
    if not c.obj(value, path, VERB_KEYS, ("id",)):
        return
    if "id" in value:
        c.iri(value["id"], _join(path, "id"))
    if "display" in value:
        c.language_map(value["display"], _join(path, "display"))


def _interaction(c: _Check, definition: dict, path: str) -> None:
    kind = definition.get("interactionType")
    if kind is None:
        for key in sorted(INTERACTION_COMPONENTS | {"correctResponsesPattern"}):
            if key in definition:
                c.fail(_join(path, key), "is only allowed with an interactionType")
        return
    if kind not in INTERACTION_TYPES:
        c.fail(_join(path, "interactionType"), f"must be one of {', '.join(sorted(INTERACTION_TYPES))}")
    pattern = definition.get("correctResponsesPattern")
    if pattern is not None and not (isinstance(pattern, list) and all(isinstance(p, str) for p in pattern)):
        c.fail(_join(path, "correctResponsesPattern"), "must be a list of strings")
    for key in sorted(INTERACTION_COMPONENTS & set(definition)):
        items = definition[key]
        if not isinstance(items, list):
            c.fail(_join(path, key), "must be a list of interaction components")
            continue
        for i, item in enumerate(items):
            where = _join(_join(path, key), i)
            if c.obj(item, where, {"id", "description"}, ("id",)):
                if "id" in item:
                    c.string(item["id"], _join(where, "id"))
                if "description" in item:
                    c.language_map(item["description"], _join(where, "description"))


def _activity(c: _Check, value: Any, path: str) -> None:
    if not c.obj(value, path, ACTIVITY_KEYS, ("id",)):
        return
    if value.get("objectType", "Activity") != "Activity":
        c.fail(_join(path, "objectType"), "must be 'Activity'")
    if "id" in value:
        c.iri(value["id"], _join(path, "id"))
    definition = value.get("definition")
    if definition is None:
        return
    where = _join(path, "definition")
    if not c.obj(definition, where, DEFINITION_KEYS):
        return
    for key in ("name", "description"):
        if key in definition:
            c.language_map(definition[key], _join(where, key))
    if "type" in definition:
        c.iri(definition["type"], _join(where, "type"))
    if "moreInfo" in definition:
        c.irl(definition["moreInfo"], _join(where, "moreInfo"))
    if "extensions" in definition:
        c.extensions(definition["extensions"], _join(where, "extensions"))
    _interaction(c, definition, where)


def _statement_ref(c: _Check, value: dict, path: str) -> None:
    if c.obj(value, path, {"objectType", "id"}, ("objectType", "id")) and "id" in value:
        c.uuid(value["id"], _join(path, "id"))


def _object(c: _Check, value: Any, path: str, *, in_substatement: bool = False) -> None:
    if not isinstance(value, dict):
        c.fail(path, "must be an Activity, Agent, Group, StatementRef or SubStatement object")
        return
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        _activity(c, value, path)
    elif kind in ("Agent", "Group"):
        _actor(c, value, path)
    elif kind == "StatementRef":
        _statement_ref(c, value, path)
    elif kind == "SubStatement":
        if in_substatement:
            c.fail(_join(path, "objectType"), "a SubStatement must not contain a SubStatement")
        else:
            _substatement(c, value, path)
    else:
        c.fail(_join(path, "objectType"), f"{kind!r} is not an xAPI object type")


def _score(c: _Check, value: Any, path: str) -> None:
    if not c.obj(value, path, SCORE_KEYS):
        return
    numbers = {}
    for key in SCORE_KEYS & set(value):
        number = value[key]
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            c.fail(_join(path, key), "must be a number")
        else:
            numbers[key] = number
    if "scaled" in numbers and not -1 <= numbers["scaled"] <= 1:
        c.fail(_join(path, "scaled"), f"must be between -1 and 1, not {numbers['scaled']}")
    low, high, raw = numbers.get("min"), numbers.get("max"), numbers.get("raw")
    if low is not None and high is not None and not low < high:
        c.fail(_join(path, "max"), "must be greater than min")
    if raw is not None and (low is not None and raw < low or high is not None and raw > high):
        c.fail(_join(path, "raw"), "must lie between min and max")


def _result(c: _Check, value: Any, path: str) -> None:
    if not c.obj(value, path, RESULT_KEYS):
        return
    if "score" in value:
        _score(c, value["score"], _join(path, "score"))
    for key in ("success", "completion"):
        if key in value and not isinstance(value[key], bool):
            c.fail(_join(path, key), "must be true or false")
    if "response" in value:
        c.string(value["response"], _join(path, "response"))
    if "duration" in value and c.string(value["duration"], _join(path, "duration")):
        if not DURATION_RE.match(value["duration"]):
            c.fail(_join(path, "duration"), f"must be an ISO 8601 duration such as 'PT4M30S', not "
                                            f"{value['duration']!r}")
    if "extensions" in value:
        c.extensions(value["extensions"], _join(path, "extensions"))


def _context_activities(c: _Check, value: Any, path: str) -> None:
    if not c.obj(value, path, CONTEXT_ACTIVITY_KEYS):
        return
    for key in CONTEXT_ACTIVITY_KEYS & set(value):
        items = value[key]
        if isinstance(items, dict):   # 1.0.3 allows one Activity; LRSs store it as a list of one
            _activity(c, items, _join(path, key))
        elif isinstance(items, list):
            for i, item in enumerate(items):
                _activity(c, item, _join(_join(path, key), i))
        else:
            c.fail(_join(path, key), "must be an Activity or a list of Activities")


def _context(c: _Check, value: Any, path: str, object_kind: str) -> None:
    if not c.obj(value, path, CONTEXT_KEYS):
        return
    if "registration" in value:
        c.uuid(value["registration"], _join(path, "registration"))
    if "instructor" in value:
        _actor(c, value["instructor"], _join(path, "instructor"))
    if "team" in value:
        _actor(c, value["team"], _join(path, "team"), group_only=True)
    if "contextActivities" in value:
        _context_activities(c, value["contextActivities"], _join(path, "contextActivities"))
    for key in ("revision", "platform"):
        if key in value:
            c.string(value[key], _join(path, key))
            if object_kind != "Activity":
                c.fail(_join(path, key), "is only allowed when the object is an Activity")
    if "language" in value and c.string(value["language"], _join(path, "language")):
        if not LANGUAGE_RE.match(value["language"]):
            c.fail(_join(path, "language"), f"{value['language']!r} is not an RFC 5646 language tag")
    if "statement" in value:
        statement = value["statement"]
        if isinstance(statement, dict) and statement.get("objectType") == "StatementRef":
            _statement_ref(c, statement, _join(path, "statement"))
        else:
            c.fail(_join(path, "statement"), "must be a StatementRef")
    if "extensions" in value:
        c.extensions(value["extensions"], _join(path, "extensions"))


def _attachments(c: _Check, value: Any, path: str) -> None:
    if not isinstance(value, list):
        c.fail(path, "must be a list of attachments")
        return
    for i, item in enumerate(value):
        where = _join(path, i)
        if not c.obj(item, where, ATTACHMENT_KEYS, ("usageType", "display", "contentType", "length", "sha2")):
            continue
        if "usageType" in item:
            c.iri(item["usageType"], _join(where, "usageType"))
        for key in ("display", "description"):
            if key in item:
                c.language_map(item[key], _join(where, key))
        if "contentType" in item:
            c.string(item["contentType"], _join(where, "contentType"))
        length = item.get("length")
        if length is not None and (isinstance(length, bool) or not isinstance(length, int) or length < 0):
            c.fail(_join(where, "length"), "must be a whole number of octets")
        if "sha2" in item:
            c.string(item["sha2"], _join(where, "sha2"))
        if "fileUrl" in item:
            c.irl(item["fileUrl"], _join(where, "fileUrl"))


def _common(c: _Check, value: dict, path: str, *, in_substatement: bool) -> None:
    """What statements and sub-statements share: actor, verb, object, result, context, timestamp, attachments."""
    if "actor" in value:
        _actor(c, value["actor"], _join(path, "actor"))
    if "verb" in value:
        _verb(c, value["verb"], _join(path, "verb"))
    obj = value.get("object")
    if "object" in value:
        _object(c, obj, _join(path, "object"), in_substatement=in_substatement)
    if "result" in value:
        _result(c, value["result"], _join(path, "result"))
    if "context" in value:
        kind = obj.get("objectType", "Activity") if isinstance(obj, dict) else ""
        _context(c, value["context"], _join(path, "context"), kind)
    if "timestamp" in value:
        c.timestamp(value["timestamp"], _join(path, "timestamp"))
    if "attachments" in value:
        _attachments(c, value["attachments"], _join(path, "attachments"))
    verb_id = value.get("verb", {}).get("id") if isinstance(value.get("verb"), dict) else None
    if verb_id == VOIDED and not (isinstance(obj, dict) and obj.get("objectType") == "StatementRef"):
        c.fail(_join(path, "object"), "a 'voided' statement's object must be a StatementRef")


def _substatement(c: _Check, value: dict, path: str) -> None:
    if c.obj(value, path, SUBSTATEMENT_KEYS, ("objectType", "actor", "verb", "object")):
        _common(c, value, path, in_substatement=True)


# ------------------------------------------------------------------------------------------ the API

def problems(statement: Any) -> list[Problem]:
    """Every way this statement breaks the xAPI 1.0.3 rules; an empty list means it is valid."""
    c = _Check()
    if not c.obj(statement, "", STATEMENT_KEYS, ("actor", "verb", "object")):
        return c.problems
    if "id" in statement:
        c.uuid(statement["id"], "id")
    if "version" in statement and c.string(statement["version"], "version"):
        if not re.match(r"^1\.0(\.\d+)?$", statement["version"]):
            c.fail("version", f"must be a 1.0.x version, not {statement['version']!r}")
    if "stored" in statement:
        c.timestamp(statement["stored"], "stored")
    if "authority" in statement:
        _actor(c, statement["authority"], "authority")
    _common(c, statement, "", in_substatement=False)
    return c.problems


def is_valid(statement: Any) -> bool:
    return not problems(statement)

