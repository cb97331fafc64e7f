"""The domain and the store run without a terminal: neither pulls in Textual."""

from __future__ import annotations

import subprocess
import sys


def test_domain_and_store_do_not_import_textual() -> None:
    code = (
        "import sys, organiser, organiser.models, organiser.repository, organiser.validation, "
        "store.repository, store.database\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens'))\n"
        "print(','.join(bad))"
    )
    assert _printed_by(code) == ""


def test_domain_does_not_import_the_storage_engine() -> None:
    code = (
        "import sys, organiser.models, organiser.repository, organiser.validation, organiser.text\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('tinydb', 'store'))))"
    )
    assert _printed_by(code) == ""


def test_the_app_start_loads_neither_the_subcommands_nor_the_store_nor_the_models() -> None:
    """The store, the domain and its models are imported by the thread that opens the
    database once the kept Today is painted (screens/today_lines.py); the subcommands'
    modules (exports, imports, capture …) are never needed."""
    code = (
        "import sys; from cli.main import _read; _read(['--db', 'o.json']); import screens.app\n"
        "print(sorted(m for m in sys.modules if m.startswith(('cli.subcommands', 'store.database', "
        "'store.repository', 'cli.export', 'cli.capture', 'organiser.interchange', "
        "'organiser.models', 'organiser.today', 'pydantic.main', 'screens.calendar_keeper'))))"
    )
    assert _printed_by(code) == "[]"


def _printed_by(code: str) -> str:
    """What `code` prints, run in a fresh interpreter (nothing imported yet)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()
