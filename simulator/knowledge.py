"""Knowledge checks: short questions drawn with a seed, auto-marked, each with an explanation (issue 12).

Plain Python. Fixed questions are data (simulator/knowledge.yaml); questions on figures (NPS, CSAT, FCR, resolution
rate, first response time, net sentiment) are generated from the seed by the functions in GENERATORS. The same seed
always gives the same quiz, options in the same order.

    quiz = make_quiz(seed)                       -> Quiz (to_dict() for storage, Quiz.from_dict back)
    result = mark_quiz(quiz, {question_id: option_index})   -> QuizResult
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

from simulator.errors import SimulatorInternalError, SimulatorUsageError
from simulator.seeds import rng_for

BANK = Path(__file__).resolve().parent / "knowledge.yaml"
POINTS = ("law", "metrics", "response_times", "personal_professional", "escalation")
QUIZ_LENGTH = 8


@dataclass(frozen=True)
class Question:
    id: str
    point: str
    stem: str
    options: tuple[str, ...]
    answer: int               # index into options
    explanation: str

    def to_dict(self) -> dict:
        d = asdict(self)
        d["options"] = list(self.options)
        return d


@dataclass(frozen=True)
class Quiz:
    seed: int
    bank_version: str         # sha256 of the bank file's bytes (first 12 hex digits): a quiz says which text it used
    questions: tuple[Question, ...]

    def to_dict(self) -> dict:
        return {"seed": self.seed, "bank_version": self.bank_version,
                "questions": [q.to_dict() for q in self.questions]}

    @classmethod
    def from_dict(cls, d: dict) -> "Quiz":
        return cls(seed=int(d["seed"]), bank_version=d["bank_version"],
                   questions=tuple(Question(**{**q, "options": tuple(q["options"])}) for q in d["questions"]))


@dataclass(frozen=True)
class QuizResult:
    score: int
    total: int
    items: tuple[dict, ...]            # per question: id, point, stem, chosen, answer, correct, explanation
    by_point: dict                     # point -> {"correct": n, "total": n}

    def to_dict(self) -> dict:
        return {"score": self.score, "total": self.total, "items": [dict(i) for i in self.items],
                "by_point": {k: dict(v) for k, v in self.by_point.items()}}


# -- generated questions: each returns (stem, correct, [three wrong], explanation) ------------------------------

def _pct(n: float) -> str:
    return f"{round(n)}%"


def _nps(rng: random.Random) -> tuple[str, str, list[str], str]:
    total = rng.choice((200, 250, 400, 500))
    promoters = rng.randint(total * 35 // 100, total * 55 // 100)
    detractors = rng.randint(total * 10 // 100, total * 25 // 100)
    passives = total - promoters - detractors
    nps = 100 * (promoters - detractors) / total
    stem = (f"Of {total} customers surveyed after a social-media contact, {promoters} scored 9-10, {passives} scored "
            f"7-8 and {detractors} scored 0-6. What is the Net Promoter Score?")
    wrong = [f"{round(100 * promoters / total)}", f"{round(100 * (promoters + passives) / total)}",
             f"{round(100 * (promoters - passives) / total)}"]
    explanation = ("NPS is the percentage of promoters (9-10) minus the percentage of detractors (0-6): "
                   f"{_pct(100 * promoters / total)} - {_pct(100 * detractors / total)} = {round(nps)}. "
                   "Passives count only in the total.")
    return stem, f"{round(nps)}", wrong, explanation


def _csat(rng: random.Random) -> tuple[str, str, list[str], str]:
    responses = rng.choice((80, 120, 160, 200))
    satisfied = rng.randint(responses * 55 // 100, responses * 90 // 100)
    contacts = responses * rng.choice((3, 4, 5))
    stem = (f"Last week the team handled {contacts} social contacts. {responses} customers answered the satisfaction "
            f"survey and {satisfied} of them chose 4 or 5 out of 5. What is the CSAT score?")
    wrong = [_pct(100 * satisfied / contacts), _pct(100 * (responses - satisfied) / responses),
             _pct(100 * responses / contacts)]
    return stem, _pct(100 * satisfied / responses), wrong, (
        "CSAT is the share of survey responses that are satisfied (4 or 5 out of 5): "
        f"{satisfied} / {responses}. Customers who did not answer are not in it.")


def _fcr(rng: random.Random) -> tuple[str, str, list[str], str]:
    total = rng.choice((300, 400, 500, 600))
    resolved = rng.randint(total * 70 // 100, total * 90 // 100)
    first = rng.randint(resolved * 50 // 100, resolved * 80 // 100)
    stem = (f"Of {total} enquiries, {resolved} were resolved, {first} of them in the first reply with no further "
            "contact. What is the first-contact resolution rate?")
    wrong = [_pct(100 * resolved / total), _pct(100 * first / resolved), _pct(100 * (resolved - first) / total)]
    return stem, _pct(100 * first / total), wrong, (
        f"First-contact resolution is the share of all enquiries solved in the first contact: {first} / {total}. "
        "The resolution rate would count every resolved enquiry.")


def _resolution(rng: random.Random) -> tuple[str, str, list[str], str]:
    total = rng.choice((240, 320, 480, 560))
    resolved = rng.randint(total * 60 // 100, total * 92 // 100)
    escalated = rng.randint(10, (total - resolved) // 2 + 10)
    stem = (f"This month {total} social enquiries came in; {resolved} were resolved and {escalated} were escalated to "
            "another team. What is the resolution rate?")
    wrong = [_pct(100 * (total - resolved) / total), _pct(100 * escalated / total),
             _pct(100 * (resolved + escalated) / total)]
    return stem, _pct(100 * resolved / total), wrong, (
        f"Resolution rate is resolved enquiries as a share of all enquiries: {resolved} / {total}.")


def _frt(rng: random.Random) -> tuple[str, str, list[str], str]:
    times = sorted(rng.sample(range(4, 180), 5))
    mean = sum(times) / len(times)
    if round(mean) == times[2]:
        times[4] += 25
        mean = sum(times) / len(times)
    listed = ", ".join(str(t) for t in rng.sample(times, len(times)))
    stem = (f"Five customers' first replies came after {listed} minutes. What is the average (mean) first response "
            "time?")
    wrong = [f"{times[2]} minutes", f"{times[-1]} minutes", f"{times[0]} minutes"]
    return stem, f"{round(mean)} minutes", wrong, (
        f"First response time is the time from the customer's message to the first reply; the mean adds them "
        f"({sum(times)}) and divides by the number of customers (5). The median ({times[2]}) is a different "
        "measure.")


def _net_sentiment(rng: random.Random) -> tuple[str, str, list[str], str]:
    total = rng.choice((200, 300, 400))
    positive = rng.randint(total * 20 // 100, total * 45 // 100)
    negative = rng.randint(total * 15 // 100, total * 40 // 100)
    if positive == negative:
        positive += 10
    neutral = total - positive - negative
    stem = (f"Of {total} brand mentions, {positive} were positive, {neutral} neutral and {negative} negative. What is "
            "the net sentiment (positive share minus negative share)?")
    net = 100 * (positive - negative) / total
    wrong = [_pct(100 * positive / total), _pct(100 * (positive + neutral) / total),
             _pct(100 * (negative - positive) / total if net >= 0 else 100 * (positive + negative) / total)]
    return stem, _pct(net), wrong, (
        f"Net sentiment is the positive share minus the negative share: {_pct(100 * positive / total)} - "
        f"{_pct(100 * negative / total)}. Neutral mentions count only in the total.")


GENERATORS: dict[str, Callable[[random.Random], tuple[str, str, list[str], str]]] = {
    "nps": _nps, "csat": _csat, "fcr": _fcr, "resolution-rate": _resolution, "first-response-time": _frt,
    "net-sentiment": _net_sentiment,
}


# -- the bank, the quiz and the marking -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def load_bank(path: Path = BANK) -> tuple[str, tuple[dict, ...]]:
    """(version, fixed questions), validated: one SimulatorInternalError lists every problem."""
    raw = path.read_bytes()
    data = yaml.safe_load(raw)
    problems, seen = [], set()
    for i, q in enumerate(data.get("questions") or []):
        where = f"{path.name}: questions[{i}] ({q.get('id')})"
        missing = [k for k in ("id", "point", "stems", "correct", "wrong", "explanation") if not q.get(k)]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if q["point"] not in POINTS:
            problems.append(f"{where}: point must be one of {POINTS}")
        if len(q["wrong"]) != 3 or len({str(q["correct"]), *map(str, q["wrong"])}) != 4:
            problems.append(f"{where}: needs three wrong answers, all different from each other and the right one")
        if q["id"] in seen:
            problems.append(f"{where}: id repeated")
        seen.add(q["id"])
    if problems:
        raise SimulatorInternalError("\n".join(problems))
    return hashlib.sha256(raw).hexdigest()[:12], tuple(data["questions"])


def _question(qid: str, point: str, stem: str, correct: str, wrong: list[str], explanation: str,
              rng: random.Random) -> Question:
    options = [str(correct)] + [str(w) for w in wrong]
    if len(set(options)) != 4:
        raise SimulatorInternalError(f"{qid}: generated options repeat: {options}")
    order = list(range(4))
    rng.shuffle(order)
    return Question(qid, point, stem, tuple(options[i] for i in order), order.index(0), explanation)


def _fixed(q: dict, rng: random.Random) -> Question:
    return _question(q["id"], q["point"], rng.choice(q["stems"]), q["correct"], q["wrong"], q["explanation"], rng)


def _generated(name: str, rng: random.Random) -> Question:
    for _ in range(20):   # a draw whose wrong answers happen to equal the right one is drawn again
        stem, correct, wrong, explanation = GENERATORS[name](rng)
        if len({correct, *wrong}) == 4:
            return _question(name, "metrics", stem, correct, wrong, explanation, rng)
    raise SimulatorInternalError(f"{name}: no distinct options in 20 draws")


def make_quiz(seed: int, length: int = QUIZ_LENGTH) -> Quiz:
    """A quiz of `length` questions: at least one per knowledge point, then the rest at random, in seeded order."""
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise SimulatorUsageError("the seed must be a whole number, 0 or more")
    if not len(POINTS) <= length <= 20:
        raise SimulatorUsageError(f"a quiz has {len(POINTS)} to 20 questions")
    version, fixed = load_bank()
    rng = rng_for("knowledge", version, seed)
    pool = [("fixed", q["id"], q["point"]) for q in fixed] + [("generated", name, "metrics") for name in GENERATORS]
    rng.shuffle(pool)
    chosen = [next(item for item in pool if item[2] == point) for point in POINTS]
    chosen += [item for item in pool if item not in chosen][:length - len(chosen)]
    rng.shuffle(chosen)
    by_id = {q["id"]: q for q in fixed}
    questions = tuple(_fixed(by_id[qid], rng_for("knowledge", version, seed, qid)) if kind == "fixed"
                      else _generated(qid, rng_for("knowledge", version, seed, qid)) for kind, qid, _ in chosen)
    return Quiz(seed, version, questions)


def mark_quiz(quiz: Quiz, answers: dict[str, int]) -> QuizResult:
    """Mark the learner's choices ({question id: option index}); an unanswered question scores 0. An answer to a
    question not in the quiz, or an index out of range, is the caller's error."""
    ids = {q.id for q in quiz.questions}
    unknown = sorted(set(answers) - ids)
    if unknown:
        raise SimulatorUsageError(f"answers to questions not in this quiz: {', '.join(unknown)}")
    items: list[dict] = []
    by_point = {p: {"correct": 0, "total": 0} for p in POINTS}
    score = 0
    for q in quiz.questions:
        chosen = answers.get(q.id)
        if chosen is not None and not (isinstance(chosen, int) and 0 <= chosen < len(q.options)):
            raise SimulatorUsageError(f"{q.id}: choose one of the {len(q.options)} options")
        correct = chosen == q.answer
        by_point[q.point]["total"] += 1
        by_point[q.point]["correct"] += int(correct)
        score += int(correct)
        items.append({"id": q.id, "point": q.point, "stem": q.stem, "options": list(q.options), "chosen": chosen,
                      "answer": q.answer, "correct": correct, "explanation": q.explanation})
    return QuizResult(score, len(items), tuple(items),
                      {p: v for p, v in by_point.items() if v["total"]})
