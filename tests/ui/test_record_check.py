"""A record damaged outside the program is found soon after the app opens, and the organiser
can quit straight into restoring the newest good backup."""

from __future__ import annotations

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import FixedClock
from organiser.models import Person, Profile
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.record_check import RESTORE
from store.repository import TinyRepository
from tests.ui.conftest import SIZE


def _damaged_repo(clock: FixedClock) -> TinyRepository:
    repo = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    repo.save_all([Profile(organiser_name="Jo Bloggs"), Person(name="Ann Example")])
    table = repo.db.storage.read()
    assert table is not None
    person = next(iter(table["people"].values()))
    table["people"][person["id"]] = {**person, "email": "not an email"}
    repo.db.storage.write(table)
    return repo


async def test_a_damaged_record_offers_to_quit_and_restore(clock: FixedClock) -> None:
    app = OrganiserApp(_damaged_repo(clock), clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, ConfirmDialog):
                break
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == RESTORE


async def test_carrying_on_keeps_the_app_open(clock: FixedClock) -> None:
    app = OrganiserApp(_damaged_repo(clock), clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, ConfirmDialog):
                break
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.is_running
