"""`make bench`: Organiser's speed on the file store, the PostgreSQL team store and plain
TinyDB, on the same data, side by side.

    python -m tests.bench.run [--sizes 1 10] [--repeat 5] [--stores file,postgres] [--out FILE]

Builds (once, cached) a synthetic database at each size and loads it into a PostgreSQL
server the run starts for itself (tests/bench/pg.py), then runs each side in its own
process: the file store (the journal store and the app), the team store (the same probes,
the app started with --db postgresql://…) and plain TinyDB with its default JSONStorage.
Prints a table of min and median times, and writes every figure to a JSON file
(.bench/results/<time>.json by default) so a later run can be compared with it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.bench import pg
from tests.bench.data import ROOT, paths, size_mb

RESULTS = ROOT / ".bench" / "results"
STORES = ("file", "postgres")
#: The issue's goals, in seconds, where it names one (at 1x; start has its own at 10x).
GOALS = {
    "save_121": 0.005,
    "update_person": 0.005,
    "search_notes": 0.05,
    "filter_keystroke": 0.05,
    "gc_pause_typing": 0.005,
    "start_to_today": 1.0,
    "start_to_usable": 1.0,
    "start_to_ready": 1.0,
    "export_ical": 1.5,
}
GOALS_10X = {
    "save_121": 0.005,
    "update_person": 0.005,
    "start_to_today": 2.5,
    "start_to_usable": 2.5,
    "start_to_ready": 2.5,
}


def _stores(text: str) -> list[str]:
    chosen = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in STORES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"--stores takes {', '.join(STORES)}, not {text!r}")
    return chosen


def _child(module: str, *args: str) -> dict[str, Any]:
    command = [sys.executable, "-m", module, *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{module} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _ms(seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return "—"
    return f"{seconds * 1000:,.1f}"


def _app_side(target: str, repeat: int, *, work: bool) -> dict[str, Any]:
    """One store's figures: the repository's operations, start to Today, opening lists
    and (with `work`) the whole-database jobs, each in a process of its own."""
    side = _child("tests.bench.probe", "ours", target, "--repeat", str(repeat))
    start = _child("tests.bench.app_probe", "start", target, "--repeat", str(repeat))
    screens = _child("tests.bench.app_probe", "screens", target, "--repeat", "2")
    side["times"].update(start["times"], **screens["times"])
    if work:
        side["times"].update(
            _child("tests.bench.work_probe", target, "--repeat", str(repeat))["times"]
        )
    return side


def measure(size: int, repeat: int, stores: list[str]) -> dict[str, Any]:
    ours_db, plain_db = paths(size)
    result: dict[str, Any] = {"size": size, "mb": {}}
    if "file" in stores:
        plain_repeat = max(2, repeat // 2) if size > 1 else repeat
        result["ours"] = _app_side(str(ours_db), repeat, work=True)
        result["plain"] = _child(
            "tests.bench.probe", "plain", str(plain_db), "--repeat", str(plain_repeat)
        )
        result["mb"].update(ours=size_mb(ours_db), plain=size_mb(plain_db))
    if "postgres" in stores:
        data, load = pg.loaded(size, ours_db)
        with pg.running(data) as url:
            result["postgres"] = _app_side(url, repeat, work=False)
        result["postgres"]["load"] = load
        result["mb"]["postgres"] = pg.size_mb(data)
    return result


#: The sides in the table, left to right: (key in a result, heading).
SIDES = (("ours", "file"), ("postgres", "pg"), ("plain", "plain"))


def _cells(times: list[float] | None) -> str:
    if not times:
        return f"{'':>10} {'':>10}"
    return f"{_ms(min(times)):>10} {_ms(statistics.median(times)):>10}"


def _met(times: list[float] | None, goal: float | None) -> str:
    if goal is None or not times:
        return ""
    return "yes" if statistics.median(times) < goal else "NO"


def _memory(name: str, side: dict[str, Any]) -> str:
    pause = side["gc_pause"]
    frozen = pause.get("after_freeze")
    after = "" if frozen is None else f" ({_ms(frozen)} ms after gc.freeze)"
    return (
        f"{name}: peak memory {side['rss_mb']:,.0f} MB, longest full GC after load "
        f"{_ms(pause['before_freeze'])} ms{after}"
    )


def report(result: dict[str, Any]) -> str:
    """The table for one size: min and median of each side, the goal, whether each of
    ours (file, pg) meets it by its median."""
    size = result["size"]
    goals = GOALS if size == 1 else GOALS_10X
    sides = [(key, name, result[key]) for key, name in SIDES if key in result]
    ours = [(name, side) for key, name, side in sides if key != "plain"]
    sizes = ", ".join(f"{name} {result['mb'][key]:,.0f} MB" for key, name, _ in sides)
    heading = " ".join(f"{name + ' min':>10} {name + ' med':>10}" for _, name, _ in sides)
    checked = " ".join(f"{name[:4]:>4}" for name, _ in ours)
    lines = [
        f"\n{size}x: {sizes} (times in ms; a goal is met by the median)",
        f"{'operation':<18} {heading} {'goal':>7} {checked}",
    ]
    names = list(dict.fromkeys(n for _, _, side in sides for n in side["times"]))
    for name in names:
        cells = " ".join(_cells(side["times"].get(name)) for _, _, side in sides)
        met = " ".join(f"{_met(side['times'].get(name), goals.get(name)):>4}" for _, side in ours)
        lines.append(f"{name:<18} {cells} {_ms(goals.get(name)):>7} {met}")
    lines += [_memory(name, side) for _, name, side in sides]
    if "postgres" in result:
        load = result["postgres"]["load"]
        lines.append(
            f"pg loaded by organiser migrate in {load['migrate_s']:,.1f} s, ANALYZE "
            f"{load['analyze_s']:,.1f} s (once; the loaded data directory is cached)"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--stores",
        type=_stores,
        default=list(STORES),
        help="which stores to measure, comma separated: file (with plain TinyDB), postgres",
    )
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        result = measure(size, args.repeat, args.stores)
        print(report(result), flush=True)
        results.append(result)
    out = args.out or RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"results": results}, indent=1))
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
