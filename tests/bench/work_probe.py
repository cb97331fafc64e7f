"""The benchmark's whole-database jobs, in a fresh process: the Today summary, and (as they
exist) a supervision review build and an iCalendar export of everything.

    python -m tests.bench.work_probe DB --repeat N
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from organiser.calendar.export import DiaryChoice, build_diary
from organiser.clock import LONDON, SystemClock
from organiser.repository import Repository
from organiser.today import build_today
from store.database import open_store


def _jobs(repo: Repository) -> dict[str, Callable[[], object]]:
    clock = SystemClock(LONDON)
    profile = repo.profile()
    assert profile is not None
    return {
        "build_today": lambda: build_today(repo, profile, clock.today()),
        "export_ical": lambda: build_diary(repo, DiaryChoice(), clock.today()),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        copy = Path(folder) / args.db.name
        shutil.copyfile(args.db, copy)
        with open_store(copy, SystemClock(LONDON)) as opened:
            for name, job in _jobs(opened.repo).items():
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    job()
                    times.setdefault(name, []).append(time.perf_counter() - start)
    json.dump({"times": times}, sys.stdout)


if __name__ == "__main__":
    main()
