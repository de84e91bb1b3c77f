"""Secrets (OS keyring), run history and folders. No Qt."""
