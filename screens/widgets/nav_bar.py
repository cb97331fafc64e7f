"""The areas of the app and their keys, under the header of each area's main screen."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

#: (mode, label, key): the order they appear in, and the keys the app binds to them.
AREAS: tuple[tuple[str, str, str], ...] = (
    ("today", "Today", "t"),
    ("people", "People", "p"),
    ("one_to_ones", "1-2-1s", "o"),
    ("institutions", "Institutions", "i"),
    ("leaders", "Leaders", "g"),
    ("training", "Training", "u"),
    ("listening", "Listening", "L"),
    ("campaigns", "Campaigns", "c"),
    ("actions", "Actions", "a"),
    ("meetings", "Meetings", "m"),
)


class NavBar(Static):
    """ "t Today  p People  o 1-2-1s …", the current area highlighted; each name can be
    clicked as well as reached by its key."""

    DEFAULT_CSS = """
    NavBar {
        width: 100%;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, current: str) -> None:
        parts = []
        for mode, label, key in AREAS:
            style = "bold $text on $primary" if mode == current else "$text"
            parts.append(f"[@click=app.show('{mode}')][$accent]{key}[/][{style}] {label} [/][/]")
        super().__init__(Content.from_markup(" ".join(parts)), id="nav-bar")
