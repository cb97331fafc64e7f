"""How long the diary export takes on the demo alliance at 1x and 10x (and more on request).

    python -m tests.bench.diary [--scales 1 10] [--repeat 5]

Each scale is built with `build_demo(today, scale)` into a real database (the journal store),
then timed: a whole export from cold (no cache), the same again with the cache the app keeps
(nothing changed), and after one record changed; and writing the file atomically. Prints
min and median in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from organiser.calendar.export import DiaryChoice, build_diary, write_diary
from organiser.calendar.writer import EntryCache
from organiser.clock import LONDON, FixedClock
from organiser.demo import build_demo
from organiser.models import Meeting
from organiser.repository import Repository
from store.database import open_store

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)


def _times(job: Callable[[], object], repeat: int) -> list[float]:
    found = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        found.append(time.perf_counter() - start)
    return found


def _one_change(repo: Repository, cache: EntryCache) -> Callable[[], object]:
    def job() -> object:
        meeting = repo.list(Meeting)[0]
        repo.save(meeting.evolve(place=f"{meeting.place}!"[-200:]))
        return build_diary(repo, DiaryChoice(), NOW.date(), cache=cache)

    return job


def measure(scale: float, repeat: int, folder: Path) -> dict[str, list[float]]:
    clock = FixedClock(NOW)
    with open_store(folder / f"demo-{scale:g}.json", clock) as opened:
        repo = opened.repo
        repo.save_all(build_demo(NOW.date(), scale=scale).records)
        choice = DiaryChoice()
        files = build_diary(repo, choice, NOW.date())
        cache = EntryCache()
        build_diary(repo, choice, NOW.date(), cache=cache)
        out = folder / "diary.ics"
        return {
            "entries": [float(files[0].entries)],
            "export, cold": _times(lambda: build_diary(repo, choice, NOW.date()), repeat),
            "export, nothing changed": _times(
                lambda: build_diary(repo, choice, NOW.date(), cache=cache), repeat
            ),
            "export, one meeting changed": _times(_one_change(repo, cache), repeat),
            "write the file": _times(lambda: write_diary(out, files), repeat),
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="organiser-diary-") as folder:
        for scale in args.scales:
            found = measure(scale, args.repeat, Path(folder))
            entries = int(found.pop("entries")[0])
            print(f"demo alliance x{scale:g}: {entries:,} diary entries")
            for name, times in found.items():
                low, middle = min(times) * 1000, statistics.median(times) * 1000
                print(f"  {name:<28} min {low:8.1f} ms   median {middle:8.1f} ms")


if __name__ == "__main__":
    main()
