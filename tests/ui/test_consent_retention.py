"""Consent edited in full in the person dialog, lapsed consent flagged in the list and on the
person, and the retention sweep: keep, change the period, erase. Each checks what the
repository holds afterwards."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.widgets import Checkbox, Input, Select

from organiser.clock import FixedClock
from organiser.models import AuditEntry, LawfulBasis, Person, Profile, RelationalMeeting
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.erasure_dialogs import ErasureDialog
from screens.people_screen import PeopleScreen
from screens.person_detail import PersonDetailScreen
from screens.person_dialog import PersonDialog
from screens.retention_months import MonthsDialog
from screens.retention_screen import RetentionScreen
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import (
    SIZE,
    go_to_people,
    has_id,
    inside,
    screen_text,
    tab_to,
    wait_for_screen,
)


def named(repo: TinyRepository, name: str) -> Person:
    return next(p for p in repo.list(Person) if p.name == name)


async def test_the_dialog_edits_every_part_of_a_consent_with_clear_messages(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("e")  # Amina, first by name
        await wait_for_screen(pilot, PersonDialog)
        await tab_to(pilot, inside("consent-to-record", Checkbox))
        await pilot.press("space")  # given: today and "consent" fill in
        await pilot.pause()
        basis = app.screen.query_one("#consent-to-record Select", Select)
        assert basis.value is LawfulBasis.CONSENT
        await tab_to(pilot, inside("consent-to-record", Select))
        await pilot.press("enter", "down", "enter")  # legitimate interests
        await pilot.pause()
        await tab_to(pilot, lambda w: w.has_class("consent-source") and w.parent is not None
                     and w.parent.parent is app.screen.query_one("#consent-to-record"))  # fmt: skip
        await pilot.press(*"sign-up sheet at the assembly")
        await tab_to(pilot, lambda w: w.has_class("consent-expires") and w.parent is not None
                     and w.parent.parent is app.screen.query_one("#consent-to-record"))  # fmt: skip
        await pilot.press(*"31/2/2027", "ctrl+s")
        await pilot.pause()
        # A date that cannot be: said next to the consent, the expiry field focused again.
        error = app.screen.query_one("#consent-to-record-error", FieldError).message
        assert error == "The day it expires: there is no 31 February 2027"
        assert app.focused is not None and app.focused.has_class("consent-expires")
        await pilot.press("end", "ctrl+u", *"1/1/2020", "ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#consent-to-record-error", FieldError).message
        assert error == "Consent to keep notes expires before the day it was given"
        assert named(filled, "Amina Khan").consent_to_record.given is False  # nothing saved
        await pilot.press("end", "ctrl+u", *"23/11/2028", "ctrl+s")
        await wait_for_screen(pilot, PeopleScreen)
        consent = named(filled, "Amina Khan").consent_to_record
        assert consent.given and consent.on == clock.today()
        assert consent.basis is LawfulBasis.LEGITIMATE_INTERESTS
        assert consent.source == "sign-up sheet at the assembly"
        assert consent.expires == date(2028, 11, 23)


async def test_lapsed_consent_is_flagged_filtered_and_put_right(
    filled: TinyRepository, clock: FixedClock
) -> None:
    """Amina has notes but no consent to keep them; Carol's consent to contact expired."""
    carol = named(filled, "Carol Evans")
    filled.save(
        carol.evolve(
            consent_to_contact={"given": True, "on": date(2024, 1, 1), "expires": date(2025, 1, 1)}
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_people(pilot)
        text = screen_text(app)
        assert "3 people · 2 lapsed consent (C)" in text
        rows = {line.split("  ")[0].strip(): line for line in text.splitlines() if "@" in line}
        assert rows["Amina Khan"].rstrip().endswith("lapsed")
        assert not rows["Bilal Hussain"].rstrip().endswith("lapsed")
        await pilot.press("C")
        await pilot.pause()
        assert list(screen.table.shown_ids) == [
            named(filled, n).id for n in ("Amina Khan", "Carol Evans")
        ]
        assert "2 of 3 with lapsed consent (C: all)" in screen_text(app)
        await pilot.press("down", "enter")
        await wait_for_screen(pilot, PersonDetailScreen)
        assert "Consent lapsed: consent to be contacted expired on Wed 01 Jan 2025." in (
            screen_text(app)
        )
        # Renewing it takes the flag away, on the person and in the list.
        await pilot.press("e")
        await wait_for_screen(pilot, PersonDialog)
        expires = app.screen.query_one("#consent-to-contact .consent-expires", Input)
        expires.focus()
        await pilot.press("end", "ctrl+u", *"1/1/2028")
        on = app.screen.query_one("#consent-to-contact .consent-on", Input)
        on.focus()
        await pilot.press("end", "ctrl+u", *"today", "ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        assert "Consent lapsed" not in screen_text(app)
        assert named(filled, "Carol Evans").consent_to_contact.expires == date(2028, 1, 1)
        await pilot.press("escape")
        await wait_for_screen(pilot, PeopleScreen)
        assert list(screen.table.shown_ids) == [named(filled, "Amina Khan").id]


def quiet_alliance(repo: TinyRepository, clock: FixedClock) -> tuple[Person, Person, Person]:
    """Three people last seen about three years ago, one met last month."""
    now = clock.at
    clock.at = now - timedelta(days=3 * 365 + 60)
    old = repo.save_all(
        [Person(name="Olive Old"), Person(name="Quentin Quiet"), Person(name="Wanda Whisper")]
    )
    clock.at = now
    repo.save(Profile(organiser_name="Jo Bloggs"))
    recent = repo.save(Person(name="Rita Recent"))
    repo.save(RelationalMeeting(person_id=recent.id, at=now - timedelta(days=30)))
    repo.save(
        RelationalMeeting(
            person_id=old[1].id,
            at=datetime(2024, 6, 3, 10, tzinfo=clock.tz),
            story="Wanda Whisper's neighbour",
        )
    )
    olive, quentin, wanda = (p for p in old if isinstance(p, Person))
    return olive, quentin, wanda


async def test_the_retention_sweep_keeps_changes_the_period_and_erases(
    repo: TinyRepository, clock: FixedClock
) -> None:
    olive, quentin, wanda = quiet_alliance(repo, clock)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("R")
        await wait_for_screen(pilot, RetentionScreen)
        screen = app.screen
        assert isinstance(screen, RetentionScreen)
        text = screen_text(app)
        assert "3 people have had no activity for 24 months (since Sat 23 Nov 2024)" in text
        order = [text.index(n) for n in ("Olive Old", "Wanda Whisper", "Quentin Quiet")]
        assert order == sorted(order)  # longest quiet first; Quentin had a 1-2-1 in 2024
        assert "Rita Recent" not in text

        await pilot.press("k")  # keep Olive: reviewed today
        await pilot.pause()
        assert repo.get(Person, olive.id).reviewed_on == clock.today()  # type: ignore[union-attr]
        assert "Olive Old" not in screen_text(app)

        await pilot.press("m")
        await wait_for_screen(pilot, MonthsDialog)
        await pilot.press("end", "ctrl+u", *"two years", "ctrl+s")
        await pilot.pause()
        assert "Months: type a whole number" in screen_text(app)
        await pilot.press("end", "ctrl+u", *"36", "ctrl+s")
        await wait_for_screen(pilot, RetentionScreen)
        profile = repo.profile()
        assert profile is not None and profile.retention_months == 36
        text = screen_text(app)
        assert "1 person has had no activity for 36 months" in text
        assert "Wanda Whisper" in text and "Quentin Quiet" not in text

        # Erase Wanda: final, says so, asks why (the sweep's reason filled in), one mention.
        await pilot.press("E")
        await wait_for_screen(pilot, ErasureDialog)
        text = screen_text(app)
        assert "This is final." in text and "not even from a backup" in text
        assert app.screen.query_one("#erasure-reason", Input).value == (
            "Retention review: no activity since September 2023"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Mention 1 of 1: “Wanda Whisper”. Replace it?" in screen_text(app)
        await pilot.press("r")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        for _ in range(40):
            await pilot.pause(0.05)
            if repo.get(Person, wanda.id) is None and "Erasures" in screen_text(app):
                break
        await wait_for_screen(pilot, RetentionScreen)
        assert repo.get(Person, wanda.id) is None
        story = next(m.story for m in repo.list(RelationalMeeting) if m.person_id == quentin.id)
        assert story == "[erased]'s neighbour"
        [audit] = repo.list(AuditEntry)
        assert audit.reason == "Retention review: no activity since September 2023"
        text = screen_text(app)
        assert "No one has had no activity for 36 months" in text
        [logged] = [line for line in text.splitlines() if "A person erased" in line]
        assert "Retention review: no activity" in logged and "1 replaced, 0 kept" in logged
        assert "Wanda" not in text


async def test_a_bad_retention_period_is_refused_next_to_the_field(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("R")
        await wait_for_screen(pilot, RetentionScreen)
        assert "No one has had no activity for 24 months" in screen_text(app)
        await pilot.press("m")
        await wait_for_screen(pilot, MonthsDialog)
        await tab_to(pilot, has_id("months"))
        await pilot.press("end", "ctrl+u", *"999", "enter")
        await pilot.pause()
        assert "Months: 999 is outside 1 to 240" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, RetentionScreen)
        profile = filled.profile()
        assert profile is not None and profile.retention_months == 24
