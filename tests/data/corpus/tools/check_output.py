"""Check a rater's output file against its batch: keys, allowed values, order. Never judges the labels."""
import json
import sys

LEVEL = {0, 1, 2}
ALLOWED = {
    "hear": LEVEL, "empathise": LEVEL | {"na"}, "apologise": LEVEL | {"na"}, "take_ownership": LEVEL | {"na"},
    "acknowledge": LEVEL, "act": LEVEL | {"na"}, "greeting": LEVEL | {"na"}, "personalisation": LEVEL,
    "signposting": LEVEL | {"na"}, "closing": LEVEL | {"na"}, "tone_of_voice": LEVEL, "plain_language": LEVEL,
    "data_protection": {"pass", "fail"}, "take_private": LEVEL | {"na"},
    "clarify": LEVEL | {"na", "nl"}, "escalation": LEVEL | {"na", "nl"}, "accuracy": LEVEL | {"na", "nl"},
    "platform_fit": LEVEL | {"nl"},
}
GRADES = {"Refer", "Pass", "Merit", "Distinction"}
KEYS = {"item_id", "usable", *ALLOWED, "must_cover_missing", "must_not_breached", "grade", "note"}


def main(batch_path, out_path):
    items = [json.loads(l) for l in open(batch_path, encoding="utf-8") if l.strip()]
    problems = []
    try:
        rows = [json.loads(l) for l in open(out_path, encoding="utf-8") if l.strip()]
    except json.JSONDecodeError as exc:
        print(f"not valid JSON lines: {exc}")
        return 1
    if len(rows) != len(items):
        problems.append(f"{len(rows)} output lines for {len(items)} items")
    for n, (item, row) in enumerate(zip(items, rows), 1):
        where = f"line {n} ({item['item_id']})"
        if row.get("item_id") != item["item_id"]:
            problems.append(f"{where}: item_id {row.get('item_id')!r} out of order")
            continue
        if set(row) != KEYS:
            problems.append(f"{where}: keys missing {sorted(KEYS - set(row))} extra {sorted(set(row) - KEYS)}")
            continue
        if row["usable"] is False:
            continue
        if row["usable"] is not True:
            problems.append(f"{where}: usable must be true or false")
        for key, allowed in ALLOWED.items():
            if row[key] not in allowed:
                problems.append(f"{where}: {key}={row[key]!r} not one of {sorted(map(str, allowed))}")
        has_scenario = bool(item.get("scenario"))
        for key in ("clarify", "escalation", "accuracy", "platform_fit"):
            if not has_scenario and row[key] != "nl":
                problems.append(f"{where}: {key} must be 'nl' (no scenario)")
            if has_scenario and row[key] == "nl":
                problems.append(f"{where}: {key} must be labelled (the item has a scenario)")
        for key in ("must_cover_missing", "must_not_breached"):
            if not isinstance(row[key], list):
                problems.append(f"{where}: {key} must be a list")
        if row["grade"] not in GRADES:
            problems.append(f"{where}: grade {row['grade']!r}")
        if not isinstance(row["note"], str):
            problems.append(f"{where}: note must be a string")
    for p in problems:
        print(p)
    print(f"{len(rows)} lines checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
