"""Turning encryption at rest on for a database: `organiser encrypt`.

The order keeps every moment safe. The key files are written first (from then on the database
counts as encrypted, and a snapshot still in clear is read as it is); then the snapshot is
rewritten sealed, which empties the journal; then every copy kept beside it (daily backups,
the copy kept before an upgrade, files set aside as damaged) is rewritten sealed in place,
atomically. Running it again on an encrypted database seals whatever is still in clear, so
an interrupted run is finished by running it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from organiser.clock import Clock
from organiser.errors import StoreError
from store.crypto import MIN_PASSPHRASE, Cipher, is_encrypted, key_path, new_key, public_path
from store.database import OpenedStore, open_store
from store.durable import remove_quietly, sync_dir
from store.history import FileCopies


@dataclass(frozen=True)
class Encrypted:
    """What `encrypt_database` did: whether the key is new, and what it could not seal."""

    new_key: bool
    copies: int
    warnings: list[str]


def passphrase_problem(passphrase: str) -> str | None:
    """Why `passphrase` will not do as a new passphrase, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"The passphrase must be at least {MIN_PASSPHRASE} characters long."
    if passphrase != passphrase.strip():
        return "The passphrase must not start or end with a space."
    return None


def encrypt_database(path: Path, clock: Clock, passphrase: str) -> Encrypted:
    """Turn encryption on for the database at `path`, with `passphrase` protecting the new
    key. Takes the database's lock. Raises StoreError; what it could not seal is in
    `warnings`."""
    path = Path(path).expanduser().absolute()
    if is_encrypted(path):
        raise StoreError(f"The database {path} is already encrypted.")
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise StoreError(f"{problem} Nothing was encrypted.")
    if not path.is_file():
        raise StoreError(f"There is no database at {path} to encrypt.")
    opened = open_store(path, clock)
    try:
        cipher = new_key(opened.path, passphrase)
    except BaseException:
        opened.close()
        raise
    return _seal_everything(opened, clock, cipher, new=True)


def finish_encrypting(path: Path, clock: Clock, cipher: Cipher) -> Encrypted:
    """Seal whatever is still in clear beside the encrypted database at `path` (after an
    interrupted `encrypt_database`). Takes the database's lock. Raises StoreError."""
    opened = open_store(path, clock, cipher=cipher)
    return _seal_everything(opened, clock, cipher, new=False)


def decrypt_database(path: Path, clock: Clock, cipher: Cipher) -> Encrypted:
    """Turn encryption off for the database at `path`: the snapshot and every copy are
    written back in clear, and only then are the key files removed, so an interruption leaves
    a database that still opens with its passphrase. Takes the database's lock."""
    opened = open_store(path, clock, cipher=cipher)
    warnings: list[str] = []
    count = 0
    try:
        opened.storage.cipher = None
        opened.storage.compact()
        copies = FileCopies(opened.path, clock, cipher=cipher)
        warnings += copies.unseal_all()
        count = len(copies.paths())
        if not warnings:
            for file in (key_path(opened.path), public_path(opened.path)):
                remove_quietly(file)
            sync_dir(opened.path.parent)
    finally:
        warnings += opened.close()
    return Encrypted(False, count, warnings)


def _seal_everything(opened: OpenedStore, clock: Clock, cipher: Cipher, *, new: bool) -> Encrypted:
    """Rewrite the snapshot sealed (emptying the journal), then every copy; then close."""
    warnings: list[str] = []
    count = 0
    try:
        opened.storage.cipher = cipher
        opened.storage.compact()
        copies = FileCopies(opened.path, clock, cipher=cipher)
        warnings += copies.seal_all()
        count = len(copies.paths())
    finally:
        warnings += opened.close()
    return Encrypted(new, count, warnings)
