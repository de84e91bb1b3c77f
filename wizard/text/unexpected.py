"""The one sentence for the unexpected, whether a dialog or a page shows it (see ui/errors.py).

Marked with `N_` and translated where shown.
"""

from __future__ import annotations

from wizard.text import N_

UNEXPECTED = N_("Something unexpected happened. Your data in Clockify and QuickBooks was not "
                "changed. You can keep using the app; if this keeps happening, click Copy "
                "details and send them to support@clockify.me.")
