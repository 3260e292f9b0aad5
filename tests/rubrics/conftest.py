import pytest


@pytest.fixture(scope="session", autouse=True)
def analysers_loaded():
    """Load the sentiment analysers and spellchecker once for the whole session."""
    from rubrics import score_reply, warm_up
    warm_up()
    score_reply("Thanks, we'll check this today.", {"customer": "warm up"})



@pytest.fixture(autouse=True)
def rules_only(request, monkeypatch):
    """Tests marked `rules_only` pin the rule detectors: the learned layer's inputs, its evidence and the scorer's
    fallback when the model cannot load. They score with the rules alone (scoring.judge_criteria off)."""
    if request.node.get_closest_marker("rules_only") is None:
        return
    import rubrics.scoring
    monkeypatch.setattr(rubrics.scoring, "judge_criteria", lambda criteria, texts, sit: (dict(criteria), "rules"))
