"""The Qt wizard."""
