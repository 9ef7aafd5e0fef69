"""Every Vietnamese scenario under ``features/``, bound to the steps in ``steps/``.

Run them on your own edited model with ``pytest tests/bdd --orgkg-data PATH``
(or ``ORGKG_DATA=PATH``); see docs/ci.md.
"""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios(".")
