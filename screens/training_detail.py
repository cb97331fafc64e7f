"""One training session: every field, and its participants as an attendance checklist.

Each key on a participant's row saves at once and updates the row.
"""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import ParticipationStatus, Person, Profile, TrainingSession
from organiser.models.base import optional_date
from organiser.repository import Repository
from organiser.trainings import (
    KIND_LABELS,
    STATUS_LABELS,
    confirm,
    counts,
    format_number,
    remove_participant,
    set_status,
)
from screens.person_flows import refuse_if_read_only, report, report_failed_worker
from screens.training_flows import delete_training, edit_training, nominate
from screens.training_moves import move_completers, read_suggestions, suggestions_text
from screens.widgets.read_only_banner import ReadOnlyBanner
from screens.widgets.training_checklist import TrainingChecklist

NOT_RECORDED = Text("not recorded", style="dim")


def _text(value: str | Text) -> Text:
    if isinstance(value, Text):
        return value
    return Text(value) if value else NOT_RECORDED


def trainers_text(session: TrainingSession, people: Mapping[str, Person], organiser: str) -> str:
    names = [organiser or "the organiser"] if session.organiser_is_trainer else []
    names += [people[i].name if i in people else "(someone no longer on record)"
              for i in session.trainer_ids]  # fmt: skip
    return ", ".join(names)


def session_table(
    session: TrainingSession, people: Mapping[str, Person], organiser: str, zone: ZoneInfo
) -> Table:
    """Every field of `session` as label and value; values are plain text, never markup."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", width=22, no_wrap=True)
    table.add_column(ratio=1)

    def row(label: str, value: str | Text) -> None:
        table.add_row(Text(label), _text(value))

    local = session.starts.astimezone(zone)
    row("Kind", KIND_LABELS[session.training_kind])
    if session.all_day:
        row("When", f"{local:%A %d %B %Y}, all day")
    else:
        hours = format_number(session.length_hours)
        row("When", f"{local:%A %d %B %Y, %H:%M}, {hours} hour" + ("" if hours == "1" else "s"))
    row("Venue", session.venue)
    row("Trainers", trainers_text(session, people, organiser))
    row("Curriculum", session.curriculum)
    row("Notes", session.notes)
    row("What worked", session.what_worked)
    row("What to change", session.what_to_change)
    row(
        "Your days",
        f"{format_number(session.preparing_days)} preparing, "
        f"{format_number(session.delivering_days)} delivering, "
        f"{format_number(session.evaluating_days)} evaluating "
        f"= {format_number(round(session.organiser_days, 2))}",
    )
    if session.is_saved:
        row("Last changed", optional_date(session.updated.date()))
    return table


class TrainingDetailScreen(Screen[bool]):
    """Dismisses with True when the session was changed or deleted, so the list reloads."""

    BINDINGS = [
        Binding("a", "mark('attended')", "Attended", id="training-detail.attended"),
        Binding("c", "mark('completed')", "Completed", id="training-detail.completed"),
        Binding("x", "mark('did_not_attend')", "Did not attend", id="training-detail.absent"),
        Binding("m", "confirm", "Confirmed", id="training-detail.confirmed"),
        Binding("plus,n", "nominate", "Nominate", key_display="+", id="training-detail.nominate"),
        Binding("delete", "remove", "Remove", key_display="del", id="training-detail.remove"),
        Binding("M", "move_completers", "Up the ladder", id="training-detail.move-up"),
        Binding("e", "edit_training", "Edit", id="training-detail.edit"),
        Binding("d", "delete_training", "Delete", id="training-detail.delete"),
        Binding("escape", "back", "Back", id="training-detail.back"),
    ]

    def __init__(
        self,
        repo: Repository,
        clock: Clock,
        session: TrainingSession,
        *,
        person_id: str | None = None,
    ) -> None:
        """Show `session`; with `person_id`, that participant's row is chosen."""
        super().__init__()
        self._start_person = person_id
        self.repo = repo
        self.clock = clock
        self.session = session
        self.changed = False
        self._people: dict[str, Person] = {}
        self._profile: Profile | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        with VerticalScroll(id="training-detail"):
            yield Static(id="training-name")
            yield Static(id="training-fields")
            yield Static(id="training-participants-heading", classes="section-heading")
            yield Static(id="training-ladder")
            yield TrainingChecklist(id="training-checklist")
            yield Static(
                Text(
                    "On a row: a attended · c completed · x did not attend · m confirmed · "
                    "del removes.  + (or n) nominates someone."
                ),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Training"
        self.show_session()
        if self._start_person is not None:
            self.checklist.go_to(self._start_person)
        self.checklist.focus()

    @property
    def checklist(self) -> TrainingChecklist:
        return self.query_one(TrainingChecklist)

    def show_session(self) -> None:
        session = self.session
        try:
            self._people = {p.id: p for p in self.repo.list(Person)}
            self._profile = self.repo.profile()
        except OrganiserError as error:
            report(self, error, "Cannot show everything")
        organiser = self._profile.organiser_name if self._profile else ""
        self.sub_title = session.name
        self.query_one("#training-name", Static).update(Text(session.name, style="bold"))
        self.query_one("#training-fields", Static).update(
            session_table(session, self._people, organiser, self.clock.tz)
        )
        self._show_participants()

    def _show_participants(self) -> None:
        numbers = counts(self.session)
        if numbers.nominated:
            heading = (
                f"Participants: {numbers.nominated:,} nominated, {numbers.attended:,} attended, "
                f"{numbers.completed:,} completed"
            )
        else:
            heading = "Participants: no one nominated yet (+ nominates someone)"
        self.query_one("#training-participants-heading", Static).update(Text(heading))
        self.checklist.show(self.session.participations, self._people)
        try:
            suggested = suggestions_text(
                read_suggestions(self.repo, self.clock, self.session), self._profile
            )
        except OrganiserError as error:
            suggested = Text(f"Up the ladder: cannot tell ({error})", style="dim")
        self.query_one("#training-ladder", Static).update(suggested)

    # Participants --------------------------------------------------------------------------

    def _current_person(self) -> str | None:
        person_id = self.checklist.current_id
        if person_id is None:
            self.notify("No one is nominated yet: + nominates someone.", severity="warning")
        return person_id

    def _save(self, changed: TrainingSession, said: str) -> None:
        if changed == self.session:
            return
        try:
            self.session = self.repo.save(changed)
        except Exception as error:
            report(self, error)
            return
        self.changed = True
        self._show_participants()
        self.notify(said, markup=False)

    def _person_name(self, person_id: str) -> str:
        person = self._people.get(person_id)
        return person.name if person else "Someone no longer on record"

    def action_mark(self, status: str) -> None:
        person_id = self._current_person()
        if person_id is None or refuse_if_read_only(self, self.repo):
            return
        chosen = ParticipationStatus(status)
        self._save(
            set_status(self.session, person_id, chosen),
            f"{self._person_name(person_id)}: {STATUS_LABELS[chosen].lower()}",
        )

    def action_confirm(self) -> None:
        person_id = self._current_person()
        if person_id is None or refuse_if_read_only(self, self.repo):
            return
        changed = confirm(self.session, person_id)
        if changed == self.session:
            self.notify("Only someone nominated can be marked confirmed.", markup=False)
            return
        self._save(changed, f"{self._person_name(person_id)}: confirmed")

    def action_remove(self) -> None:
        person_id = self._current_person()
        if person_id is None or refuse_if_read_only(self, self.repo):
            return
        self._save(
            remove_participant(self.session, person_id),
            f"{self._person_name(person_id)} taken off this training",
        )

    @work(exclusive=True, group="training", exit_on_error=False)
    async def action_nominate(self) -> None:
        done = await nominate(self, self.repo, self.clock, self.session)
        if done is None:
            return
        self.session, person = done
        self._people[person.id] = person
        self.changed = True
        self._show_participants()
        self.checklist.go_to(person.id)
        self.checklist.focus()

    @work(exclusive=True, group="training", exit_on_error=False)
    async def action_move_completers(self) -> None:
        """Each completer up one rung (asked first; see screens/training_moves.py)."""
        if await move_completers(self, self.repo, self.clock, self.session):
            self.changed = True
            self.show_session()

    @on(DataTable.RowSelected, "#training-checklist")
    def _row_chosen(self) -> None:
        """Enter on a row does nothing harmful: the keys do the marking."""

    # The session ---------------------------------------------------------------------------

    @work(exclusive=True, group="training", exit_on_error=False)
    async def action_edit_training(self) -> None:
        saved = await edit_training(self, self.repo, self.clock, self.session)
        if saved is not None:
            self.session = saved
            self.changed = True
            self.show_session()

    @work(exclusive=True, group="training", exit_on_error=False)
    async def action_delete_training(self) -> None:
        if await delete_training(self, self.repo, self.session):
            self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
