"""Command line: `python -m simulator list | validate [PATH] | generate ID --seed N | table`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from simulator.errors import SimulatorUsageError
from simulator.generation import generate
from simulator.loader import DEFAULT_SCENARIO_DIR, load_library
from simulator.table import coverage, markdown_table, readme_with_tables, reference_markdown


def _list(args) -> int:
    lib = load_library(args.path)
    for s in lib.list():
        print(f"{s.id:42} {s.exercise_type:13} {s.difficulty:7} {','.join(s.platforms):20} {s.title}")
    print(f"{len(lib)} scenario(s)" + (f"; {len(lib.errors)} problem(s): run `python -m simulator validate`"
                                        if lib.errors else ""), file=sys.stderr)
    return 0


def _validate(args) -> int:
    lib = load_library(args.path)
    for problem in lib.errors:
        print(problem)
    files = {p.file for p in lib.errors}
    print(f"{len(lib)} valid scenario(s), {len(files)} invalid file(s), {len(lib.errors)} problem(s)",
          file=sys.stderr)
    return 1 if lib.errors else 0


def _generate(args) -> int:
    lib = load_library(args.path)
    try:
        instance = generate(args.scenario_id, args.seed, library=lib)
    except SimulatorUsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(instance.to_dict(), indent=2, ensure_ascii=False))
    return 0


def _table(args) -> int:
    lib = load_library(args.path)
    if args.write_readme:
        folder = Path(args.path)
        example = folder / "_example.yaml"
        example_text = example.read_text(encoding="utf-8") if example.exists() else None
        readmes = [folder / "README.md"]
        if folder.resolve() == DEFAULT_SCENARIO_DIR:       # the project README repeats the table
            readmes.append(DEFAULT_SCENARIO_DIR.parent / "README.md")
        for readme in readmes:
            readme.write_text(readme_with_tables(readme.read_text(encoding="utf-8"), lib, example_text),
                              encoding="utf-8")
            print(f"updated {readme}", file=sys.stderr)
        return 1 if lib.errors else 0
    print(markdown_table(lib))
    if args.reference:
        print()
        print(reference_markdown())
    if args.coverage:
        print()
        print(json.dumps(coverage(lib), indent=2))
    return 1 if lib.errors else 0


COMMANDS = {"list": _list, "validate": _validate, "generate": _generate, "table": _table}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("list", help="list the scenarios")
    p.add_argument("--path", default=str(DEFAULT_SCENARIO_DIR))
    p = sub.add_parser("validate", help="check scenario files; exit 1 listing every problem")
    p.add_argument("path", nargs="?", default=str(DEFAULT_SCENARIO_DIR), help="a folder or one .yaml file")
    p = sub.add_parser("generate", help="print a generated instance as JSON")
    p.add_argument("scenario_id")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--path", default=str(DEFAULT_SCENARIO_DIR))
    p = sub.add_parser("table", help="print the markdown table of scenarios (for scenarios/README.md)")
    p.add_argument("--path", default=str(DEFAULT_SCENARIO_DIR))
    p.add_argument("--coverage", action="store_true", help="also print counts per category, type, platform")
    p.add_argument("--reference", action="store_true", help="also print the allowed words (slots, moods...)")
    p.add_argument("--write-readme", action="store_true",
                   help="rewrite the generated blocks (table, reference, annotated example) of "
                        "scenarios/README.md, and the table in the project README.md, in place")
    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)
