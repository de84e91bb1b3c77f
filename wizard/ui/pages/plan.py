"""Page 2: the QuickBooks plan, payroll and subscription, with how to check them by hand."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from wizard.core.result import Status
from wizard.flow import Page
from wizard.text import N_, _
from wizard.text.findings import plan_by_hand
from wizard.ui.jobs import Loaded
from wizard.ui.pages.base import StepPage, explanation, findings_html
from wizard.ui.session import Session

_FACTS = (("company", N_("Company")), ("plan", N_("Plan")), ("payroll", N_("Payroll")),
          ("subscription", N_("Subscription")), ("time_tracking", N_("Time tracking")),
          ("closing_date", N_("Closing date")))


class PlanPage(StepPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, Page.PLAN, parent)
        self.body.addWidget(explanation(
            _("Clockify can send time only to <b>QuickBooks Online Essentials or Plus</b>, and "
              "only when <b>payroll is off</b>. The subscription must be active, and time "
              "tracking turned on."), self))
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        for key, label in _FACTS:
            value = QLabel("—", self)
            value.setAccessibleName(_(label))
            self.values[key] = value
            self.labels[key] = _(label)
            self.form.addRow(_("{label}:").format(label=_(label)), value)
        self.body.addLayout(self.form)
        self.problems = explanation("", self)
        self.body.addWidget(self.problems)
        self.body.addWidget(explanation(f"<i>{html.escape(plan_by_hand())}</i>", self))
        self.body.addStretch(1)

    def show_loaded(self, loaded: Loaded) -> None:
        facts = loaded.result.facts
        for key, label in self.values.items():
            label.setText(facts.get(key, _("Not known")))
            label.setAccessibleName(_("{label}: {value}").format(label=self.labels[key],
                                                                 value=label.text()))
        findings = loaded.result.findings_for("plan")
        # the verdict when the plan itself is fine ("Plus works with Clockify…"), then problems
        good = "".join(f"<p>{html.escape(f.message)}</p>" for f in findings
                       if f.status is Status.PASS)
        self.problems.setText(good + findings_html(findings) or (
            "<p>" + html.escape(_("Nothing to fix here.")) + "</p>"))
