"""Whether an institution's letter of understanding is signed, and the day, side by side."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input

from organiser.dates import format_day


class LetterField(Horizontal):
    """A tick for "signed" and the day it was signed, typed (`today`, `5/1/2026`, `last fri`).

    Ticking the box with no date filled in fills in today, when a signing is most often
    recorded; the date can then be typed over.
    """

    def __init__(self, signed: bool, signed_on: date | None, today: date, *, id: str) -> None:
        super().__init__(id=id, classes="letter-field")
        self._signed = signed
        self._signed_on = signed_on
        self._today = today

    def compose(self) -> ComposeResult:
        yield Checkbox("Signed", self._signed, classes="letter-signed", compact=True)
        yield Input(
            format_day(self._signed_on) if self._signed_on else "",
            placeholder="signed on, e.g. today or 5/1/2026",
            classes="letter-signed-on",
            compact=True,
        )

    @property
    def signed(self) -> bool:
        return self.query_one(Checkbox).value

    @property
    def day_text(self) -> str:
        return self.query_one(Input).value

    @on(Checkbox.Changed)
    def _fill_in_today(self, event: Checkbox.Changed) -> None:
        day = self.query_one(Input)
        if event.value and not day.value.strip():
            day.value = format_day(self._today)

    def focus_date(self) -> None:
        self.query_one(Input).focus()
