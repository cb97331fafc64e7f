"""A person's links to the people they know: the dialogs that add and remove one, the flows
that save, and the section of their page that lists them.

k on a person's page links them to someone (picked by name, or added there and then); K
removes a link, asked about first. Links have no direction: either person's page shows it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from organiser.errors import OrganiserError
from organiser.models import Institution, Person
from organiser.models.links import LinkKind, PersonLink
from organiser.repository import Repository
from organiser.routes import LINK_LABELS, describe_link, links_of_person
from organiser.validation import describe, field_messages
from screens.feedback import refuse_if_read_only, report
from screens.form_flow import confirm_delete
from screens.widgets.field_error import FieldError
from screens.widgets.person_picker import PersonPicker


@dataclass(frozen=True)
class LinkDraft:
    """A link as typed, and the new person at its other end, if one was named."""

    link: PersonLink
    new_person: Person | None = None


def links_section(
    person: Person, links: Sequence[PersonLink], people: Mapping[str, Person]
) -> Text:
    """ "Links (2): Amina Khan: knows · Imam Yusuf: family", in name order, on as few lines
    as the width allows (the ladder history below must stay in view); everything typed is
    shown literally."""
    if not links:
        return Text.assemble(
            ("Links  ", "bold"), ("No links yet: k links them to someone they know", "dim")
        )
    lines = sorted(describe_link(link, people.get(link.other_end(person.id))) for link in links)
    text = Text(f"Links ({len(links)}): ", style="bold")
    text.append(" · ".join(lines))
    text.append("  (k adds, K removes)", style="dim")
    return text


class LinkDialog(ModalScreen[LinkDraft | None]):
    """Who `person` knows and how; dismisses with the draft to save, or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="link.save"),
        Binding("escape", "cancel", "Cancel", id="link.cancel"),
    ]

    def __init__(
        self,
        person: Person,
        people: Sequence[Person],
        institutions_by_id: Mapping[str, Institution],
        linked_ids: Collection[str],
        draft: LinkDraft | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._person = person
        self._people = [p for p in people if p.id != person.id]
        self._institutions = institutions_by_id
        self._linked = linked_ids
        self._draft = draft

    def compose(self) -> ComposeResult:
        draft = self._draft
        chosen = (
            next((p for p in self._people if p.id == draft.link.other_id), None) if draft else None
        )
        new_name = draft.new_person.name if draft and draft.new_person else ""
        with Vertical(id="link-dialog", classes="dialog-box"):
            yield Static(
                Text.assemble("Link ", (self._person.name, "bold"), " to someone they know"),
                classes="dialog-title",
            )
            yield Label("Who do they know?", classes="field-label")
            yield PersonPicker(
                self._people, self._institutions, chosen=chosen, new_name=new_name, id="link-person"
            )
            yield FieldError(id="link-person-error")
            yield Label("How do they know each other?", classes="field-label")
            yield Select(
                [(Text(label), kind) for kind, label in LINK_LABELS.items()],
                value=draft.link.link_kind if draft else LinkKind.KNOWS,
                allow_blank=False,
                id="link-kind",
            )
            yield Label("Note (optional)", classes="field-label")
            yield Input(draft.link.note if draft else "", id="link-note")
            yield FieldError(id="link-note-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PersonPicker).focus_input()

    @on(PersonPicker.Picked)
    def _picked(self) -> None:
        self.query_one("#link-kind", Select).focus()

    def build(self) -> LinkDraft | None:
        """The draft, or None with each problem shown next to its field."""
        picker = self.query_one(PersonPicker)
        person_error = self.query_one("#link-person-error", FieldError)
        note_error = self.query_one("#link-note-error", FieldError)
        other, new_person = picker.chosen, None
        if other is None and picker.new_name:
            try:
                new_person = other = Person(name=picker.new_name)
            except ValidationError as error:
                person_error.show(
                    f"The name {field_messages(error).get('name') or describe(error)}"
                )
                return None
        if other is None:
            person_error.show("Choose who they know: type part of a name, then enter.")
            return None
        if other.id in self._linked:
            person_error.show(f"{self._person.name} is already linked to {other.name}.")
            return None
        person_error.show("")
        kind = self.query_one("#link-kind", Select).value
        try:
            link = PersonLink(
                person_id=self._person.id,
                other_id=other.id,
                link_kind=kind if isinstance(kind, LinkKind) else LinkKind.KNOWS,
                note=self.query_one("#link-note", Input).value.strip(),
            )
        except ValidationError as error:
            note_error.show(f"The note {field_messages(error).get('note') or describe(error)}")
            return None
        note_error.show("")
        return LinkDraft(link, new_person)

    @on(Input.Submitted, "#link-note")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        draft = self.build()
        if draft is not None:
            self.dismiss(draft)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ChooseLinkDialog(ModalScreen[str | None]):
    """Which of their links to remove: dismisses with its id, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choose-link.cancel")]

    def __init__(self, person: Person, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__(classes="dialog")
        self._person = person
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-link-dialog", classes="dialog-box"):
            yield Static(
                Text.assemble("Which link of ", (self._person.name, "bold"), " goes?"),
                classes="dialog-title",
            )
            yield OptionList(
                *(Option(Text(label), id=link_id) for link_id, label in self._choices),
                id="link-choices",
            )
            yield Static(Text("enter chooses · esc keeps them all"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#link-choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#link-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


async def add_link(screen: Screen[Any], repo: Repository, person: Person) -> PersonLink | None:
    """Link `person` to someone until saved or given up; a refused save keeps what was typed."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        people = repo.list(Person)
        institutions = {i.id: i for i in repo.list(Institution)}
        linked = {link.other_end(person.id) for link in links_of_person(repo, person.id)}
    except OrganiserError as error:
        report(screen, error, "Cannot add a link")
        return None
    draft: LinkDraft | None = None
    while True:
        draft = await screen.app.push_screen_wait(
            LinkDialog(person, people, institutions, linked, draft)
        )
        if draft is None:
            return None
        records = [draft.new_person] if draft.new_person else []
        try:
            saved = repo.save_all([*records, draft.link])
        except Exception as error:  # whatever went wrong, keep what was typed
            report(screen, error)
            continue
        other = draft.new_person or next(p for p in people if p.id == draft.link.other_id)
        added = " (added to People)" if draft.new_person else ""
        screen.notify(f"Linked {person.name} and {other.name}{added}", markup=False)
        link = saved[-1]
        assert isinstance(link, PersonLink)
        return link


async def remove_link(screen: Screen[Any], repo: Repository, person: Person) -> bool:
    """Choose one of `person`'s links and remove it, asked first. True when one went."""
    if refuse_if_read_only(screen, repo):
        return False
    try:
        links = links_of_person(repo, person.id)
        others = {link.id: repo.get(Person, link.other_end(person.id)) for link in links}
    except OrganiserError as error:
        report(screen, error, "Cannot show their links")
        return False
    if not links:
        screen.notify(f"{person.name} has no links yet: k adds one.", markup=False)
        return False
    choices = sorted(
        ((link.id, describe_link(link, others[link.id])) for link in links),
        key=lambda choice: choice[1].casefold(),
    )
    chosen = await screen.app.push_screen_wait(ChooseLinkDialog(person, choices))
    link = next((link for link in links if link.id == chosen), None)
    if link is None:
        return False
    other = others[link.id]
    name = other.name if other else "someone no longer on record"
    question = Text.assemble(
        "Remove the link between ", (person.name, "bold"), " and ", (name, "bold"), "?"
    )
    question.append("\n\nBoth stay on record; only the link goes.")
    return await confirm_delete(
        screen,
        "Remove this link?",
        question,
        lambda: repo.delete(PersonLink, link.id),
        f"Link between {person.name} and {name} removed",
    )
