"""The public exports: portfolio, logbook and attempt PDFs and the evidence pack. All anonymise first."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import date, datetime, timezone

from . import html, pdf
from .anonymise import anonymise_with_report, attempt_order
from .errors import InvalidPortfolioData, UnknownAttempt
from .evidence import (
    REFLECTION_LABELS,
    attempt_view,
    evidence_map,
    final_grade,
    final_levels,
    show_date,
    show_time,
    standard,
    summary,
)
from .manifest import manifest_bytes
from .model import as_dict

INCLUDE = ("evidence", "reflections")


def _check_include(include) -> tuple:
    include = tuple(include)
    bad = [i for i in include if i not in INCLUDE]
    if bad or not include:
        raise InvalidPortfolioData([f"include: {include!r}; choose one or both of {INCLUDE}"])
    return include


def _prepare(data, known_values=(), keep_values=(), parts=("attempts", "logbook")):
    """Anonymise the parts a document shows, so its pseudonyms and numbers start at "Customer A" and "[phone 1]"."""
    # The collector is paused: anonymising allocates much and frees it by reference counting, and a
    # pause here saves about 0.1 s at 100 attempts. (Not across the parts' layouts: those make cycles that
    # must be collected between parts, or a 100-attempt export peaks at 500 MiB instead of 190.)
    with pdf.gc_paused():
        raw = as_dict(data)
        anon, report = anonymise_with_report(raw, known_values=known_values, keep_values=keep_values, parts=parts)
    return anon, report


def _common(anon: dict) -> dict:
    std = standard()
    q = anon.get("qualification") or {}
    period = anon.get("period") or {}
    return {
        "candidate_number": anon["learner"].get("candidate_number") or "",
        "candidate_label": anon["learner"]["full_name"],
        "cohort": (anon.get("cohort") or {}).get("name") or "",
        "standard": {"id": (anon.get("standard") or {}).get("id") or std["id"],
                     "title": (anon.get("standard") or {}).get("title") or std["title"]},
        # The qualification is the cohort's (the standard names none): shown as given, nothing when none was given.
        "qualification": " ".join(str(v) for v in (q.get("title") or q.get("name"),
                                                    q.get("level") and f"(Level {q['level']})") if v),
        "period": f"{show_date(period.get('start'))} to {show_date(period.get('end'))}" if period else "",
    }


def _key(*parts) -> str:
    h = hashlib.sha256(html.templates_fingerprint().encode())
    for p in parts:
        h.update(json.dumps(p, sort_keys=True, default=str).encode())
        h.update(b"\0")
    return h.hexdigest()


def _cached_part(cache, key, make_html) -> tuple[int, bytes, frozenset]:
    """(page count, written PDF, stand-in anchors) of one part, from the cache when its content is unchanged."""
    part = cache.get(key) if cache is not None else None
    if part is None:
        doc = pdf.layout(make_html(), html.stylesheets(False))
        body, stand_ins = pdf.write_part(doc)
        part = (len(doc.pages), body, stand_ins)
        if cache is not None:
            cache.put(key, part)
    return part


def render_portfolio_pdf(data, *, include=INCLUDE, cache: "pdf.PageCache | None" = None, known_values=(),
                         keep_values=(), generated_at: str | None = None) -> bytes:
    """The learner's portfolio as a tagged PDF/UA-1 document.

    ``include``: ("evidence",), ("reflections",) or both (some EPA plans exclude reflective accounts).
    ``cache``: a :class:`PageCache` kept by the caller; a part (an attempt, the front matter, the
    declaration) whose anonymised content and first page number are unchanged is neither laid out nor
    written again: its written pages are joined as they are.
    """
    include = _check_include(include)
    anon, report = _prepare(data, known_values, keep_values, parts=("attempts",))
    return _portfolio_from_anonymised(anon, report, include, cache, generated_at)


def _portfolio_from_anonymised(anon, report, include, cache, generated_at):
    common = _common(anon)
    attempts = anon.get("attempts") or []
    generated = generated_at or date.today().isoformat()
    doc_title = f"Portfolio of evidence: candidate {common['candidate_number']}"
    # 1. Each attempt's written pages, from the cache when its content (and first page number) is unchanged.
    #    The evidence is numbered from 1, after the front matter's i, ii, iii, so adding an attempt at the
    #    end (the usual change) leaves every earlier attempt's pages as they were.
    views = [attempt_view(a, n, include) for n, a in enumerate(attempts, start=1)]
    # 0. Nothing changed since the last export of this portfolio: the written PDF itself is cached.
    summ = summary(attempts)
    emap = evidence_map(attempts, anon.get("knowledge_checks") or (), anon.get("supervisory") or ())
    whole_key = _key("whole-pdf", common, views, include, generated, summ, emap)
    written = cache.get(whole_key) if cache is not None else None
    if written is not None:
        return written
    who = {k: common[k] for k in ("candidate_label", "candidate_number")}
    attempt_parts, starts, page = [], [], 1
    for v in views:
        ctx = dict(who, a=v, doc_title=doc_title, first_page=page)
        part = _cached_part(cache, _key("attempt", ctx), lambda ctx=ctx: html.render("attempt.html", **ctx))
        attempt_parts.append(part)
        starts.append(page)
        page += part[0]
    back_ctx = dict(common, doc_title=doc_title, attempt_count=len(attempts), first_page=page)
    back_part = _cached_part(cache, _key("back", back_ctx), lambda: html.render("back.html", **back_ctx))
    # 2. The front matter, numbered i, ii, iii: cover, contents (one part per page of rows, so adding an
    #    attempt re-lays out only the last page of the contents), then summary and evidence map.
    used_rubrics = [(a.get("result") or {}).get("rubric", {}) for a in attempts]
    rubric_ids = sorted({f"{r.get('id', '?')} v{r.get('version', '?')}" for r in used_rubrics})
    evidence = "evidence" in include   # without it: no grades, summary or evidence map (product evidence)
    rows = [{"group": False, "label": f"{v['number']}. {v['title']} ({v['submitted'][:11].strip()}"
                                      + (f", {v['grade']})" if evidence else ")"),
             "anchor": v["anchor"], "page": start} for v, start in zip(views, starts)]
    rows.append({"group": False, "label": "Declaration of authenticity", "anchor": "declaration", "page": page})
    cover = dict(common, generated=show_date(generated), rubric_ids=", ".join(rubric_ids) or "none",
                 contents_note={("evidence", "reflections"): "Evidence and reflections",
                                ("evidence",): "Product evidence only (reflections excluded)",
                                ("reflections",): "Reflections only (product evidence excluded)",
                                }[tuple(i for i in INCLUDE if i in include)])
    front_parts = _front_parts(cache, dict(who, doc_title=doc_title), cover, summ if evidence else None,
                               emap if evidence else None, rows)
    # 3. One tagged PDF: the front matter's catalog (title, language, PDF/UA metadata) with every part's
    #    pages, structure tree, destinations and bookmarks.
    written = pdf.join([(body, stand_ins) for _n, body, stand_ins in [*front_parts, *attempt_parts, back_part]])
    if cache is not None:
        cache.put(whole_key, written, cost=len(written))
    return written


# Attempt rows per page of the contents: the first page also holds the heading and the front matter's rows.
# A row is one line unless a scenario title is long; a part that overflows only makes its page count larger.
CONTENTS_ROWS_FIRST, CONTENTS_ROWS = 34, 44


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _front_parts(cache, who: dict, cover: dict, summ: dict | None, emap: dict | None, rows: list) -> list:
    """The front matter's parts (cover, contents pages, summary, evidence map), each laid out knowing its
    first (roman) page number, and each given only what it shows, so that adding an attempt leaves the
    earlier contents pages as they were (the summary, the map and the last contents page do change).

    The contents list the summary's and the map's page numbers, so those two are laid out first, placed
    after the contents at one page per contents part; only a contents part that overflows (a long title)
    makes the numbering go round again with the real counts. Without ``summ`` and ``emap`` (a
    reflections-only export) there is no summary or map.
    """
    def part(kind, first, **values):
        ctx = dict(who, sections=(kind,), first_page=first, **values)
        return _cached_part(cache, _key("front", ctx), lambda: html.render("front.html", **ctx))

    chunks = [rows[:CONTENTS_ROWS_FIRST]]
    chunks += [rows[i:i + CONTENTS_ROWS] for i in range(CONTENTS_ROWS_FIRST, len(rows), CONTENTS_ROWS)]
    contents_pages = [1] * len(chunks)
    for _settle in range(4):
        sections = [("Cover", "cover", 1), ("Contents", "contents", 2)]
        evidence_parts = []
        if summ is not None:
            summary_first = 2 + sum(contents_pages)
            evidence_parts.append(part("summary", summary_first, summary=summ))
            map_first = summary_first + evidence_parts[0][0]
            evidence_parts.append(part("evidence-map", map_first, emap=emap, standard=cover["standard"]))
            sections += [("Summary", "summary", summary_first), ("Evidence map", "evidence-map", map_first)]
        front_rows = [{"group": True, "label": "Front matter"}]
        front_rows += [{"group": False, "label": label, "anchor": anchor, "page": _roman(first)}
                       for label, anchor, first in sections]
        front_rows.append({"group": True, "label": "Attempts"})
        contents_parts = [part("contents", 2 + sum(contents_pages[:n]), toc=(front_rows if n == 0 else []) + chunk,
                               toc_part=n)
                          for n, chunk in enumerate(chunks)]
        counts = [p[0] for p in contents_parts]
        if counts == contents_pages:
            break
        contents_pages = counts
    return [part("cover", 1, **cover), *contents_parts, *evidence_parts]


def render_attempt_pdf(data, attempt_id, *, include=INCLUDE, known_values=(), keep_values=()) -> bytes:
    """One attempt on its own (for a tutor or an assessor's spot check)."""
    include = _check_include(include)
    raw = as_dict(data)
    order = attempt_order(raw.get("attempts"))
    ids = [str(a.get("id")) for a in order]
    if str(attempt_id) not in ids:
        raise UnknownAttempt(f"no attempt {attempt_id!r} in this portfolio")
    n = ids.index(str(attempt_id))
    # Only this attempt is scrubbed, so its pseudonyms start at "Customer A" (the others' known values still count).
    anon, _report = anonymise_with_report(raw, known_values=known_values, keep_values=keep_values, parts=("attempts",),
                                          attempt_ids=[attempt_id])
    common = _common(anon)
    view = attempt_view(anon["attempts"][0], n + 1, include)
    doc = pdf.layout(html.render("attempt.html", standalone=True, a=view, doc_title=f"Attempt {n + 1}: {view['title']}",
                                 **common),
                     html.stylesheets(True))
    return pdf.write(doc)


def _interaction(e: dict) -> dict | None:
    """What happened in the attempt a simulated entry reflects on: scenario, platform and channels, the conversation
    (already anonymised with the entry), grade, marking points and the first reply's time against the target."""
    if not e.get("messages"):
        return None
    result = dict(e.get("result") or {})
    # The transcript is shown without the scorer's highlights, so its evidence spans are not needed.
    result["criteria"] = {k: {kk: vv for kk, vv in (c or {}).items() if kk != "evidence"}
                          for k, c in (result.get("criteria") or {}).items()}
    attempt = {"id": "entry", "scenario": e.get("scenario") or {}, "messages": e.get("messages") or [],
               "result": result, "moderated_levels": e.get("moderated_levels") or {}, "grade": e.get("grade")}
    v = attempt_view(attempt, 0, ("evidence",))
    levels = final_levels(attempt)
    points: dict[str, list] = {"clearly": [], "partly": [], "not": []}
    for s in v["scores"]:
        lv = levels.get(s["key"])
        if lv is not None:   # moderated to n/a: not a marking point of this interaction
            points["clearly" if lv in (2, "pass") else "partly" if lv == 1 else "not"].append(s["label"])
    channels = []
    for m in v["transcript"]:
        if m["channel"] and m["channel"] not in channels:
            channels.append(m["channel"])
    return {
        "title": v["title"], "category": v["category"].replace("_", " "), "platform": v["platform"],
        "exercise_type": v["exercise_type"], "channels": ", ".join(channels), "sla": v["sla"],
        "first_response": v["first_response"], "sla_met": v["sla_met"],
        "grade": v["grade"], "auto_grade": v["auto_grade"], "points": points, "not_applicable": v["not_applicable"],
        "simulated_clock": v["simulated_clock"],
        "transcript": [{"author": m["author"], "who": m["who"], "time": m["time"], "channel": m["channel"],
                        "timing": m["timing"], "late": m["late"], "text": "".join(seg["text"] for seg in m["segments"])}
                       for m in v["transcript"]],
    }


def render_logbook_pdf(data, *, known_values=(), keep_values=()) -> bytes:
    """The chronological reflective log of simulated and real interactions. A simulated entry on an attempt shows
    what happened in it (scenario, conversation, grade, marking points, response time), anonymised like the rest."""
    anon, _report = _prepare(data, known_values, keep_values, parts=("logbook",))
    common = _common(anon)
    labels = dict(REFLECTION_LABELS["gibbs"] + REFLECTION_LABELS["short"])
    entries = []
    for e in sorted(anon.get("logbook") or [], key=lambda e: e.get("created_at") or ""):
        refl = e.get("reflection") or {}
        comments = []
        for c in e.get("tutor_comments") or []:
            comments.append({"by": c.get("by") or "Tutor", "at": show_time(c.get("at")), "text": c.get("text") or ""}
                            if isinstance(c, dict) else {"by": "Tutor", "at": "", "text": str(c)})
        interaction = _interaction(e)
        if interaction:
            grade = interaction["grade"]
        else:
            grade = final_grade({"result": e.get("result") or {}}) if e.get("result") else ""
        entries.append({"date": show_time(e.get("created_at")), "title": e.get("title") or "", "kind": e.get("kind"),
                        "customer_text": e.get("customer_text") or "", "reply_text": e.get("reply_text") or "",
                        "grade": grade or "", "interaction": interaction,
                        "reflection": [{"label": labels.get(k, k.replace("_", " ").capitalize()), "text": v}
                                       for k, v in refl.items() if v],
                        "comments": comments})
    doc = pdf.layout(html.render("logbook.html", standalone=True, doc_title="Reflective logbook", entries=entries,
                                 simulated=sum(1 for e in entries if e["kind"] == "simulated"),
                                 real=sum(1 for e in entries if e["kind"] == "real"), **common), html.stylesheets(True))
    return pdf.write(doc)


PRODUCT_EVIDENCE = ("messages", "result", "moderated_levels", "moderations", "tutor_feedback", "assessor_signoff",
                    "past_signoffs", "grade")


def evidence_json(data, *, include=INCLUDE, known_values=(), keep_values=()) -> dict:
    """The anonymised evidence as a JSON-ready dict (what the pack's evidence.json holds).

    ``include`` as for the PDF: without "reflections" no reflection is in it (neither the attempts' nor
    the logbook's); without "evidence" no product evidence (transcripts, scores, moderation, feedback,
    sign-off, grades): only each attempt's scenario, dates and reflection."""
    include = _check_include(include)
    anon, report = _prepare(data, known_values, keep_values)
    return _evidence_json(anon, report, include)


def _evidence_json(anon, report, include=INCLUDE, pdf_sha256: str | None = None) -> dict:
    body = {k: v for k, v in anon.items() if not k.startswith("_")}
    body["standard"] = {"id": standard()["id"], "title": standard()["title"], "version": standard()["version"]}
    attempts = [dict(a) for a in anon.get("attempts") or []]
    logbook = [dict(e) for e in anon.get("logbook") or []]
    if "reflections" not in include:
        for a in attempts:
            a["reflection"] = None
        for e in logbook:
            e["reflection"] = {}
    if "evidence" not in include:
        for a in attempts:
            for k in PRODUCT_EVIDENCE:
                a.pop(k, None)
        for e in logbook:
            for k in ("customer_text", "reply_text", "result", "tutor_comments", "messages", "moderated_levels",
                      "grade"):
                e.pop(k, None)
        body["supervisory"] = []   # the exercises' answers and levels are product evidence too
    else:
        body["final_grades"] = {str(a.get("id")): final_grade(a) for a in anon.get("attempts") or []}
    body["attempts"], body["logbook"] = attempts, logbook
    out = {"schema": "portfolio-evidence/1", "include": [i for i in INCLUDE if i in include], "anonymisation": report,
           "evidence": body}
    if pdf_sha256:
        out["portfolio_pdf_sha256"] = pdf_sha256
    return out


def build_evidence_pack(data, *, include=INCLUDE, cache=None, known_values=(), keep_values=(),
                        generated_at: str | None = None) -> bytes:
    """A ZIP: portfolio.pdf, evidence.json (the same anonymised evidence) and manifest.json (SHA-256 of each).

    Record :func:`manifest_sha256` of the result somewhere outside the ZIP (the app shows it to the
    assessor; the CLI prints it): it proves the manifest, and through it every file, is unchanged."""
    return build_evidence_pack_with_digest(data, include=include, cache=cache, known_values=known_values,
                                           keep_values=keep_values, generated_at=generated_at)[0]


def evidence_files(data, *, include=INCLUDE, cache=None, known_values=(), keep_values=(),
                   generated_at: str | None = None) -> dict[str, bytes]:
    """{"portfolio.pdf": ..., "evidence.json": ...} for one learner, from ONE anonymisation (the same pseudonyms in
    both); evidence.json records the PDF's SHA-256. What an evidence pack and each learner of a cohort export hold."""
    include = _check_include(include)
    anon, report = _prepare(data, known_values, keep_values)
    generated = generated_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    pdf_bytes = _portfolio_from_anonymised(anon, report, include, cache, generated[:10])
    pdf_hash = hashlib.sha256(pdf_bytes).hexdigest()
    return {
        "portfolio.pdf": pdf_bytes,
        "evidence.json": json.dumps(_evidence_json(anon, report, include, pdf_hash), indent=2, sort_keys=True,
                                    ensure_ascii=False).encode("utf-8"),
    }


def build_evidence_pack_with_digest(data, *, include=INCLUDE, cache=None, known_values=(), keep_values=(),
                                    generated_at: str | None = None) -> tuple[bytes, str]:
    """As :func:`build_evidence_pack`, also returning the SHA-256 of manifest.json (hex)."""
    include = _check_include(include)
    generated = generated_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    files = evidence_files(data, include=include, cache=cache, known_values=known_values, keep_values=keep_values,
                           generated_at=generated)
    candidate = as_dict(data)["learner"].get("candidate_number") or "unknown"
    files["manifest.json"] = manifest_bytes("evidence-pack", files, generated_at=generated, include=include,
                                            candidate_number=candidate)
    out = io.BytesIO()
    stamp = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, body in files.items():
            info = zipfile.ZipInfo(f"candidate-{candidate}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
    return out.getvalue(), hashlib.sha256(files["manifest.json"]).hexdigest()


def manifest_sha256(pack: bytes) -> str:
    """The SHA-256 (hex) of the manifest.json inside an evidence pack or cohort ZIP."""
    with zipfile.ZipFile(io.BytesIO(pack)) as zf:
        name = next(n for n in zf.namelist() if n.rsplit("/", 1)[-1] == "manifest.json")
        return hashlib.sha256(zf.read(name)).hexdigest()


def portfolio_html(data, *, include=INCLUDE, known_values=(), keep_values=(), generated_at: str | None = None) -> str:
    """The whole portfolio as ONE anonymised HTML document (page numbers by CSS counters).

    Not used by the PDF export (which assembles cached parts); it is the baseline the benchmark
    renders with WeasyPrint in one go, and a way to preview the content in a browser.
    """
    include = _check_include(include)
    anon, _report = _prepare(data, known_values, keep_values)
    common = _common(anon)
    attempts = anon.get("attempts") or []
    doc_title = f"Portfolio of evidence: candidate {common['candidate_number']}"
    views = [attempt_view(a, n, include) for n, a in enumerate(attempts, start=1)]
    toc = [{"group": False, "label": label, "anchor": anchor, "page": "§"} for label, anchor in
           [("Cover", "cover"), ("Contents", "contents"), ("Summary", "summary"), ("Evidence map", "evidence-map")]]
    toc += [{"group": False, "label": f"{v['number']}. {v['title']}", "anchor": v["anchor"], "page": "§"}
            for v in views]
    toc.append({"group": False, "label": "Declaration of authenticity", "anchor": "declaration", "page": "§"})
    front = html.render("front.html", standalone=True, doc_title=doc_title, toc=toc, summary=summary(attempts),
                        emap=evidence_map(attempts, anon.get("knowledge_checks") or (), anon.get("supervisory") or ()),
                        generated=show_date(generated_at or date.today().isoformat()),
                        rubric_ids="", contents_note="", **common)
    env = html.environment()
    bodies = "".join(env.get_template("attempt_body.html").render(a=v, **common) for v in views)
    back = html.render("back.html", doc_title=doc_title, attempt_count=len(attempts), **common)
    back_body = back.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    return front.replace("</body>", bodies + back_body + "</body>")
