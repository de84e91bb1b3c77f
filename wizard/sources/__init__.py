"""Where data comes from: the Clockify and QuickBooks APIs, export files, the sample company."""
