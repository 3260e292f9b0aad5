"""What the profiling and monitoring pages show as the exercise's data: the brief stored on the attempt (the
generated organisation, or the generated weeks of metrics), with the monitoring charts drawn from it.

The brief is the JSON the attempt stored when it started, so the page shows what the learner was given even after
the generators change. The charts' SVG is drawn and escaped by portfolio.monitoring_charts, so it is marked safe
here and nowhere else.
"""
from __future__ import annotations

from markupsafe import Markup

from portfolio.monitoring_charts import monitoring_charts
from simulator.monitoring import Metrics
from simulator.profiling import PLATFORM_LABELS, QUERY_TYPES


def profiling_data(organisation: dict) -> dict:
    """The names templates/supervisory/_profiling_data.html reads."""
    return {"org": organisation, "platform_labels": PLATFORM_LABELS, "query_types": QUERY_TYPES}


def monitoring_data(metrics: dict) -> dict:
    """The names templates/supervisory/_monitoring_data.html reads: the metrics and their charts."""
    back = Metrics.from_dict(metrics)
    charts = [{**c.to_dict(), "svg": Markup(c.svg)} for c in monitoring_charts(back)]   # escaped where drawn
    return {"metrics": back, "charts": charts}


def brief_data(kind: str, brief: dict) -> dict:
    """The template names an attempt's brief gives its pages ({} for a kind with nothing to draw)."""
    if kind == "profiling":
        return profiling_data(brief["organisation"])
    if kind == "monitoring":
        return monitoring_data(brief["metrics"])
    return {}
