"""Optional encryption at rest with age (through pyrage): the key, and sealing bytes with it.

Beside an encrypted database at DIR/NAME.json live two files:

* DIR/NAME.key.age: the database's age identity (an X25519 secret key), itself encrypted
  with the organiser's passphrase (age's scrypt mode, which costs about a second, so it is
  unlocked once when the database is opened, never per save);
* DIR/NAME.key.pub: the matching public recipient, in clear. Sealing needs only this.

The snapshot, backups and kept copies are whole age files, so the standard tool reads them:
`age -d NAME.key.age > key.txt` (asks for the passphrase), then `age -d -i key.txt FILE`.
Each journal line carries its change as base64 age data (see store.format).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path

import pyrage  # type: ignore[import-untyped]
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from organiser.errors import StoreError
from store.durable import atomic_write, explain

#: Every age file starts with this line.
AGE_MAGIC = b"age-encryption.org/v1\n"
KEY_SUFFIX = ".key.age"
PUBLIC_SUFFIX = ".key.pub"
#: The environment variable a script may set instead of typing the passphrase.
PASSPHRASE_ENV = "ORGANISER_PASSPHRASE"
MIN_PASSPHRASE = 8


class WrongPassphrase(StoreError):
    """The passphrase does not unlock the database's key."""


class NeedsPassphrase(StoreError):
    """The database is encrypted and was opened without its key."""


def key_path(db_path: Path) -> Path:
    """The passphrase-protected key of the database at `db_path`: NAME.key.age."""
    return db_path.with_name(db_path.stem + KEY_SUFFIX)


def public_path(db_path: Path) -> Path:
    """The public recipient of the database at `db_path`: NAME.key.pub."""
    return db_path.with_name(db_path.stem + PUBLIC_SUFFIX)


def is_encrypted(db_path: Path) -> bool:
    """Whether encryption is on for the database at `db_path` (its key file exists)."""
    return key_path(db_path).exists()


def is_sealed(data: bytes) -> bool:
    """Whether `data` is an age file."""
    return data.startswith(AGE_MAGIC)


@dataclass(frozen=True)
class Cipher:
    """An unlocked key: seals to the recipient, opens with the identity."""

    identity: x25519.Identity

    def seal(self, data: bytes) -> bytes:
        """`data` as a binary age file."""
        return bytes(pyrage.encrypt(data, [self.identity.to_public()]))

    def open(self, data: bytes) -> bytes:
        """The plain bytes of an age file sealed with this key. Raises ValueError."""
        try:
            return bytes(pyrage.decrypt(data, [self.identity]))
        except pyrage.DecryptError as error:
            raise ValueError("it cannot be decrypted with this database's key") from error

    def seal_line(self, payload: bytes) -> bytes:
        """A journal payload: `payload` sealed, as base64 (one line, no newline)."""
        return base64.b64encode(self.seal(payload))

    def open_line(self, payload: bytes) -> bytes:
        """The plain payload of a sealed journal line. Raises ValueError."""
        try:
            sealed = base64.b64decode(payload, validate=True)
        except binascii.Error as error:
            raise ValueError("it is neither JSON nor encrypted data") from error
        return self.open(sealed)


def new_key(db_path: Path, passphrase: str) -> Cipher:
    """Make a fresh key for `db_path` and write its two files (0600, atomically): the public
    recipient first, then the passphrase-protected identity, whose presence turns encryption
    on. Raises StoreError."""
    identity = x25519.Identity.generate()
    locked = age_passphrase.encrypt(str(identity).encode("ascii"), passphrase, armored=True)
    try:
        atomic_write(public_path(db_path), f"{identity.to_public()}\n".encode("ascii"))
        atomic_write(key_path(db_path), locked)
    except OSError as error:
        raise StoreError(
            f"Could not write the encryption key beside {db_path}: {explain(error)}. "
            "Nothing was encrypted."
        ) from error
    return Cipher(identity)


def unlock(db_path: Path, passphrase: str) -> Cipher:
    """The key of the encrypted database at `db_path`, unlocked with `passphrase` (about a
    second of work). Raises WrongPassphrase, or StoreError when the key file is unreadable."""
    file = key_path(db_path)
    try:
        locked = file.read_bytes()
    except OSError as error:
        raise StoreError(f"Could not read the encryption key {file}: {explain(error)}.") from error
    try:
        secret = age_passphrase.decrypt(locked, passphrase)
    except pyrage.DecryptError as error:
        raise WrongPassphrase(
            f"That passphrase does not unlock {file}. Nothing was opened; try again."
        ) from error
    try:
        return Cipher(x25519.Identity.from_str(secret.decode("ascii").strip()))
    except (UnicodeDecodeError, pyrage.IdentityError) as error:
        raise StoreError(f"The encryption key {file} is damaged: it holds no age key.") from error
