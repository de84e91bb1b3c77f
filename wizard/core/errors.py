"""Expected problems, each with one sentence written for a bookkeeper.

Anything raised from here may be shown as it is (`str(error)`): no codes, no tracebacks, no
secrets. Unexpected exceptions go to the global handler instead.
"""

from __future__ import annotations


class SyncCheckupError(Exception):
    """An expected problem; `str()` is the sentence to show."""


class MalformedData(SyncCheckupError):
    """A service or file answered something that isn't what it should be."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} sent an answer this app can't read.")
        self.what = what


class BadInput(SyncCheckupError):
    """Something the user typed or chose can't be used (dates, options, files)."""


class FileProblem(SyncCheckupError):
    """An export file can't be used; the sentence names the file and what to export instead."""


class NoKeyring(SyncCheckupError):
    def __init__(self) -> None:
        super().__init__(
            "This computer has no usable password store (keyring), so the app can't keep your "
            "keys or sign-in safely; nothing was saved. Use the environment variables described "
            "in the README, or open exported files instead.")


class Cancelled(SyncCheckupError):
    def __init__(self) -> None:
        super().__init__("Cancelled.")
