"""The benchmark's measurements inside the app, in a fresh process.

    python -m tests.bench.app_probe start DB --repeat N     start to Today: first frame, usable
                                                            (kept today, kept yesterday, none)
    python -m tests.bench.app_probe screens DB --repeat N   opening lists, filter keystrokes

`start` spawns `organiser` on a pseudo-terminal and waits for the date line only the Today
screen's first frame shows. `screens` runs the app headless and times what the app itself
does: a list screen's first load, and the work one keystroke in a filter box sets off (the
handler the Input's change runs, and the repaint it asks for), not Pilot's own pauses.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from organiser.clock import LONDON, SystemClock
from screens.app import OrganiserApp
from screens.one_to_one_list import OneToOnesScreen
from screens.people_screen import PeopleScreen
from store.last_today import last_today_path
from tests.bench.opening import open_target, working_copy

ROOT = Path(__file__).resolve().parents[2]
_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_\]].*?(?:\x07|\x1b\\)|\x1b.")
TYPED = "sarah"


#: Only Today's summary shows this, once it has been built (the first frame says Loading…),
#: or Today as the app last kept it (store/last_today.py).
USABLE = b"1-2-1s held over"
#: Only the Profile dialog shows this: `,` opens it once the database is open, so the time
#: it first shows (after pressing `,` every 50 ms from the moment Today is usable) is when
#: the app's keys act.
READY = b"Your profile and targets"


def _first_frame(db: str, timeout: float = 120.0) -> tuple[float, float, float]:
    """Seconds from spawning the app to the Today screen's date line on its terminal (the
    first frame), to its summary (usable), and to its keys acting (ready)."""
    marker = SystemClock(LONDON).today().strftime("%A %d %B %Y").encode()
    main, child = pty.openpty()
    os.set_blocking(main, False)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "organiser"), "--db", db],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    seen = b""
    first = usable = acted = float("nan")
    pressed = 0.0
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([main], [], [], 0.01)
            if ready:
                try:
                    seen += os.read(main, 1 << 16)
                except OSError:
                    break
                plain = _ESCAPES.sub(b"", seen)
                now = time.perf_counter() - start
                if first != first and marker in plain:
                    first = now
                if usable != usable and USABLE in plain:
                    usable = now
                if READY in plain:
                    acted = now
                    break
            if usable == usable and time.perf_counter() - pressed > 0.05:
                pressed = time.perf_counter()
                os.write(main, b",")
            if process.poll() is not None:
                break
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # the app closes the database tidily
        _drain_until_exit(process, main)
        os.close(main)
    return first, usable, acted


def _kept_yesterday(db: str) -> None:
    """Make what the last close kept for Today yesterday's, as the next morning finds it."""
    kept = last_today_path(Path(db))
    data = json.loads(kept.read_bytes())
    data["day"] = (date.fromisoformat(data["day"]) - timedelta(days=1)).isoformat()
    kept.write_text(json.dumps(data))


def _drain_until_exit(process: subprocess.Popen[bytes], main: int, timeout: float = 120.0) -> None:
    """Wait for the app to close, reading what it writes meanwhile: a terminal nobody reads
    fills up, and the app would wait for ever to write its last frames."""
    deadline = time.perf_counter() + timeout
    while process.poll() is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([main], [], [], 0.05)
        if ready:
            try:
                os.read(main, 1 << 16)
            except OSError:
                break
    if process.poll() is None:
        process.kill()
    process.wait()


async def _wait_rows(screen: Any, timeout: float = 120.0) -> None:
    start = time.perf_counter()
    while screen.table.row_count == 0:
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the list never filled")
        await asyncio.sleep(0.001)


async def _record_check_done(app: OrganiserApp, timeout: float = 300.0) -> None:
    start = time.perf_counter()
    while not app.records_checked:
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the record check never finished")
        await asyncio.sleep(0.05)


async def _collections_while_typing(app: OrganiserApp, people: PeopleScreen) -> list[float]:
    """How long each automatic collection took while 100 filter keystrokes were handled.

    Each keystroke tells the app's memory keeper someone is typing, as a real key event
    does: otherwise it would take the typing for a quiet moment and tidy in the middle."""
    pauses: list[float] = []
    started: list[float] = []

    def timed(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(time.perf_counter())
        elif started:
            pauses.append(time.perf_counter() - started.pop())

    gc.callbacks.append(timed)
    try:
        for n in range(100):
            text = TYPED[: n % len(TYPED) + 1]
            app.memory_keeper.touched()
            people.filter(text)
            people.table.refresh()
            await asyncio.sleep(0)
    finally:
        gc.callbacks.remove(timed)
        people.filter("")
    return pauses


async def _screens(db: str, repeat: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    with open_target(db) as opened:
        gc.freeze()  # as the command line does once the database is loaded
        for _ in range(repeat):
            app = OrganiserApp(opened.repo, SystemClock(LONDON))
            async with app.run_test(size=(120, 36)) as pilot:
                await pilot.pause()
                for mode, kind in (("people", PeopleScreen), ("one_to_ones", OneToOnesScreen)):
                    start = time.perf_counter()
                    await app.switch_mode(mode)
                    screen = app.screen
                    assert isinstance(screen, kind)
                    await _wait_rows(screen)
                    times.setdefault(f"open_{mode}", []).append(time.perf_counter() - start)
                await app.switch_mode("people")
                people = app.screen
                assert isinstance(people, PeopleScreen)
                for n in range(1, len(TYPED) + 1):
                    start = time.perf_counter()
                    people.filter(TYPED[:n])
                    people.table.refresh()
                    await asyncio.sleep(0)
                    times.setdefault("filter_keystroke", []).append(time.perf_counter() - start)
                people.filter("")
                # The longest a collection could stall typing once the app has settled (its
                # record check done and frozen): a full one, timed as the app would feel it.
                await _record_check_done(app)
                start = time.perf_counter()
                gc.collect()
                times.setdefault("gc_full_in_app", []).append(time.perf_counter() - start)
                # Then what typing meets: the app has had a quiet moment (it collects and
                # freezes then), and the collector's own passes are timed through 100
                # keystrokes of filtering.
                app.memory_keeper.tidy()
                pauses = await _collections_while_typing(app, people)
                times.setdefault("gc_pause_typing", []).append(max(pauses, default=0.0))
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("start", "screens"))
    parser.add_argument("db", help="a database file or a postgresql://… address")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with working_copy(args.db) as copy:
        if args.what == "start":
            # The first start finds no Today kept from a last close; each later one does.
            cold, *runs = [_first_frame(copy) for _ in range(args.repeat + 1)]
            # The first start of a day: the database as the app left it, nothing kept today's.
            new_day = []
            for _ in range(args.repeat):
                _kept_yesterday(copy)
                new_day.append(_first_frame(copy))
            times = {
                "start_to_today": [first for first, _, _ in runs],
                "start_to_usable": [usable for _, usable, _ in runs],
                "start_to_ready": [ready for _, _, ready in runs],
                "start_new_day_to_usable": [usable for _, usable, _ in new_day],
                "start_new_day_to_ready": [ready for _, _, ready in new_day],
                "start_cold_to_usable": [cold[1]],
                "start_cold_to_ready": [cold[2]],
            }
        else:
            times = asyncio.run(_screens(copy, args.repeat))
    json.dump({"times": times}, sys.stdout)


if __name__ == "__main__":
    main()
