import pytest

@pytest.fixture(scope="session", autouse=True)
def analysers_loaded():
    """Load the sentiment analysers and spellchecker once for the whole session."""
    from rubrics import score_reply, warm_up
    warm_up()
    score_reply("Thanks, we'll check this today.", {"customer": "warm up"})

