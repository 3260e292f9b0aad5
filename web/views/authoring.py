"""Scenario authoring in the browser (tutors for their own cohorts, admins): write or upload a scenario's YAML, see
the validator's messages at their lines, save versions, preview a seed as the learner sees it, publish."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from web.extensions import db
from web.models import ScenarioInstance
from web.security import roles_required
from web.services import authoring, drafts, preview_play, results, scoring
from web.services.authoring import AuthoringError, ScenarioProblems
from web.services.errors import AttemptError
from web.services.evidence_spans import transcript_spans
from web.services.library import library
from web.views.practice import workspace_context  # the learner's own workspace page, for the preview

bp = Blueprint("authoring", __name__, url_prefix="/author")
STAFF = ("tutor", "admin")
MAX_SEED = 1_000_000


def _sent_text() -> str:
    """The YAML sent: an uploaded file wins over the text box. A file that is not UTF-8 is a problem at line 1."""
    upload = request.files.get("file")
    if upload and upload.filename:
        raw = upload.read(authoring.MAX_TEXT * 4 + 1)
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ScenarioProblems([{"line": None, "field": "", "message": f"{upload.filename} is not UTF-8 text",
                                     "fix": "save the file as UTF-8 and upload it again"}]) from exc
    return request.form.get("text", "")


def _starter_text() -> str:
    example = library().path.rstrip("/") + "/_example.yaml"
    try:
        with open(example, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return "id: my-new-scenario\ntitle: \n"


def _editor(template: str, code: int = 200, **context):
    text = context.get("text", "")
    problems = context.get("problems") or []
    by_line: dict[int, list[dict]] = {}
    for p in problems:
        if p.get("line"):
            by_line.setdefault(p["line"], []).append(p)
    return render_template(template, lines=text.split("\n"), by_line=by_line, **context), code


@bp.route("/")
@roles_required(*STAFF)
def index():
    return render_template("authoring/index.html", scenarios=authoring.mine(current_user))


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*STAFF)
def new():
    if request.method == "GET":
        return _editor("authoring/new.html", text=_starter_text(), problems=[])
    text = request.form.get("text", "")
    try:
        text = _sent_text()
        authored = authoring.create(text, current_user)
    except ScenarioProblems as exc:
        return _editor("authoring/new.html", 422, text=text, problems=exc.problems)
    db.session.commit()
    flash(f"Saved {_named(authored.latest)} as version 1. Preview it, then publish it to your cohorts.", "info")
    return redirect(url_for("authoring.scenario", authored_id=authored.id))


@bp.route("/scenarios/<int:authored_id>", methods=["GET", "POST"])
@roles_required(*STAFF)
def scenario(authored_id: int):
    authored = authoring.owned(authored_id, current_user)
    if request.method == "GET":
        return _detail(authored, authored.latest.text, [])
    text = request.form.get("text", "")
    try:
        text = _sent_text()
        version = authoring.save_version(authored, text, current_user)
    except ScenarioProblems as exc:
        return _detail(authored, text, exc.problems, 422)
    except AuthoringError as exc:
        flash(str(exc), "error")
        return _detail(authored, text, [], 400)
    db.session.commit()
    flash(f"Saved version {version.number}. Preview it before publishing it.", "info")
    return redirect(url_for("authoring.scenario", authored_id=authored.id))


def _named(version) -> str:
    """A scenario as people see it everywhere: by its title, never its id."""
    return f"“{version.title}”"


def _detail(authored, text: str, problems: list[dict], code: int = 200):
    return _editor("authoring/scenario.html", code, authored=authored, text=text, problems=problems,
                   cohorts=authoring.publishable_cohorts(current_user), chosen={c.id for c in authored.cohorts},
                   brief=authoring.scenario_of(authored.latest).brief)


@bp.route("/scenarios/<int:authored_id>/versions/<int:number>")
@roles_required(*STAFF)
def version(authored_id: int, number: int):
    """One saved version's text, as it was saved (versions are never edited)."""
    authored = authoring.owned(authored_id, current_user)
    return render_template("authoring/version.html", authored=authored, version=authoring.version_of(authored, number))


@bp.route("/scenarios/<int:authored_id>/versions/<int:number>/preview", methods=["GET", "POST"])
@roles_required(*STAFF)
def preview(authored_id: int, number: int):
    """The learner's workspace for this version and seed, played as a learner plays it: each reply is scored, the
    customer reacts and the feedback shows, then the result. Nothing is stored but the note that the version was
    previewed (web/services/preview_play.py keeps the conversation in a signed token on the page)."""
    authored = authoring.owned(authored_id, current_user)
    version = authoring.version_of(authored, number)
    seed = _seed(request.values.get("seed", "1"))
    inst = authoring.preview(version, seed)
    row = ScenarioInstance(scenario_id=inst.scenario_id, scenario_version=inst.scenario_version, seed=seed,
                           exercise_type=inst.exercise_type, title=inst.title, data=inst.to_dict())
    if request.method == "GET":
        attempt = preview_play.start(current_user, row)
        db.session.commit()   # previewed_at
        flash(f"Preview of {_named(version)} version {version.number} with seed {seed}: this is what a learner "
              "sees. Reply as a learner would: the customer reacts and you see the feedback. Nothing is stored in "
              "any learner's record.", "info")
        return _preview_page(authored, version, seed, attempt)
    try:
        attempt = preview_play.unpack(request.form.get("play", ""), current_user, row, authored.id, number, seed)
    except preview_play.PreviewTokenError as exc:
        abort(400, description=str(exc))
    try:
        preview_play.act(attempt, request.form.get("action", ""), request.form)
    except AttemptError as exc:
        flash(str(exc), "error")
        return _preview_page(authored, version, seed, attempt, 400)
    return _preview_page(authored, version, seed, attempt)


def _seed(text: str) -> int:
    text = (text or "").strip()
    if not text.isdigit() or not 0 <= int(text) < MAX_SEED:
        abort(400, description=f"The seed is a whole number from 0 to {MAX_SEED - 1}.")
    return int(text)


def _preview_page(authored, version, seed: int, attempt, code: int = 200):
    """The workspace (or, once the exercise is over, the marked result) of a preview; its forms come back here."""
    url = url_for("authoring.preview", authored_id=authored.id, number=version.number, seed=seed)
    token = preview_play.pack(attempt, current_user, authored.id, version.number, seed)
    preview = {"authored": authored, "version": version, "seed": seed, "url": url,
               "feedback": preview_play.last_feedback(attempt), "labels": scoring.LABELS}
    if attempt.status == "completed":
        result = attempt.result or {}
        return render_template("authoring/preview_result.html", attempt=attempt, result=result, preview=preview,
                               feedback=results.prioritised_feedback(result), reasons=results.learner_reasons(result),
                               checks=results.check_rows(result), labels=scoring.LABELS,
                               spans_by_turn=transcript_spans(result)), code
    context = workspace_context(attempt, saved_drafts={})   # its drafts are read below, under its own keys
    # The page saves what is typed as drafts: keep a preview's apart from every other preview and attempt.
    keys = {t: f"preview-{authored.id}-{version.number}-{seed}-{t}" for t in context["draft_keys"]}
    context.update(draft_keys=keys, saved=drafts.load_many(current_user, list(keys.values())), preview=preview,
                   act_url=lambda name: url,
                   act_fields=lambda name: Markup('<input type="hidden" name="action" value="{}">'
                                                  '<input type="hidden" name="play" value="{}">').format(name, token))
    return render_template("practice/workspace.html", **context), code


@bp.route("/scenarios/<int:authored_id>/publish", methods=["POST"])
@roles_required(*STAFF)
def publish(authored_id: int):
    authored = authoring.owned(authored_id, current_user)
    number = request.form.get("number", "")
    cohort_ids = [int(c) for c in request.form.getlist("cohort_ids") if c.isdigit()]
    if not number.isdigit():
        abort(400, description="Say which version to publish.")
    try:
        cohorts = authoring.publish(authored, int(number), cohort_ids, current_user)
    except AuthoringError as exc:
        flash(str(exc), "error")
        return _detail(authored, authored.latest.text, [], 400)
    db.session.commit()
    flash(f"Version {number} of {_named(authoring.version_of(authored, int(number)))} is live for "
          f"{', '.join(c.name for c in cohorts)}.", "info")
    return redirect(url_for("authoring.scenario", authored_id=authored.id))


@bp.route("/scenarios/<int:authored_id>/withdraw", methods=["POST"])
@roles_required(*STAFF)
def withdraw(authored_id: int):
    authored = authoring.owned(authored_id, current_user)
    authoring.withdraw(authored)
    db.session.commit()
    flash(f"{_named(authored.latest)} is withdrawn: learners no longer see it (their attempts are kept).", "info")
    return redirect(url_for("authoring.scenario", authored_id=authored.id))
