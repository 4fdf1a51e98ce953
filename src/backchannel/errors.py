"""One exception root. The CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


class BackchannelError(Exception):
    """Root of every error backchannel raises on purpose.

    ``hint`` says what to do next; ``exit_code`` is what the CLI exits with.
    """

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class UsageError(BackchannelError):
    """The command was called wrongly (bad option value, missing argument)."""

    exit_code = 2


class ConfigError(BackchannelError):
    """The configuration file or an environment variable is invalid."""

    exit_code = 2


class InputError(BackchannelError):
    """An input cannot be read at all (missing path, unreadable folder)."""


class StoreError(BackchannelError):
    """The store cannot be opened, migrated or written, or fails its integrity check."""
