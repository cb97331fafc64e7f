"""Log, book, fill in or edit a 1-2-1: quicker than writing it on paper.

The dialog only gathers and checks (with `organiser.one_to_ones.read_texts`); it dismisses
with a valid draft, or None, and the flow that opened it saves. Each problem is shown next
to its field, in words, and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Input, Label, Static, TextArea

from organiser.dates import parse_day, parse_moment
from organiser.lookup import find_person
from organiser.models import Institution, OneToOneStatus, Person, RelationalMeeting
from organiser.models.base import optional_date
from organiser.one_to_ones import LABELS, OneToOneTexts, moment_text, read_texts
from organiser.validation import field_messages
from screens.confirm import ConfirmDialog
from screens.widgets.field_error import FieldError
from screens.widgets.person_picker import PersonPicker

#: Fields typed into a one-line box, and those written in a larger area.
INPUTS = ("at", "length_minutes", "place", "potential", "follow_up", "follow_up_due",
          "next_meeting_at")  # fmt: skip
AREAS = ("interests", "self_interest", "story", "tension")
#: Boxes that show the date they read as, while it is typed.
DATED = ("at", "follow_up_due", "next_meeting_at")


def widget_id(field: str) -> str:
    return field.replace("_", "-")


@dataclass(frozen=True)
class OneToOneDraft:
    """A 1-2-1 as typed and checked, not yet saved, and the new person it names, if any."""

    meeting: RelationalMeeting
    new_person: Person | None = None


class OneToOneDialog(ModalScreen[OneToOneDraft | None]):
    """Dismisses with the draft to save, or None when cancelled.

    `status` is what the 1-2-1 is saved as: held (logged, or a booking marked held), booked,
    or cancelled (editing one). Only a held 1-2-1 shows what was said; ctrl+b switches a new
    one between logging and booking.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="one-to-one.save"),
        Binding("ctrl+b", "book_instead", "Book instead", id="one-to-one.book-instead"),
        Binding("ctrl+b", "log_instead", "Log instead", id="one-to-one.log-instead"),
        Binding("escape", "cancel", "Cancel", id="one-to-one.cancel"),
    ]

    def __init__(
        self,
        meeting: RelationalMeeting | None,
        *,
        status: OneToOneStatus,
        people: Sequence[Person],
        institutions_by_id: Mapping[str, Institution],
        now: datetime,
        places: Sequence[str] = (),
        person: Person | None = None,
        draft: OneToOneDraft | None = None,
    ) -> None:
        """Edit `meeting` (None: a new one, with `person` chosen when given), the form filled
        from `draft` when given: what was typed before a save that failed."""
        super().__init__(classes="dialog")
        self._base = meeting
        self._status = draft.meeting.status if draft else status
        self._people = list(people)
        self._institutions = institutions_by_id
        if now.tzinfo is None:
            raise ValueError("the current time must carry a time zone")
        self._now = now
        self._zone: tzinfo = now.tzinfo
        self._places = list(places)
        self._draft_person = draft.new_person if draft else None
        #: A draft is typing not yet saved: cancelling it always asks.
        self._is_draft = draft is not None
        shown = draft.meeting if draft else meeting
        self._texts = (
            OneToOneTexts.of(shown, self._zone)
            if shown is not None
            else OneToOneTexts(at=self._now_text() if self._status is OneToOneStatus.HELD else "")
        )
        person_id = shown.person_id if shown is not None else None
        self._person = next((p for p in self._people if p.id == person_id), None) or person
        self._start: tuple[object, ...] = ()

    # The form ------------------------------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self._base is None or not self._base.is_saved

    @property
    def status(self) -> OneToOneStatus:
        return self._status

    def _now_text(self) -> str:
        return moment_text(self._now, self._zone)

    def _title(self) -> Text:
        if self.is_new:
            return Text("Book a 1-2-1" if self._status is OneToOneStatus.BOOKED else "Log a 1-2-1")
        name = self._person.name if self._person else "someone no longer on record"
        assert self._base is not None
        if self._base.status is not OneToOneStatus.HELD and self._status is OneToOneStatus.HELD:
            return Text.assemble("Held: the 1-2-1 with ", (name, "bold"), " — what was said?")
        return Text.assemble("Edit the 1-2-1 with ", (name, "bold"))

    def _field(
        self, field: str, label: str, *, placeholder: str = "", kind: str = "text"
    ) -> ComposeResult:
        yield Label(label, classes="field-label")
        value = getattr(self._texts, field)
        if field in AREAS:
            yield TextArea(value, id=widget_id(field))
        else:
            suggester = (
                SuggestFromList(self._places, case_sensitive=False)
                if field == "place" and self._places
                else None
            )
            yield Input(
                value,
                placeholder=placeholder,
                id=widget_id(field),
                type="integer" if kind == "integer" else "text",
                suggester=suggester,
            )
        if field in DATED:
            yield Static(id=f"{widget_id(field)}-reads", classes="hint reads-as")
        yield FieldError(id=f"{widget_id(field)}-error")

    def compose(self) -> ComposeResult:
        booking = self._status is not OneToOneStatus.HELD
        with Vertical(id="one-to-one-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title", id="one-to-one-title")
            with VerticalScroll(id="one-to-one-form", classes="-booking" if booking else ""):
                yield Label("Who", classes="field-label")
                yield PersonPicker(
                    self._people,
                    self._institutions,
                    chosen=self._person if self._draft_person is None else None,
                    new_name=self._draft_person.name if self._draft_person else "",
                    id="person",
                )
                yield FieldError(id="person-id-error")
                with Horizontal(classes="field-row"):
                    with Vertical(classes="when"):
                        yield from self._field(
                            "at", "Date and time", placeholder="e.g. today 14:30, tomorrow 10am"
                        )
                    with Vertical(classes="narrow"):
                        yield from self._field(
                            "length_minutes", "Minutes", placeholder="e.g. 40", kind="integer"
                        )
                    with Vertical():
                        yield from self._field("place", "Place", placeholder="Where you met")
                with Vertical(classes="conversation"):
                    with Horizontal(classes="field-row"):
                        with Vertical():
                            yield from self._field("interests", "What they care about")
                        with Vertical():
                            yield from self._field("self_interest", "Their self-interest")
                    with Horizontal(classes="field-row"):
                        with Vertical():
                            yield from self._field("story", "Their story")
                        with Vertical():
                            yield from self._field(
                                "tension", "The tension or anger that could move them"
                            )
                    with Horizontal(classes="field-row"):
                        with Vertical(classes="narrow"):
                            yield from self._field(
                                "potential", "Potential", placeholder="1 to 5", kind="integer"
                            )
                        with Vertical():
                            yield from self._field(
                                "follow_up", "Follow-up agreed", placeholder="What you agreed"
                            )
                        with Vertical(classes="when"):
                            yield from self._field(
                                "follow_up_due", "Follow-up due", placeholder="e.g. fri, 1/12"
                            )
                    yield from self._field(
                        "next_meeting_at",
                        "Next 1-2-1 booked (optional)",
                        placeholder="e.g. next tue 10am",
                    )
                    yield Static(
                        "Saving also books this next 1-2-1, so it shows on Today that day.",
                        classes="hint",
                    )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        for field in DATED:
            self._show_reading(field)
        self._start = self._snapshot()
        self._focus_start()

    def _focus_start(self) -> None:
        picker = self.query_one(PersonPicker)
        if picker.chosen is None and not picker.new_name:
            picker.focus_input()
        elif self._base is not None and self._status is OneToOneStatus.HELD and (
            self._base.status is not OneToOneStatus.HELD
        ):
            self.query_one("#interests").focus()  # marking held: the time was booked
        else:
            self.query_one("#at").focus()

    # Reading the form --------------------------------------------------------------------

    def _value(self, field: str) -> str:
        if field in AREAS:
            return self.query_one(f"#{widget_id(field)}", TextArea).text
        return self.query_one(f"#{widget_id(field)}", Input).value

    def texts(self) -> OneToOneTexts:
        return OneToOneTexts(**{field: self._value(field) for field in (*INPUTS, *AREAS)})

    def _snapshot(self) -> tuple[object, ...]:
        """Everything typed, to tell whether cancelling would throw anything away."""
        return (self.query_one(PersonPicker).text, self._status, self.texts().as_tuple())

    @property
    def has_changes(self) -> bool:
        return self._is_draft or self._snapshot() != self._start

    def _who(self, errors: dict[str, str]) -> tuple[str | None, Person | None]:
        """The chosen person's id, and the new person to add when one was named."""
        picker = self.query_one(PersonPicker)
        if picker.chosen is not None:
            return picker.chosen.id, None
        if picker.new_name:
            draft = self._draft_person
            if draft is not None and draft.name == picker.new_name:
                return draft.id, draft
            try:
                person = Person(name=picker.new_name)
            except ValidationError as error:
                message = field_messages(error).get("name", "is not valid")
                errors["person_id"] = f"The new person's name {message}"
                return None, None
            return person.id, person
        text = picker.text
        if not text.strip():
            errors["person_id"] = "Choose who you met: type part of their name"
            return None, None
        match = find_person(self._people, text)
        if match.person is not None:
            return match.person.id, None
        hint = ' Or pick "+ New person" to add them.' if not match.candidates else ""
        errors["person_id"] = match.problem() + hint
        return None, None

    def build(self) -> tuple[OneToOneDraft | None, dict[str, str]]:
        """The 1-2-1 as typed, or None and {field: message} for what must change."""
        errors: dict[str, str] = {}
        person_id, new_person = self._who(errors)
        meeting, problems = read_texts(
            self.texts(), person_id=person_id, status=self._status, now=self._now, base=self._base
        )
        for field, message in problems.items():
            errors.setdefault(field, message)
        if meeting is None or errors:
            return None, errors
        return OneToOneDraft(meeting, new_person), {}

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in LABELS:
            self.query_one(f"#{widget_id(field)}-error", FieldError).show(errors.get(field, ""))
        elsewhere = [message for field, message in errors.items() if field not in LABELS]
        if elsewhere:
            self.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)
        first = next((f for f in LABELS if f in errors), None)
        if first == "person_id":
            self.query_one(PersonPicker).focus_input()
        elif first is not None:
            self.query_one(f"#{widget_id(first)}").focus()

    def _show_reading(self, field: str) -> None:
        """Under a date box, the day (and time) what is typed reads as, once it reads as one."""
        text = self._value(field)
        reading = ""
        try:
            if field == "follow_up_due":
                reading = optional_date(parse_day(text, self._now.date())) if text.strip() else ""
            elif text.strip():
                reading = moment_text(parse_moment(text, self._now), self._zone)
        except ValueError:
            reading = ""
        shown = "" if not reading or reading == text.strip() else f"→ {reading}"
        self.query_one(f"#{widget_id(field)}-reads", Static).update(Text(shown))

    # Actions -----------------------------------------------------------------------------

    @on(Input.Changed, "#at, #follow-up-due, #next-meeting-at")
    def _date_typed(self, event: Input.Changed) -> None:
        if event.input.id:
            self._show_reading(event.input.id.replace("-", "_"))

    @on(PersonPicker.Picked)
    def _picked(self) -> None:
        self.query_one("#person-id-error", FieldError).show("")
        self.query_one("#at").focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        self.focus_next()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "book_instead":
            return self.is_new and self._status is OneToOneStatus.HELD
        if action == "log_instead":
            return self.is_new and self._status is OneToOneStatus.BOOKED
        return True

    def _switch(self, status: OneToOneStatus) -> None:
        when = self.query_one("#at", Input)
        if status is OneToOneStatus.BOOKED and when.value == self._now_text():
            when.value = ""
        elif status is OneToOneStatus.HELD and not when.value.strip():
            when.value = self._now_text()
        self._status = status
        booking = status is OneToOneStatus.BOOKED
        self.query_one("#one-to-one-form").set_class(booking, "-booking")
        self.query_one("#one-to-one-title", Static).update(self._title())
        self.refresh_bindings()
        if self.query_one(PersonPicker).chosen is not None or booking:
            when.focus()

    def action_book_instead(self) -> None:
        self._switch(OneToOneStatus.BOOKED)

    def action_log_instead(self) -> None:
        self._switch(OneToOneStatus.HELD)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        draft, errors = self.build()
        self._show_errors(errors)
        if draft is not None:
            self.dismiss(draft)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.has_changes:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "Discard this 1-2-1?",
                Text("What you typed in this form has not been saved."),
                yes="Discard",
                no="Keep editing",
            ),
            decided,
        )
