"""The Organiser app: the shell that holds the screens, the global keys and the palette."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.repository import Repository
from organiser.undo import UndoHistory
from organiser.watched import WatchedRepository
from screens.commands import BindingCommands, commands_for
from screens.feedback import refuse_if_read_only, report
from screens.lazy import lazy_screen
from screens.memory import MemoryKeeper
from screens.today_screen import TodayScreen
from screens.undo_keeper import undo_last

if TYPE_CHECKING:
    from screens.calendar_keeper import DiaryKeeper

#: Seconds a hang-up waits for the tidy close before the app leaves without it.
HANGUP_GRACE = 10.0
#: Seconds after start before every record is read through (screens/record_check.py) if
#: Today has not shown its summary by then.
RECORD_CHECK_DELAY = 3.0
#: Actions that need a profile (after the welcome) before they make sense.
NEEDS_PROFILE = frozenset(
    {"show", "log_one_to_one", "quick_capture", "edit_profile", "export_diary", "find"}
)


def _leave_after_grace() -> None:
    time.sleep(HANGUP_GRACE)
    os._exit(0)


class OrganiserApp(App[str | None]):
    """Receives its repository and clock; knows nothing of how records are stored."""

    TITLE = "Organiser"
    CSS_PATH = "organiser.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    # The area keys are shown in each area's navigation bar rather than the footer, which
    # has room at 120 columns only for the screen's own keys and these few.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "show('today')", "Today", show=False, id="app.today"),
        Binding("p", "show('people')", "People", show=False, id="app.people"),
        Binding("o", "show('one_to_ones')", "1-2-1s list", show=False, id="app.one-to-ones"),
        Binding("i", "show('institutions')", "Institutions", show=False, id="app.institutions"),
        Binding("g", "show('leaders')", "Leaders", show=False, id="app.leaders"),
        Binding("W", "show('training')", "Training", show=False, id="app.training"),
        Binding("L", "show('listening')", "Listening campaigns", show=False, id="app.listening"),
        Binding("c", "show('campaigns')", "Campaigns", show=False, id="app.campaigns"),
        Binding("a", "show('actions')", "Public actions", show=False, id="app.actions"),
        Binding("m", "show('meetings')", "Meetings", show=False, id="app.meetings"),
        Binding("F", "show('fundraising')", "Fundraising", show=False, id="app.fundraising"),
        Binding("S", "show('supervision')", "Supervision", show=False, id="app.supervision"),
        Binding("l", "log_one_to_one", "Log a 1-2-1", id="app.log-one-to-one"),
        # Not in the footer (no room at 120 columns): every notice after a change it can take
        # back names it ("— u to undo"), as do Help and the palette.
        Binding("u", "undo", "Undo the last change", show=False, id="app.undo"),
        Binding("plus", "quick_capture", "Quick add", key_display="+", show=False,
                id="app.quick-capture"),
        Binding("comma", "edit_profile", "Profile and targets", key_display=",", show=False,
                id="app.profile"),
        Binding("D", "export_diary", "Export to diary", show=False, id="app.export-diary"),
        Binding("ctrl+f", "find", "Find anywhere", key_display="^f", show=False, id="app.find"),
        Binding("X", "transfer", "Import and export", show=False, id="app.transfer"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-anywhere"),
    ]

    def __init__(
        self,
        repo: Repository,
        clock: Clock,
        *,
        warnings: Sequence[str] = (),
        diary_path: Path | None = None,
        on_hangup: Callable[[], None] | None = None,
        kept: str | None = None,
        preview: Mapping[str, Any] | None = None,
        until_open: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        """`until_open`, when given, says the database is still being opened in a thread:
        it waits for that and returns the opening's warnings (or raises its error, and the
        app closes so the command line can deal with it). Meanwhile Today shows `preview`,
        what it showed when the app last closed (screens/today_preview.py)."""
        super().__init__()
        self._until_open = until_open
        #: Whether the database is still opening: only quitting and help work meanwhile.
        self.opening = until_open is not None
        #: Where and for whom the database keeps things, as the Welcome says it (a team's).
        self.kept = kept
        self._on_hangup = on_hangup
        # Every change is heard, so the diary file can be kept up to date (screens/calendar_*).
        repo = watched = WatchedRepository(repo)
        #: How many changes have been made this session; what Today last showed, as of when.
        self.changes = 0
        watched.subscribe(self._count_change)
        self._today: tuple[int, date, Mapping[str, Any]] | None = None
        self._watched = watched
        #: Keeps the diary file up to date, once the database is open (`_start`).
        self.diary_keeper: DiaryKeeper | None = None
        # The last changes, in memory only, so `u` can take them back (organiser/undo.py).
        repo = self.undo_history = UndoHistory(watched, clock)
        self.diary_path = diary_path or Path.home() / "organiser.ics"
        self.repo = repo
        self.clock = clock
        self.warnings = tuple(warnings)
        self.has_profile = False
        self._record_check_started = False
        self.memory_keeper = MemoryKeeper()
        #: Whether every record has been read through once (in a thread, after start).
        self.records_checked = False
        # Only Today is imported at start; each other area the first time it is opened.
        areas: dict[str, Callable[[Repository, Clock], Screen[Any]]] = {
            "today": lambda repo, clock: TodayScreen(repo, clock, preview=self._take_preview()),
            "people": lazy_screen("screens.people_screen", "PeopleScreen"),
            "one_to_ones": lazy_screen("screens.one_to_one_list", "OneToOnesScreen"),
            "institutions": lazy_screen("screens.institutions_screen", "InstitutionsScreen"),
            "leaders": lazy_screen("screens.ladder_screen", "LadderScreen"),
            "training": lazy_screen("screens.training_screen", "TrainingScreen"),
            "listening": lazy_screen("screens.listening_screen", "ListeningScreen"),
            "campaigns": lazy_screen("screens.campaigns_screen", "CampaignsScreen"),
            "actions": lazy_screen("screens.actions_screen", "ActionsScreen"),
            "meetings": lazy_screen("screens.meetings_screen", "MeetingsScreen"),
            "supervision": lazy_screen("screens.supervision_screen", "SupervisionScreen"),
            "fundraising": lazy_screen("screens.fundraising_screen", "FundraisingScreen"),
        }
        self._preview = preview
        for mode, screen in areas.items():
            self.add_mode(mode, lambda screen=screen: self._new_area(screen(repo, clock)))  # type: ignore[misc]

    def _new_area(self, screen: Screen[Any]) -> Screen[Any]:
        """An area's screen, made the first time it is opened. Textual restyles the whole app
        (parsing every stylesheet again, twice over) for a screen whose styles may be out of
        date; one made just now is styled as it mounts, so it is marked up to date."""
        screen._css_update_count = self._css_update_count
        return screen

    def _count_change(self, kinds: frozenset[str]) -> None:
        self.changes += 1

    def note_today(self, changes: int, day: date, shown: Mapping[str, Any]) -> None:
        """Today shows `shown` for `day`, built when `changes` changes had been made."""
        self._today = (changes, day, shown)

    def today_to_keep(self, day: date) -> Mapping[str, Any] | None:
        """What Today shows for `day` if nothing has changed since it was built, to keep at
        close (screens/today_preview.py); None if it must be built afresh."""
        if self._today is None:
            return None
        changes, shown_day, shown = self._today
        return shown if changes == self.changes and shown_day == day else None

    def _take_preview(self) -> Mapping[str, Any] | None:
        preview, self._preview = self._preview, None
        return preview

    def on_mount(self) -> None:
        self._exit_on_hangup()
        self.memory_keeper.start(self)
        if self.opening:
            self.has_profile = True  # Today was kept, so there is one
            self.switch_mode("today")
            # After the first frame: it has the processor to itself meanwhile.
            self.call_after_refresh(self._wait_until_open)
            return
        self._start(self.warnings)

    @work(thread=True, exit_on_error=False, group="open")
    def _wait_until_open(self) -> None:
        assert self._until_open is not None
        try:
            warnings = self._until_open()
        except BaseException:  # the command line has the error, and says what went wrong
            self.call_from_thread(self.exit)
            return
        self.call_from_thread(self._opened, warnings)

    def _opened(self, warnings: Sequence[str]) -> None:
        self.opening = False
        self.refresh_bindings()
        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen):
                screen.database_opened()
        self._start(warnings)

    def _start(self, warnings: Sequence[str]) -> None:
        """Once the database is open: keep the diary, check the records, say what to."""
        from screens.calendar_keeper import DiaryKeeper

        self.diary_keeper = DiaryKeeper(self, self._watched, self.clock)
        self.diary_keeper.start()
        # Once Today's summary is in (or after a few seconds on any other first screen), so
        # the first frame and the summary have the processor to themselves.
        self.set_timer(RECORD_CHECK_DELAY, self._record_check_due)
        for warning in warnings:
            self.notify(warning, title="Warning", severity="warning", timeout=20, markup=False)
        if self.current_mode == "today":
            return  # opened behind the kept Today, which is building its summary
        try:
            self.has_profile = self.repo.profile() is not None
        except OrganiserError as error:
            report(self.screen, error, "Cannot read the database")
            self.has_profile = True  # show what can be shown rather than offer to start over
        if self.has_profile:
            self.switch_mode("today")
        else:
            from screens.welcome import WelcomeScreen

            kept = {"kept": self.kept} if self.kept else {}
            welcome = WelcomeScreen(self.repo, self.clock, **kept)
            self.push_screen(welcome, self._welcomed)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.memory_keeper.touched()
        await super().on_event(event)

    def on_today_screen_summary_shown(self) -> None:
        self._start_record_check()

    def _record_check_due(self) -> None:
        """The check's timer: it waits for Today's first summary rather than compete with
        it for the processor (both read every 1-2-1) on a large database."""
        if not self.is_running:
            return
        try:
            screen = self.screen
        except ScreenStackError:
            return  # closing
        if isinstance(screen, TodayScreen) and not screen.summary_ready:
            return  # SummaryShown starts it
        self._start_record_check()

    def _start_record_check(self) -> None:
        if not self._record_check_started:
            self._record_check_started = True
            self._check_records()

    @work(thread=True, exit_on_error=False, group="record-check")
    def _check_records(self) -> None:
        """Validate every record off the main thread (see screens/record_check.py)."""
        from screens.record_check import offer_restore, read_every_record

        damaged = read_every_record(self.repo)
        # The records just read are kept for the session, like the database the command
        # line froze after loading it: keep the collector from walking them while typing.
        gc.freeze()
        self.records_checked = True
        if damaged is not None:
            self.call_from_thread(offer_restore, self, damaged)

    def _exit_on_hangup(self) -> None:
        """A polite kill (SIGTERM) ends the app the normal way, so the database is tidied
        and unlocked. A closed terminal (SIGHUP) cannot be written to or restored, and
        Textual may already be waiting for ever to write there: so the app keeps the diary
        and hands over to `on_hangup` (which closes the database and leaves) as soon as its
        loop is free, and if it is not free within `HANGUP_GRACE` seconds, leaves anyway.
        Leaving without the tidy close loses nothing: every save is already on disk, and the
        next start picks it up from the journal, as after a power cut."""
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGTERM, self.exit)
            if self._on_hangup is None:
                loop.add_signal_handler(signal.SIGHUP, self.exit)
                return

            def hung_up(number: int, frame: object) -> None:
                # Runs at once in the main thread, even while it waits on the terminal, and
                # before the SIGCONT a hang-up brings, whose handler (Textual's) would start
                # writing to the dead terminal again: that one is dropped.
                signal.signal(signal.SIGCONT, signal.SIG_IGN)
                threading.Thread(target=_leave_after_grace, name="hang-up", daemon=True).start()
                loop.call_soon_threadsafe(self._hung_up)

            signal.signal(signal.SIGHUP, hung_up)

    def _hung_up(self) -> None:
        assert self._on_hangup is not None
        if self.diary_keeper is not None:
            self.diary_keeper.flush()
        self._on_hangup()

    def _welcomed(self, _: None) -> None:
        self.has_profile = True
        self.switch_mode("today")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.opening and action not in ("quit", "help", "command_palette"):
            return None  # shown, but only once the database is open
        if action == "quick_capture" and isinstance(self.screen, TodayScreen):
            return False  # Today shows + in its footer as its own key: one palette entry
        if action in NEEDS_PROFILE:
            return self.has_profile
        return True

    def action_show(self, mode: str) -> None:
        """An area, from anywhere: switch to it, or close whatever was opened over its list."""
        if self.current_mode != mode:
            self.switch_mode(mode)
        else:
            self.screen_stack[0].pop_until_active()

    def action_log_one_to_one(self) -> None:
        """Log a 1-2-1 from wherever the organiser is; a person's screen fills them in."""
        from screens.one_to_one_flows import start_logging

        start_logging(self.screen, self.repo, self.clock)

    def action_undo(self) -> None:
        """Take back the last change, from any screen (screens/undo_keeper.py)."""
        undo_last(self.screen, self.undo_history)

    def action_quick_capture(self) -> None:
        """One line for a 1-2-1 (121 @Amina 40m due:fri), from wherever the organiser is."""
        from screens.quick_capture import start_quick_capture

        start_quick_capture(self.screen, self.repo, self.clock)

    @work(exit_on_error=False, group="profile")
    async def action_edit_profile(self) -> None:
        """The Profile form, until it is saved or given up; a refused save keeps the typing."""
        screen = self.screen
        if refuse_if_read_only(screen, self.repo):
            return
        try:
            profile = self.repo.profile()
        except OrganiserError as error:
            report(screen, error, "Cannot open the profile")
            return
        from screens.profile_dialog import ProfileDialog

        while profile is not None:
            typed = await self.push_screen_wait(ProfileDialog(profile, self.clock.today()))
            if typed is None:
                return
            try:
                self.repo.save(typed)
            except Exception as error:  # keep what was typed, whatever went wrong
                report(screen, error)
                profile = typed
                continue
            self.notify("Profile saved", markup=False)
            if isinstance(screen, TodayScreen):
                screen.refresh_summary()
            return

    def on_unmount(self) -> None:
        self.undo_history.clear()
        if self.diary_keeper is not None:
            self.diary_keeper.flush()
        self.memory_keeper.stop()

    @work(exit_on_error=False, group="diary")
    async def action_export_diary(self) -> None:
        from screens.calendar_flows import export_to_diary

        await export_to_diary(self.screen, self.repo, self.clock, self.diary_path)

    def action_transfer(self) -> None:
        """Import and export: files go beside the database, named after it."""
        from screens.transfer_screen import TransferScreen

        self.push_screen(TransferScreen(self.repo, self.clock, self.diary_path))

    def action_find(self) -> None:
        """Search people, notes, concerns and minutes from anywhere (screens/find_screen.py)."""
        from screens.find_screen import FindScreen

        if not isinstance(self.screen, FindScreen):
            self.push_screen(FindScreen(self.repo, self.clock))

    def action_help(self) -> None:
        from screens.help_screen import HelpScreen

        screen = self.screen
        place = f"On the {screen.title} screen" if screen.title else "Here"
        self.push_screen(HelpScreen(place, commands_for(screen, include_focused=False)))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Quit, the areas and Help come from the bindings; only the theme is left to offer.
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
