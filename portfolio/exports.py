"""The public exports: portfolio, logbook and attempt PDFs and the evidence pack. All anonymise first."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import date, datetime, timezone

from . import html, pdf
from .anonymise import anonymise_with_report
from .errors import InvalidPortfolioData, UnknownAttempt
from .evidence import REFLECTION_LABELS, attempt_view, evidence_map, final_grade, show_date, show_time, standard, summary
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
        "standard": {"id": (anon.get("standard") or {}).get("id") or std["id"], "title": (anon.get("standard") or {}).get("title") or std["title"]},
        "qualification": " ".join(str(v) for v in (q.get("title") or q.get("name") or std["qualification"], q.get("level") and f"(Level {q['level']})") if v),
        "period": f"{show_date(period.get('start'))} to {show_date(period.get('end'))}" if period else "",
    }


def _key(*parts) -> str:
    h = hashlib.sha256(html.templates_fingerprint().encode())
    for p in parts:
        h.update(json.dumps(p, sort_keys=True, default=str).encode())
        h.update(b"\0")
    return h.hexdigest()


def _cached_layout(cache, key, make_html):
    pages = cache.get(key) if cache is not None else None
    if pages is None:
        doc = pdf.layout(make_html(), html.stylesheets(False))
        pages = (doc, doc.pages)
        if cache is not None:
            cache.put(key, pages)
    return pages


def render_portfolio_pdf(data, *, include=INCLUDE, cache: "pdf.PageCache | None" = None, known_values=(), keep_values=(),
                         generated_at: str | None = None) -> bytes:
    """The learner's portfolio as a tagged PDF/UA-1 document.

    ``include``: ("evidence",), ("reflections",) or both (some EPA plans exclude reflective accounts).
    ``cache``: a :class:`PageCache` kept by the caller; attempts whose anonymised content is unchanged
    are not laid out again.
    """
    include = _check_include(include)
    anon, report = _prepare(data, known_values, keep_values, parts=("attempts",))
    return _portfolio_from_anonymised(anon, report, include, cache, generated_at)


def _portfolio_from_anonymised(anon, report, include, cache, generated_at):
    common = _common(anon)
    attempts = anon.get("attempts") or []
    generated = generated_at or date.today().isoformat()
    doc_title = f"Portfolio of evidence: candidate {common['candidate_number']}"
    # 1. Each attempt's pages, from the cache when its content (and first page number) is unchanged.
    #    The evidence is numbered from 1, after the front matter's i, ii, iii.
    views = [attempt_view(a, n, include) for n, a in enumerate(attempts, start=1)]
    who = {k: common[k] for k in ("candidate_label", "candidate_number")}
    attempt_pages, starts, page = [], [], 1
    for v in views:
        ctx = dict(who, a=v, doc_title=doc_title, first_page=page)
        _doc, pages = _cached_layout(cache, _key("attempt", ctx), lambda ctx=ctx: html.render("attempt.html", **ctx))
        attempt_pages.append(pages)
        starts.append(page)
        page += len(pages)
    back_ctx = dict(common, doc_title=doc_title, attempt_count=len(attempts), first_page=page)
    _bdoc, back_pages = _cached_layout(cache, _key("back", back_ctx), lambda: html.render("back.html", **back_ctx))
    # 2. The front matter: its own sections by target-counter (roman), the evidence by the numbers above.
    rubric_ids = sorted({f"{(a.get('result') or {}).get('rubric', {}).get('id', '?')} v{(a.get('result') or {}).get('rubric', {}).get('version', '?')}" for a in attempts})
    toc = [{"group": True, "label": "Front matter"}]
    toc += [{"group": False, "label": label, "anchor": anchor, "page": "§"} for label, anchor in
            (("Cover", "cover"), ("Contents", "contents"), ("Summary", "summary"), ("Evidence map", "evidence-map"))]
    toc.append({"group": True, "label": "Attempts"})
    for v, start in zip(views, starts):
        toc.append({"group": False, "label": f"{v['number']}. {v['title']} ({v['submitted'][:11].strip()}, {v['grade']})",
                    "anchor": v["anchor"], "page": start})
    toc.append({"group": False, "label": "Declaration of authenticity", "anchor": "declaration", "page": page})
    front_ctx = dict(common, doc_title=doc_title, toc=toc, summary=summary(attempts), emap=evidence_map(attempts),
                     generated=show_date(generated), rubric_ids=", ".join(rubric_ids) or "none",
                     contents_note={("evidence", "reflections"): "Evidence and reflections",
                                    ("evidence",): "Product evidence only (reflections excluded)",
                                    ("reflections",): "Reflections only (product evidence excluded)"}[tuple(i for i in INCLUDE if i in include)])
    front_doc, front_pages = _cached_layout(cache, _key("front", front_ctx), lambda: html.render("front.html", **front_ctx))
    all_pages = list(front_pages) + [p for pages in attempt_pages for p in pages] + list(back_pages)
    return pdf.assemble(all_pages, front_doc)


def render_attempt_pdf(data, attempt_id, *, include=INCLUDE, known_values=(), keep_values=()) -> bytes:
    """One attempt on its own (for a tutor or an assessor's spot check)."""
    include = _check_include(include)
    raw = as_dict(data)
    order = sorted(raw.get("attempts") or [], key=lambda a: (a.get("submitted_at") or a.get("started_at") or "", str(a.get("id"))))
    ids = [str(a.get("id")) for a in order]
    if str(attempt_id) not in ids:
        raise UnknownAttempt(f"no attempt {attempt_id!r} in this portfolio")
    n = ids.index(str(attempt_id))
    # Only this attempt is scrubbed, so its pseudonyms start at "Customer A" (the others' known values still count).
    anon, _report = anonymise_with_report(raw, known_values=known_values, keep_values=keep_values, parts=("attempts",),
                                          attempt_ids=[attempt_id])
    common = _common(anon)
    view = attempt_view(anon["attempts"][0], n + 1, include)
    doc = pdf.layout(html.render("attempt.html", standalone=True, a=view, doc_title=f"Attempt {n + 1}: {view['title']}", **common),
                     html.stylesheets(True))
    return pdf.write(doc)


def render_logbook_pdf(data, *, known_values=(), keep_values=()) -> bytes:
    """The chronological reflective log of simulated and real interactions."""
    anon, _report = _prepare(data, known_values, keep_values, parts=("logbook",))
    common = _common(anon)
    entries = []
    for e in sorted(anon.get("logbook") or [], key=lambda e: e.get("created_at") or ""):
        refl = e.get("reflection") or {}
        labels = dict(REFLECTION_LABELS["gibbs"] + REFLECTION_LABELS["short"])
        comments = []
        for c in e.get("tutor_comments") or []:
            comments.append({"by": c.get("by") or "Tutor", "at": show_time(c.get("at")), "text": c.get("text") or ""} if isinstance(c, dict)
                            else {"by": "Tutor", "at": "", "text": str(c)})
        entries.append({"date": show_time(e.get("created_at")), "title": e.get("title") or "", "kind": e.get("kind"),
                        "customer_text": e.get("customer_text") or "", "reply_text": e.get("reply_text") or "",
                        "grade": final_grade({"result": e.get("result") or {}}) if e.get("result") else "",
                        "reflection": [{"label": labels.get(k, k.replace("_", " ").capitalize()), "text": v} for k, v in refl.items() if v],
                        "comments": comments})
    doc = pdf.layout(html.render("logbook.html", standalone=True, doc_title="Reflective logbook", entries=entries,
                                 simulated=sum(1 for e in entries if e["kind"] == "simulated"),
                                 real=sum(1 for e in entries if e["kind"] == "real"), **common), html.stylesheets(True))
    return pdf.write(doc)


def evidence_json(data, *, known_values=(), keep_values=()) -> dict:
    """The anonymised evidence as a JSON-ready dict (what the pack's evidence.json holds)."""
    anon, report = _prepare(data, known_values, keep_values)
    return _evidence_json(anon, report)


def _evidence_json(anon, report) -> dict:
    body = {k: v for k, v in anon.items() if not k.startswith("_")}
    body["standard"] = {"id": standard()["id"], "title": standard()["title"], "version": standard()["version"]}
    body["final_grades"] = {str(a.get("id")): final_grade(a) for a in anon.get("attempts") or []}
    return {"schema": "portfolio-evidence/1", "anonymisation": report, "evidence": body}


def build_evidence_pack(data, *, include=INCLUDE, cache=None, known_values=(), keep_values=(), generated_at: str | None = None) -> bytes:
    """A ZIP: portfolio.pdf, evidence.json (the same anonymised evidence) and manifest.json (SHA-256 of each)."""
    include = _check_include(include)
    anon, report = _prepare(data, known_values, keep_values)
    candidate = anon["learner"].get("candidate_number") or "unknown"
    generated = generated_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    files = {
        "portfolio.pdf": _portfolio_from_anonymised(anon, report, include, cache, generated[:10]),
        "evidence.json": json.dumps(_evidence_json(anon, report), indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8"),
    }
    manifest = {
        "schema": "evidence-pack-manifest/1",
        "candidate_number": candidate,
        "generated_at": generated,
        "include": list(include),
        "files": [{"name": n, "bytes": len(b), "sha256": hashlib.sha256(b).hexdigest()} for n, b in files.items()],
        "note": "manifest.json lists every other file in this ZIP with its SHA-256; it cannot list its own hash.",
    }
    files["manifest.json"] = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
    out = io.BytesIO()
    stamp = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, body in files.items():
            info = zipfile.ZipInfo(f"candidate-{candidate}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
    return out.getvalue()


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
    toc += [{"group": False, "label": f"{v['number']}. {v['title']}", "anchor": v["anchor"], "page": "§"} for v in views]
    toc.append({"group": False, "label": "Declaration of authenticity", "anchor": "declaration", "page": "§"})
    front = html.render("front.html", standalone=True, doc_title=doc_title, toc=toc, summary=summary(attempts), emap=evidence_map(attempts),
                        generated=show_date(generated_at or date.today().isoformat()), rubric_ids="", contents_note="", **common)
    env = html.environment()
    bodies = "".join(env.get_template("attempt_body.html").render(a=v, **common) for v in views)
    back = html.render("back.html", doc_title=doc_title, attempt_count=len(attempts), **common)
    back_body = back.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    return front.replace("</body>", bodies + back_body + "</body>")
