"""The one error hierarchy of orgkg.

Every error carries what the edges need: the command line's exit code, the
HTTP status and a stable machine-readable code.

    OrgkgError                     exit 2
    ├── DataError                  bad input data (file, line, column)   422
    ├── StoreError                 the store cannot answer               503
    ├── QueryError                 a question or query is wrong          400
    │   ├── UnknownQuestion        no such question id                   404
    │   ├── ParameterError         missing / unknown / malformed param   400
    │   └── ForbiddenQuery         update, SERVICE, FROM, LOAD ...       400
    ├── QueryTimeout               the query ran past its time limit     503
    ├── QueryOutOfMemory           the query passed its memory limit     503
    ├── ResultTooLarge             the answer exceeds the caps           413
    ├── NotFound                   no such entity / format               404
    ├── OutputError                an output cannot be written           exit 2
    └── BrowserError               no headless browser to draw an image  503
"""

from __future__ import annotations

from pathlib import Path


class OrgkgError(Exception):
    """Base of every error orgkg raises on purpose."""

    exit_code: int = 2
    http_status: int = 400
    code: str = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DataError(OrgkgError):
    """Input data that cannot be loaded: names the file, line and column."""

    http_status = 422
    code = "bad-data"

    def __init__(
        self,
        reason: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        where = ":".join(str(part) for part in (self.path, line, column) if part is not None)
        super().__init__(f"{where}: {reason}" if where else reason)


class StoreError(OrgkgError):
    http_status = 503
    code = "store-unavailable"


class QueryError(OrgkgError):
    code = "bad-query"


class UnknownQuestion(QueryError):
    http_status = 404
    code = "unknown-question"


class ParameterError(QueryError):
    code = "bad-parameter"

    def __init__(self, message: str, *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.parameter = parameter


class ForbiddenQuery(QueryError):
    code = "forbidden-query"


class QueryTimeout(OrgkgError):
    http_status = 503
    code = "query-timeout"


class QueryOutOfMemory(OrgkgError):
    http_status = 503
    code = "query-out-of-memory"


class ResultTooLarge(OrgkgError):
    http_status = 413
    code = "result-too-large"


class NotFound(OrgkgError):
    http_status = 404
    code = "not-found"


class OutputError(OrgkgError):
    http_status = 500
    code = "output-error"


class BrowserError(OrgkgError):
    """An image of the chart needs a headless Chromium that is missing or failed."""

    http_status = 503
    code = "browser-unavailable"
