"""Anonymised portfolio, logbook and evidence-pack exports. Plain Python: plain data in, bytes out.

    from portfolio import render_portfolio_pdf, PageCache
    cache = PageCache()                      # keep one per worker process
    pdf_bytes = render_portfolio_pdf(data, include=("evidence", "reflections"), cache=cache)

Every export anonymises first (see portfolio.anonymise). See portfolio/README.md for the data shape.
"""
from .anonymise import anonymise, anonymise_with_report
from .charts import count_bars, levels_heatmap
from .errors import InvalidPortfolioData, PortfolioError, RenderError, UnknownAttempt
from .evidence import trend_charts
from .exports import (
                      INCLUDE,
                      build_evidence_pack,
                      build_evidence_pack_with_digest,
                      evidence_files,
                      evidence_json,
                      manifest_sha256,
                      render_attempt_pdf,
                      render_logbook_pdf,
                      render_portfolio_pdf,
)
from .manifest import SCHEMA as MANIFEST_SCHEMA
from .manifest import Verification, file_entry, manifest_bytes, verify_zip
from .model import PortfolioData
from .pdf import PageCache

__all__ = [
    "INCLUDE", "InvalidPortfolioData", "PageCache", "PortfolioData", "PortfolioError", "RenderError", "UnknownAttempt",
    "anonymise", "anonymise_with_report", "build_evidence_pack", "build_evidence_pack_with_digest",
    "evidence_files", "evidence_json", "manifest_sha256", "MANIFEST_SCHEMA", "Verification", "file_entry",
    "manifest_bytes", "verify_zip", "render_attempt_pdf",
    "render_logbook_pdf", "render_portfolio_pdf", "count_bars", "levels_heatmap", "trend_charts",
]
