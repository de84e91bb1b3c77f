"""Readers for the export files of offline mode: raw tables, cell values, sentences."""
