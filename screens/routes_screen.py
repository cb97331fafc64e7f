"""Route to target: for each decision-maker on a campaign's power map, the shortest routes
from our leaders and member institutions to them (see organiser.routes).

r on the power map opens it. p links the chosen decision-maker to a person on record (or
adds them), so that their routes can be traced; a person's own page (k) adds the links.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import ValidationError
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from organiser.campaigns import in_map_order
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Campaign, Institution, Person, PowerMapEntry, Record
from organiser.repository import Repository
from organiser.routes import MAX_HOPS, ROUTE_LIMIT, Network, TargetRoutes, routes_for
from organiser.validation import describe, field_messages
from screens.feedback import refuse_if_read_only, report, report_failed_worker
from screens.widgets.field_error import FieldError
from screens.widgets.person_picker import PersonPicker
from screens.widgets.read_only_banner import ReadOnlyBanner


def target_text(found: TargetRoutes) -> Text:
    """A decision-maker, then each route on a line of its own, or why there is none."""
    entry = found.entry
    text = Text.assemble(("★ ", "yellow"), (entry.name, "bold"))
    if entry.role:
        text.append(f"  {entry.role}", style="dim")
    for number, route in enumerate(found.routes, start=1):
        steps = "step" if route.hops == 1 else "steps"
        text.append(f"\n  {number}. {route.explained}  ")
        text.append(f"({route.hops} {steps})", style="dim")
    if found.why_none:
        text.append(f"\n  {found.why_none}", style="italic")
    return text


class EntryPersonDialog(ModalScreen[Person | None]):
    """Who on record a power map entry is: dismisses with the person (a new, unsaved one when
    "+ New person" was picked), or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="entry-person.save"),
        Binding("escape", "cancel", "Cancel", id="entry-person.cancel"),
    ]

    def __init__(
        self,
        entry: PowerMapEntry,
        people: Sequence[Person],
        institutions_by_id: Mapping[str, Institution],
    ) -> None:
        super().__init__(classes="dialog")
        self._entry = entry
        self._people = people
        self._institutions = institutions_by_id

    def compose(self) -> ComposeResult:
        chosen = next((p for p in self._people if p.id == self._entry.person_id), None)
        with Vertical(id="entry-person-dialog", classes="dialog-box"):
            yield Static(
                Text.assemble("Who on record is ", (self._entry.name, "bold"), "?"),
                classes="dialog-title",
            )
            yield PersonPicker(
                self._people,
                self._institutions,
                chosen=chosen,
                new_name="" if chosen else self._entry.name,
                id="entry-person",
            )
            yield FieldError(id="entry-person-error")
            yield Static(
                Text("Type part of a name and pick them, or keep “+ New person” to add them."),
                classes="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PersonPicker).focus_input()

    @on(PersonPicker.Picked)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        picker = self.query_one(PersonPicker)
        error = self.query_one("#entry-person-error", FieldError)
        if picker.chosen is not None:
            self.dismiss(picker.chosen)
            return
        if picker.new_name:
            try:
                self.dismiss(Person(name=picker.new_name))
            except ValidationError as problem:
                error.show(f"The name {field_messages(problem).get('name') or describe(problem)}")
            return
        error.show("Choose who they are: type part of a name, then enter.")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class RoutesScreen(Screen[bool]):
    """Each decision-maker and the routes to them. Dismisses with True when an entry changed."""

    BINDINGS = [
        Binding("p", "link_person", "Link to a person", id="routes.link-person"),
        Binding("escape", "back", "Back", id="routes.back"),
    ]

    def __init__(self, repo: Repository, clock: Clock, campaign: Campaign) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        self.campaign = campaign
        self.changed = False
        self._found: list[TargetRoutes] = []
        self._people: list[Person] = []
        self._institutions: dict[str, Institution] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="routes-summary")
        yield OptionList(id="routes-list")
        yield Static(
            Text(
                f"Up to {ROUTE_LIMIT} shortest routes each, at most {MAX_HOPS} steps, from "
                "our leaders and member institutions · p links the chosen decision-maker to "
                "a person · links are added on a person's page (k)"
            ),
            classes="hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Routes to target"
        self.sub_title = self.campaign.name
        self.load()
        self.query_one("#routes-list", OptionList).focus()

    def load(self) -> None:
        try:
            entries = self.repo.list(PowerMapEntry, {"campaign_id": self.campaign.id})
            network = Network.load(self.repo)
            self._people = list(network.people.values())
            self._institutions = {i.id: i for i in self.repo.list(Institution)}
        except OrganiserError as error:
            report(self, error, "Cannot trace the routes")
            entries, network = [], Network([], [], [])
        self._found = routes_for(in_map_order(entries), network)
        reached = sum(1 for found in self._found if found.routes)
        if self._found:
            line = f"{reached:,} of {len(self._found):,} decision-makers can be reached"
        else:
            line = "No decision-maker on the power map yet: mark one (★) there first"
        self.query_one("#routes-summary", Static).update(
            Text.assemble((self.campaign.name, "bold"), f": {line}")
        )
        options = self.query_one("#routes-list", OptionList)
        keep = options.highlighted
        options.clear_options()
        options.add_options([Option(target_text(f), id=f.entry.id) for f in self._found])
        if self._found:
            options.highlighted = min(keep or 0, len(self._found) - 1)

    def _chosen(self) -> PowerMapEntry | None:
        options = self.query_one("#routes-list", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self._found):
            self.notify("No decision-maker is chosen.", severity="warning")
            return None
        return self._found[index].entry

    @work(exclusive=True, group="routes", exit_on_error=False)
    async def action_link_person(self) -> None:
        entry = self._chosen()
        if entry is None or refuse_if_read_only(self, self.repo):
            return
        person = await self.app.push_screen_wait(
            EntryPersonDialog(entry, self._people, self._institutions)
        )
        if person is None:
            return
        records: list[Record] = [] if person.is_saved else [person]
        try:
            self.repo.save_all([*records, entry.evolve(person_id=person.id)])
        except Exception as error:
            report(self, error)
            return
        self.changed = True
        added = " (added to People)" if records else ""
        self.notify(f"{entry.name} is {person.name} on record{added}", markup=False)
        self.load()

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)
