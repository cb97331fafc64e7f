"""A banner saying that nothing can be changed, because the database is open read-only."""

from __future__ import annotations

from textual.widgets import Static

READ_ONLY_MESSAGE = "The database is open read-only: you can look, but nothing can be saved."


class ReadOnlyBanner(Static):
    DEFAULT_CSS = """
    ReadOnlyBanner {
        width: 100%;
        height: 1;
        padding: 0 1;
        background: $error;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self) -> None:
        super().__init__(f"Read-only. {READ_ONLY_MESSAGE}", markup=False, id="read-only-banner")
