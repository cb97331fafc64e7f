"""What Today's lists are made of, and Today as it was kept, painted again.

Needs only Textual and Rich: the app paints the kept Today (screens/today_preview.py keeps
it at close) from this before the domain and its models are imported, so a start shows
Today at once. Lines keep their ids, so the same line is highlighted; nothing can be opened
or ticked until the database is open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rich.errors import MarkupError
from rich.text import Text
from textual.widgets.option_list import Option


@dataclass(frozen=True)
class ItemRef:
    """Which record a Today line opens: ("one_to_one", id), ("person", id), …"""

    kind: str
    record_id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.record_id}"

    @classmethod
    def parse(cls, text: str) -> ItemRef:
        kind, _, record_id = text.partition(":")
        return cls(kind, record_id)


@dataclass(frozen=True)
class Section:
    """One of Today's lists: its widget's selector, title, lines, and what it says empty."""

    selector: str
    title: str
    options: list[Option]
    #: Whether it has items (not only the line saying it is empty).
    filled: bool


def preview_sections(shown: Mapping[str, Any]) -> tuple[Text, list[Section]] | None:
    """The rate line and lists kept in `shown`; None if it is not what
    `today_preview.shown_today` makes (then Today shows "Loading…" as usual)."""
    try:
        rate = Text.from_markup(str(shown["rate"]))
        sections = [
            Section(
                str(found["selector"]),
                str(found["title"]),
                [
                    Option(
                        Text.from_markup(str(markup)),
                        id=None if ident is None else str(ident),
                        disabled=bool(disabled),
                    )
                    for markup, ident, disabled in found["lines"]
                ],
                bool(found["filled"]),
            )
            for found in shown["sections"]
        ]
    except (KeyError, TypeError, ValueError, MarkupError):
        return None
    return rate, sections
