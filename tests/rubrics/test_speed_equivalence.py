"""The scorer's fast paths compute exactly what the plain code did (issue 11 point 5): bit for bit, not nearly.

bench/score_digest.py proves it on the whole corpus (run it before and after a speed change); these tests hold the
pieces to their plain definitions so a later edit cannot drift."""
from dataclasses import replace

import numpy as np
import pytest

from rubrics.detectors import Judgement
from rubrics.judge import apply as judge_apply
from rubrics.judge.embedding import embedder
from rubrics.judge.model import decide, load_model
from rubrics.text import Span

TEXTS = ["Sorry your parcel is late, I'll chase the courier today.", "", "   ", "ok", "@Tesco_help hi!",
         "😀🙃", "We have refunded the £20 today. Is there anything else? ^JS",
         "Hi Sam, I'm sorry to hear that. Please DM us your order number and we'll look into this.",
         "u shud of read the terms lol", "Wifi has been down since Monday, working from home is impossible."]


def test_same_with_is_dataclasses_replace():
    # fails if Judgement gains a field the shortcut does not copy
    rule = Judgement(1, (Span(0, 5, "Sorry", 1),), "what is missing", "the reason", "low")
    assert judge_apply._same_with(rule, "high") == replace(rule, confidence="high")
    assert judge_apply._same_with(rule, "low") == replace(rule, confidence="low")


def _plain_vectors(e, texts):
    """The embedding as first written: each text's token rows (float32) summed and divided, then normalised."""
    out = np.zeros((len(texts), e.matrix.shape[1]), dtype=np.float32)
    encoded = e.tokenizer.encode_batch(texts, add_special_tokens=False)
    lengths = np.asarray([len(x.ids) for x in encoded])
    if lengths.sum() == 0:
        return out
    ids = np.clip(np.concatenate([np.asarray(x.ids, dtype=np.int64) for x in encoded]), 0, e.vocab - 1)
    rows = np.asarray(e.matrix[ids], dtype=np.float32)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    present = lengths > 0
    out[present] = np.add.reduceat(rows, starts[present], axis=0) / lengths[present, None].astype(np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=out, where=norms > 0)


@pytest.mark.parametrize("texts", [TEXTS, TEXTS[:1], ["", ""], [""] + TEXTS[5:], TEXTS[::-1]])
def test_sentence_vectors_are_bit_identical_to_the_plain_computation(texts):
    e = embedder()
    if e is None:
        pytest.skip("WordLlama is not installed")
    fast = e.vectors(texts)
    assert fast.dtype == np.float32
    assert fast.tobytes() == _plain_vectors(e, texts).tobytes()


def _plain_predict_all(model, x):
    z_all = model._stacked[0] @ x + model._stacked[1]
    out = {}
    for key, (a, b) in model._slices.items():
        m = model.criteria[key]
        z = z_all[a:b] / m.temperature
        p = np.exp(z - z.max())
        p /= p.sum()
        i = decide(m.classes, p, m.thresholds)
        out[key] = (m.classes[i], float(p[i]), dict(zip(m.classes, p.tolist())))
    return out


def _plain_decide(classes, p, thresholds):
    top = int(np.argmax(p))
    if thresholds is None or classes[top] == "na":
        return top
    levels = [(i, int(c)) for i, c in enumerate(classes) if c != "na"]
    mass = sum(p[i] for i, _ in levels)               # numpy scalars, as first written
    expected = sum(p[i] * lv for i, lv in levels) / mass if mass > 0 else 0.0
    want = 0 if expected < thresholds[0] else 1 if expected < thresholds[1] else 2
    chosen = next((i for i, lv in levels if lv == want), None)
    if chosen is None:
        return top
    while True:                                       # step to a neighbouring level ten times as probable
        near = [i for i, lv in levels if abs(lv - int(classes[chosen])) == 1]
        best = max(near, key=lambda i: p[i], default=None)
        if best is None or p[chosen] >= 0.1 * p[best]:
            return chosen
        chosen = best


def test_model_decisions_and_probabilities_are_unchanged():
    model = load_model()
    rng = np.random.default_rng(11)
    for _ in range(300):
        x = rng.normal(size=len(model.features)) * rng.uniform(0.05, 4.0)
        got = model.predict_all(x)
        assert got == _plain_predict_all(model, x)
        for key, m in model.criteria.items():
            z = (model._stacked[0] @ x + model._stacked[1])[slice(*model._slices[key])] / m.temperature
            p = np.exp(z - z.max())
            p /= p.sum()
            assert decide(m.classes, p, m.thresholds) == _plain_decide(m.classes, p, m.thresholds)
            assert all(type(v) is float for v in got[key][2].values())


def test_known_words_are_the_spellcheckers_own():
    # rubrics.spelling reads pyspellchecker's word list itself (no SpellChecker object: 0.25 s at first score);
    # it must accept exactly the words SpellChecker(distance=1) with EXTRA_WORDS loaded accepts
    from spellchecker import SpellChecker

    from rubrics.lexicon import EXTRA_WORDS
    from rubrics.spelling import _is_unknown, known_words
    sc = SpellChecker(distance=1)
    sc.word_frequency.load_words(EXTRA_WORDS)
    assert known_words() == frozenset(sc.word_frequency.dictionary)
    for word in ("colour", "Colour", "organisation", "travelled", "wifi", "WiFi", "paediatric", "recieve", "teh",
                 "dm'd", "jewellery", "zürich", "ok"):
        plain = word not in sc and not any(alt in sc for alt in _american_of(word))
        assert _is_unknown(word) == plain, word


def _american_of(word):
    from rubrics.spelling import _american
    return _american(word)


def test_rubric_files_parse_the_same_with_libyaml():
    # rubrics.rubric loads with CSafeLoader where PyYAML has it: every shipped rubric file must read as safe_load does
    from pathlib import Path

    import yaml

    from rubrics.rubric import SAFE_LOADER
    files = sorted((Path(__file__).resolve().parents[2] / "rubrics" / "data").glob("*.yaml"))
    assert files
    for path in files:
        raw = path.read_bytes()
        assert yaml.load(raw, Loader=SAFE_LOADER) == yaml.safe_load(raw), path.name


def test_impacts_match_the_plain_dict_computation():
    # feedback.impact varies one tuple position per candidate instead of copying the levels dict; same results
    import itertools
    from dataclasses import replace as dc_replace

    from rubrics.feedback.impact import GRADES, Impact, _cached_index, _order, impacts, raised, top_of
    from rubrics.rubric import CRITERION_ORDER, RUBRIC

    def index(levels, checks):
        return _cached_index(tuple(levels.get(k) for k in CRITERION_ORDER),
                             tuple((bool(c.get("affects_grade")), bool(c.get("ok"))) for c in checks), RUBRIC.hash)

    def plain(levels, checks, limit=None, skip=()):
        now = index(levels, checks)
        target = min(now + 1, len(GRADES) - 1)
        out = []
        for key in CRITERION_ORDER:
            up = raised(key, levels.get(key))
            if up is None or key in skip:
                continue
            one = index({**levels, key: up}, checks)
            top = one if up == top_of(key) else index({**levels, key: top_of(key)}, checks)
            out.append(Impact(key, False, one - now, top - now, False, _order(key, False), GRADES[one]))
        for c in checks:
            if not c.get("ok"):
                key = str(c.get("key"))
                met = index(levels, [dict(x, ok=True) if x.get("key") == key else dict(x) for x in checks])
                out.append(Impact(key, True, met - now, met - now, False, _order(key, True), GRADES[met]))
        out.sort(key=Impact.rank, reverse=True)
        if limit is not None and len(out) > limit:
            last = out[limit - 1]
            out = [i for i in out if (i.gain, i.gain_top) >= (last.gain, last.gain_top)]
        done = []
        for i in out:
            lv = {k: (v if k == i.key or v is None else top_of(k)) for k, v in levels.items()}
            ck = [dict(c) if c.get("key") == i.key else dict(c, ok=True) for c in checks]
            done.append(dc_replace(i, needed=index(lv, ck) < target, next_grade=GRADES[target]))
        done.sort(key=Impact.rank, reverse=True)
        return done if limit is None else done[:limit]

    import random
    rng = random.Random(5)
    choices = {k: ((None, "pass", "fail") if k == "data_protection" else (None, 0, 1, 2)) for k in CRITERION_ORDER}
    check_sets = [[], [{"key": "must_cover:1", "affects_grade": True, "ok": False}],
                  [{"key": "must_cover:1", "affects_grade": True, "ok": True},
                   {"key": "behaviour:2", "affects_grade": False, "ok": False}]]
    for _, checks, (limit, skip) in itertools.product(range(150), check_sets, [(None, ()), (3, ("closing",))]):
        levels = {k: rng.choice(v) for k, v in choices.items()}
        if rng.random() < 0.2:
            levels.pop(rng.choice(CRITERION_ORDER))           # a missing key counts as n/a
        assert impacts(levels, checks, RUBRIC, limit, skip) == plain(levels, checks, limit, skip)


def test_one_softmax_pass_matches_the_criterion_by_criterion_form():
    model = load_model()
    rng = np.random.default_rng(29)
    for _ in range(2000):
        x = rng.normal(size=len(model.features)) * rng.uniform(0.01, 10.0)
        assert model.predict_all(x) == model._predict_each(x)
