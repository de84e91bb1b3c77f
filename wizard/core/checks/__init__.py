"""The five checks of SPEC §3, applied to both sides' data. Pure: no I/O, no clock, no Qt.

One module per check (`plan`, `users`, `customers`, `entries`, `connection`), over what they
share: QuickBooks' names indexed once per run (`quickbooks_names`), the period's days in the key
owner's zone (`periods`), and the one way findings are made (`findings`). `run` runs them all in
order and adds the run's facts (`facts`).
"""

from wizard.core.checks.entries import MAX_SYNC_SECONDS, REASON_ORDER, check_entries
from wizard.core.checks.periods import default_period
from wizard.core.checks.run import run_checks

__all__ = ["MAX_SYNC_SECONDS", "REASON_ORDER", "check_entries", "default_period", "run_checks"]
