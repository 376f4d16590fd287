"""Claim Workbench: break articles into checkable claims and quotes, review them, export reports."""

__version__ = "0.1.0"
