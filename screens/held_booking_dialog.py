"""Logging a 1-2-1 with someone who has one booked that day: is this that booking?

Three ways on: mark the booking held with what was typed (`h`, focused: it is nearly always
the same meeting), save a separate 1-2-1 anyway (`s`), or go back to the form (`esc`). The
rule for which booking is asked about is organiser/held_booking.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from enum import Enum

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from organiser.contact_guard import Contact
from organiser.held_booking import describe_booking
from organiser.models import RelationalMeeting
from organiser.text import day_count

TITLE = "Is this the 1-2-1 you booked?"


class HeldChoice(Enum):
    """What to do with a 1-2-1 logged beside a booking that probably is it."""

    #: Mark the booking held with what was typed; no second record.
    TAKE_OVER = "take over"
    #: Save the 1-2-1 typed as a separate one; the booking stays booked.
    SEPARATE = "separate"


def question(
    name: str,
    booking: RelationalMeeting,
    others: Sequence[Contact],
    days: int,
    zone: tzinfo,
) -> Text:
    """Who, the booking, any other contact near it, and the choice."""
    text = Text.assemble((name, "bold"), " has this 1-2-1 booked:\n\n")
    text.append(f"  • {describe_booking(booking, zone)}\n\n")
    if others:
        text.append(f"Also within {day_count(days)}:\n")
        for contact in others:
            text.append(f"  • {contact.describe()}\n")
        text.append("\n")
    text.append(
        "Mark that booking held with what you typed (no second 1-2-1 is added), save this as "
        "a separate 1-2-1, or go back to the form?"
    )
    return text


class HeldBookingDialog(ModalScreen[HeldChoice | None]):
    """Dismisses with the choice, or None to go back to the form with everything typed."""

    BINDINGS = [
        Binding("h", "take_over", "Mark booking held", id="held-booking.take-over"),
        Binding("s", "separate", "Save separately", id="held-booking.separate"),
        Binding("escape", "back", "Go back", key_display="esc", id="held-booking.back"),
    ]

    def __init__(self, question: Text) -> None:
        super().__init__(classes="dialog")
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="held-booking", classes="dialog-box"):
            yield Static(Text(TITLE), classes="dialog-title")
            yield Static(self._question, id="held-booking-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Mark booking held (h)", variant="primary", id="held-take-over")
                yield Button("Save separately (s)", id="held-separate")
                yield Button("Go back (esc)", id="held-back")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#held-take-over", Button).focus()

    @on(Button.Pressed, "#held-take-over")
    def action_take_over(self) -> None:
        self.dismiss(HeldChoice.TAKE_OVER)

    @on(Button.Pressed, "#held-separate")
    def action_separate(self) -> None:
        self.dismiss(HeldChoice.SEPARATE)

    @on(Button.Pressed, "#held-back")
    def action_back(self) -> None:
        self.dismiss(None)
