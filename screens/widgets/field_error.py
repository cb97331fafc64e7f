"""A validation message shown under the field it is about."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class FieldError(Static):
    """Says what is wrong with one field; takes no room when all is well.

    Messages can quote what was typed, so they are shown as plain text, never as markup.
    """

    DEFAULT_CSS = """
    FieldError {
        display: none;
        height: auto;
        color: $text-error;
        padding: 0 1;
    }
    FieldError.-shown {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.message = ""

    def show(self, message: str) -> None:
        """Show `message`, or hide the line when it is empty."""
        self.message = message
        self.update(Text(message))
        self.set_class(bool(message), "-shown")
