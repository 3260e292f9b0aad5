"""One exception root for the package; caller errors kept apart from internal errors."""


class PortfolioError(Exception):
    """Root of every error this package raises."""


class InvalidPortfolioData(PortfolioError, ValueError):
    """The caller passed data that does not match PortfolioData; lists every problem at once."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("invalid portfolio data:\n" + "\n".join(f"- {p}" for p in self.problems))


class UnknownAttempt(PortfolioError, KeyError):
    """render_attempt_pdf was given an attempt id that is not in the data."""


class RenderError(PortfolioError):
    """Rendering failed inside the package (template or PDF engine): not the caller's fault."""
