"""What encryption at rest costs: one save, opening, unlocking the key, closing.

    python -m tests.bench.encryption [--saves N] [--runs N]

Each figure is measured on the demo alliance, in clear and encrypted, in a throwaway folder;
medians in milliseconds are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from organiser.clock import SystemClock
from organiser.demo import build_demo
from organiser.models import Person
from store.crypto import Cipher, new_key, unlock
from store.database import open_store
from store.encryption import encrypt_database

PASSPHRASE = "benchmark passphrase"


def _ms(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def _database(folder: Path, *, encrypted: bool) -> tuple[Path, Cipher | None]:
    db = folder / "organiser.json"
    clock = SystemClock()
    with open_store(db, clock) as opened:
        opened.repo.save_all(build_demo(clock.today()).records)
    if not encrypted:
        return db, None
    encrypt_database(db, clock, PASSPHRASE)
    return db, unlock(db, PASSPHRASE)


def _measure(db: Path, cipher: Cipher | None, saves: int, runs: int) -> dict[str, float]:
    clock = SystemClock()
    opens, closes, save_times = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        opened = open_store(db, clock, cipher=cipher)
        opens.append((time.perf_counter() - started) * 1000)
        for n in range(saves):
            person = Person(name=f"Benchmark person {n}")
            started = time.perf_counter()
            opened.repo.save(person)
            save_times.append((time.perf_counter() - started) * 1000)
        closes.append(_ms(opened.close))
    return {
        "open_ms": round(statistics.median(opens), 1),
        "save_ms": round(statistics.median(save_times), 2),
        "save_p90_ms": round(statistics.quantiles(save_times, n=10)[-1], 2),
        "close_ms": round(statistics.median(closes), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as temp:
        for encrypted in (False, True):
            folder = Path(temp) / ("encrypted" if encrypted else "plain")
            folder.mkdir()
            db, cipher = _database(folder, encrypted=encrypted)
            report["encrypted" if encrypted else "plain"] = _measure(
                db, cipher, args.saves, args.runs
            )
        key_folder = Path(temp) / "key"
        key_folder.mkdir()
        report["new_key_ms"] = round(_ms(lambda: new_key(key_folder / "k.json", PASSPHRASE)))
        report["unlock_ms"] = round(_ms(lambda: unlock(key_folder / "k.json", PASSPHRASE)))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
