"""Opening the app on the organiser's database: `organiser`, `organiser run`.

Imported without the subcommands (cli/main.py), so a start loads only what the app needs.
When Today was kept at the last close, the database itself is opened in a thread once the
first frame is painted (cli/opening.py), and the store is imported there too.
"""

from __future__ import annotations

import argparse
import gc
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from cli.opening import Opening
from cli.session import db_path, default_out, url_of
from organiser.clock import Clock, SystemClock
from organiser.errors import OrganiserError
from store.last_today import last_today

if TYPE_CHECKING:
    from store.database import OpenedStore


def run_app(args: argparse.Namespace) -> int:
    quick = quick_start(args)
    result = _run_while_opening(*quick) if quick else _run_opened(args)
    from screens.record_check import RESTORE

    if result == RESTORE:
        from cli.restore import restore

        if restore(db_path(args), None, ask=False) != 0:
            return 1
        return run_app(args)
    return 0


def quick_start(
    args: argparse.Namespace,
) -> tuple[Path, SystemClock, Mapping[str, Any] | None] | None:
    """When the database file is exactly as the app left it at its last close (Today was
    kept then: store/last_today.py), the app can start at once and open it meanwhile: the
    file, its organiser's clock and, if it was kept today, what Today showed (the first
    start of a day shows Today loading instead). None: open it first, as usual."""
    if url_of(args) is not None:
        return None
    path = db_path(args).absolute()
    if path.is_symlink():
        path = path.resolve()
    kept = last_today(path)
    if kept is None:
        return None
    day, shown = kept
    try:
        clock = SystemClock(ZoneInfo(str(shown.get("zone"))))
    except (ValueError, KeyError):
        return None
    return path, clock, shown if clock.today() == day else None


def _open_file(path: Path, clock: SystemClock) -> OpenedStore:
    """Open the database file (in the opening's thread, store and all imported there)."""
    from store.database import open_store

    return open_store(path, clock)


def _run_while_opening(
    path: Path, clock: SystemClock, shown: Mapping[str, Any] | None
) -> str | None:
    """The app on Today as last kept (or loading, `shown` None), with the database opened
    meanwhile (cli/opening.py). Whatever opening it raises is raised here once the app has
    closed, as if it had been opened first."""
    from screens.app import OrganiserApp

    opening = Opening(lambda: _open_file(path, clock))
    app = OrganiserApp(
        opening.repository(),
        clock,
        diary_path=default_out(path),
        on_hangup=lambda: _hang_up(opening),
        preview=shown,
        until_open=opening.warnings,
    )
    result = app.run()
    opened = opening.opened()
    from cli.session import close

    try:
        keep = app.today_to_keep(clock.today()) or _today_to_keep(opened, clock, result)
    finally:
        close(opened)
    _keep(opened, clock, keep)
    return result


def _hang_up(opening: Opening) -> None:
    from cli.session import hang_up

    hang_up(opening.opened())


def _run_opened(args: argparse.Namespace) -> str | None:
    from cli.session import hang_up, session
    from screens.app import OrganiserApp
    from store.database import OpenedStore

    with session(args) as opened:
        team_figures = getattr(opened, "team_figures", None)  # a team database's, for a supervisor
        team = team_figures(SystemClock().tz.key) if team_figures else None
        if team is not None:  # a supervisor's login reads the figures and no record
            from screens.team_app import TeamFiguresApp

            TeamFiguresApp(team, SystemClock()).run()
            return None
        profile = opened.repo.profile()
        clock = SystemClock(profile.zone) if profile else SystemClock()
        # Everything loaded so far lives for the whole session: keep the collector off it,
        # so no collection pause ever walks the database while someone types. (No collect
        # first: walking the whole database once costs more than the little garbage kept.)
        gc.freeze()
        app = OrganiserApp(
            opened.repo,
            clock,
            warnings=opened.warnings,
            diary_path=default_out(opened.path),
            on_hangup=lambda: hang_up(opened),
            kept=getattr(opened, "kept", None),  # a team database says where it keeps things
        )
        result = app.run()
        keep = (
            (app.today_to_keep(clock.today()) or _today_to_keep(opened, clock, result))
            if isinstance(opened, OpenedStore)
            else None
        )
    if isinstance(opened, OpenedStore):
        _keep(opened, clock, keep)
    return result


def _today_to_keep(
    opened: OpenedStore, clock: Clock, result: str | None
) -> Mapping[str, Any] | None:
    """What Today shows as the app closes, to paint at once at the next start."""
    from screens.record_check import RESTORE
    from screens.today_preview import today_as_it_is

    if result == RESTORE or opened.read_only:
        return None
    try:
        return today_as_it_is(opened.repo, clock)
    except OrganiserError:
        return None  # the next start is the usual one


def _keep(opened: OpenedStore, clock: Clock, shown: Mapping[str, Any] | None) -> None:
    """Keep Today beside the database, now that it is closed (so as its files now are)."""
    from cli.session import fail
    from store.last_today import keep_last_today

    if shown is not None and opened.storage.pending_bytes == 0:
        for warning in keep_last_today(opened.path, clock.today(), shown):
            fail(warning)
