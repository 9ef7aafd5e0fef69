"""orgkg's benchmark: synthetic government-scale data and the measurements on it.

``python -m benchmarks`` runs it; :mod:`benchmarks.generator` writes the data.
"""

from __future__ import annotations
