"""The benchmark's whole-database jobs, in a fresh process: the Today summary, a supervision
review build, an iCalendar export of everything (a one-off, as the command line does it), and
the app's kept diary rewritten after one change (its entry cache makes that cost the change).

    python -m tests.bench.work_probe DB --repeat N
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from organiser.calendar.export import DiaryChoice, build_diary
from organiser.calendar.writer import EntryCache
from organiser.clock import LONDON, SystemClock
from organiser.models import Person, RelationalMeeting
from organiser.periods import Period
from organiser.repository import Repository
from organiser.review_records import Records
from organiser.supervision import start
from organiser.today import build_today
from tests.bench.opening import open_target, working_copy


def _jobs(repo: Repository) -> dict[str, Callable[[], object]]:
    clock = SystemClock(LONDON)
    profile = repo.profile()
    assert profile is not None
    today = clock.today()
    kept = EntryCache()
    build_diary(repo, DiaryChoice(), today, cache=kept)  # the app's kept diary, written once
    people = repo.list(Person)
    edits = iter(range(1_000_000))

    def export_after_one_change() -> object:
        """What the app's kept diary costs after someone saves one 1-2-1."""
        n = next(edits)
        repo.save(
            RelationalMeeting(
                person_id=people[n % len(people)].id,
                at=datetime(2026, 11, 24, 9, tzinfo=LONDON) + timedelta(minutes=n),
            )
        )
        return build_diary(repo, DiaryChoice(), today, cache=kept)

    def review() -> object:
        """Starting a supervision review of the last four weeks: read, work out, suggest."""
        period = Period(today - timedelta(days=27), today)
        return start(Records.read(repo), "Sam Supervisor", clock.now(), period, today)

    return {
        "build_today": lambda: build_today(repo, profile, today),
        "review_build": review,
        "export_ical": lambda: build_diary(repo, DiaryChoice(), today),
        "export_ical_again": export_after_one_change,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", help="a database file or a postgresql://… address")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    times: dict[str, list[float]] = {}
    with working_copy(args.db) as copy, open_target(copy) as opened:
        for name, job in _jobs(opened.repo).items():
            for _ in range(args.repeat):
                start = time.perf_counter()
                job()
                times.setdefault(name, []).append(time.perf_counter() - start)
    json.dump({"times": times}, sys.stdout)


if __name__ == "__main__":
    main()
