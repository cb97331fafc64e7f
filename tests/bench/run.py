"""`make bench`: Organiser's speed against plain TinyDB on the same data, side by side.

    python -m tests.bench.run [--sizes 1 10] [--repeat 5] [--out FILE]

Builds (once, cached) a synthetic database at each size, then runs each side in its own
process: ours (the journal store and the app) and plain TinyDB with its default JSONStorage.
Prints a table of min and median times with the ratio plain/ours, and writes every figure to
a JSON file (.bench/results/<time>.json by default) so a later run can be compared with it.
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

from tests.bench.data import ROOT, paths, size_mb

RESULTS = ROOT / ".bench" / "results"
#: The issue's goals, in seconds, where it names one (at 1x; start has its own at 10x).
GOALS = {
    "save_121": 0.005,
    "update_person": 0.005,
    "search_notes": 0.05,
    "filter_keystroke": 0.05,
    "gc_pause_typing": 0.005,
    "start_to_today": 1.0,
    "start_to_usable": 1.0,
    "export_ical": 1.5,
}
GOALS_10X = {
    "save_121": 0.005,
    "update_person": 0.005,
    "start_to_today": 2.5,
    "start_to_usable": 2.5,
}


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


def measure(size: int, repeat: int) -> dict[str, Any]:
    ours_db, plain_db = paths(size)
    plain_repeat = max(2, repeat // 2) if size > 1 else repeat
    ours = _child("tests.bench.probe", "ours", str(ours_db), "--repeat", str(repeat))
    plain = _child("tests.bench.probe", "plain", str(plain_db), "--repeat", str(plain_repeat))
    start = _child("tests.bench.app_probe", "start", str(ours_db), "--repeat", str(repeat))
    screens = _child("tests.bench.app_probe", "screens", str(ours_db), "--repeat", "2")
    extra = _child("tests.bench.work_probe", str(ours_db), "--repeat", str(repeat))
    ours["times"].update(start["times"], **screens["times"], **extra["times"])
    return {
        "size": size,
        "mb": {"ours": size_mb(ours_db), "plain": size_mb(plain_db)},
        "ours": ours,
        "plain": plain,
    }


def _row(name: str, ours: list[float], plain: list[float] | None, goal: float | None) -> str:
    ours_min, ours_med = min(ours), statistics.median(ours)
    if plain:
        plain_med = statistics.median(plain)
        ratio = f"{plain_med / ours_med:,.0f}×" if ours_med > 0 else "—"
        plain_text = f"{_ms(min(plain)):>10} {_ms(plain_med):>10}"
    else:
        ratio, plain_text = "", f"{'':>10} {'':>10}"
    met = "" if goal is None else ("yes" if ours_med < goal else "NO")
    return (
        f"{name:<18} {_ms(ours_min):>9} {_ms(ours_med):>9} {plain_text} {ratio:>8} "
        f"{_ms(goal):>7} {met:>4}"
    )


def report(result: dict[str, Any]) -> str:
    size, ours, plain = result["size"], result["ours"], result["plain"]
    goals = GOALS if size == 1 else GOALS_10X
    lines = [
        f"\n{size}x: ours {result['mb']['ours']:.0f} MB, plain TinyDB "
        f"{result['mb']['plain']:.0f} MB (times in ms)",
        f"{'operation':<18} {'min':>9} {'median':>9} {'plain min':>10} {'plain med':>10} "
        f"{'ratio':>8} {'goal':>7} {'met':>4}",
    ]
    for name, times in ours["times"].items():
        lines.append(_row(name, times, plain["times"].get(name), goals.get(name)))
    lines.append(
        f"longest full GC after load: ours {_ms(ours['gc_pause']['before_freeze'])} ms "
        f"before gc.freeze, {_ms(ours['gc_pause']['after_freeze'])} ms after; plain "
        f"{_ms(plain['gc_pause']['before_freeze'])} ms"
    )
    lines.append(f"peak memory: ours {ours['rss_mb']:.0f} MB, plain {plain['rss_mb']:.0f} MB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        result = measure(size, args.repeat)
        print(report(result), flush=True)
        results.append(result)
    out = args.out or RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"results": results}, indent=1))
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
