"""The on-disk format: a JSON snapshot plus an append-only journal of changes. Pure functions:
reading and checking files, encoding and decoding; nothing here writes.

Files, for a database at PATH:

* PATH, the snapshot: plain TinyDB JSON (`{"_meta": {"schema": {...}}, "people": {...}}`),
  so TinyDB's own JSONStorage can read it. Its `_meta.schema.journal_seq` is the number of
  the last journal entry folded into it.
* PATH.journal: one line per save, `"<crc32 as 8 hex digits> <payload>\\n"`, where the payload
  is compact JSON `{"seq": n, "ops": [[table, id, document or null], ...]}`. Sequence numbers
  run on without gaps across compactions; lines already in the snapshot are skipped.

With encryption on (store.crypto) the snapshot is an age file and each journal payload is
that JSON sealed with age, as base64; the checksum covers the base64. Reading tells the two
apart by their first bytes, so a file written before encryption was turned on still reads.
"""

from __future__ import annotations

import gc
import json
import os
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import orjson

from organiser.errors import DatabaseCorrupt, StoreError
from store.crypto import Cipher, NeedsPassphrase, is_sealed
from store.durable import explain
from store.table import Change

Doc = dict[str, Any]
Tables = dict[str, dict[str, Doc]]
Op = tuple[str, str, Doc | None]
#: Called with the snapshot's tables before the journal is read; raises to refuse the file.
SnapshotCheck = Callable[[Tables], None]

JOURNAL_SUFFIX = ".journal"
#: A journal bigger than this is folded into the snapshot when the database is opened.
COMPACT_THRESHOLD = 8 * 1024 * 1024
META_TABLE = "_meta"
SCHEMA_DOC = "schema"
SEQ_KEY = "journal_seq"
_READ_ATTEMPTS = 5
_HEX = frozenset(b"0123456789abcdef")


def journal_path(path: Path) -> Path:
    """The journal that goes with the snapshot at `path`."""
    return path.with_name(path.name + JOURNAL_SUFFIX)


# --- Encoding and decoding -----------------------------------------------------------------


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number JSON allows")


def loads(raw: bytes | str) -> Any:
    """Strict JSON (no NaN or Infinity), parsed with the cyclic garbage collector paused:
    on a big file the collector would otherwise take most of the time.

    orjson parses first, checking the UTF-8 as it goes; what it refuses (a lone surrogate
    escape, a number beyond 64 bits, bytes that are not UTF-8) is parsed again by the standard
    library, which decides whether it is JSON at all: bytes are decoded strictly first, so
    text that is not UTF-8 raises UnicodeDecodeError."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            return json.loads(text, parse_constant=_refuse_constant)
    finally:
        if was_enabled:
            gc.enable()


def dumps(value: object) -> bytes:
    """Compact, strict UTF-8 JSON. Raises TypeError or ValueError for unstorable values."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def _unsavable(error: Exception) -> StoreError:
    return StoreError(
        f"Could not save: the record holds a value that cannot be stored ({error}). "
        "Nothing was changed."
    )


def encode_entry(
    seq: int, changes: Sequence[Change], cipher: Cipher | None = None
) -> tuple[bytes, list[Op]]:
    """One journal line for `changes` (sealed with `cipher` if given), and the changes exactly
    as a replay will read them."""
    ops: list[list[object]] = []
    for table, doc_id, doc in changes:
        if not isinstance(table, str) or not isinstance(doc_id, str):
            raise _unsavable(TypeError("table names and record ids must be text"))
        ops.append([table, doc_id, None if doc is None else dict(doc)])
    try:
        payload = dumps({"seq": seq, "ops": ops})
    except (TypeError, ValueError) as error:  # UnicodeEncodeError is a ValueError
        raise _unsavable(error) from error
    ops_read = _ops_from(loads(payload))
    if cipher is not None:
        payload = cipher.seal_line(payload)
    line = b"%08x %s\n" % (zlib.crc32(payload), payload)
    return line, ops_read


class _BadLine(Exception):
    """A journal line that cannot be used. `torn` when the checksum shows an unfinished write."""

    def __init__(self, why: str, *, torn: bool) -> None:
        super().__init__(why)
        self.why = why
        self.torn = torn


def _ops_from(entry: object) -> list[Op]:
    ops = entry.get("ops") if isinstance(entry, dict) else None
    if not isinstance(ops, list):
        raise _BadLine("it holds no list of changes", torn=False)
    checked: list[Op] = []
    for op in ops:
        if not (isinstance(op, list) and len(op) == 3):
            raise _BadLine("a change in it is not in the expected form", torn=False)
        table, doc_id, doc = op
        if not (isinstance(table, str) and isinstance(doc_id, str)):
            raise _BadLine("a change in it names no table or record", torn=False)
        if doc is not None and not isinstance(doc, dict):
            raise _BadLine("a change in it holds something that is not a record", torn=False)
        checked.append((table, doc_id, doc))
    return checked


def decode_line(content: bytes, cipher: Cipher | None = None) -> tuple[int, list[Op]]:
    """The sequence number and changes of one journal line (without its newline)."""
    crc, space, payload = content[:8], content[8:9], content[9:]
    if space != b" " or len(crc) != 8 or not _HEX.issuperset(crc):
        raise _BadLine("it does not start with a checksum", torn=True)
    if int(crc, 16) != zlib.crc32(payload):
        raise _BadLine("its checksum does not match", torn=True)
    if not payload.startswith(b"{"):
        if cipher is None:
            raise _BadLine(
                "it is encrypted, and the database was opened without its key", torn=False
            )
        try:
            payload = cipher.open_line(payload)
        except ValueError as error:
            raise _BadLine(str(error), torn=False) from error
    try:
        entry = loads(payload)
    except (UnicodeDecodeError, ValueError) as error:
        raise _BadLine(f"it is not valid JSON: {error}", torn=False) from error
    seq = entry.get("seq") if isinstance(entry, dict) else None
    if type(seq) is not int or seq < 1:
        raise _BadLine("it has no sequence number", torn=False)
    return seq, _ops_from(entry)


def apply_ops(tables: Tables, ops: Sequence[Op]) -> None:
    """Make the changes in `tables` (a document of None removes the record)."""
    for table, doc_id, doc in ops:
        if doc is None:
            tables.get(table, {}).pop(doc_id, None)
        else:
            tables.setdefault(table, {})[doc_id] = doc


# --- The snapshot --------------------------------------------------------------------------


def shape_problem(data: object) -> str | None:
    """Why `data` is not a set of TinyDB tables (a dict of dicts of dicts), or None."""
    if not isinstance(data, dict):
        return f"it holds {type(data).__name__} data where a set of tables belongs"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"the table “{name}” is not a table"
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                return f"entry {doc_id} in the table “{name}” is not a record"
    return None


def _snapshot_damaged(path: Path, why: str) -> DatabaseCorrupt:
    return DatabaseCorrupt(
        f"The database file {path} cannot be read: {why}. Organiser has left it untouched. "
        "You can restore it from the daily backups in the “backups” folder beside it."
    )


def _take_seq(tables: Tables, path: Path) -> int:
    """Remove and return `_meta.schema.journal_seq`: it belongs to the files, not the data."""
    schema = tables.get(META_TABLE, {}).get(SCHEMA_DOC)
    if schema is None:
        return 0
    seq = schema.pop(SEQ_KEY, 0)
    if type(seq) is not int or seq < 0:
        raise _snapshot_damaged(path, "its journal position is not a whole number")
    return seq


def parse_snapshot(raw: bytes, path: Path, cipher: Cipher | None = None) -> tuple[Tables, int]:
    """The tables in a snapshot (decrypted with `cipher` when sealed) and the last journal
    entry folded into it."""
    if not raw:
        raise _snapshot_damaged(path, "the file is empty")
    if is_sealed(raw):
        raw = open_sealed(raw, path, cipher)
    if b"\x00" in raw:
        why = "it contains blank (zero) bytes, a sign of a crash or a disk fault"
        raise _snapshot_damaged(path, why)
    try:
        data = loads(raw)
    except UnicodeDecodeError as error:
        raise _snapshot_damaged(path, f"it is not text (byte {error.start})") from error
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise _snapshot_damaged(path, f"it is incomplete or damaged near {where}") from error
    except ValueError as error:
        raise _snapshot_damaged(path, str(error)) from error
    problem = shape_problem(data)
    if problem is not None:
        raise _snapshot_damaged(path, problem)
    return data, _take_seq(data, path)


def open_sealed(raw: bytes, path: Path, cipher: Cipher | None) -> bytes:
    """The plain bytes of the sealed file `raw` read from `path`."""
    if cipher is None:
        raise NeedsPassphrase(
            f"The file {path} is encrypted: Organiser needs the database's passphrase to read it."
        )
    try:
        return cipher.open(raw)
    except ValueError as error:
        raise _snapshot_damaged(path, str(error)) from error


def seal_if(cipher: Cipher | None, data: bytes) -> bytes:
    """`data` sealed with `cipher`, or as it is when there is none."""
    return data if cipher is None else cipher.seal(data)


def encode_snapshot(tables: Mapping[str, Mapping[str, Any]], seq: int) -> bytes:
    """The snapshot bytes for `tables`, with `_meta` first and the journal position in it."""
    meta = dict(tables.get(META_TABLE, {}))
    meta[SCHEMA_DOC] = {**meta.get(SCHEMA_DOC, {}), SEQ_KEY: seq}
    state = {META_TABLE: meta, **{k: v for k, v in tables.items() if k != META_TABLE}}
    try:
        return dumps(state)
    except (TypeError, ValueError) as error:
        raise _unsavable(error) from error


# --- Loading -------------------------------------------------------------------------------


FileId = tuple[int, int, int]


def _file_id(st: os.stat_result) -> FileId:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _read(path: Path) -> tuple[bytes, FileId] | None:
    """A file's bytes and identity, or None when it does not exist."""
    try:
        with path.open("rb") as file:
            ident = _file_id(os.fstat(file.fileno()))
            return file.read(), ident
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"Could not read the database file {path}: {explain(error)}.") from error


def _current_id(path: Path) -> FileId | None:
    try:
        return _file_id(path.stat())
    except OSError:
        return None


@dataclass
class _Journal:
    entries: list[tuple[int, list[Op]]]
    good_end: int
    size: int


def _journal_damaged(path: Path, line: int, why: str) -> DatabaseCorrupt:
    return DatabaseCorrupt(
        f"The database journal {path} is damaged at line {line}: {why}. Organiser has left it "
        "untouched. Ask someone technical for help before changing it, or restore the "
        "database from a daily backup."
    )


def scan_journal(raw: bytes, path: Path, cipher: Cipher | None = None) -> _Journal:
    """Every whole line of the journal. A torn final line (a save cut short by a crash, never
    acknowledged) is left out; damage anywhere else raises DatabaseCorrupt."""
    entries: list[tuple[int, list[Op]]] = []
    offset = 0
    while offset < len(raw):
        newline = raw.find(b"\n", offset)
        if newline < 0:
            break  # unterminated: the write never finished
        try:
            entries.append(decode_line(raw[offset:newline], cipher))
        except _BadLine as bad:
            if not (bad.torn and newline + 1 == len(raw)):
                raise _journal_damaged(path, len(entries) + 1, bad.why) from None
            break
        offset = newline + 1
    return _Journal(entries, offset, len(raw))


def replay(tables: Tables, snapshot_seq: int, journal: _Journal, path: Path) -> tuple[int, int]:
    """Apply the entries newer than the snapshot. Returns (last sequence, entries skipped)."""
    seq, stale, previous = snapshot_seq, 0, None
    for line, (entry_seq, ops) in enumerate(journal.entries, start=1):
        if previous is not None and entry_seq != previous + 1:
            raise _journal_damaged(path, line, "its changes are out of order")
        previous = entry_seq
        if entry_seq <= snapshot_seq:
            stale += 1
            continue
        if entry_seq != seq + 1:
            raise _journal_damaged(path, line, "changes before it are missing")
        apply_ops(tables, ops)
        seq = entry_seq
    return seq, stale


@dataclass
class Loaded:
    """What is on disk, read and checked, with nothing changed."""

    tables: Tables
    seq: int
    snapshot_exists: bool
    journal_size: int
    good_end: int
    stale: int


def load(path: Path, check: SnapshotCheck | None = None, cipher: Cipher | None = None) -> Loaded:
    """Read the snapshot and replay its journal. Reads only: never writes, never locks.

    A snapshot replaced while it was being read (another program compacting) is read again.
    """
    journal_file = journal_path(path)
    for _ in range(_READ_ATTEMPTS):
        snapshot = _read(path)
        tables, snapshot_seq = (
            ({}, 0) if snapshot is None else parse_snapshot(snapshot[0], path, cipher)
        )
        if check is not None:
            check(tables)
        raw_journal = (_read(journal_file) or (b"", None))[0]
        if snapshot is not None and _current_id(path) != snapshot[1]:
            continue
        if snapshot is None and raw_journal:
            raise DatabaseCorrupt(
                f"The database file {path} is missing, but its journal {journal_file} holds "
                "changes. Organiser has left the journal untouched; restore the database file "
                "from a daily backup."
            )
        scan = scan_journal(raw_journal, journal_file, cipher)
        seq, stale = replay(tables, snapshot_seq, scan, journal_file)
        return Loaded(tables, seq, snapshot is not None, scan.size, scan.good_end, stale)
    raise StoreError(f"The database {path} kept changing while it was being read; try again.")
