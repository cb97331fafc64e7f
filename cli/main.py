"""Entry point for the `organiser` console script."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from organiser import __version__

    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        print(f"organiser {__version__}")
        return 0
    return 2
