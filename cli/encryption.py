"""Encryption at rest on the command line: `organiser encrypt`, and asking for the passphrase
of an encrypted database once, before anything opens it.

The passphrase comes from ORGANISER_PASSPHRASE when set (scripts, tests), otherwise it is
asked for on the terminal without echo. Unlocking costs about a second, so the unlocked key
is kept for the rest of the process (a restore offered after a damaged open reuses it).
"""

from __future__ import annotations

import argparse
import os
import sys
from getpass import getpass
from pathlib import Path

from organiser.clock import SystemClock
from organiser.errors import StoreError
from organiser.text import terminal_safe
from store.crypto import (
    PASSPHRASE_ENV,
    Cipher,
    NeedsPassphrase,
    WrongPassphrase,
    is_encrypted,
    key_path,
    unlock,
)
from store.encryption import (
    decrypt_database,
    encrypt_database,
    finish_encrypting,
    passphrase_problem,
)

_ATTEMPTS = 3
_unlocked: dict[Path, Cipher] = {}


def _normal(path: Path) -> Path:
    path = Path(path).expanduser().absolute()
    return path.resolve() if path.is_symlink() else path


def _at_terminal() -> bool:
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass(terminal_safe(prompt))


def cipher_for(db_path: Path) -> Cipher | None:
    """The unlocked key of the database at `db_path`, or None when it is not encrypted.
    Raises WrongPassphrase (after three tries on a terminal) or NeedsPassphrase."""
    path = _normal(db_path)
    if not is_encrypted(path):
        return None
    if path in _unlocked:
        return _unlocked[path]
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        cipher = unlock(path, given)
    elif _at_terminal():
        cipher = _ask_until_unlocked(path)
    else:
        raise NeedsPassphrase(
            f"The database {path} is encrypted. Run Organiser in a terminal to type its "
            f"passphrase, or set {PASSPHRASE_ENV}."
        )
    _unlocked[path] = cipher
    return cipher


def _ask_until_unlocked(path: Path) -> Cipher:
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            return unlock(path, _ask(f"Passphrase for {path.name}: "))
        except WrongPassphrase:
            if attempt == _ATTEMPTS:
                raise
            print("That passphrase is not right; try again.", file=sys.stderr)
    raise AssertionError("unreachable")


def add_encrypt_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    commands.add_parser(
        "encrypt",
        parents=[common],
        help="encrypt the database, its journal and its backups with a passphrase",
    )
    commands.add_parser(
        "decrypt",
        parents=[common],
        help="turn encryption off: store the database and its backups in clear again",
    )


def decrypt(db_path: Path) -> int:
    """`organiser decrypt`: turn encryption off, after the passphrase. 0 done."""
    path = _normal(db_path)
    cipher = cipher_for(path)
    if cipher is None:
        print(f"{path} is not encrypted; nothing to do.")
        return 0
    done = decrypt_database(path, SystemClock(), cipher)
    for warning in done.warnings:
        print(f"organiser: {terminal_safe(warning)}", file=sys.stderr)
    if done.warnings:
        print("organiser: encryption is still on; run `organiser decrypt` again.", file=sys.stderr)
        return 1
    _unlocked.pop(path, None)
    print(f"Decrypted {path}, its journal and {done.copies} kept copies; the key is removed.")
    return 0


def _new_passphrase() -> str:
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    if not _at_terminal():
        raise StoreError(f"Run this in a terminal to choose a passphrase, or set {PASSPHRASE_ENV}.")
    first = _ask("Choose a passphrase: ")
    problem = passphrase_problem(first)
    if problem is not None:
        raise StoreError(f"{problem} Nothing was encrypted.")
    if _ask("Type it again: ") != first:
        raise StoreError("The two passphrases differ. Nothing was encrypted.")
    return first


def encrypt(db_path: Path) -> int:
    """`organiser encrypt`: turn encryption on (or finish turning it on). 0 done."""
    path = _normal(db_path)
    cipher = cipher_for(path)
    if cipher is None:
        done = encrypt_database(path, SystemClock(), _new_passphrase())
    else:
        done = finish_encrypting(path, SystemClock(), cipher)
    for warning in done.warnings:
        print(f"organiser: {terminal_safe(warning)}", file=sys.stderr)
    if done.new_key:
        print(
            f"Encrypted {path}, its journal and {done.copies} kept copies. The key is in "
            f"{key_path(path)}, locked with your passphrase: without the passphrase nobody, "
            "including you, can read the data, so keep it somewhere safe."
        )
    else:
        print(f"{path} was already encrypted; its {done.copies} kept copies are encrypted too.")
    return 1 if done.warnings else 0
