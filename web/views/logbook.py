"""The reflective logbook: Gibbs or short-form entries on attempts, real interactions logged from work
(anonymised before saving, previewed and confirmed, scored in free mode), and tutors' comments."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import select

import simulator
from portfolio import evidence as portfolio_evidence
from portfolio.standard import criterion_text
from web.extensions import db
from web.inputs import InputError, whole_number
from web.models import LogbookComment, LogbookEntry
from web.security import roles_required, visible_learner
from web.services import attempts, drafts, interaction_anonymiser, scoring
from web.services.accounts import can_see_learner

bp = Blueprint("logbook", __name__, url_prefix="/logbook")

# The standard's performance criteria, from the portfolio package (one list for the logbook, the progress
# page and the exported portfolio): [(id, text)], and which scoring criteria show each one.
_STANDARD = portfolio_evidence.standard()
PERFORMANCE_CRITERIA = tuple((pc["id"], criterion_text(pc)) for pc in _STANDARD["performance_criteria"])
EVIDENCED_BY = {pc["id"]: tuple(pc.get("evidenced_by") or ()) for pc in _STANDARD["performance_criteria"]}
STANDARD_TITLE = f'{_STANDARD["id"]} {_STANDARD["title"]}'
CRITERION_LABELS = portfolio_evidence.criterion_labels()   # the exercises' rubric criteria and the marking points
PC_CODES = {code for code, _ in PERFORMANCE_CRITERIA}
FORMS = {
    "gibbs": (("description", "Description: what happened?"),
              ("feelings", "Feelings: what were you thinking and feeling?"),
              ("evaluation", "Evaluation: what was good and bad about it?"),
              ("analysis", "Analysis: what sense can you make of it?"),
              ("conclusion", "Conclusion: what else could you have done?"),
              ("action_plan", "Action plan: what will you do next time?")),
    "short": (("went_well", "What went well"), ("even_better_if", "Even better if"),
              ("next", "What I will do next")),
}
MAX_FIELD = 5_000


def _tutor_can_see(entry: LogbookEntry) -> bool:
    return current_user.role in ("tutor", "admin") and can_see_learner(current_user, entry.learner_id)


def visible_entry(entry_id: int) -> LogbookEntry:
    entry = db.get_or_404(LogbookEntry, entry_id)
    if current_user.role == "learner" and entry.learner_id != current_user.id:
        abort(404)
    if current_user.role != "learner" and not _tutor_can_see(entry):
        abort(403)
    return entry


def _fields_from(form, kind: str) -> tuple[dict, list[str]]:
    fields, errors = {}, []
    for name, label in FORMS[kind]:
        value = (form.get(name) or "").strip()
        if len(value) > MAX_FIELD:
            errors.append(f"{label.split(':')[0]} is too long (at most {MAX_FIELD} characters).")
        fields[name] = value
    if not any(fields.values()):
        errors.append("Write at least one part of the reflection.")
    return fields, errors


@bp.route("/")
@roles_required("learner")
def index():
    entries = db.session.scalars(select(LogbookEntry).where(LogbookEntry.learner_id == current_user.id)
                                 .order_by(LogbookEntry.created_at.desc())).all()
    return render_template("logbook/index.html", entries=entries, pcs=dict(PERFORMANCE_CRITERIA),
                           learner=current_user)


@bp.route("/learners/<int:learner_id>")
@roles_required("tutor", "admin")
def learner_entries(learner_id: int):
    learner = visible_learner(learner_id)
    entries = db.session.scalars(select(LogbookEntry).where(LogbookEntry.learner_id == learner.id)
                                 .order_by(LogbookEntry.created_at.desc())).all()
    return render_template("logbook/index.html", entries=entries, pcs=dict(PERFORMANCE_CRITERIA), learner=learner)


@bp.route("/new", methods=["GET", "POST"])
@roles_required("learner")
def new():
    try:
        attempt_id = whole_number(request.values.get("attempt_id"), "attempt_id")
    except InputError as exc:
        abort(400, description=str(exc))
    attempt = attempts.owned_attempt(attempt_id, current_user) if attempt_id else None
    kind = request.values.get("form", "short")
    if kind not in FORMS:
        kind = "short"
    errors, values = [], {}
    if request.method == "POST":
        values, errors = _fields_from(request.form, kind)
        chosen = [pc for pc in request.form.getlist("pc") if pc in PC_CODES]
        title = (request.form.get("title") or "").strip()[:200] or (
            f"Reflection on {attempt.instance.data.get('title')}" if attempt else "Reflection")
        if not errors:
            entry = LogbookEntry(learner_id=current_user.id, attempt_id=attempt.id if attempt else None,
                                 kind="simulated", form=kind, title=title, fields=values, performance_criteria=chosen)
            db.session.add(entry)
            drafts.clear(current_user, f"logbook-{attempt_id or 'new'}-{kind}")
            db.session.commit()
            flash("Your reflection is saved in your logbook.", "info")
            return redirect(url_for("logbook.entry", entry_id=entry.id))
    key = f"logbook-{attempt_id or 'new'}-{kind}"
    return render_template("logbook/new.html", attempt=attempt, kind=kind, forms=FORMS, values=values,
                           errors=errors, pcs=PERFORMANCE_CRITERIA, chosen=request.form.getlist("pc"),
                           draft_key=key, saved=drafts.load_many(current_user, [key]))


@bp.route("/entries/<int:entry_id>")
@roles_required("learner", "tutor", "admin")
def entry(entry_id: int):
    e = visible_entry(entry_id)
    return render_template("logbook/entry.html", entry=e, forms=FORMS, pcs=dict(PERFORMANCE_CRITERIA),
                           labels=scoring.LABELS)


@bp.route("/entries/<int:entry_id>/comments", methods=["POST"])
@roles_required("tutor", "admin")
def comment(entry_id: int):
    e = visible_entry(entry_id)
    text = (request.form.get("text") or "").strip()
    if not text or len(text) > MAX_FIELD:
        flash("Write a comment (at most 5000 characters).", "error")
    else:
        e.comments.append(LogbookComment(author_id=current_user.id, text=text))
        db.session.commit()
        flash("Comment added.", "info")
    return redirect(url_for("logbook.entry", entry_id=e.id))


@bp.route("/real", methods=["GET", "POST"])
@roles_required("learner")
def real():
    """Log a real interaction: paste it with a title and a reflection, preview ALL of it anonymised, confirm. The reply
    is judged on the text as pasted, in this request only; the preview carries the anonymised result, signed, and
    only anonymised text is stored."""
    form = request.form
    step = form.get("step", "paste") if request.method == "POST" else "paste"
    texts = {k: (form.get(k) or "") for k in interaction_anonymiser.TEXT_FIELDS}
    platform = form.get("platform") or ""
    page = {"platform": platform, "platforms": simulator.PLATFORMS, "pcs": PERFORMANCE_CRITERIA,
            "chosen": [pc for pc in form.getlist("pc") if pc in PC_CODES]}
    errors = _real_errors(texts, platform) if request.method == "POST" else []
    if request.method == "GET" or step == "paste" or (step == "preview" and errors):
        return render_template("logbook/real.html", step="paste", texts=texts, errors=errors, **page)
    if step == "preview":
        context = {"customer": texts["customer"], "platform": platform or None, "channel": None,
                   "response_minutes": None, "customer_name": None, "customer_handle": None, "previous_replies": [],
                   "scenario": None}
        try:
            result = scoring.score_reply(texts["reply"], context)   # judged on what was really written
        except scoring.ScoringInputError as exc:
            return render_template("logbook/real.html", step="paste", texts=texts, errors=[str(exc)], **page)
        anon, found, anon_result, scrubbed_reply = interaction_anonymiser.anonymise_with_result(
            texts, result, current_user)
        token = _result_signer().dumps({"result": anon_result, "reply": scrubbed_reply, "platform": platform})
        return render_template("logbook/real.html", step="preview", texts=anon, found=found, token=token, **page)
    token = form.get("result_token") or ""
    try:
        judged = _result_signer().loads(token, max_age=RESULT_MAX_AGE)
    except BadData:
        errors.append("The preview is too old or was changed: paste the interaction again.")
        return render_template("logbook/real.html", step="paste", texts={k: "" for k in texts}, errors=errors, **page)
    if form.get("confirm") != "yes":
        errors.append("Tick the box to confirm the text is anonymised before saving.")
    if errors:   # nothing the learner wrote or ticked is lost: the preview comes back as it was sent
        return render_template("logbook/real.html", step="preview", texts=texts, token=token, errors=errors, **page)
    anon, stored_result = interaction_anonymiser.for_saving(texts, judged["result"], judged["reply"], current_user)
    entry = LogbookEntry(learner_id=current_user.id, kind="real", form="short",
                         title=anon["title"].strip()[:200] or "A real interaction from work",
                         fields={k: anon[k].strip() for k in interaction_anonymiser.REFLECTION_FIELDS},
                         performance_criteria=page["chosen"], customer_text=anon["customer"], reply_text=anon["reply"],
                         result=stored_result)
    db.session.add(entry)
    db.session.commit()
    flash("The interaction is anonymised, scored and saved in your logbook.", "info")
    return redirect(url_for("logbook.entry", entry_id=entry.id))


RESULT_MAX_AGE = 6 * 3600   # a preview left open longer is pasted again


def _result_signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="logbook-real-interaction-result")


def _real_errors(texts: dict, platform: str) -> list[str]:
    errors = []
    if not texts["customer"].strip() or not texts["reply"].strip():
        errors.append("Paste both the customer's message and your reply.")
    if any(len(v) > MAX_FIELD for v in texts.values()):
        errors.append(f"Each text may be at most {MAX_FIELD} characters.")
    if len(texts["title"]) > 200:
        errors.append("The title may be at most 200 characters.")
    if platform and platform not in simulator.PLATFORMS:
        errors.append("Choose a platform from the list.")
    return errors
