"""``python -m api.cli``: the ``orgkg`` command."""

from __future__ import annotations

from api.cli.commands import main

main()
