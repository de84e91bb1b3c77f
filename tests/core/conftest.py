"""Every core test starts with an empty name cache."""

from __future__ import annotations

import pytest

from wizard.core.names import name_keys


@pytest.fixture(autouse=True)
def _fresh_name_keys() -> None:
    """A test must not pass on keys another test left in `name_keys`' cache: it would never
    call the code it means to check (and mutation testing, which forks after the clean run,
    would miss every change to the folding)."""
    name_keys.cache_clear()
