"""The learned judgement layer: a small model per criterion decides the level from the rules' judgements and
features no keyword list sees (rubrics.judge.features); the rules stay as its inputs and its evidence.

`judge_criteria(criteria, texts, sit)` returns the judgements to grade and how they were judged ("model <version>",
or "rules (...)" when the model or the embeddings cannot load: the scorer still works, and says so).
"""
from rubrics.judge.apply import judge_criteria, warm_up

__all__ = ["judge_criteria", "warm_up"]
