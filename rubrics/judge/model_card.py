"""The model card (rubrics/data/judge-model.md): the data, the splits, the cross-validation choices and the figures,
heldout only, rules beside model. Written by `python -m rubrics train` after the model file."""
from __future__ import annotations

from pathlib import Path

from rubrics.corpus import load_corpus, load_suite
from rubrics.evaluation import evaluate

CARD_PATH = Path(__file__).resolve().parent.parent / "data" / "judge-model.md"
KEY = ("hear", "empathise", "apologise", "take_ownership", "act")
TARGETS = {"hear": 0.75, "empathise": 0.75, "apologise": 0.75, "take_ownership": 0.75, "act": 0.65}


def _scorer(judge: bool):
    from rubrics.scoring import score_conversation
    return lambda turns, ctx: score_conversation(turns, ctx, judge=judge)


def figures(corpus: Path) -> dict:
    """Heldout figures with the rules alone and with the model; the old held-out set; the behaviour suite."""
    from rubrics.calibration import DEFAULT_LABELS, calibrate, load_labels
    held = load_corpus(corpus, "heldout")
    out = {"rules": evaluate(held, _scorer(False)), "model": evaluate(held, _scorer(True))}
    old_path = DEFAULT_LABELS.parent.parent / "heldout" / "replies.jsonl"
    old, _ = load_labels(old_path)
    out["old_heldout"] = {"rules": calibrate(old, judge=False), "model": calibrate(old, judge=True)}
    suite = load_suite(corpus)
    out["suite"] = {}
    for name, judge in (("rules", False), ("model", True)):
        rep = evaluate(suite, _scorer(judge))
        missed = {m["id"] for m in rep["grade_misses"]}
        by: dict[str, list[int]] = {}
        for rec in suite:
            if rec.get("grade"):
                by.setdefault(rec["pattern"], [0, 0])
                by[rec["pattern"]][0] += rec["id"] not in missed
                by[rec["pattern"]][1] += 1
        out["suite"][name] = {**rep["grade"], "patterns": by}
    return out


def _f(v) -> str:
    return "-" if v is None else f"{v:.2f}"


def render(data: dict, figs: dict) -> str:
    cv = data["training"]["cross_validation"]
    lines = [f"# Judge model {data['version']} (rubrics/data/judge-model.json)", "",
             "Written by `python -m rubrics train` (seed "
             f"{data['training']['seed']}); do not edit by hand.", "",
             "## Data and splits",
             f"- Trained on the {data['training']['records']} `split == \"train\"` records of `tests/data/corpus/` "
             "(real X replies, IBM multi-turn care conversations, the written calibration records and learner-style "
             "replies; two raters each, see that folder's README). Each rater's label is one sample of weight 0.5.",
             "- Every choice (regularisation C, whether the model replaces the rules for a criterion, the probability "
             f"temperature, the override threshold and the cut points) by grouped {data['training']['folds']}-fold "
             "cross-validation on train.",
             "- `heldout` (534 records) is scored only here; `learner_suite.jsonl` (100) is never trained or tuned on.",
             "", "## The model",
             "Per criterion, a multinomial logistic regression over "
             f"{len(data['features'])} features: the rule detectors' levels and confidence flags, the customer "
             "reading and situation, the reply's shape, WordLlama (l2_supercat, 256-d) similarities to the customer's "
             "message, the scenario facts and generic descriptions of each criterion, and the reply's own embedding. "
             f"A level whose probability is under {data['low_confidence_below']} is flagged low confidence.", "",
             "`override` is the probability at which the model overrules a judgement the rules were sure of; "
             "`cut points` are the bands of the expected level (none: the most probable class).", "",
             "| criterion | used | C | temperature | override | cut points | cv qwk (model / rules) | "
             "cv exact (model / rules) |",
             "|---|---|---|---|---|---|---|---|"]
    for k, s in cv.items():
        cuts = "-" if not s.get("thresholds") else " / ".join(f"{t:.1f}" for t in s["thresholds"])
        lines.append(f"| {k} | {'yes' if s['used'] else 'no (rules kept)'} | {s['C']} | {s['temperature']} | "
                     f"{s.get('override_above', 0)} | {cuts} | "
                     f"{_f(s['cv']['qwk'])} / {_f(s['rules_cv']['qwk'])} | {_f(s['cv']['exact'])} / "
                     f"{_f(s['rules_cv']['exact'])} |")
    r, m = figs["rules"], figs["model"]
    lines += ["", "## Figures on the corpus heldout split (534 records; disputed criteria left out)", "",
              "| criterion | target | qwk rules | qwk model | exact rules | exact model | coverage rules | coverage "
              "model |",
              "|---|---|---|---|---|---|---|---|"]
    for k, a in m["criteria"].items():
        b = r["criteria"][k]
        lines.append(f"| {k} | {TARGETS.get(k, '')} | {_f(b['qwk'])} | {_f(a['qwk'])} | {_f(b['exact'])} | "
                     f"{_f(a['exact'])} | {_f(b['coverage'])} | {_f(a['coverage'])} |")
    lines.append(f"| **grade exact** | 0.85 | | | {_f(r['grade']['exact'])} | {_f(m['grade']['exact'])} | | |")
    o = figs["old_heldout"]
    lines += ["", "## The older held-out set (tests/data/heldout, 100 real replies; exact / qwk)", "",
              "| criterion | rules | model |", "|---|---|---|"]
    for k in ("hear", "empathise", "apologise", "take_ownership", "act", "signposting", "take_private",
              "data_protection"):
        a, b = o["rules"]["overall"][k], o["model"]["overall"][k]
        lines.append(f"| {k} | {_f(a['agreement'])} / {_f(a['kappa'])} | {_f(b['agreement'])} / {_f(b['kappa'])} |")
    lines.append(f"| overall grade (exact) | {_f(o['rules']['grade_agreement'])} | "
                 f"{_f(o['model']['grade_agreement'])} |")
    s = figs["suite"]
    lines += ["", "## Behaviour suite (learner_suite.jsonl, grade exact against the consensus)", "",
              "| pattern | rules | model |", "|---|---|---|"]
    for p, (ok, n) in s["model"]["patterns"].items():
        r_ok, r_n = s["rules"]["patterns"][p]
        lines.append(f"| {p} | {r_ok}/{r_n} | {ok}/{n} |")
    lines += [f"| **all** | {_f(s['rules']['exact'])} (n={s['rules']['n']}) | {_f(s['model']['exact'])} "
              f"(n={s['model']['n']}) |", ""]
    return "\n".join(lines)


def write_card(data: dict, corpus: Path, path: Path = CARD_PATH) -> str:
    text = render(data, figures(corpus))
    path.write_text(text, encoding="utf-8")
    return text
