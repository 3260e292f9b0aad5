"""The practice services' caller error, shared by the library, the catalogue and the attempt lifecycle."""


class AttemptError(ValueError):
    """What the learner asked cannot be done; the message is safe to show and says what to do."""
