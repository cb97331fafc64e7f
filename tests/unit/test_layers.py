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
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_domain_does_not_import_the_storage_engine() -> None:
    code = (
        "import sys, organiser.models, organiser.repository, organiser.validation, organiser.text\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('tinydb', 'store'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
