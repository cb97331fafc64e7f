"""Telling a PostgreSQL address from a file path, connecting, and turning the driver's errors
into messages a person can act on (without ever echoing a password)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import orjson
import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import TupleRow
from psycopg.types.json import set_json_loads

from organiser.errors import Conflict, ReadOnlyDatabase, StoreError
from store.postgres.address import redact

Connection = psycopg.Connection[TupleRow]

#: Seconds to wait for the server before saying it cannot be reached.
CONNECT_TIMEOUT = 10


def connect(url: str, *, read_only: bool = False) -> Connection:
    """An autocommit connection (each write opens its own transaction); StoreError with the
    server's reason when it cannot be made."""
    try:
        conn = psycopg.connect(url.strip(), autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as error:
        raise StoreError(
            f"Could not connect to the team database {redact(url)}: {_reason(error)}"
        ) from error
    set_json_loads(orjson.loads, conn)
    if read_only:
        conn.execute("SET default_transaction_read_only = on")
    return conn


class LostConnection(StoreError):
    """The server could not be reached mid-way; the next call connects again."""


def _reason(error: psycopg.Error) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


@contextmanager
def translated(action: str) -> Iterator[None]:
    """Run database work, turning the driver's errors into StoreError and its kin."""
    try:
        yield
    except StoreError:
        raise
    except pg_errors.ReadOnlySqlTransaction as error:
        raise ReadOnlyDatabase("The database is open read-only; nothing was saved.") from error
    except pg_errors.UniqueViolation as error:
        raise Conflict(
            "This record was added elsewhere at the same moment; your edit was not saved. "
            "Reopen it to see the latest version."
        ) from error
    except pg_errors.InsufficientPrivilege as error:
        raise StoreError(
            f"The team database refused to {action}: your organiser role may not do that "
            f"({_reason(error)})."
        ) from error
    except (pg_errors.UntranslatableCharacter, pg_errors.CharacterNotInRepertoire) as error:
        raise StoreError(
            f"This record contains a character the team database cannot keep: {_reason(error)}"
        ) from error
    except psycopg.OperationalError as error:
        raise LostConnection(
            f"Lost the connection to the team database while trying to {action}: "
            f"{_reason(error)}. Nothing was changed."
        ) from error
    except psycopg.Error as error:
        raise StoreError(f"The team database could not {action}: {_reason(error)}") from error
