"""Recall of the anonymiser against Presidio and scrubadub on texts seeded with known personal data.

Builds a labelled test set from tests/portfolio/sample.py (seeded Faker en_GB): every learner reply,
customer message, reflection field and tutor note, each with the personal values that were put into it.
A value counts as caught when no trace of it is left in the output: not as words (case-insensitive),
not with spaces and separators removed, and (for numbers) not as its digits. Partial replacement
(e.g. "{{TWITTER}}.jones.official") counts as a miss.

Held-out names: a second set of sentences uses names from Faker locales that are NOT in the
gazetteer (nl_NL, sv_SE, fi_FI, hu_HU, da_DK, cs_CZ), to show what name recognition does on unseen names.

Adversarial pattern set: tests/portfolio/adversarial.py (hand-written awkward cases plus seeded Faker texts)
of emails, IBANs, sort codes and account numbers, card numbers, street addresses, house names, towns and
postcodes as learners and customers type them, scrubbed with nothing known (the pattern rules alone).
An item counts as caught only when none of its identifying parts survives; its clean customer-service
sentences ("I waited 3 days", "Way too slow") are counted for false replacements like the clean texts.

Presidio and scrubadub are optional: install them in a separate virtualenv (never the project's) and
run this script with it, e.g. /work/wt/portfolio-scratch/venv/bin/python bench/anonymiser_recall.py
They run offline: Presidio with a blank spaCy pipeline (no model download) and its pattern recognisers
(UK ones enabled), scrubadub with locale en_GB and its default detectors.
"""
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "portfolio")]

from adversarial import CATEGORIES, CLEAN_SENTENCES, seeded_cases
from adversarial import caught as item_caught
from faker import Faker
from sample import make_portfolio

from portfolio.anonymise import Known, Registry, Scrubber, register_known

SEP = re.compile(r"[\s\-.()/]+")
HELD_OUT = ("nl_NL", "sv_SE", "fi_FI", "hu_HU", "da_DK", "cs_CZ")


def kind_of(value, secrets):
    if value in secrets.word_names:
        return "name (also a word)"
    if value.startswith("@") or re.fullmatch(r"[a-z0-9_.]+", value) and ("_" in value or "." in value):
        return "handle"
    if "@" in value:
        return "email"
    if re.fullmatch(r"QQ[\s\d]+[A-D]", value):
        return "NI number"
    if re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", value):
        return "postcode"
    if re.match(r"^\d+ ", value):
        return "street address"
    if value.isdigit():
        return "number"
    return "name"


def test_set(n_attempts=60, seed=101):
    """(text, [values in it], kind per value) from generated portfolios."""
    data, secrets = make_portfolio(n_attempts, seed=seed)
    items = []
    texts = []
    for a in data["attempts"]:
        texts += [m["text"] for m in a["messages"]]
        if a.get("reflection"):
            texts += list(a["reflection"]["fields"].values())
        texts += [f["text"] for f in a["tutor_feedback"]]
    values = sorted(secrets.values | secrets.word_names, key=len, reverse=True)
    for t in texts:
        present = []
        for v in values:
            if re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", t, re.I) or (" " in v and re.search(r"\s+".join(map(re.escape, v.split())), t, re.I)):
                present.append((v, kind_of(v, secrets)))
        digits = re.sub(r"[\s\-.()/+]", "", t)
        for num in secrets.numbers:
            if num in digits and not any(num in re.sub(r"\D", "", v) for v, _ in present):
                present.append((num, "number"))
        if present:
            items.append((t, present))
    return data, secrets, items


def held_out_set(n=120, seed=5):
    rng = random.Random(seed)
    fakers = [Faker(loc) for loc in HELD_OUT]
    for i, f in enumerate(fakers):
        f.seed_instance(seed + i)
    templates = ["Hi {first}, I'm sorry your parcel is late.", "Thanks {first} {last}, I've refunded the order.",
                 "My colleague {first} {last} helped me with this.", "{first} was upset because the delivery failed.",
                 "Dear {last}, we apologise for the delay.", "I spoke to {first} on the phone."]
    out = []
    for k in range(n):
        f = fakers[k % len(fakers)]
        first, last = f.first_name(), f.last_name()
        t = rng.choice(templates).format(first=first, last=last)
        vals = [(v, "held-out name") for v in (first, last) if v in t]
        out.append((t, vals))
    return out


def survived(value, out):
    norm = " ".join(out.split())
    if re.search(r"(?<!\w)" + re.escape(" ".join(value.split())) + r"(?!\w)", norm, re.I):
        return True
    flat = SEP.sub("", value).lower()
    if len(flat) >= 6 and flat in SEP.sub("", out).lower():
        return True
    if value.isdigit() and value in re.sub(r"[\s\-.()/+]", "", out):
        return True
    return False


def ours(data, with_known):
    registry = Registry("Candidate 1")
    known = register_known(data, registry, (), True) if with_known else Known()
    scrubber = Scrubber(registry, known, set())
    return lambda text: scrubber.scrub(text)[0]


def presidio():
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        PhoneRecognizer,
        UkNinoRecognizer,
        UkPostcodeRecognizer,
        UrlRecognizer,
    )
    from presidio_anonymizer import AnonymizerEngine

    blank = Path("/tmp/presidio-blank-en")
    if not blank.exists():
        spacy.blank("en").to_disk(blank)
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(blank)}]}).create_engine()
    reg = RecognizerRegistry()
    for r in (CreditCardRecognizer(), EmailRecognizer(), IbanRecognizer(), PhoneRecognizer(supported_regions=("GB",)),
              UkNinoRecognizer(), UkPostcodeRecognizer(), UrlRecognizer()):
        reg.add_recognizer(r)
    analyzer = AnalyzerEngine(nlp_engine=nlp, registry=reg, supported_languages=["en"])
    anonymizer = AnonymizerEngine()

    def run(text):
        results = analyzer.analyze(text=text, language="en", score_threshold=0.0)
        return anonymizer.anonymize(text=text, analyzer_results=results).text
    return run


def scrubadub_():
    import scrubadub

    scrubber = scrubadub.Scrubber(locale="en_GB")
    return scrubber.clean


# Clean texts (no personal data): everyday words that are also names, months, greetings without names.
EVERYDAY = [
    "Curt rather than rude: I'd call this partly shown.", "Sterling work on the apology.", "Bliss to read.",
    "Moody tone in the second reply.", "Frank and clear, well done.", "Earnest but a little long.",
    "Noble effort; now add a next step.", "Rich detail about the delivery.", "Sunny tone suits the brand.",
    "Happy to sign this off.", "Hunter boots are out of stock.", "Will you check the tracking today?",
    "We will mark it as resolved.", "The grace period ends in May.", "Back in stock in June or July.",
    "Hope this helps!", "Joy of a reply: short and warm.", "Faith in the brand matters here.",
    "Dawn deliveries are not offered.", "Summer sale orders are delayed.", "Amber warning for weather delays.",
    "Holly wreaths are sold out.", "Ray of light in a hard week.", "Pat answers sound robotic.",
    "Drew the customer into a DM quickly.", "Sue for damages? Escalate legal threats.", "Rob Peter to pay Paul.",
    "Nick of time: replied within the target.", "Chase the courier before replying.", "Miles better than the first attempt.",
    "Grant the refund only within policy.", "Norman architecture is irrelevant here.", "Rose to the challenge.",
    "Bill the customer only once.", "Mark the case as urgent.", "Page the duty manager.", "Brown envelope letters are slow.",
    "Green energy tariff questions go to billing.", "Young customers use Instagram most.", "King-size duvets are delayed.",
    "Little empathy in the first line.", "Long replies do not suit X.", "Stone cold opening; warm it up.",
    "Hi there, thanks for waiting.", "Thanks so much, cheers mate.", "Dear customer, sorry for the delay.",
    "Hello team, please look at this.", "Kind regards, Customer Care", "Royal Mail has the parcel.",
    "North West customers are affected.", "Grand job on the closing line.", "Bright and clear opening.",
    "Wade through the policy before promising.", "Lane closures caused the delay.", "Major incident: use the holding statement.",
    "Brief but complete.", "Jolly tone does not fit a complaint.", "Gentle reminder to take it private.",
    "Sharp improvement since last week.", "Swift reply and a clear next step.", "Fair point about the charge.",
]


def clean_texts():
    import yaml

    out = list(EVERYDAY)

    def walk(v):
        if isinstance(v, str) and len(v) > 25 and " " in v:
            out.append(v)
        elif isinstance(v, dict):
            [walk(x) for x in v.values()]
        elif isinstance(v, list):
            [walk(x) for x in v]
    walk(yaml.safe_load((ROOT / "rubrics" / "data" / "heat-aaa-marking.yaml").read_text(encoding="utf-8")))
    return out


def seeded_spans(text, values):
    """Character ranges of the seeded values in text (words case-insensitively, numbers by their digits)."""
    spans = []
    for v, _kind in values:
        words = v.split()
        rx = r"[\s,]+".join(map(re.escape, words)) if not v.isdigit() else r"[\s\-.()/]{0,3}".join(v)
        spans += [(m.start(), m.end()) for m in re.finditer(rx, text, re.I)]
    return spans


def precision(data, items, clean):
    """Replacements that touch no seeded value (seeded set) and every replacement in clean text are false.

    The clean texts are scrubbed with nothing known (the rules on their own): with the seeded document's
    values known, a capitalised known customer name ("Frank", "Joy") is replaced wherever it appears, by design."""
    registry = Registry("Candidate 1")
    scrubber = Scrubber(registry, register_known(data, registry, (), True), set())
    bare = Scrubber(Registry("Candidate 1"), Known(), set())
    true = false = 0
    for text, values in items:
        spans = seeded_spans(text, values)
        for s, e, _ns, _ne in scrubber.scrub(text)[1]:
            if any(s < b and a < e for a, b in spans):
                true += 1
            else:
                false += 1
    clean_false, changed = 0, []
    for text in clean:
        out, reps = bare.scrub(text)
        clean_false += len(reps)
        if reps:
            changed.append(f"{text!r} -> {out!r}")
    return true, false, clean_false, changed


def adversarial(tools):
    """Recall per category on the adversarial pattern set, and false replacements in its clean sentences."""
    cases = seeded_cases()
    print(f"\nadversarial pattern set (tests/portfolio/adversarial.py): {len(cases)} texts, "
          f"{sum(len(v) for _, v in cases)} items, scrubbed with nothing known")
    bare = Scrubber(Registry("Candidate 1"), Known(), set())
    false = [(t, out) for t in CLEAN_SENTENCES for out, reps in [bare.scrub(t)] if reps]
    print(f"    clean customer-service sentences: {sum(len(bare.scrub(t)[1]) for t, _ in false)} false replacements "
          f"in {len(false)} of {len(CLEAN_SENTENCES)}")
    for text, out in false:
        print(f"    false: {text!r} -> {out!r}")
    for name, fn in tools.items():
        got, seen = defaultdict(int), defaultdict(int)
        for text, items in cases:
            out = fn(text)
            for it in items:
                seen[it.category] += 1
                got[it.category] += item_caught(it, out)
        total, hit = sum(seen.values()), sum(got.values())
        print(f"  {name}: {hit}/{total} = {hit / total:.1%}")
        for cat in CATEGORIES:
            print(f"    {cat:22s} {got[cat]:4d}/{seen[cat]:<4d} {got[cat] / seen[cat]:.1%}")


def main():
    data, secrets, items = test_set()
    held = held_out_set()
    tools = {"ours (patterns + gazetteer)": ours(data, False), "ours (+ known injected values, as shipped)": ours(data, True)}
    for name, factory in (("presidio 2.2.366 (patterns, blank spaCy)", presidio), ("scrubadub 2.0.1 (en_GB)", scrubadub_)):
        try:
            tools[name] = factory()
        except Exception as exc:  # noqa: BLE001 - a tool not installed here fails in its own way
            print(f"{name}: skipped ({type(exc).__name__}: {exc})")
    total = sum(len(v) for _, v in items)
    print(f"test set: {len(items)} texts, {total} personal values; held-out names: {sum(len(v) for _, v in held)} in {len(held)} sentences")
    clean = clean_texts()
    tp, fp, clean_fp, changed = precision(data, items, clean)
    print(f"precision (ours, as shipped): seeded set {tp}/{tp + fp} replacements touch a seeded value = {tp / (tp + fp):.1%}; "
          f"clean texts: {clean_fp} false replacements in {len(changed)} of {len(clean)} texts")
    for line in changed:
        print("    false:", line)
    for name, fn in tools.items():
        caught, seen = defaultdict(int), defaultdict(int)
        t = time.perf_counter()
        for text, values in items + held:
            out = fn(text)
            for v, kind in values:
                seen[kind] += 1
                caught[kind] += not survived(v, out)
        secs = time.perf_counter() - t
        all_seen = sum(seen[k] for k in seen if k != "held-out name")
        all_caught = sum(caught[k] for k in seen if k != "held-out name")
        print(f"\n{name}: recall {all_caught}/{all_seen} = {all_caught / all_seen:.1%} ({secs:.2f} s)")
        for kind in sorted(seen):
            print(f"    {kind:22s} {caught[kind]:4d}/{seen[kind]:<4d} {caught[kind] / seen[kind]:.1%}")
    # The rules on their own (nothing known) and the other tools: the learner typed these values.
    adversarial({name: fn for name, fn in tools.items() if "known" not in name})


if __name__ == "__main__":
    main()
