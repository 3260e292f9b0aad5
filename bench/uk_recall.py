"""Recall and precision of the anonymiser on planted UK personal data, through the real export path (issue 14).

    .venv/bin/python bench/uk_recall.py                 # generator "a" (tuning set), seed 2026
    .venv/bin/python bench/uk_recall.py --generator b --seed 9172   # the final check, not tuned on
    .venv/bin/python bench/uk_recall.py --withhold 0.2  # names taken OUT of the gazetteer: what context alone finds

What it does:
1. A 12-attempt sample portfolio (tests/portfolio/sample.py) gets 565 planted items (tests/portfolio/uk_personal_data.py):
   names of every UK nation and of the main minority-ethnic communities (Mc/Mac/O'/ap forms, hyphens, lower case
   and SHOUTED), dates of birth in 17 formats, NHS numbers with valid check digits, NI numbers, vehicle
   registrations, passport and driving-licence numbers, and the identifiers covered before (emails, phones,
   postcodes, cards, bank details, IBANs, addresses, handles, order refs), in customer messages, replies,
   reflections, logbook titles, tutor and moderation comments, the scorer's feedback, and real interactions.
   None of them is known to the anonymiser.
2. The portfolio PDF, the logbook PDF and the evidence pack are made by the export functions the app and the CLI
   call (portfolio.render_portfolio_pdf, render_logbook_pdf, build_evidence_pack); the PDFs are read with
   `pdftotext`, the pack's evidence.json as text.
3. An item is caught when none of its parts survives: a name part as a word (case and accents ignored) counted
   more often than in the same export without the planted data; an identifier with its separators removed.
4. Precision: on the planted sentences, replacements that touch no planted item (false ones); on clean product
   text (every string of scenarios/*.yaml, rubrics/**/*.yaml, portfolio/standard.yaml, and the clean sentences of
   the earlier sets), every replacement is a false one.
"""
from __future__ import annotations

import argparse
import copy
import io
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "portfolio")]

import yaml
from adversarial import CLEAN_SENTENCES
from sample import make_portfolio
from uk_personal_data import STRUCTURED, plant, planted_set

import portfolio
from portfolio.anonymise import Known, Registry, Scrubber, gazetteer, register_known


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text))


def pdftotext(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", "-enc", "UTF-8", f.name, "-"], check=True, capture_output=True).stdout.decode()


def exports(data: dict) -> dict[str, str]:
    """The text of each export: the portfolio and logbook PDFs (pdftotext) and the pack's evidence.json."""
    pdf = portfolio.render_portfolio_pdf(data, generated_at="2026-12-01")
    logbook = portfolio.render_logbook_pdf(data)
    pack = portfolio.build_evidence_pack(data, generated_at="2026-12-01T00:00:00+00:00")
    with zipfile.ZipFile(io.BytesIO(pack)) as z:
        evidence = next(z.read(n) for n in z.namelist() if n.endswith("evidence.json")).decode()
    return {"pdf": pdftotext(pdf) + "\n" + pdftotext(logbook), "json": json.dumps(json.loads(evidence), ensure_ascii=False)}


def word_count(token: str, text: str) -> int:
    return len(re.findall(r"(?<![\w])" + re.escape(fold(token)) + r"(?![\w])", text))


EXPORT_WORDS = {"page", "customer", "candidate", "tutor", "assessor"}
PSEUDONYM = re.compile(r"\b(?:customer|candidate|tutor|assessor)[ ._][a-z]{1,3}\b|\[[a-z' ]+ \d+\]")


def slots(template: str, text: str) -> list[str]:
    """What stands where the item was, in every place the planted sentence is found in an export's text (whitespace
    and case folded). Empty when the sentence is not found whole (pdftotext may break a sentence across a table)."""
    before, after = (" ".join(fold(x).split()) for x in template.split("{}"))
    if len(before) + len(after) < 8:
        return []
    if after:
        return [m.group(1) for m in re.finditer(re.escape(before) + r"(.{1,60}?)" + re.escape(after), " ".join(text.split()))]
    # The name ends the sentence: up to the end of its line (a JSON string's \n, or the PDF's line).
    lines = re.sub(r"[ \t]+", " ", text)
    return [m.group(1) for m in re.finditer(re.escape(before) + r"([^\n\\]{1,60})", lines)]


def attribute_name_slots(plants, text: str) -> dict:
    """Several planted names share a sentence template: each word left in a template's slots is put down to the one
    planted name that has it (the fewest other parts first), so a name caught is not blamed for another's leak.
    Returns {id(item): leaked} for the names whose template is found in the text."""
    groups = defaultdict(list)
    for p in plants:
        for it in p.items:
            if it.category.startswith("name") and p.template:
                groups[p.template].append(it)
    out = {}
    for template, items in groups.items():
        found = slots(template, text)
        if not found:
            continue
        parts = {id(it): {fold(x) for x in it.parts if len(x.strip("'")) >= 2 and fold(x) not in EXPORT_WORDS} for it in items}
        leaked = {id(it): False for it in items}
        for slot in found:
            words = set(re.findall(r"[^\W\d_][\w'’-]*", slot)) - EXPORT_WORDS
            words = {w for w in words if any(w in ps for ps in parts.values())}
            if not words:
                continue
            owners = [it for it in items if words <= parts[id(it)] and not leaked[id(it)]] or \
                     [it for it in items if words & parts[id(it)] and not leaked[id(it)]] or \
                     [it for it in items if words & parts[id(it)]]
            owner = min(owners, key=lambda it: len(parts[id(it)]))
            leaked[id(owner)] = True
        out.update(leaked)
    return out


def survives(item, planted: str, baseline: str, planted_sq: str, baseline_sq: str, template: str = "") -> bool:
    if item.category.startswith("name"):
        # "Page" is printed in every PDF footer: as a name part it cannot be told apart from the page numbers.
        parts = [p for p in item.parts if len(p.strip("'")) >= 2 and fold(p) not in EXPORT_WORDS]
        found = slots(template, planted) if template else []
        if found:   # the sentence is there: a leak is a name part in the slot
            return any(word_count(p, slot) for slot in found for p in parts)
        return any(word_count(p, planted) > word_count(p, baseline) for p in parts)
    return any(squash(p) in planted_sq and squash(p) not in baseline_sq for p in item.parts)


def recall(plants, base_data, seed_data) -> dict:
    t = time.perf_counter()
    base, seeded = exports(base_data), exports(seed_data)
    secs = time.perf_counter() - t
    out = {}
    for where in ("pdf", "json"):
        # Pseudonyms out first: "Customer LE" is not the name "Le".
        planted, baseline = PSEUDONYM.sub(" ", fold(seeded[where])), PSEUDONYM.sub(" ", fold(base[where]))
        psq, bsq = squash(seeded[where]), squash(base[where])
        got, seen, forms, missed = defaultdict(int), defaultdict(int), defaultdict(lambda: [0, 0]), []
        name_leaks = attribute_name_slots(plants, planted)
        for p in plants:
            for it in p.items:
                if id(it) in name_leaks:
                    leaked = name_leaks[id(it)]
                else:
                    leaked = survives(it, planted, baseline, psq, bsq, p.template)
                seen[it.category] += 1
                got[it.category] += not leaked
                if it.category.startswith("name"):
                    forms[it.form][0] += not leaked
                    forms[it.form][1] += 1
                if leaked:
                    missed.append(f"{it.category}: {p.text!r}")
        out[where] = (got, seen, forms, missed)
    return out, secs


def spans_of(text: str, item) -> list[tuple[int, int]]:
    out = []
    for v in [item.value] + list(item.parts):
        for m in re.finditer(re.escape(v), text, re.I):
            out.append((m.start(), m.end()))
    return out


def seeded_precision(plants, data) -> tuple[int, int, list]:
    registry = Registry("Candidate 1")
    scrubber = Scrubber(registry, register_known(data, registry, (), True), set())
    true = false = 0
    wrong = []
    for p in plants:
        spans = [s for it in p.items for s in spans_of(p.text, it)]
        for s, e, _ns, _ne in scrubber.scrub(p.text)[1]:
            if any(s < b and a < e for a, b in spans):
                true += 1
            else:
                false += 1
                wrong.append(f"{p.text!r}: {p.text[s:e]!r}")
    return true, false, wrong


def product_texts() -> list[str]:
    out = list(CLEAN_SENTENCES)
    sys.path.insert(0, str(ROOT / "bench"))
    from anonymiser_recall import EVERYDAY
    out += EVERYDAY

    def walk(v):
        if isinstance(v, str) and len(v) > 3 and " " in v:
            out.append(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                if k not in ("persona", "personas", "customer_name", "handle", "name", "names", "first_names"):
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    paths = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "rubrics").rglob("*.yaml")) + [ROOT / "portfolio" / "standard.yaml"]
    for path in paths:
        if path.name.startswith("_"):
            continue
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def clean_precision(texts) -> tuple[int, int, list]:
    """Scrubbed with nothing known, keeping the fictional brands' names and handles as the app's exports do."""
    import simulator
    keep = {v for brand in simulator.BRANDS.values() for v in (brand.name, brand.handle)}
    bare = Scrubber(Registry("Candidate 1"), Known(), keep)
    reps, changed = 0, []
    for t in texts:
        out, spans = bare.scrub(t)
        if spans:
            reps += len(spans)
            changed.append(" | ".join(repr(t[s:e]) for s, e, _a, _b in spans) + f"   in {t[:90]!r}")
    return reps, len(texts), changed


def withhold_names(fraction: float, plants, seed: int) -> int:
    """Take the planted names' parts out of the gazetteer with probability `fraction` (what context alone finds)."""
    import random
    rng = random.Random(seed)
    firsts, lasts, words, suffixes, common = gazetteer()
    drop = {fold(part) for p in plants for it in p.items if it.category.startswith("name") for part in it.parts
            if rng.random() < fraction}
    gazetteer.cache_clear()
    original = (firsts - drop, lasts - drop, words, suffixes, common)
    sys.modules["portfolio.anonymise.scrubber"].gazetteer = lambda: original
    return len(drop)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--generator", default="a", choices=("a", "b"))
    ap.add_argument("--withhold", type=float, default=0.0)
    ap.add_argument("--show", type=int, default=15, help="misses and false replacements to print")
    args = ap.parse_args()
    plants = planted_set(args.seed, args.generator)
    if args.withhold:
        print(f"withheld from the gazetteer: {withhold_names(args.withhold, plants, args.seed)} name parts")
    base, _ = make_portfolio(12, seed=3, logbook_entries=8)
    seeded = plant(copy.deepcopy(base), plants)
    result, secs = recall(plants, base, seeded)
    n_items = sum(len(p.items) for p in plants)
    print(f"generator {args.generator}, seed {args.seed}: {n_items} planted items in {len(plants)} sentences; "
          f"exports made and read in {secs:.1f} s (both with and without the planted data)")
    pdf, js = result["pdf"], result["json"]
    cats = sorted(pdf[1], key=lambda c: (c in STRUCTURED, c))
    print("\n| category | PDF (pdftotext) | evidence.json |\n|---|---|---|")
    for c in cats:
        print(f"| {c} | {pdf[0][c]}/{pdf[1][c]} | {js[0][c]}/{js[1][c]} |")
    for label, test in (("names", lambda c: c.startswith("name")), ("structured identifiers", lambda c: c in STRUCTURED)):
        g = sum(pdf[0][c] for c in cats if test(c)), sum(pdf[1][c] for c in cats if test(c))
        j = sum(js[0][c] for c in cats if test(c)), sum(js[1][c] for c in cats if test(c))
        print(f"| **all {label}** | **{g[0]}/{g[1]} ({g[0] / g[1]:.1%})** | **{j[0]}/{j[1]} ({j[0] / j[1]:.1%})** |")
    print("\nnames by form (PDF): " + ", ".join(f"{f} {a}/{b}" for f, (a, b) in sorted(pdf[2].items())))
    for where, (_g, _s, _f, missed) in result.items():
        for line in missed[:args.show]:
            print(f"  missed in {where}: {line}")
    tp, fp, wrong = seeded_precision(plants, seeded)
    print(f"\nprecision on the planted sentences: {tp}/{tp + fp} replacements touch a planted item = {tp / max(1, tp + fp):.1%}")
    for line in wrong[:args.show]:
        print("  false:", line)
    reps, n, changed = clean_precision(product_texts())
    print(f"clean product text: {reps} false replacements in {len(changed)} of {n} texts "
          f"({1 - len(changed) / n:.1%} of texts unchanged)")
    for line in changed[:args.show]:
        print("  false:", line)


if __name__ == "__main__":
    main()
