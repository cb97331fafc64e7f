"""One consent, in two lines: given and the day; the lawful basis, where it came from, expiry."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Select

from organiser.dates import format_day
from organiser.models import Consent, LawfulBasis

BASIS_LABELS: dict[LawfulBasis, str] = {
    LawfulBasis.CONSENT: "Basis: consent",
    LawfulBasis.LEGITIMATE_INTERESTS: "Basis: legitimate interests",
    LawfulBasis.CONTRACT: "Basis: contract",
    LawfulBasis.LEGAL_OBLIGATION: "Basis: legal obligation",
}


class ConsentField(Vertical):
    """A tick for "given" and the date it was given, typed (`today`, `5/1/2026`, `last fri`);
    below, the lawful basis, the source ("sign-up sheet") and when it expires.

    Ticking the box with no date filled in fills in today, which is when consent is most
    often recorded, and the basis "consent" when none is chosen; both can be changed.
    """

    def __init__(self, label: str, consent: Consent, today: date, *, id: str) -> None:
        super().__init__(id=id, classes="consent-field")
        self._label = label
        self._consent = consent
        self._today = today

    def compose(self) -> ComposeResult:
        consent = self._consent
        with Horizontal(classes="consent-row"):
            yield Checkbox(self._label, consent.given, classes="consent-given", compact=True)
            yield Label("given on ", classes="consent-label")
            yield Input(
                format_day(consent.on) if consent.on else "",
                placeholder="e.g. today or 5/1/2026",
                classes="consent-on",
                compact=True,
            )
        with Horizontal(classes="consent-row"):
            yield Select(
                [(Text(label), basis) for basis, label in BASIS_LABELS.items()],
                value=consent.basis if consent.basis is not None else Select.NULL,
                prompt="Basis: not recorded",
                classes="consent-basis",
                compact=True,
            )
            yield Label("source ", classes="consent-label")
            yield Input(
                consent.source,
                placeholder="e.g. sign-up sheet",
                classes="consent-source",
                compact=True,
            )
            yield Label("expires ", classes="consent-label")
            yield Input(
                format_day(consent.expires) if consent.expires else "",
                placeholder="blank: never",
                classes="consent-expires",
                compact=True,
            )

    @property
    def given(self) -> bool:
        return self.query_one(Checkbox).value

    @property
    def day_text(self) -> str:
        return self.query_one(".consent-on", Input).value

    @property
    def basis(self) -> LawfulBasis | None:
        value = self.query_one(Select).value
        return value if isinstance(value, LawfulBasis) else None

    @property
    def source(self) -> str:
        return self.query_one(".consent-source", Input).value

    @property
    def expires_text(self) -> str:
        return self.query_one(".consent-expires", Input).value

    @property
    def typed(self) -> tuple[object, ...]:
        """Everything typed, to tell whether anything changed."""
        return (self.given, self.day_text, self.basis, self.source, self.expires_text)

    @on(Checkbox.Changed)
    def _fill_in_today(self, event: Checkbox.Changed) -> None:
        day = self.query_one(".consent-on", Input)
        if event.value and not day.value.strip():
            day.value = format_day(self._today)
        if event.value and self.basis is None:
            self.query_one(Select).value = LawfulBasis.CONSENT

    def focus_date(self) -> None:
        self.query_one(".consent-on", Input).focus()

    def focus_expires(self) -> None:
        self.query_one(".consent-expires", Input).focus()
