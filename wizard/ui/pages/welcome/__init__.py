"""Page 1, Welcome: where each side's data comes from — live accounts, exported files, or the
sample. The page (page.py) is built from its parts: the Clockify box, the QuickBooks box, the
opened export files, and the answers kept between runs (saved.py)."""

from wizard.ui.pages.welcome.page import WelcomePage

__all__ = ["WelcomePage"]
