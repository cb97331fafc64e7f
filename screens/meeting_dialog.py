"""Add or edit a meeting: title, kind, when, where, campaign, attendees, agenda and minutes.

Dismisses with a valid Meeting (or None); the flow that opened it saves. Action points are
kept on the meeting's own screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from organiser.dates import parse_moment
from organiser.meetings import KIND_LABELS
from organiser.models import Campaign, Meeting, MeetingKind, Person
from organiser.trainings import format_starts
from screens.action_form import model_errors, show_errors
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError

FIELDS: dict[str, tuple[str, str]] = {
    "title": ("meeting-title", "Title"),
    "meeting_kind": ("meeting-kind", "Kind"),
    "at": ("meeting-at", "Date and time"),
    "place": ("meeting-place", "Place"),
    "campaign_id": ("meeting-campaign", "Campaign"),
    "attendee_ids": ("meeting-attendees", "Attendees"),
    "agenda": ("meeting-agenda", "Agenda"),
    "minutes": ("meeting-minutes", "Minutes"),
}


class MeetingDialog(ModalScreen[Meeting | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="meeting.save"),
        Binding("escape", "cancel", "Cancel", id="meeting.cancel"),
    ]

    def __init__(
        self,
        meeting: Meeting | None,
        *,
        people: Sequence[Person],
        campaigns: Sequence[Campaign],
        now: datetime,
        zone: ZoneInfo,
        draft: Meeting | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._editing = meeting
        self._meeting = draft or meeting
        self._people = sorted(people, key=lambda p: p.name.casefold())
        self._campaigns = sorted(campaigns, key=lambda c: c.name.casefold())
        self._now = now
        self._zone = zone
        self._start: tuple[object, ...] = ()

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text("New meeting")
        return Text.assemble("Edit ", (self._editing.title, "bold"))

    def compose(self) -> ComposeResult:
        start = self._meeting
        chosen = set(start.attendee_ids) if start else set()
        with Vertical(id="meeting-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="meeting-form"):
                yield Label("Title", classes="field-label")
                yield Input(
                    start.title if start else "",
                    id="meeting-title",
                    placeholder="e.g. Planning Group, housing campaign",
                )
                yield FieldError(id="meeting-title-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Kind", classes="field-label")
                        yield Select(
                            [(Text(label), kind) for kind, label in KIND_LABELS.items()],
                            value=start.meeting_kind if start else MeetingKind.TEAM,
                            allow_blank=False,
                            id="meeting-kind",
                        )
                        yield FieldError(id="meeting-kind-error")
                    with Vertical():
                        yield Label("Date and time", classes="field-label")
                        yield Input(
                            format_starts(start.at, self._zone) if start else "",
                            id="meeting-at",
                            placeholder="e.g. 1 Dec 2026 18:00 or fri 6pm",
                        )
                        yield FieldError(id="meeting-at-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Place", classes="field-label")
                        yield Input(start.place if start else "", id="meeting-place")
                        yield FieldError(id="meeting-place-error")
                    with Vertical():
                        yield Label("Campaign (optional)", classes="field-label")
                        known = {c.id for c in self._campaigns}
                        campaign = start.campaign_id if start else None
                        yield Select(
                            [(Text(c.name), c.id) for c in self._campaigns],
                            value=campaign if campaign in known else Select.NULL,
                            prompt="No campaign",
                            id="meeting-campaign",
                        )
                        yield FieldError(id="meeting-campaign-error")
                yield Label("Attendees (space ticks)", classes="field-label")
                if self._people:
                    yield SelectionList[str](
                        *(Selection(Text(p.name), p.id, p.id in chosen) for p in self._people),
                        id="meeting-attendees",
                    )
                else:
                    yield Static(
                        Text("No one is on record yet to choose."),
                        id="meeting-attendees",
                        classes="hint",
                    )
                yield FieldError(id="meeting-attendees-error")
                yield Label("Agenda", classes="field-label")
                yield TextArea(start.agenda if start else "", id="meeting-agenda")
                yield FieldError(id="meeting-agenda-error")
                yield Label("Minutes", classes="field-label")
                yield TextArea(start.minutes if start else "", id="meeting-minutes")
                yield FieldError(id="meeting-minutes-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#meeting-title", Input).focus()

    def _input(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextArea).text

    def _select(self, widget_id: str) -> object:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def _attendees(self) -> list[str]:
        lists = self.query("#meeting-attendees").results(SelectionList)
        chosen = {value for found in lists for value in found.selected}
        kept = [i for i in (self._meeting.attendee_ids if self._meeting else []) if i in chosen]
        return kept + [p.id for p in self._people if p.id in chosen and p.id not in kept]

    def _snapshot(self) -> tuple[object, ...]:
        return (
            *(self._input(w) for w in ("meeting-title", "meeting-at", "meeting-place")),
            *(self._text(w) for w in ("meeting-agenda", "meeting-minutes")),
            self._select("meeting-kind"),
            self._select("meeting-campaign"),
            tuple(self._attendees()),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def build(self) -> tuple[Meeting | None, dict[str, str]]:
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._meeting.model_dump() if self._meeting else {}
        try:
            data["at"] = parse_moment(self._input("meeting-at"), self._now)
        except ValueError as error:
            errors["at"] = f"Date and time: {error}"
            data["at"] = self._now
        data.update(
            title=self._input("meeting-title"),
            meeting_kind=self._select("meeting-kind"),
            place=self._input("meeting-place"),
            campaign_id=self._select("meeting-campaign"),
            attendee_ids=self._attendees(),
            agenda=self._text("meeting-agenda"),
            minutes=self._text("meeting-minutes"),
        )
        try:
            meeting = Meeting.model_validate(data)
        except ValidationError as error:
            model_errors(error, FIELDS, errors)
            return None, errors
        return (None, errors) if errors else (meeting, {})

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        meeting, errors = self.build()
        show_errors(self, FIELDS, errors)
        if meeting is not None:
            self.dismiss(meeting)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.has_changes:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(None)

    def _discard(self) -> None:
        self.dismiss(None)
