"""The parts of a supervision review on screen: its figures, what moved or stalled, and the
agreed actions, each a table or list keyed by what it shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from organiser.models import AgreedAction, ReviewStatus, SupervisionReview
from organiser.models.base import optional_date
from organiser.review_figures import change, format_value, on_target
from organiser.supervision import OpenAction
from screens.widgets.action_table import KeyedTable, cell

#: The review's own words: (field, label, hint).
NOTES: tuple[tuple[str, str, str], ...] = (
    ("went_well", "What went well", "the organiser's own account of their craft"),
    ("weakness", "A weakness to work on", "one, named by the organiser"),
    ("supervisor_notes", "The supervisor's notes", "shared in exports"),
    ("private_notes", "Private notes", "left out of exports unless you ask"),
)


def figures_table(review: SupervisionReview) -> Table:
    """Each figure, its target and the previous period's, with an arrow for the change."""
    table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
    table.add_column("Figure", ratio=3, no_wrap=True, overflow="ellipsis")
    for heading in ("This period", "Target", "Previous"):
        table.add_column(heading, justify="right", ratio=1, no_wrap=True)
    table.add_column("Change", justify="center", width=6)
    for figure in review.figures:
        moved = change(figure)
        met = on_target(figure)
        value = Text(format_value(figure.value, figure.unit))
        if met is not None:
            value.stylize("green" if met else "yellow")
        arrow = Text(moved.arrow or "–")
        if moved.good is not None:
            arrow.stylize("bold green" if moved.good else "bold red")
        table.add_row(
            Text(figure.label),
            value,
            Text(format_value(figure.target, figure.unit) or "–", style="dim"),
            Text(format_value(figure.previous, figure.unit) or "–"),
            arrow,
        )
    return table


@dataclass(frozen=True)
class Line:
    """One line of what moved or stalled: its text, and whether it is still a suggestion."""

    text: str
    suggested: bool


class SuggestionList(OptionList):
    """What moved (or stalled): lines kept first, then the program's suggestions."""

    BINDINGS = [
        Binding("k", "screen.keep", "Keep", id="review-lines.keep"),
        Binding("d", "screen.drop", "Drop", id="review-lines.drop"),
        Binding("n", "screen.add_line", "Add", id="review-lines.add"),
    ]

    def __init__(self, *, moved: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.moved = moved
        self._shown_lines: list[Line] = []

    def show(self, kept: Sequence[str], suggested: Sequence[str], *, frozen: bool) -> None:
        chosen = self.highlighted
        self._shown_lines = [Line(t, False) for t in kept] + [Line(t, True) for t in suggested]
        self.clear_options()
        for number, line in enumerate(self._shown_lines):
            mark = ("? ", "dim") if line.suggested else ("✓ ", "green")
            text = Text(*mark)
            text.append(line.text, style="italic" if line.suggested else "")
            if line.suggested:
                text.append("  suggested", style="dim")
            self.add_option(Option(text, id=str(number)))
        if not self._shown_lines:
            nothing = "Nothing recorded." if frozen else "Nothing yet: n adds a line."
            self.add_option(Option(Text(nothing, style="dim"), disabled=True))
        else:
            self.highlighted = min(chosen or 0, len(self._shown_lines) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keeping, dropping and adding are the screen's to allow (not once it is finished)."""
        if action in ("keep", "drop", "add_line"):
            return self.screen.check_action(action, parameters)
        return super().check_action(action, parameters)

    @property
    def current(self) -> Line | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self._shown_lines):
            return None
        return self._shown_lines[index]


ACTION_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Done", 13),
    ("Agreed action", 40),
    ("Owner", 22),
    ("Due", 16),
)
CARRIED_COLUMNS: tuple[tuple[str, int | None], ...] = (*ACTION_COLUMNS, ("Agreed on", 11))


def action_row(action: AgreedAction, today: date) -> list[Text]:
    done = cell(f"✓ {action.done_on:%d %b %Y}" if action.done_on else "☐ open")
    due = cell(optional_date(action.due))
    if action.done_on is None and action.due is not None and action.due < today:
        due.stylize("bold red")
    return [done, cell(action.text), cell(action.owner), due]


def carried_row(carried: OpenAction, today: date) -> list[Text]:
    return [*action_row(carried.action, today), cell(f"{carried.review.at:%d %b}")]


class AgreedActionTable(KeyedTable):
    BINDINGS = [
        Binding("space", "screen.tick", "Done", key_display="space", id="review-actions.tick"),
        Binding("e", "screen.edit_action", "Edit", id="review-actions.edit"),
        Binding("d,delete", "screen.remove_action", "Remove", key_display="d",
                id="review-actions.remove"),
    ]  # fmt: skip

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(ACTION_COLUMNS, id=id)


class CarriedTable(KeyedTable):
    """Earlier reviews' actions brought in to check; keyed "<review id>/<action id>"."""

    BINDINGS = [
        Binding("space", "screen.tick", "Done", key_display="space", id="review-carried.tick"),
    ]  # fmt: skip

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(CARRIED_COLUMNS, id=id)


def review_heading(review: SupervisionReview) -> Text:
    """Who, when, the period and whether it is finished."""
    text = Text(f"Supervision with {review.supervisor}", style="bold")
    text.append(f"  {review.at:%A %d %B %Y, %H:%M}\n")
    text.append(
        f"Period {review.period_start:%a %d %b %Y} to {review.period_end:%a %d %b %Y}  ",
        style="dim",
    )
    if review.status is ReviewStatus.FINISHED:
        text.append("Finished: figures frozen", style="bold green")
    else:
        text.append("Draft: r refreshes the figures, f finishes", style="bold yellow")
    return text


def review_notes(review: SupervisionReview) -> Table:
    """The reflection and notes, the private ones marked as such."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=24, no_wrap=True)
    table.add_column(ratio=1)
    for name, label, _ in NOTES:
        value = getattr(review, name)
        style = "bold yellow" if name == "private_notes" else "bold"
        table.add_row(Text(label, style=style), Text(value) if value else Text("–", style="dim"))
    return table
