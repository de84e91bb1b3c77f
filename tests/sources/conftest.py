"""Fixtures shared by the source tests."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.fakes.intuit_server import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring backend for tests about what is stored, not about the OS store
    (tests/storage/test_secrets_keyring.py covers the real Secret Service)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
