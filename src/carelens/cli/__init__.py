"""The `carelens` command: one entry point for everything a person runs."""

from __future__ import annotations

import sys

from carelens.cli.app import app
from carelens.config import ConfigError


def main(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, prog_name="carelens")
    except ConfigError as error:
        print(f"carelens: {error}", file=sys.stderr)
        sys.exit(2)
