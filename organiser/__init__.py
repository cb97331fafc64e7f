"""Organiser's domain: records, rules and reports, free of any UI or storage engine."""

__version__ = "0.1.0"
