"""Where the database, its backups and the settings live. Functions, not constants, so that
tests and the command line can change the environment before anything is decided."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import platformdirs

from store.postgres.address import TEAM_FILE, is_team_url

APP_NAME = "organiser"
DB_FILE = "organiser.json"
BACKUP_DIR = "backups"
DB_ENV = "ORGANISER_DB"

#: Folder names (compared ignoring case) that belong to file-syncing services.
_SYNC_FOLDERS: Mapping[str, str] = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "mobile documents": "iCloud",
    "com~apple~clouddocs": "iCloud",
}


def data_dir() -> Path:
    """The per-user folder for Organiser's data."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database used when neither --db nor ORGANISER_DB says otherwise."""
    return data_dir() / DB_FILE


def config_dir() -> Path:
    """The per-user folder for Organiser's settings."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def backup_dir(db_path: Path) -> Path:
    """The daily backups of `db_path`: a “backups” folder beside it."""
    return db_path.parent / BACKUP_DIR


def resolve_db_path(cli_value: str | None, environ: Mapping[str, str]) -> Path:
    """The database to open: --db beats ORGANISER_DB beats the default; “~” is expanded.
    For a team database (a postgresql:// address), the file beside which its exports and
    diary go by default: team.json in the data folder, never written itself."""
    for value in (cli_value, environ.get(DB_ENV)):
        if value and value.strip():
            if is_team_url(value):
                return default_db_path().with_name(TEAM_FILE)
            return Path(value.strip()).expanduser()
    return default_db_path()


def sync_service(path: Path) -> str | None:
    """The file-syncing service whose folder holds `path`, if any (Dropbox, OneDrive, …)."""
    for part in path.parts:
        name = part.casefold()
        for marker, service in _SYNC_FOLDERS.items():
            # "OneDrive - Example Ltd", "GoogleDrive-someone@example.org", "Dropbox (Personal)"
            if name == marker or name.startswith((marker + " ", marker + "-", marker + " (")):
                return service
    return None


def sync_warning(path: Path) -> str | None:
    """A message for the user when the database sits in a syncing folder."""
    service = sync_service(path)
    if service is None:
        return None
    advice = "Consider keeping it in a folder that is not synced"
    if sync_service(default_db_path()) is None:
        advice += f", such as {default_db_path().parent}"
    return (
        f"The database {path} is in a {service} folder. Syncing can copy a half-saved file or "
        "make conflicting copies, and it sends people's personal data to another company. "
        f"{advice}."
    )
