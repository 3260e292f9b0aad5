"""Benchmark: score 10,000 replies in free mode on one core; print median and p99 ms per reply and throughput.

Replies are the real pairs in ../shared/data/twcs_pairs.csv when present (cycled with deterministic variations
so no cache can answer), otherwise a deterministic generated set. Run: python bench/bench_scoring.py [N]
"""
from __future__ import annotations

import csv
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rubrics import score_reply, warm_up
from rubrics.spelling import unknown_words
from rubrics.text import WORD_RE
from rubrics.tone import textblob_polarity, vader_compound

DATA = ROOT.parent / "shared" / "data" / "twcs_pairs.csv"
if not DATA.exists():
    DATA = Path("/work/shared/data/twcs_pairs.csv")

OPENERS = ["Hi Sam, ", "Hello, ", "", "Thanks for getting in touch. ", "Hey there! "]
MIDDLES = ["I'm sorry your parcel hasn't arrived yet.", "Sorry to hear that.", "We apologise for the delay to your refund.",
           "That's not the experience we want you to have.", "Please DM us your order number and we'll look into this.",
           "Could you tell me which device you're using?", "I'll chase the courier and update you by 5pm today.",
           "Please contact our support team.", "u shud of read the terms lol", "We have refunded the £20 today."]
CLOSERS = [" Is there anything else I can help with? ^JS", " -Sean", " Thanks!", "", " Have a great day! ^CH"]
CUSTOMERS = ["My parcel still hasn't arrived and I've waited in all day!!", "I was charged twice for my order.",
             "Wifi has been down since Monday, working from home is impossible.", "Can I take my dog in the lounge?",
             "The app keeps crashing since the update."]


def pairs(n: int) -> list[tuple[str, dict]]:
    rng = random.Random(20261123)
    base = []
    if DATA.exists():
        with open(DATA, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                base.append((row["brand_reply_anon"], row["customer_message_anon"]))
    out = []
    for i in range(n):
        if base and i % 2 == 0:
            reply, customer = base[(i // 2) % len(base)]
            reply = f"{reply} #{i}"   # distinct text each time, so no cache answers
        else:
            reply = rng.choice(OPENERS) + " ".join(rng.sample(MIDDLES, 3)) + rng.choice(CLOSERS) + f" ref {i}"
            customer = rng.choice(CUSTOMERS)
        out.append((reply, {"customer": customer, "platform": "twitter", "channel": "public",
                            "response_minutes": float(i % 150)}))
    return out


FIRST = """
import time
t, c = time.perf_counter(), time.process_time()
from rubrics import score_reply
score_reply("Sorry your parcel is late, I'll chase the courier today.", {"customer": "Where is my parcel?!"})
print(time.perf_counter() - t, time.process_time() - c)
"""


def first_score() -> tuple[float, float]:
    """(wall, CPU) seconds from a fresh interpreter's first import of rubrics to its first result (medians of 3)."""
    import subprocess
    runs = [tuple(map(float, subprocess.run([sys.executable, "-c", FIRST], cwd=ROOT, capture_output=True, text=True,
                                            check=True).stdout.split())) for _ in range(3)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})   # one core
    except (AttributeError, OSError):
        pass
    data = pairs(n)
    t0 = time.perf_counter()
    warm_up()
    for reply, ctx in data[:200]:
        score_reply(reply, ctx)
    warm = time.perf_counter() - t0
    # Yardstick measured in the same run, alternating with the scorer so both see the same machine load:
    # the reference pipeline of shared/research/perf_baselines.md s.1 (TextBlob sentiment + VADER + spelling
    # unknown()) on the same reply. Target: scorer median <= 2x the yardstick median.
    # Each is timed twice: wall clock (what a user waits) and this process's CPU time (time.process_time), which
    # a shared machine's other processes inflate far less; on a quiet machine the two agree.
    times, yard, rules = [], [], []
    cpu, cpu_yard, cpu_rules = [], [], []
    spent = 0.0
    for i, (reply, ctx) in enumerate(data):
        t, c = time.perf_counter(), time.process_time()
        score_reply(reply, ctx)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        spent += dt
        times.append(dt * 1000)
        cpu.append(dc * 1000)
        if i % 10 == 5:
            t, c = time.perf_counter(), time.process_time()
            score_reply(reply, ctx, judge=False)
            rules.append((time.perf_counter() - t) * 1000)
            cpu_rules.append((time.process_time() - c) * 1000)
        if i % 10 == 0:
            t, c = time.perf_counter(), time.process_time()
            textblob_polarity(reply)
            vader_compound(reply)
            unknown_words([w.lower() for w in WORD_RE.findall(reply)])
            yard.append((time.perf_counter() - t) * 1000)
            cpu_yard.append((time.process_time() - c) * 1000)
    total = spent
    times.sort()
    p99 = times[int(len(times) * 0.99) - 1]
    mean_len = statistics.mean(len(r) for r, _ in data)
    med, cmed = statistics.median(times), statistics.median(cpu)
    print(f"replies: {n} (mean {mean_len:.0f} chars; source: {'twcs_pairs.csv + generated' if DATA.exists() else 'generated'})")
    print(f"warm-up (analysers + 200 replies): {warm:.2f} s")
    print(f"median: {med:.3f} ms/reply   p99: {p99:.3f} ms/reply   max: {times[-1]:.1f} ms")
    print(f"median CPU time: {cmed:.3f} ms/reply (time.process_time)")
    print(f"throughput: {n / total:,.0f} replies/s on one core")
    print(f"the rules alone (judge=False, every 10th, interleaved): median {statistics.median(rules):.3f} ms "
          f"(CPU {statistics.median(cpu_rules):.3f} ms); the learned layer adds {med - statistics.median(rules):.3f} ms "
          f"(CPU {cmed - statistics.median(cpu_rules):.3f} ms)")
    wall, first_cpu = first_score()
    print(f"first score in a fresh process (imports, analysers, model and WordLlama load): {wall:.2f} s "
          f"(CPU {first_cpu:.2f} s)")
    ymed, ycmed = statistics.median(yard), statistics.median(cpu_yard)
    print(f"yardstick (TextBlob + VADER + spelling on the same reply, every 10th, interleaved): median {ymed:.3f} ms;"
          f" scorer/yardstick = {med / ymed:.2f}x (CPU: {ycmed:.3f} ms, {cmed / ycmed:.2f}x)")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
