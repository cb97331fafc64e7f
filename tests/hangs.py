"""What a test that hangs was waiting for.

pytest-timeout fails a test that runs too long (pyproject: `timeout`), so a hang fails CI in
minutes instead of holding it for an hour; but its report shows only threads, and a Pilot
test that hangs has its main thread idle in the event loop. So shortly before the timeout,
the stacks of the running event loop's tasks are taken and added to the failure's report.
"""

from __future__ import annotations

import asyncio
import gc
import io
import threading
from collections.abc import Iterator

import pytest

#: How far into its time limit a test's event loop's tasks are taken.
REPORT_AT = 0.75

_taken: dict[str, str] = {}


def _running_loops() -> list[asyncio.AbstractEventLoop]:
    return [
        o for o in gc.get_objects() if isinstance(o, asyncio.AbstractEventLoop) and o.is_running()
    ]


def _take(nodeid: str) -> None:
    out = io.StringIO()
    for loop in _running_loops():
        for task in list(asyncio.all_tasks(loop)):
            task.print_stack(file=out)
    _taken[nodeid] = out.getvalue() or "no event loop was running"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    marker = item.get_closest_marker("timeout")
    limit = float(marker.args[0] if marker and marker.args else item.config.getini("timeout"))
    if limit <= 0:
        yield
        return
    timer = threading.Timer(limit * REPORT_AT, _take, args=(item.nodeid,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    taken = _taken.pop(item.nodeid, None)
    if taken is not None and report.failed:
        report.sections.append(("event loop tasks when it hung", taken))
