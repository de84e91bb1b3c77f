"""The fix plan (SPEC §8.1, §8.2 step 1): from a finished check, the changes the app can make
itself, and the problems that stay a fix by hand with the reason. Pure: nothing is read or
written here; the plan only names records by the ids the check saw.

    plan = plan_for(result)
    actions_for(plan, finding.key)   # what "Fix for me…" on that row would do

The plan's parts and file form are in `plan`; working one out from a result is `planner`.
"""

from wizard.core.fixes.plan import Action, Manual, Plan, plan_from_json
from wizard.core.fixes.planner import (
    LIVE_SOURCES,
    action_line,
    actions_for,
    manual_for,
    only,
    plan_for,
)

__all__ = ["LIVE_SOURCES", "Action", "Manual", "Plan", "action_line", "actions_for",
           "manual_for", "only", "plan_for", "plan_from_json"]
