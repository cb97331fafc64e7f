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
    ("training", "Training", "W"),
    ("listening", "Listening", "L"),
    ("campaigns", "Campaigns", "c"),
    ("actions", "Actions", "a"),
    ("meetings", "Meetings", "m"),
    ("fundraising", "Fundraising", "F"),
    ("supervision", "Supervision", "S"),
)
#: (action, label, key): what can be done from every area, after the areas.
EVERYWHERE: tuple[tuple[str, str, str], ...] = (("find", "Find anywhere", "^f"),)


class NavBar(Static):
    """ "t Today  p People  o 1-2-1s …", the current area highlighted; each name can be
    clicked as well as reached by its key. When the areas do not fit on one line they go on
    two, broken between areas, never between a key and its name."""

    DEFAULT_CSS = """
    NavBar {
        width: 100%;
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, current: str) -> None:
        self._parts = []
        for mode, label, key in AREAS:
            style = "bold $text on $primary" if mode == current else "$text"
            self._parts.append(
                Content.from_markup(
                    f"[@click=app.show('{mode}')][$accent]{key}[/][{style}] {label} [/][/]"
                )
            )
        for action, label, key in EVERYWHERE:
            self._parts.append(
                Content.from_markup(f"[@click=app.{action}][$accent]{key}[/][$text] {label} [/][/]")
            )
        super().__init__(Content(" ").join(self._parts), id="nav-bar")

    def on_resize(self) -> None:
        width = self.size.width
        lines: list[list[Content]] = [[]]
        used = 0
        for part in self._parts:
            if lines[-1] and used + 1 + part.cell_length > width:
                lines.append([])
                used = 0
            used += part.cell_length + (1 if lines[-1] else 0)
            lines[-1].append(part)
        self.update(Content("\n").join(Content(" ").join(line) for line in lines))
