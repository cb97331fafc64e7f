"""Add or edit a listening campaign: name, dates, the institutions taking part and the target.

The dialog only gathers and validates; it dismisses with a valid ListeningCampaign (or None)
and the flow that opened it saves. Each problem is shown next to its field, in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from organiser.dates import format_day, parse_day
from organiser.models import Institution, ListeningCampaign
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError

#: Each field the dialog edits: the widget (and its error line) and how messages begin.
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "Name"),
    "starts": ("starts", "Starts"),
    "ends": ("ends", "Ends"),
    "institution_ids": ("institutions", "Institutions"),
    "target_conversations": ("target", "Target"),
}


class ListeningDialog(ModalScreen[ListeningCampaign | None]):
    """Dismisses with the campaign as typed, validated, not yet saved; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="listening.save"),
        Binding("escape", "cancel", "Cancel", id="listening.cancel"),
    ]

    def __init__(
        self,
        campaign: ListeningCampaign | None,
        *,
        institutions: Sequence[Institution],
        today: date,
        draft: ListeningCampaign | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._editing = campaign
        self._campaign = draft or campaign
        self._institutions = sorted(institutions, key=lambda i: i.name.casefold())
        self._today = today
        self._start: tuple[object, ...] = ()

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text("New listening campaign")
        return Text.assemble("Edit ", (self._editing.name, "bold"))

    def compose(self) -> ComposeResult:
        start = self._campaign
        chosen = set(start.institution_ids) if start else set()
        with Vertical(id="listening-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="listening-form"):
                yield Label("Name", classes="field-label")
                yield Input(
                    start.name if start else "", id="name", placeholder="e.g. Spring listening 2027"
                )
                yield FieldError(id="name-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Starts", classes="field-label")
                        yield Input(
                            format_day(start.starts if start else self._today),
                            id="starts",
                            placeholder="e.g. 1 Mar 2027",
                        )
                        yield FieldError(id="starts-error")
                    with Vertical():
                        yield Label("Ends (may be left empty)", classes="field-label")
                        yield Input(
                            format_day(start.ends) if start and start.ends else "",
                            id="ends",
                            placeholder="e.g. 30 Apr 2027",
                        )
                        yield FieldError(id="ends-error")
                yield Label("Target number of conversations", classes="field-label")
                yield Input(
                    str(start.target_conversations) if start else "",
                    id="target",
                    placeholder="e.g. 100",
                )
                yield FieldError(id="target-error")
                yield Label("Institutions taking part (space ticks)", classes="field-label")
                if self._institutions:
                    yield SelectionList[str](
                        *[
                            Selection(Text(i.name), i.id, i.id in chosen)
                            for i in self._institutions
                        ],
                        id="institutions",
                    )
                else:
                    yield Static(
                        Text("No institutions are on record yet."),
                        id="institutions",
                        classes="hint",
                    )
                yield FieldError(id="institutions-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#name", Input).focus()

    def _input(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _institution_ids(self) -> list[str]:
        lists = self.query("#institutions").results(SelectionList)
        chosen = {value for found in lists for value in found.selected}
        return [i.id for i in self._institutions if i.id in chosen]

    def _snapshot(self) -> tuple[object, ...]:
        return (
            *(self._input(f) for f in ("name", "starts", "ends", "target")),
            tuple(self._institution_ids()),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def build(self) -> tuple[ListeningCampaign | None, dict[str, str]]:
        """The campaign as typed, or None and {field: message} for what must change."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._campaign.model_dump() if self._campaign else {}
        starts: date = self._today
        try:
            starts = parse_day(self._input("starts"), self._today)
        except ValueError as error:
            errors["starts"] = f"Starts: {error}"
        ends: date | None = None
        if self._input("ends").strip():
            try:
                ends = parse_day(self._input("ends"), self._today)
            except ValueError as error:
                errors["ends"] = f"Ends: {error}"
        if ends is not None and "starts" not in errors and ends < starts:
            errors["ends"] = "Ends: the campaign cannot end before it starts"
        target_text = self._input("target").replace(",", "").strip() or "0"
        target: object = target_text
        try:
            target = int(target_text)
        except ValueError:
            errors["target_conversations"] = "Target: type a whole number, e.g. 100"
        data.update(
            name=self._input("name"),
            starts=starts,
            ends=ends,
            institution_ids=self._institution_ids(),
            target_conversations=target if isinstance(target, int) else 0,
        )
        try:
            campaign = ListeningCampaign.model_validate(data)
        except ValidationError as error:
            for field, message in field_messages(error).items():
                label = FIELDS[field][1] if field in FIELDS else field
                errors.setdefault(field, f"{label} {message}")
            return None, errors
        return (None, errors) if errors else (campaign, {})

    def _show_errors(self, errors: dict[str, str]) -> None:
        by_widget: dict[str, list[str]] = {}
        for field, message in errors.items():
            if field in FIELDS:
                by_widget.setdefault(FIELDS[field][0], []).append(message)
        for widget_id, _ in FIELDS.values():
            self.query_one(f"#{widget_id}-error", FieldError).show(
                "; ".join(by_widget.get(widget_id, []))
            )
        elsewhere = [message for field, message in errors.items() if field not in FIELDS]
        if elsewhere:
            self.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)
        first = next((f for f in FIELDS if f in errors), None)
        if first is not None:
            widget = self.query_one(f"#{FIELDS[first][0]}")
            if widget.focusable:
                widget.focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        campaign, errors = self.build()
        self._show_errors(errors)
        if campaign is not None:
            self.dismiss(campaign)

    def _discard(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.has_changes:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(None)
