"""What the person dialog refuses, what it keeps, and that names never turn into markup."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TypeVar

from textual.widgets import Input, TextArea

from organiser.clock import FixedClock
from organiser.errors import StoreError
from organiser.models import Person, Profile, Record
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.people_screen import PeopleScreen
from screens.person_detail import PersonDetailScreen
from screens.person_dialog import PersonDialog
from screens.widgets.field_error import FieldError
from screens.widgets.people_table import PeopleTable
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, has_id, notices, screen_text, tab_to

R = TypeVar("R", bound=Record)
MARKUP = "[red]x[/] [b]Bold[/b] [link=https://example.org]y[/link]"


class FailingRepository:
    """A repository whose saves fail while `failing` is set, as a full disk would."""

    def __init__(self, inner: TinyRepository) -> None:
        self.inner = inner
        self.failing = True

    @property
    def read_only(self) -> bool:
        return False

    def get(self, kind: type[R], record_id: str) -> R | None:
        return self.inner.get(kind, record_id)

    def list(self, kind: type[R], where: Mapping[str, object] | None = None) -> builtins.list[R]:
        return self.inner.list(kind, where)

    def search(self, kind: type[R], text: str, limit: int | None = None) -> builtins.list[R]:
        return self.inner.search(kind, text, limit)

    def count(self, kind: type[Record]) -> int:
        return self.inner.count(kind)

    def save(self, record: R) -> R:
        if self.failing:
            raise StoreError("The disk is full; nothing was saved.")
        return self.inner.save(record)

    def save_all(self, records: Sequence[Record]) -> builtins.list[Record]:
        return self.inner.save_all(records)

    def delete(self, kind: type[Record], record_id: str) -> bool:
        return self.inner.delete(kind, record_id)

    def profile(self) -> Profile | None:
        return self.inner.profile()

    def is_empty(self) -> bool:
        return self.inner.is_empty()

    def close(self) -> None:
        self.inner.close()


def error_text(app: OrganiserApp, widget_id: str) -> str:
    return app.screen.query_one(f"#{widget_id}", FieldError).message


async def test_an_empty_name_is_refused_next_to_the_name(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"   ", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert error_text(app, "name-error") == "Name cannot be empty"
        assert error_text(app, "email-error") == ""
        assert "Name cannot be empty" in screen_text(app)
        assert app.focused is app.screen.query_one("#name")
        assert filled.count(Person) == 3


async def test_an_invalid_email_is_refused_next_to_the_email(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Dev Patel")
        await tab_to(pilot, has_id("email"))
        await pilot.press(*"dev at example", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert error_text(app, "email-error").startswith("Email is not an email address")
        assert error_text(app, "name-error") == ""
        assert filled.count(Person) == 3

        # Mending it clears the message and saves.
        await pilot.press("ctrl+u", *"dev@example.org", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert [p.email for p in filled.list(Person) if p.name == "Dev Patel"] == [
            "dev@example.org"
        ]


async def test_markup_in_a_name_is_stored_and_shown_literally(
    repo: TinyRepository, clock: FixedClock
) -> None:
    repo.save(Profile(organiser_name="[bold]Jo[/bold]", alliance_name="[i]Citizens[/i]"))
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*MARKUP)
        await tab_to(pilot, has_id("notes"))
        await pilot.press(*"[on red]notes[/]")
        await pilot.press("ctrl+s")
        await pilot.pause()

        (person,) = repo.list(Person)
        assert person.name == MARKUP
        assert person.notes == "[on red]notes[/]"
        assert f"Saved {MARKUP}" in notices(app)
        assert "Saved [red]x[/] [b]Bold[/b]" in screen_text(app)  # the toast, literally
        table = app.screen.query_one(PeopleTable)
        assert table.get_row_at(0)[0].plain == MARKUP
        shown = screen_text(app)
        assert "[red]x[/] [b]Bold[/b]" in shown
        assert "[i]Citizens[/i]" in shown  # the alliance name in the header

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        shown = screen_text(app)
        assert "[red]x[/] [b]Bold[/b]" in shown
        assert "[on red]notes[/]" in shown

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete [red]x[/] [b]Bold[/b]" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()

        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == MARKUP
        assert "Edit [red]x[/] [b]Bold[/b]" in screen_text(app)


async def test_a_refused_save_keeps_everything_typed(
    filled: TinyRepository, clock: FixedClock
) -> None:
    repo = FailingRepository(filled)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Dev Patel")
        await tab_to(pilot, has_id("notes"))
        await pilot.press(*"Met at the [b]assembly[/b]")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert "The disk is full; nothing was saved." in notices(app)
        assert "The disk is full; nothing was saved." in screen_text(app)
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#name", Input).value == "Dev Patel"
        assert app.screen.query_one("#notes", TextArea).text == "Met at the [b]assembly[/b]"
        assert filled.count(Person) == 3

        repo.failing = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        saved = [p for p in filled.list(Person) if p.name == "Dev Patel"]
        assert [p.notes for p in saved] == ["Met at the [b]assembly[/b]"]


async def test_a_refused_edit_keeps_the_edit(filled: TinyRepository, clock: FixedClock) -> None:
    repo = FailingRepository(filled)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("e")  # Amina
        await pilot.pause()
        await pilot.press("end", *" MBE", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#name", Input).value == "Amina Khan MBE"
        assert "Edit Amina Khan MBE" not in screen_text(app)  # still the edit of Amina Khan
        assert "Edit Amina Khan" in screen_text(app)
        assert [p.name for p in filled.list(Person) if p.name.startswith("Amina")] == [
            "Amina Khan"
        ]
