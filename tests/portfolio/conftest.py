import functools
import io
import re

import pytest

import portfolio
from tests.portfolio.sample import make_portfolio

SEPARATORS = re.compile(r"[\s\-.()/]+")


@functools.lru_cache(maxsize=16)
def _extract(data: bytes) -> tuple[str, ...]:
    # pypdf's extraction is slow (~0.1-0.3 s a page here), so each PDF is read once per session.
    from pypdf import PdfReader

    return tuple(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdf_text(data: bytes) -> str:
    return "\n".join(_extract(data))


def page_texts(data: bytes) -> list[str]:
    return [" ".join(t.split()) for t in _extract(data)]


# Words the templates themselves print: a generated surname equal to one is not a leak.
TEMPLATE_WORDS = {"Gibbs", "Pass", "Merit", "Candidate", "Customer", "Tutor", "Assessor", "Summary", "Page"}


def leaks(text: str, secrets) -> list[str]:
    """Every secret that survives in text: as words (whitespace normalised, case-insensitive), with
    spaces and separators removed (pypdf may split or join words), and digits of numbers."""
    norm = " ".join(text.split())
    squashed = SEPARATORS.sub("", text).lower()
    found = set()
    for value in secrets.values - TEMPLATE_WORDS:
        v = " ".join(value.split())
        if re.search(r"(?<![\w])" + re.escape(v) + r"(?![\w])", norm, re.I):
            found.add(value)
        flat = SEPARATORS.sub("", v).lower()
        if len(flat) >= 8 and flat in squashed:
            found.add(value)
    digits_only = re.sub(r"[\s\-.()/]+", "", text)
    for number in secrets.numbers:
        if number in digits_only:
            found.add(number)
    for word in secrets.word_names - TEMPLATE_WORDS:
        # Names that are also words are leaks when they appear capitalised as a word.
        if re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", norm):
            found.add(word)
    return sorted(found)


@pytest.fixture(scope="session")
def sample40():
    return make_portfolio(40, seed=11)


@pytest.fixture(scope="session")
def cache():
    return portfolio.PageCache(max_bytes=2**30)


@pytest.fixture(scope="session")
def portfolio40(sample40, cache):
    data, _ = sample40
    return portfolio.render_portfolio_pdf(data, cache=cache, generated_at="2026-11-23")
