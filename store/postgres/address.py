"""A team database's address: telling `postgresql://…` from a file's path, and printing it
without its password. No driver is imported here, so the file store's start-up pays nothing
for the team store."""

from __future__ import annotations

import re
from collections.abc import Mapping

#: Addresses that name a PostgreSQL team database rather than a file.
TEAM_SCHEMES = ("postgresql://", "postgres://")
#: Beside which a team database's exports and kept diary go by default, in the data folder
#: (never written itself: the records are on the server).
TEAM_FILE = "team.json"
#: The environment variable that names the database (as store.paths reads it).
DB_ENV = "ORGANISER_DB"

_PASSWORD = re.compile(r"(://[^:/@?#]*:)[^@/?#]*@")
_PASSWORD_PARAM = re.compile(r"(password=)[^&\s]*", re.IGNORECASE)


def is_team_url(text: str | None) -> bool:
    """True for a `postgresql://…` (or `postgres://…`) address; a path is not one."""
    return bool(text) and str(text).strip().lower().startswith(TEAM_SCHEMES)


def team_url(cli_value: str | None, environ: Mapping[str, str]) -> str | None:
    """The team database's address when --db (else ORGANISER_DB) gives one, else None."""
    for value in (cli_value, environ.get(DB_ENV)):
        if value and value.strip():
            return value.strip() if is_team_url(value) else None
    return None


def redact(url: str) -> str:
    """The address with any password in it replaced by ***, fit to print."""
    return _PASSWORD_PARAM.sub(r"\1***", _PASSWORD.sub(r"\1***@", url.strip()))
