"""Writing an export (a review, a report) to a file of the organiser's choosing: all of it or
none, readable by its owner alone, since exports hold personal data."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE = 0o600


def write_private(path: Path, text: str) -> Path:
    """Write `text` (UTF-8) to `path`, replacing any file there, mode 0600.

    The text goes to a temporary file beside `path` first and is renamed over it, so a
    failure leaves the old file (or none), never half a file. Returns the path written;
    raises OSError, the temporary file removed.
    """
    path = path.expanduser()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, PRIVATE)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path
