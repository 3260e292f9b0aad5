"""The learned judgement model: a versioned JSON file of per-criterion multinomial logistic regressions, run with
numpy alone (no scikit-learn at run time).

File shape (`rubrics/data/judge-model.json`, written by `python -m rubrics train`):
    {"format": 1, "version": "2.0.0", "features": [names...], "criteria_keys": [...],
     "criteria": {"hear": {"classes": ["na", "0", "1", "2"], "coef": [[...]...], "intercept": [...],
                            "temperature": 1.0, ...}, ...}, "training": {...}}
Weights already include the feature scaling, so a probability is softmax((x @ coef.T + intercept) / temperature).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "judge-model.json"
FORMAT = 1


class ModelFileError(ValueError):
    """The model file is missing, malformed or made for other features."""


@dataclass(frozen=True)
class CriterionModel:
    key: str
    classes: tuple[str, ...]
    coef: np.ndarray          # (classes, features)
    intercept: np.ndarray     # (classes,)
    temperature: float
    override_above: float = 0.0    # the probability at which the model overrides a judgement the rules were sure of
    thresholds: tuple[float, float] | None = None   # cut points on the expected level (ordinal decision)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = (self.coef @ x + self.intercept) / self.temperature
        z = z - z.max()
        p = np.exp(z)
        return p / p.sum()


@dataclass(frozen=True, eq=False)
class JudgeModel:
    version: str
    features: tuple[str, ...]
    criteria_keys: tuple[str, ...]
    criteria: dict[str, CriterionModel]
    low_confidence_below: float

    def predict_all(self, x: np.ndarray) -> dict[str, tuple[str, float, dict[str, float]]]:
        """(class, its probability, every class's probability) for every modelled criterion: one matrix product
        and one softmax pass for all of them, the same numbers as `CriterionModel.probabilities` per criterion
        (each step elementwise; a group's sum added in the order ndarray.sum adds 3 or 4 values)."""
        temps, starts, sizes = self._softmax_layout
        if sizes.max() >= 8:                        # ndarray.sum adds 8 or more values pairwise: not this loop's order
            return self._predict_each(x)
        z = (self._stacked[0] @ x + self._stacked[1]) / temps
        z -= np.repeat(np.maximum.reduceat(z, starts), sizes)
        p = np.exp(z)
        total = p[starts]
        for j in range(1, int(sizes.max())):       # left to right, as ndarray.sum adds fewer than 8 values
            more = sizes > j
            total[more] += p[starts[more] + j]
        p /= np.repeat(total, sizes)
        ps = p.tolist()                 # Python floats: the same doubles, without numpy's per-scalar cost
        out = {}
        for key, (a, b) in self._slices.items():
            m = self.criteria[key]
            i = decide(m.classes, p[a:b], m.thresholds)
            out[key] = (m.classes[i], ps[a + i], dict(zip(m.classes, ps[a:b])))
        return out

    def _predict_each(self, x: np.ndarray) -> dict[str, tuple[str, float, dict[str, float]]]:
        """predict_all one criterion at a time (the plain form of its softmax pass)."""
        z_all = self._stacked[0] @ x + self._stacked[1]
        out = {}
        for key, (a, b) in self._slices.items():
            m = self.criteria[key]
            z = z_all[a:b] / m.temperature
            p = np.exp(z - z.max())
            p /= p.sum()
            i = decide(m.classes, p, m.thresholds)
            out[key] = (m.classes[i], float(p[i]), dict(zip(m.classes, p.tolist())))
        return out

    @cached_property
    def _softmax_layout(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each row's temperature, and each criterion's first row and number of classes."""
        sizes = np.asarray([b - a for a, b in self._slices.values()])
        temps = np.repeat([self.criteria[k].temperature for k in self._slices], sizes).astype(np.float64)
        return temps, np.asarray([a for a, _ in self._slices.values()]), sizes

    @cached_property
    def _slices(self) -> dict[str, tuple[int, int]]:
        out, pos = {}, 0
        for key, m in self.criteria.items():
            out[key] = (pos, pos + len(m.classes))
            pos += len(m.classes)
        return out

    @cached_property
    def _stacked(self) -> tuple[np.ndarray, np.ndarray]:
        ms = list(self.criteria.values())
        return np.vstack([m.coef for m in ms]), np.concatenate([m.intercept for m in ms])

    def predict(self, key: str, x: np.ndarray) -> tuple[str, float, dict[str, float]]:
        """(class, its probability, every class's probability) for one criterion."""
        m = self.criteria[key]
        p = m.probabilities(x)
        i = decide(m.classes, p, m.thresholds)
        return m.classes[i], float(p[i]), {c: float(v) for c, v in zip(m.classes, p)}

    def contributions(self, key: str, cls: str, x: np.ndarray) -> list[tuple[str, float]]:
        """The features pushing towards `cls` most, strongest first (feature name, weight x value)."""
        m = self.criteria[key]
        w = m.coef[m.classes.index(cls)] * x
        order = np.argsort(-w)[:5]
        return [(self.features[i], float(w[i])) for i in order if w[i] > 0]


# The cut points may pick a level the model itself finds implausible: with greeting's (1.0, 1.5), p = 0 .004,
# 1 .995, 2 .001 has an expected level of 0.997, in the band of 0. A level chosen by the cut points stands only while
# its probability is at least this share of its more probable neighbouring level (odds of 10 to 1 against it);
# otherwise the decision steps to that neighbour, and again from there if need be. Each step goes to a class at
# least ten times as probable, so it ends, and it never steps past the most probable class.
NEGLIGIBLE_SHARE = 0.1


def decide(classes: tuple[str, ...] | list[str], p: np.ndarray, thresholds: tuple[float, float] | None) -> int:
    """The chosen class's index: n/a when it is the most probable; otherwise, with thresholds, the level whose band
    holds the expected level (0..2, over the level classes only), moved to a neighbouring level when that one is far
    more probable (NEGLIGIBLE_SHARE); else the most probable class."""
    top = int(np.argmax(p))
    if thresholds is None or classes[top] == "na":
        return top
    index = {int(c): i for i, c in enumerate(classes) if c != "na"}
    ps = p.tolist()         # the same doubles as Python floats: the same sums, without numpy's per-scalar cost
    mass = sum(ps[i] for i in index.values())
    expected = sum(ps[i] * lv for lv, i in index.items()) / mass if mass > 0 else 0.0
    want = 0 if expected < thresholds[0] else 1 if expected < thresholds[1] else 2
    if want not in index:
        return top
    return index[_plausible(want, index, ps)]


def _plausible(level: int, index: dict[int, int], ps: list[float]) -> int:
    """`level`, or the neighbouring level it steps to while a neighbour is far more probable (NEGLIGIBLE_SHARE)."""
    while True:
        near = [lv for lv in (level - 1, level + 1) if lv in index]
        if not near:
            return level
        best = max(near, key=lambda lv: ps[index[lv]])
        if ps[index[level]] >= NEGLIGIBLE_SHARE * ps[index[best]]:
            return level
        level = best


def parse(data: dict) -> JudgeModel:
    try:
        if data.get("format") != FORMAT:
            raise ModelFileError(f"model file format {data.get('format')!r}, expected {FORMAT}")
        feats = tuple(data["features"])
        crits = {}
        for key, m in data["criteria"].items():
            coef = np.asarray(m["coef"], dtype=np.float64)
            if coef.shape != (len(m["classes"]), len(feats)):
                raise ModelFileError(f"{key}: coef shape {coef.shape} does not match classes x features")
            crits[key] = CriterionModel(key, tuple(m["classes"]), coef, np.asarray(m["intercept"], dtype=np.float64),
                                        float(m.get("temperature", 1.0)), float(m.get("override_above", 0.0)),
                                        tuple(m["thresholds"]) if m.get("thresholds") else None)
        return JudgeModel(str(data["version"]), feats, tuple(data["criteria_keys"]), crits,
                          float(data.get("low_confidence_below", 0.6)))
    except (KeyError, TypeError) as exc:
        raise ModelFileError(f"malformed model file: {exc!r}") from exc


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> JudgeModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"cannot read the judge model {path}: {exc}") from exc
    return parse(data)
