"""Print how fast the scenario engine loads, generates and reacts (a figure, not a test).

    python bench/bench_generation.py [SEEDS]
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import simulator
from simulator.criteria import CRITERIA

JUDGEMENT = {"criteria": {k: {"level": 2} for k in CRITERIA} | {"data_protection": {"level": "pass"}}}


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, (time.perf_counter() - start) * 1000


def main(seeds: int = 50) -> None:
    library, ms = timed(simulator.load_library)
    print(f"load_library: {len(library)} scenarios in {ms:.0f} ms")
    simulator.generate(library.list()[0], 0)   # warm the per-thread Faker
    per_type: dict[str, list[float]] = {}
    reacts = []
    for scenario in library.list():
        for seed in range(seeds):
            inst, ms = timed(simulator.generate, scenario, seed)
            per_type.setdefault(scenario.exercise_type, []).append(ms)
            if inst.customers:
                channel = "chat" if inst.platform == "webchat" else "public"
                _, ms = timed(simulator.react, inst, None, "Sorry! Please DM us so I can help.", JUDGEMENT, channel)
                reacts.append(ms)
    print(f"generate ({seeds} seeds per scenario):")
    for etype, times in sorted(per_type.items()):
        times.sort()
        print(f"  {etype:13} n={len(times):5}  median {statistics.median(times):6.2f} ms  "
              f"p95 {times[int(len(times) * 0.95) - 1]:6.2f} ms")
    reacts.sort()
    print(f"react: n={len(reacts)}  median {statistics.median(reacts):.3f} ms  p95 {reacts[int(len(reacts) * 0.95) - 1]:.3f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
