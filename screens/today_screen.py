"""Today: what the organiser should do, at one glance, each item one Enter away from its record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.periods import Period, PeriodKind
from organiser.repository import Repository
from screens.feedback import refuse_if_read_only, report, report_failed_worker
from screens.today_lines import ItemRef, Section, preview_sections
from screens.widgets.nav_bar import NavBar
from screens.widgets.read_only_banner import ReadOnlyBanner

if TYPE_CHECKING:
    # The domain, its models and the lines made from them are imported once there are
    # records to read: the kept Today (screens/today_lines.py) paints before they are.
    from organiser.models import Person, Profile
    from organiser.today import TodaySummary

#: What each list and the rate line say until the summary has been built.
LOADING = "Loading…"

#: What the date line adds while the database opens behind what Today showed last time.
OPENING = "opening the database…"
#: Seconds after the database opens behind the kept Today before its live summary is built.
LIVE_SUMMARY_DELAY = 2.0

#: The periods `w` steps through for the 1-2-1 rate.
RATE_PERIODS = (
    PeriodKind.THIS_WEEK,
    PeriodKind.LAST_4_WEEKS,
    PeriodKind.THIS_QUARTER,
    PeriodKind.THIS_YEAR,
)


class TodayList(OptionList):
    """One section of Today; its options' ids say which record they open."""

    BINDINGS = [Binding("enter", "select", "Open", id="today.open")]


class TodayScreen(Screen[None]):
    """Built from the records each time it is shown, so it is never out of date."""

    BINDINGS = [
        Binding("f", "tick_follow_up", "Done", id="today.tick"),
        Binding("w", "next_period", "Rate period", id="today.period"),
        Binding("r", "refresh", "Refresh", id="today.refresh"),
        Binding("v", "start_review", "Supervision review", id="today.review"),
        Binding("plus", "quick_capture", "Quick add", key_display="+", id="today.quick-capture"),
    ]

    def __init__(
        self, repo: Repository, clock: Clock, *, preview: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.repo = repo
        self.clock = clock
        #: What Today showed when the app last closed, painted while the database opens.
        self._preview = preview
        self._kept: Mapping[str, Any] = {}
        self.summary: TodaySummary | None = None
        self._just_mounted = False
        self.profile: Profile | None = None
        self.period_index = 0
        self._requested = 0  # summaries asked for, and the last one shown
        self._shown = 0
        self._announced = False  # whether SummaryShown has been posted

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("today")
        if self.repo.read_only:
            yield ReadOnlyBanner()
        yield Static(id="today-rate")
        with Grid(id="today-grid"):
            yield TodayList(id="today-booked")
            yield TodayList(id="today-follow-ups")
            yield TodayList(id="today-cold")
            yield TodayList(id="today-renewals")
            yield TodayList(id="today-trainings")
            yield TodayList(id="today-nominated")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Today"
        self.sub_title = f"{self.clock.today():%A %d %B %Y}"
        if not self._show_preview():
            self.query_one("#today-rate", Static).update(Text(LOADING, style="dim"))
            for section in self.query(TodayList):
                section.add_option(Option(Text(LOADING, style="dim"), disabled=True))
            if self.opening:  # the first start of a day: nothing kept is today's
                self.sub_title = f"{self.clock.today():%A %d %B %Y} · {OPENING}"
        if not self.opening:  # else once the database is open (database_opened)
            self.refresh_summary()
        self._just_mounted = True
        self.query_one("#today-booked", TodayList).focus()

    def _show_preview(self) -> bool:
        """Paint what Today showed when the app last closed, if it was kept."""
        found = preview_sections(self._preview) if self._preview is not None else None
        self._kept, self._preview = self._preview or {}, None
        if found is None:
            return False
        rate, sections = found
        self._note(0, self.clock.today(), self._kept)
        self.sub_title = f"{self.clock.today():%A %d %B %Y} · {OPENING}"
        self.query_one("#today-rate", Static).update(rate)
        self._fill_sections(sections)
        return True

    def database_opened(self) -> None:
        """The database behind the kept Today is open: its lines can be opened and ticked
        (they are those the database gives; the live summary follows when it is built)."""
        if self.summary is None:
            self.sub_title = f"{self.clock.today():%A %d %B %Y}"
        self.refresh_bindings()
        if not self._kept:  # Today says it is loading: build it now
            self.refresh_summary()
            return
        # The kept lines are what the database gives today, so the live summary can wait a
        # moment: the organiser's first keys have the processor meanwhile.
        self.set_timer(LIVE_SUMMARY_DELAY, self._live_summary)

    def _live_summary(self) -> None:
        if self.summary is None and self._requested == 0:
            self.refresh_summary()

    @property
    def opening(self) -> bool:
        """Whether the database is still being opened (Today shows the kept preview)."""
        return bool(getattr(self.app, "opening", False))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.opening:
            return None  # shown, but not yet usable
        return True

    def on_screen_resume(self) -> None:
        """Coming back to Today shows what changed meanwhile (not on the first showing, which
        on_mount has just built)."""
        if self._just_mounted:
            self._just_mounted = False
        elif self.summary is not None:
            self.refresh_summary()

    @property
    def summary_ready(self) -> bool:
        """Whether the lists show the summary asked for last (it is built in a thread)."""
        return self._shown == self._requested

    def refresh_summary(self) -> None:
        """Build the summary off the main thread, so the screen paints at once and typing
        never waits for it; the lists say "Loading…" until the first one arrives."""
        self._requested += 1
        self._build_summary(self._requested)

    @work(thread=True, exclusive=True, group="today-summary", exit_on_error=False)
    def _build_summary(self, request: int) -> None:
        from organiser.models import Profile
        from organiser.today import build_today
        from screens.today_preview import shown_today

        changes = getattr(self.app, "changes", None)  # how many the app had heard of by now
        try:
            stored = self.repo.profile()
            profile = stored or Profile(organiser_name="Organiser")
            summary = build_today(self.repo, profile, self.clock.today())
        except OrganiserError as error:
            self.app.call_from_thread(self._failed, request, error)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_summary, request, profile, summary)
            if stored is not None and changes is not None:
                self._note(changes, summary.day, shown_today(summary, profile))

    def _note(self, changes: int, day: date, shown: Mapping[str, Any]) -> None:
        """Tell the app what Today shows, as of `changes` (for it to keep at close)."""
        note = getattr(self.app, "note_today", None)
        if note is not None:
            note(changes, day, shown)

    class SummaryShown(Message):
        """Today shows its first summary (or why it cannot): the app's slower jobs may start."""

    def _first_shown(self) -> None:
        if not self._announced:
            self._announced = True
            self.post_message(self.SummaryShown())

    def _failed(self, request: int, error: OrganiserError) -> None:
        if request == self._requested:
            self._shown = request
        report(self, error, "Cannot read the database")
        self._first_shown()

    def _show_summary(self, request: int, profile: Profile, summary: TodaySummary) -> None:
        if request != self._requested:
            return  # a newer summary is on its way
        self.profile = profile
        self.summary = summary
        self.sub_title = f"{summary.day:%A %d %B %Y}"
        self._show_rate()
        self._fill(summary, profile)
        self._shown = request
        self._first_shown()

    def _show_rate(self) -> None:
        from organiser.metrics import one_to_one_rate
        from organiser.models import RelationalMeeting
        from screens.today_items import rate_text

        assert self.summary is not None and self.profile is not None
        kind = RATE_PERIODS[self.period_index]
        if kind is PeriodKind.THIS_WEEK:
            rate = self.summary.rate
        else:
            period = Period.named(kind, self.summary.day)
            rate = one_to_one_rate(self.repo.list(RelationalMeeting), period, self.profile)
        self.query_one("#today-rate", Static).update(rate_text(rate))

    def _fill(self, summary: TodaySummary, profile: Profile) -> None:
        from screens.today_sections import today_sections

        self._fill_sections(today_sections(summary, profile))

    def _fill_sections(self, sections: Sequence[Section]) -> None:
        for found in sections:
            section = self.query_one(found.selector, TodayList)
            highlighted = section.highlighted
            section.border_title = found.title
            section.clear_options()
            section.add_options(found.options)
            if found.filled:
                section.highlighted = min(highlighted or 0, len(found.options) - 1)

    def _current(self) -> ItemRef | None:
        focused = self.focused
        if not isinstance(focused, TodayList) or focused.highlighted is None:
            return None
        option = focused.get_option_at_index(focused.highlighted)
        return ItemRef.parse(option.id) if option.id else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.opening:
            self.notify("Still opening the database: a moment…", markup=False)
        elif event.option.id:
            self.open_item(ItemRef.parse(event.option.id))

    def open_item(self, item: ItemRef) -> None:
        """Open the record behind an item: a person for a cold leader, the 1-2-1 otherwise."""
        from screens.openers import open_record

        open_record(self, self.repo, self.clock, item.kind, item.record_id)

    def action_next_period(self) -> None:
        self.period_index = (self.period_index + 1) % len(RATE_PERIODS)
        if self.summary is not None:
            self._show_rate()
        elif self._requested == 0:  # the kept Today, its live summary not yet asked for
            self.refresh_summary()

    def action_refresh(self) -> None:
        self.refresh_summary()

    def action_tick_follow_up(self) -> None:
        """Tick the chosen follow-up or meeting action point done today."""
        item = self._current()
        if item is None or item.kind not in ("follow_up", "action_point", "agreed_action"):
            self.notify(
                "Choose a follow-up or action point first (tab to the follow-ups list).",
                markup=False,
            )
            return
        if refuse_if_read_only(self, self.repo):
            return
        if item.kind == "action_point":
            self._tick_point(item.record_id)
        elif item.kind == "agreed_action":
            self._tick_agreed(item.record_id)
        else:
            self._tick(item.record_id)

    @work(exit_on_error=False)
    async def _tick_point(self, reference: str) -> None:
        from organiser.meetings import find_point, mark_done
        from organiser.models import Meeting

        meeting_id, _, point_id = reference.partition("/")
        meeting = self.repo.get(Meeting, meeting_id)
        point = find_point(meeting, point_id) if meeting else None
        if meeting is None or point is None:
            self.notify("That action point is no longer on record.", severity="warning")
            return
        self.repo.save(mark_done(meeting, point_id, self.clock.today()))
        self.notify(f"Action point done: {point.text}", markup=False)
        self.refresh_summary()

    @work(exit_on_error=False)
    async def _tick_agreed(self, reference: str) -> None:
        from organiser.models import SupervisionReview
        from organiser.supervision import find_action, set_done

        found = find_action(self.repo.list(SupervisionReview), reference)
        if found is None:
            self.notify("That agreed action is no longer on record.", severity="warning")
            return
        self.repo.save(set_done(found.review, found.action.id, self.clock.today()))
        self.notify(f"Agreed action done: {found.action.text}", markup=False)
        self.refresh_summary()

    def action_quick_capture(self) -> None:
        """A 1-2-1 in one line (the app's + key, shown here where there is room for it)."""
        from screens.quick_capture import start_quick_capture

        start_quick_capture(self, self.repo, self.clock)

    @work(exclusive=True, group="today-review", exit_on_error=False)
    async def action_start_review(self) -> None:
        """Start a supervision review, filled in from the records, and open it."""
        from screens.supervision_review import start_and_open

        await start_and_open(self, self.repo, self.clock)

    @work(exit_on_error=False)
    async def _tick(self, meeting_id: str) -> None:
        from organiser.models import Person, RelationalMeeting

        meeting = self.repo.get(RelationalMeeting, meeting_id)
        if meeting is None:
            self.notify("That 1-2-1 is no longer on record.", severity="warning", markup=False)
            return
        done = meeting.evolve(follow_up_done_on=self.clock.today())
        self.repo.save(done)
        person = self.repo.get(Person, meeting.person_id)
        who = person.name if person else "someone"
        self.notify(f"Follow-up with {who} done: {meeting.follow_up}", markup=False)
        self.refresh_summary()

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(self, event)

    def one_to_one_person(self) -> Person | None:
        """Logging from Today asks who the 1-2-1 was with."""
        return None

    def one_to_ones_changed(self) -> None:
        self.refresh_summary()
