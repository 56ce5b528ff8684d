"""Options shared by several commands, defined once so their names, defaults and help agree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """--db: the SQLite database (default foi.db or $FOI_DB)."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help="SQLite database (default: foi.db in the working directory, or $FOI_DB).")(func)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """--format: how results are written."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="table for reading; json or csv for other tools.")


def personal_option(func: F) -> F:
    """--show-personal-data: CPR numbers as written instead of masked."""
    return click.option("--show-personal-data", is_flag=True,
                        help="Show CPR numbers as written instead of masked with X.")(func)
