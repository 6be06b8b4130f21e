"""Errors a user can act on. The CLI maps each to a message and exit status 2."""

from __future__ import annotations

from collections.abc import Sequence

from rashomon.model import Rejected


class RashomonError(Exception):
    """Base class for errors with a message meant for the user."""


class UsageError(RashomonError):
    """The command was asked for something it cannot do (missing input, bad option)."""


class NothingReadError(RashomonError):
    """No input could be read as an article; ``rejected`` says why for each."""

    def __init__(self, rejected: Sequence[Rejected]) -> None:
        super().__init__("No input could be read as an article.")
        self.rejected = list(rejected)


class StoreError(RashomonError):
    """The store cannot be opened or is from an incompatible version."""
