"""One exception root for the scoring package: caller errors apart from internal errors."""


class RubricsError(Exception):
    """Root of every error raised by rubrics."""


class ScoringInputError(RubricsError, ValueError):
    """The caller passed something the scorer cannot score (empty or oversize reply, unknown platform...).

    The web layer maps this to HTTP 400; its message is safe to show to the caller.
    """


class RubricDataError(RubricsError):
    """A rubric data file is missing or malformed (an internal error: the shipped data is wrong)."""


class ScoringError(RubricsError):
    """Something went wrong inside the scorer (an internal error, not the caller's fault)."""
