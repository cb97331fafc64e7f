"""Whether a consent was given, and the day it was given, side by side."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input

from organiser.dates import format_day
from organiser.models import Consent


class ConsentField(Horizontal):
    """A tick for "given" and the date it was given, typed (`today`, `5/1/2026`, `last fri`).

    Ticking the box with no date filled in fills in today, which is when consent is most
    often recorded; the date can then be typed over.
    """

    def __init__(self, label: str, consent: Consent, today: date, *, id: str) -> None:
        super().__init__(id=id, classes="consent-field")
        self._label = label
        self._consent = consent
        self._today = today

    def compose(self) -> ComposeResult:
        yield Checkbox(self._label, self._consent.given, classes="consent-given", compact=True)
        yield Input(
            format_day(self._consent.on) if self._consent.on else "",
            placeholder="given on, e.g. today or 5/1/2026",
            classes="consent-on",
            compact=True,
        )

    @property
    def given(self) -> bool:
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
