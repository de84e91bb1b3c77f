"""Sync Checkup: finds out why Clockify time entries don't arrive in QuickBooks Online."""

__version__ = "0.1.0"
APP_NAME = "Sync Checkup"
