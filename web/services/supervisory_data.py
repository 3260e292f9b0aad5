"""What the profiling and monitoring pages show as the exercise's data, regenerated from the attempt's seed.

The generators are seeded (simulator.profiling, simulator.monitoring), so the seed is all an attempt needs to
keep: the learner, the tutor and the scorer all see the same organisation or the same weeks. The charts' SVG is
drawn and escaped by portfolio.monitoring_charts, so it is marked safe here and nowhere else.
"""
from __future__ import annotations

from markupsafe import Markup

from portfolio.monitoring_charts import monitoring_charts
from simulator.monitoring import generate_metrics
from simulator.profiling import PLATFORM_LABELS, QUERY_TYPES, generate_profile


def profiling_data(seed: int) -> dict:
    """The names templates/supervisory/_profiling_data.html reads."""
    return {"org": generate_profile(seed), "platform_labels": PLATFORM_LABELS, "query_types": QUERY_TYPES}


def monitoring_data(seed: int) -> dict:
    """The names templates/supervisory/_monitoring_data.html reads: the metrics and their charts."""
    metrics = generate_metrics(seed)
    charts = [{**c.to_dict(), "svg": Markup(c.svg)} for c in monitoring_charts(metrics)]   # escaped where drawn
    return {"metrics": metrics, "charts": charts}
