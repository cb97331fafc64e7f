"""Errors the domain and its adapters raise, each carrying a message a person can act on."""

from __future__ import annotations

from datetime import datetime


class OrganiserError(Exception):
    """Base for every error that should reach the user as a plain message."""


class StoreError(OrganiserError):
    """The store could not do what was asked; nothing was changed."""


class DatabaseLocked(StoreError):
    """Another copy of the program has the database open."""


class DatabaseTooNew(StoreError):
    """The database was written by a newer version of the program."""


class DatabaseCorrupt(StoreError):
    """The database cannot be read; it has been left untouched."""


class ReadOnlyDatabase(StoreError):
    """The database was opened read-only, so it cannot be changed."""


class Conflict(StoreError):
    """The record changed since it was read; the edit was not saved. `by` and `at` say who
    changed it and when, where the store knows (a team database does)."""

    def __init__(self, message: str, *, by: str | None = None, at: datetime | None = None):
        super().__init__(message)
        self.by = by
        self.at = at


class NotFound(OrganiserError):
    """No record with that id."""
