"""Portfolio export benchmark: seconds and peak memory for 10, 100 and 500 attempts.

For each size, in fresh processes (so each peak RSS belongs to one job):
- raw:    WeasyPrint rendering the same content as ONE HTML document (layout + write): the baseline;
- first:  render_portfolio_pdf with an empty PageCache (anonymise, lay out and write each part, join);
- repeat: the same export again with the now warm cache (nothing changed);
- +1:     one attempt added, warm cache (the aim for both repeats at 100 attempts: under Chromium's 1.7 s).
Memory is the child process's peak RSS (resource.getrusage ru_maxrss; it includes Pango and the
cache's laid-out pages). tracemalloc is not used for timing: it slows WeasyPrint several-fold.

Usage: .venv/bin/python bench/bench_portfolio.py [sizes...]   (default: 10 100 500)
"""
import gc
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "portfolio")]


def child(n: int, mode: str) -> dict:
    import portfolio
    from portfolio import pdf as pdf_module
    from pypdf import PdfReader
    from sample import make_portfolio

    portfolio.render_portfolio_pdf(make_portfolio(2, seed=99)[0])  # warm imports and fonts
    full, _ = make_portfolio(n + 1, seed=7)
    data = dict(full, attempts=full["attempts"][:n])
    out = {"n": n, "mode": mode}
    gc.collect()
    if mode == "raw":
        html = portfolio.exports.portfolio_html(data)
        t = time.perf_counter()
        doc = pdf_module.layout(html, portfolio.html.stylesheets(True))
        body = pdf_module.write(doc)
        out.update(seconds=time.perf_counter() - t, pages=len(doc.pages), bytes=len(body))
    else:
        cache = portfolio.PageCache(max_bytes=10 * 2**40)   # unbounded here: the bench measures a warm cache
        t = time.perf_counter()
        body = portfolio.render_portfolio_pdf(data, cache=cache)
        out.update(first=time.perf_counter() - t, pages=len(PdfReader(io.BytesIO(body)).pages), bytes=len(body))
        t = time.perf_counter()
        portfolio.render_portfolio_pdf(data, cache=cache)
        out["repeat"] = time.perf_counter() - t
        t = time.perf_counter()
        portfolio.render_portfolio_pdf(full, cache=cache)
        out["plus1"] = time.perf_counter() - t
    out["max_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def run(n: int, mode: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", str(n), mode], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(sizes):
    rows = []
    for n in sizes:
        raw = run(n, "raw")
        c = run(n, "cached")
        rows.append((n, raw, c))
        print(f"{n:4d} attempts, {c['pages']:4d} pages: raw WeasyPrint {raw['seconds']:6.2f} s, {raw['max_rss_mib']:4.0f} MiB | "
              f"first export {c['first']:6.2f} s = {c['first'] / raw['seconds']:4.2f}x raw | repeat {c['repeat']:5.2f} s | "
              f"+1 attempt {c['plus1']:5.2f} s | peak RSS {c['max_rss_mib']:4.0f} MiB | PDF {c['bytes'] / 1024:.0f} KiB", flush=True)
    if len(rows) >= 2:
        print("marginal cost per attempt between sizes:")
        for (a, ra, ca), (b, rb, cb) in zip(rows, rows[1:]):
            d = b - a
            print(f"  {a}->{b}: raw {(rb['seconds'] - ra['seconds']) / d * 1000:.0f} ms, first {(cb['first'] - ca['first']) / d * 1000:.0f} ms, "
                  f"repeat {(cb['repeat'] - ca['repeat']) / d * 1000:.0f} ms, memory {(cb['max_rss_mib'] - ca['max_rss_mib']) / d:.2f} MiB")
        per = [c["first"] / n for n, _, c in rows]
        ok = max(per[1:]) <= 1.5 * min(per)
        for n, _, c in rows:
            if n == 100:
                print(f"repeat at 100 attempts: nothing changed {c['repeat']:.2f} s, one added {c['plus1']:.2f} s ->",
                      "both under 1.7 s" if max(c["repeat"], c["plus1"]) < 1.7 else "NOT both under 1.7 s")
        print("first export per attempt:", ", ".join(f"{n}: {c['first'] / n * 1000:.0f} ms" for n, _, c in rows),
              "->", "linear (within 1.5x of the lowest)" if ok else "NOT linear")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(int(sys.argv[2]), sys.argv[3])))
    else:
        main([int(a) for a in sys.argv[1:]] or [10, 100, 500])
