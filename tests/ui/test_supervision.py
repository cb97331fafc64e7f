"""Supervision by keyboard: start a review from Today, write the reflection, agree an action,
finish it and export it; the agreed action then waits on Today until it is done."""

from __future__ import annotations

import stat
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.widgets import Static

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    AgreedAction,
    LadderMove,
    LadderStage,
    Person,
    RelationalMeeting,
    ReviewStatus,
    SupervisionReview,
)
from organiser.models.supervision import Figure
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.supervision_dialogs import AgreedActionDialog, LineDialog, ReflectionDialog
from screens.supervision_export import ExportDialog
from screens.supervision_review import SupervisionReviewScreen
from screens.supervision_screen import SupervisionScreen
from screens.supervision_start import StartReviewDialog
from screens.today_screen import TodayScreen
from screens.widgets.review_parts import AgreedActionTable, CarriedTable, SuggestionList
from store.repository import TinyRepository
from tests.ui.conftest import (
    SIZE,
    has_id,
    notices,
    screen_text,
    tab_to,
    wait_for_screen,
    wait_for_today,
)

TODAY = date(2026, 11, 23)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with a Documents folder, where exports go by default."""
    (tmp_path / "Documents").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def person(repo: TinyRepository, name: str) -> Person:
    (found,) = [p for p in repo.list(Person) if p.name == name]
    return found


@pytest.fixture
def worked(filled: TinyRepository) -> TinyRepository:
    """A fortnight's work: three 1-2-1s held and Carol moved up the ladder."""
    amina, carol = person(filled, "Amina Khan"), person(filled, "Carol Evans")
    filled.save_all(
        [
            *(RelationalMeeting(person_id=amina.id, at=at(TODAY - timedelta(days=d)))
              for d in (1, 3, 8)),
            LadderMove(person_id=carol.id, on=TODAY - timedelta(days=4),
                       from_stage=LadderStage.CONTACT, to_stage=LadderStage.POTENTIAL_LEADER,
                       reason="Brought five neighbours"),
        ]
    )  # fmt: skip
    return filled


def shown(app: OrganiserApp, selector: str = "#review-heading") -> str:
    """What a line of the review says, wherever the review is scrolled to."""
    return str(app.screen.query_one(selector, Static).content)


def the_review(repo: TinyRepository) -> SupervisionReview:
    (review,) = repo.list(SupervisionReview)
    return review


async def test_start_from_today_reflect_agree_finish_export_and_see_the_action_on_today(
    worked: TinyRepository, clock: FixedClock, home: Path
) -> None:
    app = OrganiserApp(worked, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("v")
        await wait_for_screen(pilot, StartReviewDialog)
        text = screen_text(app)
        assert "Tue 10 Nov 2026" in text and "Mon 23 Nov 2026" in text  # the last fortnight
        await pilot.press(*"Sam Lead", "ctrl+s")
        await wait_for_screen(pilot, SupervisionReviewScreen)

        draft = the_review(worked)
        assert draft.status is ReviewStatus.DRAFT and draft.supervisor == "Sam Lead"
        assert (draft.period_start, draft.period_end) == (date(2026, 11, 10), TODAY)
        held = next(f for f in draft.figures if f.key == "one_to_ones")
        assert (held.value, held.target) == (3, 30)
        assert draft.suggested_moved == ["Carol Evans moved up to Potential leader on 19 Nov"]
        text = screen_text(app)
        assert "Supervision with Sam Lead" in text and "Draft" in text
        assert "1-2-1s held" in text
        assert "? Carol Evans moved up to Potential leader on 19 Nov" in text

        await pilot.press("k")  # keep the suggestion
        await pilot.pause()
        assert the_review(worked).moved == ["Carol Evans moved up to Potential leader on 19 Nov"]

        await pilot.press("w")
        await wait_for_screen(pilot, ReflectionDialog)
        await pilot.press(*"Asked for <40> & got 30 *yes*")
        await tab_to(pilot, has_id("review-weakness"))
        await pilot.press(*"I talk too much in first 1-2-1s")
        await tab_to(pilot, has_id("review-private_notes"))
        await pilot.press(*"Feeling stretched")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, SupervisionReviewScreen)

        await pilot.press("a")
        await wait_for_screen(pilot, AgreedActionDialog)
        await pilot.press(*"Block the mornings for 1-2-1s", "enter")
        assert app.focused is not None and app.focused.id == "agreed-owner"
        await pilot.press("enter", *"fri", "enter")  # the owner is the organiser already
        await wait_for_screen(pilot, SupervisionReviewScreen)

        before = the_review(worked)
        (action,) = before.agreed_actions
        assert (action.text, action.owner, action.due, action.done_on) == (
            "Block the mornings for 1-2-1s",
            "Jo Bloggs",
            date(2026, 11, 27),
            None,
        )
        assert before.went_well == "Asked for <40> & got 30 *yes*"
        assert before.weakness == "I talk too much in first 1-2-1s"
        assert before.private_notes == "Feeling stretched"

        await pilot.press("f")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, SupervisionReviewScreen)
        finished = the_review(worked)
        assert finished.status is ReviewStatus.FINISHED
        assert finished.figures == before.figures
        assert finished.agreed_actions == before.agreed_actions
        assert "Finished: figures frozen" in shown(app)

        # Later records do not rewrite it, and it can no longer be refreshed.
        amina = person(worked, "Amina Khan")
        worked.save(RelationalMeeting(person_id=amina.id, at=at(TODAY, 8)))
        await pilot.press("r")
        await pilot.pause()
        assert the_review(worked).figures == before.figures

        await pilot.press("x")
        await wait_for_screen(pilot, ExportDialog)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, SupervisionReviewScreen)
        exported = home / "Documents" / "supervision-review-2026-11-23.md"
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
        markdown = exported.read_text(encoding="utf-8")
        assert markdown.startswith("# Supervision review, 23 Nov 2026\n")
        assert "- **Supervisor:** Sam Lead" in markdown
        assert "- **Status:** Finished" in markdown
        assert "| 1-2-1s held | 3 | 30 | 0 | ↑ |" in markdown
        assert "## What moved\n\n- Carol Evans moved up to Potential leader on 19 Nov" in markdown
        assert "## What went well\n\nAsked for \\<40\\> & got 30 \\*yes\\*" in markdown
        assert "## A weakness to work on\n\nI talk too much in first 1-2-1s" in markdown
        assert "- [ ] Block the mornings for 1-2-1s — Jo Bloggs — due 27 Nov 2026" in markdown
        assert "Feeling stretched" not in markdown and "Private notes" not in markdown
        assert f"Exported to {exported}" in notices(app)

        await pilot.press("escape")
        await pilot.press("t")
        await wait_for_today(pilot)
        text = screen_text(app)
        assert "due 27 Nov  Agreed in supervision (Jo Bloggs): Block" in text
        await tab_to(pilot, has_id("today-follow-ups"))
        await pilot.press("enter")  # opens the review on that action
        await wait_for_screen(pilot, SupervisionReviewScreen)
        opened = app.screen
        assert isinstance(opened, SupervisionReviewScreen)
        assert opened.review.id == finished.id and opened.actions.current_id == action.id
        await pilot.press("escape")
        await wait_for_today(pilot)
        await tab_to(pilot, has_id("today-follow-ups"))
        await pilot.press("f")  # done: it leaves Today
        await pilot.pause()
        assert the_review(worked).agreed_actions[0].done_on == TODAY
        await pilot.pause()
        assert "Block the mornings" not in screen_text(app)


async def test_the_start_form_says_what_is_wrong_next_to_the_field(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await wait_for_screen(pilot, SupervisionScreen)
        assert "No supervision reviews yet: n starts one" in screen_text(app)
        await pilot.press("n")
        await wait_for_screen(pilot, StartReviewDialog)
        await tab_to(pilot, has_id("review-to"))
        await pilot.press("end", "ctrl+u", *"1 Nov 2026", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StartReviewDialog)
        text = screen_text(app)
        assert "Name the supervisor." in text
        assert "Period to: the period cannot end" in text  # beside the field it is about
        assert filled.list(SupervisionReview) == []
        await tab_to(pilot, has_id("review-supervisor"))
        await pilot.press(*"Sam Lead")
        await tab_to(pilot, has_id("review-to"))
        await pilot.press("end", "ctrl+u", *"sunday", "ctrl+s")  # nothing lost meanwhile
        await wait_for_screen(pilot, SupervisionReviewScreen)
        review = the_review(filled)
        assert (review.supervisor, review.period_start, review.period_end) == (
            "Sam Lead",
            date(2026, 11, 10),
            date(2026, 11, 29),
        )
        await pilot.press("escape")
        await wait_for_screen(pilot, SupervisionScreen)
        text = screen_text(app)
        assert "1 review, newest first" in text
        assert "Sam Lead" in text and "Draft" in text


def finished_before(repo: TinyRepository) -> SupervisionReview:
    return repo.save(
        SupervisionReview(
            at=at(TODAY - timedelta(days=14)),
            supervisor="Bernadette Quinn",
            period_start=TODAY - timedelta(days=28),
            period_end=TODAY - timedelta(days=15),
            status=ReviewStatus.FINISHED,
            figures=[Figure(key="one_to_ones", label="1-2-1s held", value=12, target=30)],
            agreed_actions=[AgreedAction(text="Ring the head teacher", owner="Jo Bloggs")],
        )
    )


async def test_lines_are_kept_dropped_and_added_and_last_time_s_actions_are_checked(
    worked: TinyRepository, clock: FixedClock, home: Path
) -> None:
    earlier = finished_before(worked)
    app = OrganiserApp(worked, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await wait_for_screen(pilot, SupervisionScreen)
        await pilot.press("n")
        await wait_for_screen(pilot, StartReviewDialog)
        assert "Bernadette Quinn" in screen_text(app)  # remembered
        assert "Mon 09 Nov 2026" in screen_text(app)  # the day after the last review's period
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, SupervisionReviewScreen)
        (review,) = [r for r in worked.list(SupervisionReview) if r.id != earlier.id]
        assert review.carried == [earlier.agreed_actions[0].id]
        screen = app.screen
        assert isinstance(screen, SupervisionReviewScreen)
        assert shown(app, "#review-carried-heading") == "Agreed last time, to check (1)"
        assert screen.carried.current_id == f"{earlier.id}/{earlier.agreed_actions[0].id}"

        await pilot.press("d")  # drop the one suggestion of what moved
        await pilot.pause()
        await pilot.press("n")
        await wait_for_screen(pilot, LineDialog)
        await pilot.press(*"Head agreed to a core team", "enter")
        await wait_for_screen(pilot, SupervisionReviewScreen)
        stored = worked.get(SupervisionReview, review.id)
        assert stored is not None
        assert stored.moved == ["Head agreed to a core team"]
        assert stored.dropped == ["Carol Evans moved up to Potential leader on 19 Nov"]
        assert stored.suggested_moved == []

        await tab_to(pilot, lambda w: isinstance(w, CarriedTable))
        await pilot.press("space")  # rang the head: done
        await pilot.pause()
        again = worked.get(SupervisionReview, earlier.id)
        assert again is not None and again.agreed_actions[0].done_on == TODAY

        await pilot.press("r")  # a draft is worked out again; the dropped line stays dropped
        await app.workers.wait_for_complete()
        await pilot.pause()
        stored = worked.get(SupervisionReview, review.id)
        assert stored is not None and stored.suggested_moved == []
        assert notices(app)[-1] == "The figures are up to date"

        await pilot.press("w")
        await wait_for_screen(pilot, ReflectionDialog)
        await tab_to(pilot, has_id("review-private_notes"))
        await pilot.press(*"Feeling stretched", "ctrl+s")
        await wait_for_screen(pilot, SupervisionReviewScreen)
        await pilot.press("x")
        await wait_for_screen(pilot, ExportDialog)
        await tab_to(pilot, has_id("export-format"))
        await pilot.press("enter", "down", "enter")  # a web page
        await tab_to(pilot, has_id("export-private"))
        await pilot.press("space", "ctrl+s")
        await wait_for_screen(pilot, SupervisionReviewScreen)
        page = (home / "Documents" / "supervision-review-2026-11-23.html").read_text()
        assert page.startswith("<!DOCTYPE html>")
        assert "Head agreed to a core team" in page and "Feeling stretched" in page

        # The file is there: exporting again asks before replacing it.
        await pilot.press("x")
        await wait_for_screen(pilot, ExportDialog)
        await tab_to(pilot, has_id("export-format"))
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("n")
        await wait_for_screen(pilot, SupervisionReviewScreen)


async def test_trends_are_drawn_and_every_key_has_an_id(
    worked: TinyRepository, clock: FixedClock
) -> None:
    finished_before(worked)
    current = worked.save(
        SupervisionReview(
            at=at(TODAY),
            supervisor="Bernadette Quinn",
            period_start=TODAY - timedelta(days=14),
            period_end=TODAY,
            status=ReviewStatus.FINISHED,
            figures=[
                Figure(key="one_to_ones", label="1-2-1s held", value=24, target=30, previous=12)
            ],
        )  # fmt: skip
    )
    app = OrganiserApp(worked, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(SupervisionReviewScreen(worked, clock, current))
        await wait_for_screen(pilot, SupervisionReviewScreen)
        lines = screen_text(app).splitlines()
        (dates,) = [line for line in lines if " 8 Nov " in line and " 23 Nov " in line]
        (label,) = [i for i, line in enumerate(lines) if line.strip().startswith("1-2-1s held")
                    and "█" in line]  # fmt: skip
        assert "████" in lines[label + 1]  # the taller bar: 24 against 12
        assert "12" in lines[label + 2] and "24" in lines[label + 2]
        assert "Finished: figures frozen" in shown(app)
        footer = lines[-1]
        assert "x Export" in footer and "f Finish" not in footer and "r Refresh" not in footer

    kinds: list[type[Any]] = [
        SupervisionScreen,
        SupervisionReviewScreen,
        StartReviewDialog,
        ReflectionDialog,
        LineDialog,
        AgreedActionDialog,
        ExportDialog,
        SuggestionList,
        AgreedActionTable,
        CarriedTable,
    ]
    for kind in kinds:
        for binding in vars(kind)["BINDINGS"]:
            assert isinstance(binding, Binding) and binding.id and binding.description, binding
