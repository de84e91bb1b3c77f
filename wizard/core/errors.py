"""Expected problems, each with one sentence written for a bookkeeper.

Anything raised from here may be shown as it is (`str(error)`): no codes, no tracebacks, no
secrets. Unexpected exceptions go to the global handler instead.
"""

from __future__ import annotations

from wizard.text import N_, _


class SyncCheckupError(Exception):
    """An expected problem; `str()` is the sentence to show."""


class MalformedData(SyncCheckupError):
    """A service or file answered something that isn't what it should be."""

    def __init__(self, what: str) -> None:
        super().__init__(_("{what} sent an answer this app can't read.").format(what=what))
        self.what = what


class BadInput(SyncCheckupError):
    """Something the user typed or chose can't be used (dates, options, files)."""


class FileProblem(SyncCheckupError):
    """An export file can't be used; the sentence names the file and what to export instead."""


class NoKeyring(SyncCheckupError):
    def __init__(self) -> None:
        super().__init__(_(
            "This computer has no usable password store (keyring), so the app can't keep your "
            "keys or sign-in safely; nothing was saved. Use the environment variables described "
            "in the README, or open exported files instead."))


class Cancelled(SyncCheckupError):
    def __init__(self) -> None:
        super().__init__(_("Cancelled."))


# --- QuickBooks Online and Sign in with Intuit -------------------------------------------------

class QboReconnectNeeded(SyncCheckupError):
    """The sign-in is gone (refresh token rejected, access refused): QBO_RECONNECT_NEEDED."""

    code = "QBO_RECONNECT_NEEDED"
    NOT_SIGNED_IN = N_("This app is not signed in to QuickBooks yet.")
    EXPIRED = N_("QuickBooks no longer accepts this app's sign-in (it expired, was disconnected, "
                 "or was replaced by a newer sign-in).")
    REFUSED = N_("QuickBooks refused access to this company: the person who signed in may have "
                 "lost administrator rights, or the app was disconnected in QuickBooks.")

    def __init__(self, sentence: str = EXPIRED) -> None:
        super().__init__(_(sentence))


class QboUnreachable(SyncCheckupError):
    """QuickBooks or Intuit could not be reached or kept failing: the finding QBO_UNREACHABLE."""

    code = "QBO_UNREACHABLE"
    NETWORK = N_("The connection to Intuit failed or timed out several times.")
    BUSY = N_("QuickBooks asked this app to slow down and kept refusing after several tries.")
    SERVER = N_("QuickBooks kept answering with a server error after several tries.")
    GARBLED = N_("QuickBooks sent an answer this app can't read.")
    REFUSED_QUERY = N_("QuickBooks refused one of this app's questions.")

    def __init__(self, sentence: str = NETWORK) -> None:
        super().__init__(_(sentence))


class IntuitKeysMissing(SyncCheckupError):
    def __init__(self) -> None:
        super().__init__(_(
            "This copy of Sync Checkup has no Intuit app keys, so it can't sign in to QuickBooks. "
            "Click “Use my own Intuit app keys”, or open QuickBooks export files instead."))


class SignInFailed(SyncCheckupError):
    """Sign in with Intuit did not finish; the sentence says why and what to do."""

    CANCELLED = N_("The sign-in was cancelled at Intuit, so QuickBooks is not connected. Click "
                   "Sign in with Intuit to try again.")
    FORGED = N_("The sign-in answer did not belong to the sign-in this app started, so it was "
                "refused for safety. Click Sign in with Intuit and try again.")
    TIMED_OUT = N_("The sign-in did not finish in time (was the browser closed?). Click Sign in "
                   "with Intuit to try again, or paste the address the browser landed on.")
    UNREADABLE = N_("That text doesn't contain a QuickBooks sign-in answer. After signing in, copy "
                    "the whole address from the browser's address bar and paste it here.")
    REJECTED = N_("Intuit did not accept this sign-in (it may have been used already or taken too "
                  "long). Click Sign in with Intuit and try again.")
    DENIED = N_("Intuit reported a problem with the sign-in. Click Sign in with Intuit and try "
                "again; sign in as a QuickBooks administrator.")
    BAD_KEYS = N_("Intuit did not accept this app's keys or its return address. Check the Intuit "
                  "app keys (client ID, secret, sandbox or production, and the redirect address).")

    def __init__(self, sentence: str) -> None:
        super().__init__(_(sentence))
