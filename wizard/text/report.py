"""Words shared by the support report, the summary, the e-mail and the command line: where
the data came from, what kind of thing a finding is about, how two names differ."""

from __future__ import annotations

from typing import Protocol

from wizard.text import N_, _

# by the `sources` codes of a run ("api", "file", "demo"; None: not chosen)
_SOURCE: dict[str, str] = {
    "api": N_("live connection"),
    "file": N_("export files"),
    "demo": N_("the sample company"),
}

# by a finding's `subject_kind`
_KIND: dict[str, str] = {
    "user": N_("user"),
    "client": N_("client"),
    "project": N_("project"),
    "plan": N_("plan"),
    "connection": N_("connection"),
}

# by `NearKind` value: how two names that nearly match differ
_DIFFERENCE: dict[str, str] = {
    "unicode": N_("they look the same but were typed with different characters"),
    "whitespace": N_("the spaces differ (extra, doubled or special spaces)"),
    "case": N_("capital and small letters differ"),
    "punctuation": N_("punctuation differs (dots, dashes, apostrophes or & / and)"),
    "accents": N_("accents differ"),
    "word_order": N_("the words are in a different order"),
    "spelling": N_("the spelling differs slightly"),
}

# the only facts a report shows, in this order: (fact key, label)
FACT_LABELS: tuple[tuple[str, str], ...] = (
    ("plan", N_("QuickBooks plan")),
    ("payroll", N_("Payroll")),
    ("subscription", N_("Subscription")),
    ("time_tracking", N_("Time tracking in QuickBooks")),
    ("closing_date", N_("QuickBooks closing date")),
    ("company", N_("QuickBooks company")),
    ("workspace", N_("Clockify workspace")),
    ("time_zone", N_("Clockify time zone")),
)


class _Subject(Protocol):
    @property
    def subject(self) -> str: ...
    @property
    def subject_kind(self) -> str: ...
    @property
    def client(self) -> str | None: ...


def source_word(kind: str | None) -> str:
    """Where one side's data came from, in words (never the raw code)."""
    word = _SOURCE.get(kind or "")
    return _(word) if word else _("not chosen")


def kind_word(subject_kind: str) -> str:
    word = _KIND.get(subject_kind)
    return _(word) if word else _("item")


def difference(near_kind: str) -> str:
    """How two names differ, as a phrase that completes "The names are close but not
    identical: …"."""
    return _(_DIFFERENCE[near_kind])


def near_note(near_kind: str) -> str:
    return _("Differs: {difference}.").format(difference=difference(near_kind))


def subject_label(f: _Subject) -> str:
    """A finding's subject; a project with a client is shown under its client."""
    if f.subject_kind == "project" and f.client:
        return _("{client} → {project}").format(client=f.client, project=f.subject)
    return f.subject


__all__ = ["FACT_LABELS", "difference", "kind_word", "near_note", "source_word",
           "subject_label"]
