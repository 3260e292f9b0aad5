"""JSON API (v1): scoring for the pages and for other systems."""
from __future__ import annotations

from flask import Blueprint, jsonify

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.errorhandler(400)
def bad_request(exc):
    return jsonify(error=getattr(exc, "description", "Bad request")), 400
