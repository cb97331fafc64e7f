"""The benchmark's own helpers: the PostgreSQL data directory's cache key, the --stores
option, the side-by-side table. Nothing here starts a server or times anything."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tests.bench.pg import cache_key
from tests.bench.run import _stores, report


def test_cache_key_changes_with_records_layout_or_server(tmp_path: Path) -> None:
    schema = tmp_path / "schema.py"
    schema.write_text("CREATE TABLE records")
    key = cache_key("gen1", [schema], "postgres (PostgreSQL) 15.8")
    assert cache_key("gen1", [schema], "postgres (PostgreSQL) 15.8") == key
    assert cache_key("gen2", [schema], "postgres (PostgreSQL) 15.8") != key
    assert cache_key("gen1", [schema], "postgres (PostgreSQL) 16.1") != key
    schema.write_text("CREATE TABLE records, own_records")
    assert cache_key("gen1", [schema], "postgres (PostgreSQL) 15.8") != key


def test_stores_option() -> None:
    assert _stores("file,postgres") == ["file", "postgres"]
    assert _stores(" postgres ") == ["postgres"]
    for wrong in ("mysql", "", "file,sqlite"):
        with pytest.raises(argparse.ArgumentTypeError, match="--stores takes file, postgres"):
            _stores(wrong)


def _side(save: list[float], extra: dict[str, list[float]] | None = None) -> dict[str, object]:
    return {
        "times": {"save_121": save, **(extra or {})},
        "rss_mb": 100.0,
        "gc_pause": {"before_freeze": 0.2},
    }


def test_report_puts_postgres_beside_the_file_store() -> None:
    result = {
        "size": 1,
        "mb": {"ours": 30.0, "postgres": 377.0, "plain": 40.0},
        "ours": _side([0.002, 0.003, 0.004], {"start_to_today": [0.5]}),
        "postgres": {
            **_side([0.006, 0.007, 0.008]),
            "load": {"migrate_s": 35.0, "analyze_s": 0.8},
        },
        "plain": _side([0.1, 0.2]),
    }
    lines = report(result).splitlines()
    assert "file 30 MB, pg 377 MB, plain 40 MB" in lines[1]
    assert lines[2].split() == [
        "operation",
        "file", "min", "file", "med",
        "pg", "min", "pg", "med",
        "plain", "min", "plain", "med",
        "goal", "file", "pg",
    ]  # fmt: skip
    save = next(line for line in lines if line.startswith("save_121"))
    # min and median of each side, the goal, met by the file store's median and not pg's
    assert save.split() == [
        "save_121", "2.0", "3.0", "6.0", "7.0", "100.0", "150.0", "5.0", "yes", "NO",
    ]  # fmt: skip
    start = next(line for line in lines if line.startswith("start_to_today"))
    assert start.split() == ["start_to_today", "500.0", "500.0", "1,000.0", "yes"]
    assert "pg loaded by organiser migrate in 35.0 s, ANALYZE 0.8 s" in lines[-1]


def test_report_with_postgres_alone() -> None:
    result = {
        "size": 10,
        "mb": {"postgres": 3_000.0},
        "postgres": {**_side([0.006]), "load": {"migrate_s": 400.0, "analyze_s": 9.0}},
    }
    lines = report(result).splitlines()
    assert lines[2].split() == ["operation", "pg", "min", "pg", "med", "goal", "pg"]
    save = next(line for line in lines if line.startswith("save_121"))
    assert save.split() == ["save_121", "6.0", "6.0", "5.0", "NO"]
