"""The scrubber on its own: what it removes, and what support needs it to keep."""

from __future__ import annotations

import string

from hypothesis import assume, given
from hypothesis import strategies as st

from wizard import redact

_SECRET_CHARS = string.ascii_letters + string.digits + "-_.~"


@given(secret=st.text(_SECRET_CHARS, min_size=6, max_size=80),
       before=st.text(max_size=40), after=st.text(max_size=40))
def test_a_registered_secret_never_survives(secret: str, before: str, after: str) -> None:
    assume(secret not in "[secret] [e-mail]")  # the placeholders themselves
    known = secret in redact._registered_secrets
    redact.register_secret(secret)
    try:
        assert secret not in redact.scrub(f"{before}{secret}{after}")
    finally:  # the register is process-wide: a random "secret" must not blank other tests' text
        if not known:
            redact._registered_secrets.discard(secret)


def test_keys_tokens_and_addresses_are_removed() -> None:
    text = ("Authorization: Bearer eyJhbGciOi.abc-def api_key=k3y-value "
            "refresh_token: 'AB11772261d2f8a9' mail anna.berg@example.com")
    out = redact.scrub(text)
    assert "eyJhbGciOi" not in out
    assert "k3y-value" not in out
    assert "AB11772261d2f8a9" not in out
    assert "anna.berg@example.com" not in out
    assert "[e-mail]" in out


def test_what_support_needs_is_kept() -> None:
    text = ("write to support@clockify.me; intuit_tid 1-66e8a2b3-4c5d6e7f8a9b0c1d2e3f4a5b6c; "
            "workspace 64a1b2c3d4e5f6a7b8c9d0e1; "
            "Clockify_Time_Report_Detailed_10_01_2026-10_31_2026")
    assert redact.scrub(text) == text


def test_a_long_random_token_is_removed_even_unregistered() -> None:
    token = "Zq8xT2mK9vB4nL7pR1sW6yH3jF5dG0cA"
    assert redact.scrub(f"saw {token} here") == "saw [secret] here"


def test_trees_are_walked() -> None:
    tree = {"a": ["x anna@example.com", {"b": "token=abcdef123"}], "n": 3}
    assert redact.scrub_tree(tree) == {"a": ["x [e-mail]", {"b": "token=[secret]"}], "n": 3}
