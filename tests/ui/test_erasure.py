"""Erasing a person from their own screen, step by step; every area coping afterwards; and the
subject access export. Each checks what the repository (or the file) holds afterwards."""

from __future__ import annotations

import json
import stat
from collections import Counter
from datetime import datetime
from pathlib import Path

from textual.widgets import Input, Select

from organiser.clock import LONDON, FixedClock
from organiser.demo import build_demo
from organiser.models import (
    AuditEntry,
    LadderMove,
    Meeting,
    Person,
    PublicAction,
    RelationalMeeting,
    TrainingSession,
)
from screens.action_detail import ActionDetailScreen
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.erasure_dialogs import ErasureDialog, MentionReview
from screens.meeting_detail import MeetingDetailScreen
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.people_screen import PeopleScreen
from screens.person_detail import PersonDetailScreen
from screens.subject_access_dialog import AccessDialog
from screens.training_detail import TrainingDetailScreen
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, notices, screen_text, wait_for_screen

MET = datetime(2026, 10, 5, 10, 0, tzinfo=LONDON)


def amina(repo: TinyRepository) -> Person:
    return next(p for p in repo.list(Person) if p.name == "Amina Khan")


def mentioning(repo: TinyRepository) -> TinyRepository:
    """Amina met once; the Planning Group's minutes name her twice; Bilal's notes hold her
    phone number."""
    her = amina(repo)
    bilal = next(p for p in repo.list(Person) if p.name == "Bilal Hussain")
    repo.save_all(
        [
            RelationalMeeting(person_id=her.id, at=MET, story="Her landlord", potential=4),
            Meeting(
                title="Planning Group",
                at=MET,
                attendee_ids=[her.id],
                minutes="Amina Khan to chair. Write to amina@example.org about the hall.",
            ),
            bilal.evolve(notes="Call 07700 900123 about the hall"),
        ]
    )
    return repo


async def open_amina(pilot: object, app: OrganiserApp) -> None:
    await go_to_people(pilot)  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await wait_for_screen(pilot, PersonDetailScreen)  # type: ignore[arg-type]


async def test_erase_a_person_from_their_screen_checking_each_mention(
    filled: TinyRepository, clock: FixedClock
) -> None:
    repo = mentioning(filled)
    her = amina(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_amina(pilot, app)
        await pilot.press("E")
        await wait_for_screen(pilot, ErasureDialog)
        text = screen_text(app)
        assert "Erase Amina Khan completely?" in text and "This is final." in text
        assert "One 1-2-1 and one place at a meeting stay as anonymous entries" in text
        # The reason must be given, and must not say who.
        await pilot.press("end", "ctrl+u", "ctrl+s")
        await pilot.pause()
        assert "Say why they are erased" in screen_text(app)
        await pilot.press(*"Amina Khan asked us to", "ctrl+s")
        await pilot.pause()
        assert "The reason names them" in screen_text(app)
        await pilot.press("end", "ctrl+u", *"Asked to be forgotten", "ctrl+s")
        await wait_for_screen(pilot, MentionReview)
        assert "Mention 1 of 3: “07700 900123”. Replace it?" in screen_text(app)
        assert "In: Person “Bilal Hussain”, notes" in screen_text(app)
        await pilot.press("s")  # keep the phone number, say
        await pilot.pause()
        assert "Mention 2 of 3: “Amina Khan”" in screen_text(app)
        assert "In: Meeting “Planning Group” on Mon 05 Oct 2026, minutes" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert "Mention 3 of 3: “amina@example.org”" in screen_text(app)
        await pilot.press("b")  # back, then on again
        await pilot.pause()
        assert "Mention 2 of 3" in screen_text(app) and "Replaced." in screen_text(app)
        await pilot.press("r", "r")
        await wait_for_screen(pilot, ConfirmDialog)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "(2 mentions replaced and 1 kept as not about them)" in question
        await pilot.press("y")
        await wait_for_screen(pilot, PeopleScreen)
        for _ in range(40):
            if any("Erased completely" in n for n in notices(app)):
                break
            await pilot.pause(0.05)
        assert any("Erased completely" in n for n in notices(app))
        assert "Amina Khan" not in screen_text(app)

    assert repo.get(Person, her.id) is None
    [meeting] = repo.list(Meeting)
    assert meeting.minutes == "[erased] to chair. Write to [erased] about the hall."
    assert meeting.attendee_ids != [her.id] and len(meeting.attendee_ids) == 1
    bilal = next(p for p in repo.list(Person) if p.name == "Bilal Hussain")
    assert bilal.notes == "Call 07700 900123 about the hall"
    [shell] = repo.list(RelationalMeeting)
    assert shell.story == "" and shell.potential is None and shell.at == MET
    assert repo.get(Person, shell.person_id) is None
    [audit] = repo.list(AuditEntry)
    assert (audit.reason, audit.replaced, audit.skipped) == ("Asked to be forgotten", 2, 1)


async def test_stopping_at_any_step_changes_nothing(
    filled: TinyRepository, clock: FixedClock
) -> None:
    repo = mentioning(filled)
    before = {p.id: p for p in repo.list(Person)}
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_amina(pilot, app)
        for stop_after in (0, 1, 2):
            await pilot.press("E")
            await wait_for_screen(pilot, ErasureDialog)
            if stop_after == 0:
                await pilot.press("escape")
            else:
                await pilot.press("ctrl+s")
                await wait_for_screen(pilot, MentionReview)
                if stop_after == 1:
                    await pilot.press("r", "escape")
                else:
                    await pilot.press("A")
                    await wait_for_screen(pilot, ConfirmDialog)
                    await pilot.press("n")
            await wait_for_screen(pilot, PersonDetailScreen)
            assert {p.id: p for p in repo.list(Person)} == before
            assert repo.list(AuditEntry) == []


async def test_every_area_copes_with_someone_erased(
    clock: FixedClock, repo: TinyRepository
) -> None:
    """The demo's busiest person is erased; then every area and the records that held them
    (their 1-2-1s, a training, a meeting, an action) are opened."""
    repo.save_all(build_demo(clock.today()).records)
    busiest, _ = Counter(m.person_id for m in repo.list(RelationalMeeting)).most_common(1)[0]
    person = repo.get(Person, busiest)
    assert person is not None
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await go_to_people(pilot)
        app.screen.query_one("#people-search", Input).value = person.name
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_screen(pilot, PersonDetailScreen)
        await pilot.press("E")
        await wait_for_screen(pilot, ErasureDialog)
        await pilot.press("ctrl+s")
        for _ in range(3):
            await pilot.pause()
            if isinstance(app.screen, MentionReview):
                await pilot.press("A")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, PeopleScreen)
        assert repo.get(Person, person.id) is None
        for key in ("t", "p", "o", "i", "g", "W", "L", "c", "a", "m", "F", "S", "t"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        shells = {m.person_id for m in repo.list(LadderMove)} - {p.id for p in repo.list(Person)}
        [stand_in] = shells
        screens = [
            OneToOneDetailScreen(repo, clock, m)
            for m in repo.list(RelationalMeeting)
            if m.person_id == stand_in
        ][:3]
        screens += [
            TrainingDetailScreen(repo, clock, t)
            for t in repo.list(TrainingSession)
            if any(p.person_id == stand_in for p in t.participations)
        ]
        screens += [
            MeetingDetailScreen(repo, clock, m)
            for m in repo.list(Meeting)
            if stand_in in m.attendee_ids
        ][:2]
        screens += [
            ActionDetailScreen(repo, clock, a)
            for a in repo.list(PublicAction)
            if any(r.person_id == stand_in for r in a.leader_roles)
        ]
        assert len(screens) >= 4
        for screen in screens:
            app.push_screen(screen)
            await wait_for_screen(pilot, type(screen))
            assert "no longer on record" in screen_text(app), type(screen).__name__
            await pilot.press("e")  # their edit dialogs open too
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            if app.screen is not screen:
                await pilot.press("escape")
                await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        assert not [n for n in app._notifications if n.severity == "error"]
        assert app.is_running


async def test_export_everything_held_about_someone_from_their_screen(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    repo = mentioning(filled)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_amina(pilot, app)
        await pilot.press("x")
        await wait_for_screen(pilot, AccessDialog)
        path = app.screen.query_one("#access-path", Input)
        assert path.value.endswith("subject-access-amina-khan-2026-11-23.md")
        await pilot.press("end", "ctrl+u", *str(tmp_path / "nowhere" / "amina.md"), "ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#access-path-error", FieldError).message
        assert error == f"There is no folder {tmp_path / 'nowhere'}."
        await pilot.press("end", "ctrl+u", *str(tmp_path / "amina.md"), "ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        for _ in range(40):
            if (tmp_path / "amina.md").exists():
                break
            await pilot.pause(0.05)
        text = (tmp_path / "amina.md").read_text()
        assert text.startswith("# Everything held about Amina Khan")
        assert "Worried about her visa" in text and "private notes" in text
        assert "Amina Khan to chair" in text  # the minutes that mention her
        assert stat.S_IMODE((tmp_path / "amina.md").stat().st_mode) == 0o600

        # JSON: the format chosen, the file's ending follows.
        await pilot.press("x")
        await wait_for_screen(pilot, AccessDialog)
        await pilot.press("end", "ctrl+u", *str(tmp_path / "amina.md"))
        app.screen.query_one("#access-format", Select).focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#access-path", Input).value == str(tmp_path / "amina.json")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        for _ in range(40):
            if (tmp_path / "amina.json").exists():
                break
            await pilot.pause(0.05)
        data = json.loads((tmp_path / "amina.json").read_text())
        assert data["about"] == "Amina Khan"
        assert any("Wrote everything held about Amina Khan" in n for n in notices(app))
