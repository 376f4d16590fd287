"""Sizes the workbench refuses above, shared by the CLI's options and the importer (kept apart from
ingest.py so that the CLI can name them without importing the article reader)."""

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # an article file or stdin: larger is refused, with the limit named
