"""Checks a reviewer runs against a source: is a quote what was said, is a figure what was counted.

Pure functions over text and numbers; the CLI and the TUI store what they return.
"""
from __future__ import annotations

from .figure_check import FigureCheck, check_figure, numbers_in, parse_figure
from .quote_check import DiffOp, QuoteCheck, QuoteWarning, check_quote

__all__ = [
    "DiffOp", "FigureCheck", "QuoteCheck", "QuoteWarning", "check_figure", "check_quote", "numbers_in",
    "parse_figure",
]
