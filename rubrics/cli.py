"""Command line: `python -m rubrics score FILE.jsonl`, `python -m rubrics calibrate [--labels PATH]`,
`python -m rubrics survey FILE.csv` (level distribution over real pairs)."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from rubrics.errors import RubricsError, ScoringInputError
from rubrics.rubric import CRITERION_ORDER


def _scenario_context(rec: dict) -> dict:
    """Scenario mode: the simulator builds the scoring context from a scenario id and seed (imported lazily)."""
    try:
        import simulator
        load_library, generate = simulator.load_library, simulator.generate
    except (ImportError, AttributeError) as exc:
        raise ScoringInputError("scenario mode needs simulator.load_library/generate, which are not available "
                                "in this checkout") from exc
    try:
        seed = int(rec["seed"])
    except (TypeError, ValueError) as exc:
        raise ScoringInputError(f"seed must be an integer, not {rec.get('seed')!r}") from exc
    try:
        library = load_library()
        try:
            instance = generate(rec["scenario"], seed, library=library)
        except TypeError:
            instance = generate(rec["scenario"], seed)
    except KeyError as exc:
        raise ScoringInputError(f"unknown scenario {rec['scenario']!r}") from exc
    data = instance.to_dict()
    if not data.get("scoring_context"):
        raise ScoringInputError(f"scenario {rec['scenario']!r} ({data.get('exercise_type', 'this exercise type')}) has "
                                "no "
                                f"single-reply scoring context; score it with the simulator's own scoring")
    ctx = dict(data["scoring_context"])
    for key in ("customer", "platform", "channel", "response_minutes", "customer_name"):
        if rec.get(key) is not None:
            ctx[key] = rec[key]
    return ctx


def _context(rec: dict) -> dict:
    if isinstance(rec.get("scenario"), str) and "seed" in rec:
        return _scenario_context(rec)
    if isinstance(rec.get("scenario"), dict):
        scenario = rec["scenario"]
    elif rec.get("scenario") is None:
        scenario = None
    else:
        raise ScoringInputError("scenario must be an id with a seed, an inline scenario object, or null")
    return {"customer": rec.get("customer"), "platform": rec.get("platform"), "channel": rec.get("channel"),
            "response_minutes": rec.get("response_minutes"), "customer_name": rec.get("customer_name"),
            "customer_handle": rec.get("customer_handle"), "previous_replies": rec.get("previous_replies") or [],
            "scenario": scenario}


def cmd_score(args) -> int:
    from rubrics.scoring import score_conversation, score_reply
    bad = 0
    out = sys.stdout
    with open(args.file, encoding="utf-8") if args.file != "-" else sys.stdin as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ScoringInputError("each line must be a JSON object")
                ctx = _context(rec)
                if isinstance(rec.get("turns"), list):
                    result = score_conversation(rec["turns"], ctx)
                else:
                    if "reply" not in rec:
                        raise ScoringInputError("missing 'reply'")
                    result = score_reply(rec["reply"], ctx)
            # json errors, ScoringInputError, simulator usage errors
            except (ValueError, KeyError, RubricsError) as exc:
                bad += 1
                msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
                print(f"{args.file}:{lineno}: skipped: {msg}", file=sys.stderr)
                continue
            except Exception as exc:  # noqa: BLE001 - one broken record must not stop the batch
                bad += 1
                print(f"{args.file}:{lineno}: skipped (internal error, please report): {type(exc).__name__}: {exc}",
                      file=sys.stderr)
                continue
            crit = result["criteria"]
            out.write(json.dumps({
                "id": rec.get("id"),
                "criteria": {k: crit[k]["level"] for k in CRITERION_ORDER},
                "grade": result["grade"], "grade_rule": result["grade_rule"], "mode": result["mode"],
                "evidence": {k: crit[k]["evidence"] for k in CRITERION_ORDER if crit[k]["evidence"]},
                "reasons": {k: crit[k]["reason"] for k in CRITERION_ORDER},
                "low_confidence": result["signals"]["low_confidence"],
                "feedback": result["feedback"], "rubric": result["rubric"],
            }, ensure_ascii=False) + "\n")
    if bad:
        print(f"{bad} line(s) skipped", file=sys.stderr)
    return 1 if bad else 0


def cmd_calibrate_corpus(args) -> int:
    from rubrics.corpus import load_corpus
    from rubrics.evaluation import evaluate, format_evaluation
    folder = Path(args.corpus)
    if not folder.is_dir():
        print(f"no corpus folder at {folder}", file=sys.stderr)
        return 2
    records = load_corpus(folder, args.split)
    if args.source:
        records = [r for r in records if r.get("source") == args.source]
    rep = evaluate(records)
    if args.json:
        print(json.dumps(rep, indent=1))
    else:
        print(format_evaluation(rep, f"Scorer against the consensus of {folder} (split {args.split or 'all'}"
                                     f"{', source ' + args.source if args.source else ''})"))
        if args.disagreements:
            for m in rep["grade_misses"]:
                print(f"  {m['id']}: grade human={m['human']} scorer={m['scorer']}")
    return 1 if rep["errors"] else 0


def cmd_calibrate(args) -> int:
    if args.corpus:
        return cmd_calibrate_corpus(args)
    from rubrics.calibration import DEFAULT_LABELS, calibrate, format_report, load_labels
    path = Path(args.labels) if args.labels else DEFAULT_LABELS
    if not path.exists():
        print(f"no labelled file at {path}", file=sys.stderr)
        return 2
    records, problems = load_labels(path)
    if args.source:
        records = [r for r in records if r.get("source") == args.source]
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    analysers = [None] if not args.compare_tone else ["vader", "textblob", "none"]
    for analyser in analysers:
        rep = calibrate(records, analyser=analyser)
        if args.json:
            rep.pop("disagreements") if not args.disagreements else None
            print(json.dumps({"analyser": analyser, **rep}, indent=1))
            continue
        print(f"Calibration against {path} ({len(records)} records; tone analyser: {analyser or 'default'})")
        print(format_report(rep))
        if args.disagreements:
            for d in rep["disagreements"]:
                print(f"  {d['id']}: {d['criterion']} human={d['human']} scorer={d['machine']} ({d['reason']})")
        print()
    return 0


def cmd_survey(args) -> int:
    from rubrics.scoring import score_reply
    with open(args.file, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    dist: dict[str, Counter] = {k: Counter() for k in CRITERION_ORDER}
    grades: Counter = Counter()
    crashes = 0
    for row in rows:
        ctx = {"customer": row.get("customer_message_anon") or row.get("customer_message"), "platform": "twitter",
               "channel": "public",
               "response_minutes": float(row["reply_delay_minutes"]) if row.get("reply_delay_minutes") else None}
        try:
            r = score_reply(row.get("brand_reply_anon") or row["brand_reply"], ctx)
        except Exception as exc:  # noqa: BLE001 - the survey reports crashes rather than stopping
            crashes += 1
            print(f"row {row.get('pair_id')}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for k in CRITERION_ORDER:
            lv = r["criteria"][k]["level"]
            dist[k]["n/a" if lv is None else str(lv)] += 1
        grades[r["grade"]] += 1
    cols = ["2", "1", "0", "pass", "fail", "n/a"]
    print(f"{len(rows)} pairs, {crashes} crashes")
    print("| criterion | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for k in CRITERION_ORDER:
        print(f"| {k} | " + " | ".join(str(dist[k].get(c, 0)) for c in cols) + " |")
    print("grades: " + ", ".join(f"{g} {grades.get(g, 0)}" for g in ("Refer", "Pass", "Merit", "Distinction")))
    return 1 if crashes else 0


def cmd_train(args) -> int:
    from rubrics.judge.model_card import write_card
    from rubrics.judge.training import train
    data = train(Path(args.corpus))
    if not args.no_card:
        write_card(data, Path(args.corpus))
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m rubrics", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", help="score one JSON object a line; writes one result line per record")
    s.add_argument("file", help="JSONL file ('-' for stdin)")
    s.set_defaults(func=cmd_score)
    c = sub.add_parser("calibrate", help="agreement with the labelled calibration set")
    c.add_argument("--labels", help="labelled JSONL (default tests/data/calibration/replies.jsonl)")
    c.add_argument("--json", action="store_true", help="print the figures as JSON")
    c.add_argument("--compare-tone", action="store_true", help="run with VADER, TextBlob and no sentiment")
    c.add_argument("--disagreements", action="store_true", help="list every disagreement")
    c.add_argument("--source", help="only records with this source (e.g. twcs for the real replies)")
    c.add_argument("--corpus", help="a labelled corpus folder (tests/data/corpus): kappa, exact agreement and "
                                    "coverage against the raters' consensus")
    c.add_argument("--split", choices=("train", "heldout"), help="with --corpus: only this split")
    c.set_defaults(func=cmd_calibrate)
    t = sub.add_parser("train", help="rebuild rubrics/data/judge-model.json and its model card from the corpus")
    t.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"))
    t.add_argument("--no-card", action="store_true", help="skip the heldout figures and the model card")
    t.set_defaults(func=cmd_train)
    v = sub.add_parser("survey", help="level distribution over real pairs (twcs_pairs.csv format)")
    v.add_argument("file")
    v.set_defaults(func=cmd_survey)
    args = p.parse_args(argv)
    return args.func(args)
