"""The benchmark's PostgreSQL: a server of its own, started for the run, holding the same
records as the file store's cached database at each size.

The records go in the way `organiser migrate --to` moves them, once per size; the loaded
data directory is kept under .bench/cache/pg-size<N>/ and used again until the generator,
the schema or the server's version changes. Each run works on a copy of it, so the saves a
run makes never reach the cache. Unlike the tests' server this one is durable (fsync and
synchronous commit on, as a team's server would be): a save is timed to the disk.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from tests.bench.data import CACHE, ROOT, generator_hash
from tests.pg_server import (
    ADMIN,
    DATABASE,
    Server,
    add_admin,
    find_binary,
    initdb,
    pg_start,
    run_as_postgres,
)

#: Durable, as a team's server would run; shared_buffers big enough for the 10x tables.
SETTINGS = "-c max_connections=20 -c shared_buffers=256MB"
#: What the loaded data depends on beyond the generator: the team store's tables and writes.
SCHEMA_SOURCES = ("store/postgres/schema.py", "store/postgres/statements.py")


def cache_key(generator: str, sources: list[Path], server_version: str) -> str:
    """The loaded data directory's key: the records (the generator's hash), how the team
    store lays them out (its sources) and the server that wrote the files."""
    digest = hashlib.sha256(f"{generator}\n{server_version}\n".encode())
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def server_version() -> str:
    done = subprocess.run(
        [str(find_binary("postgres")), "--version"], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _key() -> str:
    return cache_key(generator_hash(), [ROOT / s for s in SCHEMA_SOURCES], server_version())


def loaded(size: int, ours_db: Path) -> tuple[Path, dict[str, float]]:
    """The cached data directory holding `ours_db`'s records (loaded now if missing or
    stale), and what loading it took: {"migrate_s": seconds, "analyze_s": seconds}."""
    folder = CACHE / f"pg-size{size}"
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / f"pg-size{size}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one run loads a size while another waits
        _wait_for_loading(folder)
        return _loaded(size, ours_db, folder)


def _wait_for_loading(folder: Path, patience: float = 1800.0) -> None:
    """Wait while a server another process started is loading `folder` (its data
    directory has a server running and no stamp yet); give up after `patience` seconds,
    as a server that died leaves its pid file behind."""
    waited = time.monotonic()
    while (folder / "data" / "postmaster.pid").is_file() and not (folder / "built-from").is_file():
        if time.monotonic() - waited > patience:
            return
        time.sleep(5)


def _loaded(size: int, ours_db: Path, folder: Path) -> tuple[Path, dict[str, float]]:
    data, stamp, took = folder / "data", folder / "built-from", folder / "load.json"
    wanted = _key()
    if stamp.is_file() and stamp.read_text() == wanted and data.is_dir() and took.is_file():
        figures: dict[str, float] = json.loads(took.read_text())
        return data, figures
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"loading the {size}x records into PostgreSQL (cached for later runs)…", flush=True)
    prefix = run_as_postgres(folder)
    server = Server(folder, prefix)
    initdb(prefix, data)
    try:
        pg_start(prefix, data, folder, SETTINGS)
        add_admin(server)
        figures = _load(server, ours_db)
    finally:
        server.stop("fast", remove=False)  # a clean stop: a copy starts without recovery
    took.write_text(json.dumps(figures))
    stamp.write_text(wanted)
    return data, figures


def _load(server: Server, ours_db: Path) -> dict[str, float]:
    """Migrate `ours_db` into the server as `organiser migrate --to` does, then ANALYZE."""
    start = time.perf_counter()
    command = [str(ROOT / ".venv" / "bin" / "organiser"), "--db", str(ours_db), "migrate"]
    done = subprocess.run(
        [*command, "--to", server.url()], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"organiser migrate failed:\n{done.stdout}\n{done.stderr}")
    migrated = time.perf_counter() - start
    start = time.perf_counter()
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("ANALYZE")
    return {"migrate_s": migrated, "analyze_s": time.perf_counter() - start}


@contextmanager
def running(data: Path) -> Iterator[str]:
    """A server on a copy of the data directory `data`, its address while it runs; stopped
    and the copy removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="orgpgb-"))  # short: a socket path has a limit
    prefix = run_as_postgres(folder)
    server = Server(folder, prefix)
    try:
        subprocess.run(["cp", "-a", str(data), str(server.data)], check=True)
        pg_start(prefix, server.data, folder, SETTINGS)
        yield server.url(ADMIN, DATABASE)
    finally:
        server.stop("fast")


def size_mb(data: Path) -> float:
    """The data directory's size on disk: the tables, their indexes and the write-ahead log."""
    return sum(f.stat().st_size for f in data.rglob("*") if f.is_file()) / 1e6
