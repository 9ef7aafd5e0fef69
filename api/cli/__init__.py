"""The ``orgkg`` command line: the typer app, its outputs and its progress bar.

:func:`main` is the ``orgkg`` console script; ``python -m api.cli`` runs it too.
"""

from __future__ import annotations

from api.cli.commands import app, main

__all__ = ["app", "main"]
