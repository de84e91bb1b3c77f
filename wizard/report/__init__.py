"""The support report (PDF and HTML)."""
