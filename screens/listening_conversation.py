"""Log listening conversations, several in a row: each one takes seconds.

The date and institution are filled in (today, and the institution of the last one); who it
was (someone on record, a new person, or a short note such as "parent at the gate"), the
concerns and a short story are typed. ctrl+n saves and clears the form for the next one,
keeping the date and institution; ctrl+s saves and closes.

Saving goes through the `save` function the flow gives, which stores the conversation, any
new concerns on the campaign and any new person together; the dialog only counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from organiser.dates import format_day, parse_day
from organiser.models import Conversation, Institution, ListeningCampaign, Person
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError
from screens.widgets.listening_concerns import ConcernPicker
from screens.widgets.person_picker import PersonPicker

#: Saves a conversation (with a new person, when one is named); returns the campaign as
#: stored, its concerns grown, and the person as stored. Raises when nothing was saved.
Save = Callable[
    [ListeningCampaign, Conversation, Person | None], tuple[ListeningCampaign, Person | None]
]

FIELDS: dict[str, tuple[str, str]] = {
    "on": ("on", "Date"),
    "institution_id": ("institution", "Institution"),
    "person_id": ("person", "Who"),
    "who": ("who", "Who"),
    "concerns": ("concerns", "Concerns"),
    "story": ("story", "Story"),
}


def logged_text(count: int) -> Text:
    return Text(f"{count:,} logged", style="bold") if count else Text("")


class ConversationDialog(ModalScreen[int]):
    """Dismisses with how many conversations were saved while it was open."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save and close", id="conversation.save"),
        Binding("ctrl+n", "save_next", "Save, next", id="conversation.next"),
        Binding("escape", "cancel", "Close", id="conversation.cancel"),
    ]

    def __init__(
        self,
        campaign: ListeningCampaign,
        *,
        save: Save,
        people: Sequence[Person],
        institutions: Sequence[Institution],
        today: date,
        conversation: Conversation | None = None,
        institution_id: str | None = None,
    ) -> None:
        """Log new conversations in `campaign`, or edit `conversation` when given."""
        super().__init__(classes="dialog")
        self._campaign = campaign
        self._save = save
        self._people = list(people)  # the picker sees people added here too
        self._institutions = institutions
        self._today = today
        self._editing = conversation
        self._institution_id = conversation.institution_id if conversation else institution_id
        self._logged = 0
        self._start: tuple[object, ...] = ()

    def _title(self) -> Text:
        verb = "Edit a conversation" if self._editing else "Log conversations"
        return Text.assemble(verb, " in ", (self._campaign.name, "bold"))

    def compose(self) -> ComposeResult:
        talk = self._editing
        person = next((p for p in self._people if talk and p.id == talk.person_id), None)
        choices = [(Text(i.name), i.id) for i in self._institutions]
        with Vertical(id="conversation-dialog", classes="dialog-box"):
            with Horizontal(classes="conversation-heading"):
                yield Static(self._title(), classes="dialog-title")
                yield Static(logged_text(0), id="conversation-logged")
            with Horizontal(classes="field-pair"):
                with Vertical():
                    yield Label("Date", classes="field-label")
                    yield Input(format_day(talk.on if talk else self._today), id="on")
                    yield FieldError(id="on-error")
                with Vertical():
                    yield Label("Institution", classes="field-label")
                    yield Select(
                        choices,
                        value=self._institution_id
                        if any(v == self._institution_id for _, v in choices)
                        else Select.NULL,
                        prompt="No institution",
                        id="institution",
                    )
                    yield FieldError(id="institution-error")
            with Horizontal(classes="field-pair"):
                with Vertical():
                    yield Label("Who: someone on record (or new)", classes="field-label")
                    yield PersonPicker(
                        self._people,
                        {i.id: i for i in self._institutions},
                        chosen=person,
                        id="person",
                    )
                    yield FieldError(id="person-error")
                with Vertical():
                    yield Label("… or not on record: who they were", classes="field-label")
                    yield Input(
                        talk.who if talk else "", id="who", placeholder="e.g. parent at the gate"
                    )
                    yield FieldError(id="who-error")
            yield Label("Concerns", classes="field-label")
            yield ConcernPicker(self._campaign, talk.concerns if talk else (), id="concerns")
            yield FieldError(id="concerns-error")
            yield Label("Story or quote, in short", classes="field-label")
            yield Input(talk.story if talk else "", id="story")
            yield FieldError(id="story-error")
            with Horizontal(classes="dialog-buttons"):
                if talk is None:
                    yield Button("Save, next (ctrl+n)", id="save-next")
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Close (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one(PersonPicker).focus_input()

    # Reading the form --------------------------------------------------------------------

    def _input(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _institution(self) -> str | None:
        value = self.query_one("#institution", Select).value
        return value if isinstance(value, str) else None

    def _snapshot(self) -> tuple[object, ...]:
        """What was typed about the person, concerns and story (date and institution carry on)."""
        picker = self.query_one(PersonPicker)
        return (
            picker.text,
            self._input("who"),
            self._input("story"),
            tuple(self.query_one(ConcernPicker).chosen),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def build(self) -> tuple[Conversation | None, Person | None, dict[str, str]]:
        """The conversation (and a new person) as typed, or None and {field: message}."""
        errors: dict[str, str] = {}
        on = self._today
        try:
            on = parse_day(self._input("on"), self._today)
        except ValueError as error:
            errors["on"] = f"Date: {error}"
        picker = self.query_one(PersonPicker)
        new_person: Person | None = None
        person_id = picker.chosen.id if picker.chosen else None
        if picker.new_name:
            try:
                new_person = Person(name=picker.new_name)
                person_id = new_person.id
            except ValidationError as error:
                errors["person_id"] = f"Name {field_messages(error).get('name', 'is not valid')}"
        elif picker.chosen is None and picker.text.strip():
            errors["person_id"] = (
                "Who: pick someone from the suggestions (enter takes the one highlighted), "
                "or clear the name"
            )
        data: dict[str, Any] = self._editing.model_dump() if self._editing else {}
        data.update(
            listening_campaign_id=self._campaign.id,
            on=on,
            institution_id=self._institution(),
            person_id=person_id,
            who=self._input("who"),
            concerns=self.query_one(ConcernPicker).chosen,
            story=self._input("story"),
        )
        try:
            conversation = Conversation.model_validate(data)
        except ValidationError as error:
            for field, message in field_messages(error).items():
                label = FIELDS[field][1] if field in FIELDS else field
                errors.setdefault(field, f"{label} {message}")
            return None, None, errors
        if errors:
            return None, None, errors
        return conversation, new_person, {}

    def _show_errors(self, errors: dict[str, str]) -> None:
        by_widget: dict[str, list[str]] = {}
        for field, message in errors.items():
            if field in FIELDS:
                by_widget.setdefault(FIELDS[field][0], []).append(message)
        for widget_id in dict.fromkeys(w for w, _ in FIELDS.values()):
            self.query_one(f"#{widget_id}-error", FieldError).show(
                "; ".join(by_widget.get(widget_id, []))
            )
        elsewhere = [message for field, message in errors.items() if field not in FIELDS]
        if elsewhere:
            self.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)

    def _store(self) -> bool:
        """Save what is typed; True when it was saved."""
        conversation, new_person, errors = self.build()
        self._show_errors(errors)
        if conversation is None:
            return False
        try:
            self._campaign, person = self._save(self._campaign, conversation, new_person)
        except Exception as error:  # whatever went wrong, keep what was typed
            message = str(error) or type(error).__name__
            self.notify(message, title="Not saved", severity="error", markup=False)
            return False
        if person is not None:
            self._people.append(person)
        self._logged += 1
        return True

    # Actions -------------------------------------------------------------------------------

    @on(PersonPicker.Picked)
    def _picked(self) -> None:
        self.query_one(ConcernPicker).box.focus()

    @on(Input.Submitted, "#who")
    def _who_entered(self) -> None:
        self.query_one(ConcernPicker).box.focus()

    @on(Input.Submitted, "#concern-input")
    def _concerns_done(self) -> None:
        self.query_one("#story", Input).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._store():
            self.dismiss(self._logged)

    @on(Button.Pressed, "#save-next")
    def action_save_next(self) -> None:
        if self._editing is not None:
            self.action_save()
            return
        if not self._store():
            return
        self.query_one("#person-input", Input).value = ""
        self.query_one("#who", Input).value = ""
        self.query_one("#story", Input).value = ""
        self.query_one(ConcernPicker).reset(self._campaign)
        self.query_one("#conversation-logged", Static).update(logged_text(self._logged))
        self.notify(f"{self._logged:,} logged")
        self._start = ("", "", "", ())
        self.query_one(PersonPicker).focus_input()

    def _discard(self) -> None:
        self.dismiss(self._logged)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.has_changes:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(self._logged)
