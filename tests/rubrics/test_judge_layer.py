"""The learned judgement layer: WordLlama vectors, the model file run with numpy, fallback to rules, evidence."""
import importlib.util
import shutil

import numpy as np
import pytest

from rubrics import score_conversation, score_reply
from rubrics.judge import apply as judge_apply
from rubrics.judge import features
from rubrics.judge.embedding import embedder, package_dir
from rubrics.judge.model import ModelFileError, load_model, parse
from rubrics.rubric import CRITERION_ORDER

CUSTOMER = "My parcel still hasn't arrived and I needed it for my son's birthday tomorrow!!"


def test_vectors_are_wordllamas_own(tmp_path):
    """The numpy reader gives exactly WordLlama.load()'s vectors (its tokenizer copied into a cache folder, no
    download allowed)."""
    if importlib.util.find_spec("wordllama") is None:
        pytest.skip("wordllama not installed")
    from wordllama import WordLlama
    (tmp_path / "tokenizers").mkdir()
    shutil.copy(package_dir() / "tokenizers" / "l2_supercat_tokenizer_config.json", tmp_path / "tokenizers")
    wl = WordLlama.load(cache_dir=tmp_path, disable_download=True)
    ours = embedder()
    for text in ("Sorry your parcel is late, I'll chase the courier today.", "Hi!", CUSTOMER):
        assert np.allclose(ours.raw(text), wl.embed([text])[0], atol=1e-6)


def test_similar_meaning_scores_higher_than_unrelated():
    e = embedder()
    a = e.vector("my parcel has not been delivered")
    assert a @ e.vector("sorry your order hasn't arrived yet") > a @ e.vector("thanks for the lovely photo of your dog")


def test_model_file_matches_the_feature_list_and_gives_probabilities():
    model = load_model()
    assert list(model.features) == features.names(model.criteria_keys)
    for key in ("hear", "empathise", "apologise", "take_ownership", "act"):
        assert key in model.criteria
    x = np.zeros(len(model.features))
    cls, p, every = model.predict("hear", x)
    assert abs(sum(every.values()) - 1) < 1e-9 and every[cls] == p


def test_malformed_model_file_is_refused():
    with pytest.raises(ModelFileError):
        parse({"format": 1, "version": "x", "features": ["a"], "criteria_keys": [],
               "criteria": {"hear": {"classes": ["0", "1"], "coef": [[1, 2]], "intercept": [0, 0]}}})


def test_scores_say_they_were_judged_by_the_model():
    r = score_reply("Sorry your parcel is late, I'll chase the courier today and DM you by 5pm. ^JS",
                    {"customer": CUSTOMER, "platform": "twitter"})
    assert r["signals"]["judged_by"].startswith("model ")


def test_without_the_model_the_rules_score_and_say_so(monkeypatch):
    monkeypatch.setattr(judge_apply, "load_model", lambda: (_ for _ in ()).throw(ModelFileError("gone")))
    r = score_reply("Sorry your parcel is late, I'll chase it today.", {"customer": CUSTOMER})
    rules = score_reply("Sorry your parcel is late, I'll chase it today.", {"customer": CUSTOMER}, judge=False)
    assert r["signals"]["judged_by"].startswith("rules (learned model unavailable")
    assert {k: v["level"] for k, v in r["criteria"].items()} == {k: v["level"] for k, v in rules["criteria"].items()}


def test_every_level_above_zero_keeps_evidence_inside_the_reply():
    replies = ["Joyce, the Lego set was meant to be there for your mum's birthday and it wasn't. We guaranteed a "
               "date and missed it. DM me the order number and I'll tell you exactly where it is today. ^RM",
               "That's a rubbish start to the week. Engineer booked for 8am tomorrow, text confirmation on its way.",
               "ok"]
    for reply in replies:
        r = score_reply(reply, {"customer": CUSTOMER, "platform": "twitter"})
        for key in ("hear", "empathise", "apologise", "take_ownership", "act"):
            c = r["criteria"][key]
            if c["level"] not in (None, 0):
                assert c["evidence"], (key, reply)
            for sp in c["evidence"]:
                assert reply[sp["start"]:sp["end"]] == sp["text"]


def test_conversation_evidence_points_into_its_turns():
    turns = ["Hi, sorry the line is down. I've run a line test and booked an engineer for tomorrow 8am.",
             "Is there anything else I can help with?"]
    r = score_conversation(turns, {"customer": ["Broadband down since Monday", "ok thanks"], "platform": "twitter",
                                   "channel": "private"})
    for key in CRITERION_ORDER:
        for sp in r["criteria"][key]["evidence"]:
            assert turns[sp["turn"]][sp["start"]:sp["end"]] == sp["text"]


def test_scenario_not_applicable_stays_not_applicable():
    ctx = {"customer": CUSTOMER, "platform": "twitter", "scenario": {
        "id": "inline", "sla_minutes": 60, "facts": {}, "expected": {"not_applicable": ["empathise", "escalation"]}}}
    r = score_reply("Sorry your parcel is late, I'll chase it today.", ctx)
    assert r["criteria"]["empathise"]["level"] is None


def test_exported_weights_give_sklearns_probabilities():
    """The model file folds the scaler into the weights: numpy on raw features gives what scikit-learn gives."""
    pytest.importorskip("sklearn")
    from rubrics.judge.model import CriterionModel
    from rubrics.judge.training import _pipeline, export
    rng = np.random.default_rng(7)
    X = rng.normal(5.0, 3.0, size=(120, 6))
    y = np.where(X[:, 0] + rng.normal(0, 1, 120) > 6, "2", np.where(X[:, 1] > 5, "1", "0"))
    model = _pipeline(1.0).fit(X, y)
    data = export(model, sorted(set(y)))
    m = CriterionModel("x", tuple(data["classes"]), np.asarray(data["coef"]), np.asarray(data["intercept"]), 1.0)
    for row in X[:10]:
        assert np.allclose(m.probabilities(row), model.predict_proba(row[None, :])[0], atol=1e-4)


SURE_HEAR = ("Hi Mary, thanks for asking about your duvet. Opened bedding can't be returned, but our 30-night "
             "comfort guarantee lets you exchange it once for a different tog.")
DUVET = "Can I return a duvet I've opened? It's too warm."


def _model_says_hear(monkeypatch, cls: str, probs: dict[str, float]):
    real = judge_apply.JudgeModel.predict_all

    def predict_all(self, x):
        out = real(self, x)
        out["hear"] = (cls, probs[cls], probs)
        return out
    monkeypatch.setattr(judge_apply.JudgeModel, "predict_all", predict_all)


def test_a_sure_rule_level_stands_against_a_lower_level_the_model_finds_less_probable(monkeypatch):
    rules = score_reply(SURE_HEAR, {"customer": DUVET}, judge=False)["criteria"]["hear"]
    assert (rules["level"], rules["confidence"]) == (2, "high")
    _model_says_hear(monkeypatch, "1", {"na": 0.0, "0": 0.29, "1": 0.16, "2": 0.55})     # cut points chose 1
    assert score_reply(SURE_HEAR, {"customer": DUVET})["criteria"]["hear"]["level"] == 2


def test_the_model_still_overrules_a_sure_rule_it_clearly_disagrees_with(monkeypatch):
    _model_says_hear(monkeypatch, "1", {"na": 0.0, "0": 0.05, "1": 0.85, "2": 0.10})
    hear = score_reply(SURE_HEAR, {"customer": DUVET})["criteria"]["hear"]
    assert hear["level"] == 1 and "learned judgement" in hear["reason"]


def test_in_a_scenario_an_unsure_model_does_not_lower_a_sure_level_it_still_finds_likely(monkeypatch):
    _model_says_hear(monkeypatch, "1", {"na": 0.0, "0": 0.02, "1": 0.56, "2": 0.42})     # a near tie
    scenario = {"customer": DUVET, "scenario": {"id": "kb-returns-webchat", "category": "returns"}}
    assert score_reply(SURE_HEAR, scenario)["criteria"]["hear"]["level"] == 2
    assert score_reply(SURE_HEAR, {"customer": DUVET})["criteria"]["hear"]["level"] == 1     # free mode: the model's


def test_a_reply_with_no_content_words_earns_nothing_above_the_rules():
    for turns, customer in ((["hi"], CUSTOMER), (["ok", "hi", "yes"], ["help", "I said help"])):
        judged = score_conversation(turns, {"customer": customer})["criteria"]
        rules = score_conversation(turns, {"customer": customer}, judge=False)["criteria"]
        for key in ("hear", "acknowledge", "take_ownership", "act"):
            got, rule = judged[key]["level"], rules[key]["level"]
            assert got is None or got <= (rule or 0), (turns, key, got, rule)


def test_prototype_similarities_are_each_groups_closest_sentence():
    """The one-product form of the prototype features gives each group's best sentence match, as one product per
    group did."""
    import numpy as np

    from rubrics.judge import features
    from rubrics.judge.embedding import embedder
    reply = "I'm so sorry. I'll call you tomorrow at 9am. Is there anything else I can help with?"
    got = features._similarities(reply, "My parcel never came", "")[5:5 + len(features.PROTOTYPES)]
    sv = embedder().vectors(features.sentences(reply))
    want = [float((sv @ p.T).max()) for p in features.prototype_vectors().values()]
    assert np.allclose(got, want, atol=1e-6)
