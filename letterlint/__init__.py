"""letterlint: a linter for outgoing client e-mails written in Russian."""

__version__ = "0.1.0"
