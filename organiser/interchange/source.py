"""Reading a file someone wants to import: the bytes, then the text, with a plain reason when
it cannot be read.

    data = read_source(Path("~/people.csv"))      # ImportRefused: missing, a folder, unreadable
    text, encoding = decode_text(data, "people.csv")

Text is taken as UTF-8 (a byte-order mark is dropped), or UTF-16 when it starts with that
byte-order mark (Excel's "Unicode text"). A file that is not valid UTF-8 is read as
Windows-1252, which is what Excel on Windows writes for "CSV (comma delimited)"; the plan says
so, since accents may then need checking. Anything holding NUL bytes or other control codes
is a binary file (a spreadsheet saved as .xlsx, a photo) and is refused.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from organiser.errors import OrganiserError
from organiser.files import explain

#: Larger than any contact list an alliance keeps; a file this big is surely something else.
MAX_BYTES = 64 * 1024 * 1024

UTF8 = "UTF-8"
WINDOWS = "Windows-1252"
UTF16 = "UTF-16"

# Control codes other than tab, line feed, form feed and carriage return.
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class ImportRefused(OrganiserError):
    """The file cannot be imported at all; nothing was read into the database."""


def read_source(path: Path) -> bytes:
    """The bytes of `path`, or ImportRefused saying why they cannot be had."""
    shown = str(path)
    path = path.expanduser()
    try:
        if path.is_dir():
            raise ImportRefused(f"{shown} is a folder, not a file.")
        with path.open("rb") as file:  # a pipe (<(…)) is read too; a device, only so far
            data = file.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ImportRefused(
                f"{shown} is larger than {MAX_BYTES // 1024 // 1024} MB: too large to be a "
                "contact list."
            )
        return data
    except FileNotFoundError:
        raise ImportRefused(f"There is no file {shown}.") from None
    except OSError as error:
        raise ImportRefused(f"Cannot read {shown}: {_reading(error)}.") from None


def _reading(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "you are not allowed to read it"
    return explain(error)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text of a file and the encoding it was read in; ImportRefused for binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), name), UTF16
        except UnicodeDecodeError:
            raise ImportRefused(f"{name} says it is UTF-16 text but is not.") from None
    if _BINARY.search(data[:65536]):
        raise ImportRefused(
            f"{name} holds binary data, not text: save it as CSV (or vCard) and try again."
        )
    try:
        return _checked(data.decode("utf-8-sig"), name), UTF8
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("cp1252"), name), WINDOWS
    except UnicodeDecodeError:
        raise ImportRefused(
            f"{name} is neither UTF-8 nor Windows-1252 text; save it again as "
            '"CSV UTF-8" and try again.'
        ) from None


def _checked(text: str, name: str) -> str:
    if "\x00" in text:
        raise ImportRefused(f"{name} holds binary data, not text.")
    return text
