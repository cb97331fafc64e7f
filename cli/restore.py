"""Restoring a damaged database from its backups: `organiser restore`, and the offer made when
a command finds the database damaged."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.encryption import cipher_for
from organiser.clock import SystemClock
from organiser.errors import DatabaseCorrupt
from organiser.text import terminal_safe
from store.restore import describe_backup, newest_good_backup, restore_backup


def add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backup",
        metavar="FILE",
        type=Path,
        help="the backup to restore (default: the newest good one)",
    )
    parser.add_argument("--yes", action="store_true", help="do not ask before restoring")


def _say(message: str) -> None:
    print(terminal_safe(message), file=sys.stderr)


def _ask(question: str) -> bool:
    try:
        answer = input(terminal_safe(question))
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def restore(db_path: Path, backup: Path | None, *, ask: bool) -> int:
    """Put `backup` (or the newest good one) in place of the database; 0 done, 1 not."""
    cipher = cipher_for(db_path)
    chosen = backup or newest_good_backup(db_path, cipher)
    if chosen is None:
        _say(f"organiser: there is no good backup of {db_path} to restore from.")
        return 1
    if ask and not _ask(
        f"Restore {describe_backup(chosen)}? Changes made since then will be missing; the "
        "damaged file is kept beside it. [y/N] "
    ):
        _say("organiser: nothing restored; the database is as it was.")
        return 1
    done = restore_backup(db_path, SystemClock(), chosen, cipher)
    kept = ", ".join(str(p) for p in done.set_aside) or "nothing needed setting aside"
    _say(f"Restored {describe_backup(done.backup)}. Kept the damaged files as: {kept}.")
    return 0


def offer_restore(db_path: Path, error: DatabaseCorrupt) -> bool:
    """After saying what is wrong, offer the newest good backup when someone is at the
    keyboard; True when it was restored and the command can try again."""
    _say(f"organiser: {error}")
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        _say("organiser: run `organiser restore` to put the newest good backup in its place.")
        return False
    if newest_good_backup(db_path, cipher_for(db_path)) is None:
        _say("organiser: there is no good backup to restore from.")
        return False
    return restore(db_path, None, ask=True) == 0
