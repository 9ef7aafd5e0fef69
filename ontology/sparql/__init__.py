"""The one home of the SPARQL orgkg runs for itself, and the one ``.rq`` reader.

Every ``*.rq`` beside this module is a query the code needs (loading,
projections, the viewer, entity pages, label resolution): not a catalogue
question, never listed to users. The catalogue's questions are
``queries/*.rq``, read by the same :func:`read_rq`. No SPARQL text sits in
Python (a test checks).

>>> read_sparql("count-triples").splitlines()[-1]
'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
"""

from __future__ import annotations

import functools
from pathlib import Path

from ontology.errors import DataError

FOLDER = Path(__file__).resolve().parent


def read_rq(path: Path) -> str:
    """The text of one ``.rq`` file, or DataError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise DataError(f"cannot read query: {reason}", path=path) from None


@functools.cache
def read_sparql(name: str) -> str:
    """The text of ``ontology/sparql/<name>.rq`` (read once)."""
    return read_rq(FOLDER / f"{name}.rq")
