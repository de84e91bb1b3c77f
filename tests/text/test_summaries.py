"""Check summaries are whole sentences side by side, never clauses glued with "; " (a translator
could not reorder those): on the sample company and on the cases each check words apart."""

from __future__ import annotations

import pytest

from tests.report.samples import sample_result
from wizard.text import checks as say


def test_the_sample_company_summaries_are_whole_sentences() -> None:
    for check in sample_result().checks:
        assert "; " not in check.summary, check.id
        assert check.summary.endswith("."), check.id


@pytest.mark.parametrize("summary", [
    say.users(5, 16, 10, 1, vendors_known=False),
    say.users(16, 16, 0, 0, vendors_known=True),
    say.customers(16, 33, 16, 2),
    say.customers(1, 1, 0, 0),
    say.entries(55, 147, 92, not_admin=True, mapping_known=True, closing_known=False),
    say.entries(1, 1, 0, not_admin=False, mapping_known=True, closing_known=True),
    say.sentences(say.plan("QuickBooks Online Plus", False), say.time_tracking_unknown()),
])
def test_each_part_is_a_sentence_of_its_own(summary: str) -> None:
    assert "; " not in summary
    assert summary.endswith(".")
    assert all(part[:1].isupper() or part[:1].isdigit() for part in summary.split(". "))
