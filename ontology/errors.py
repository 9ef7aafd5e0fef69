"""The one error hierarchy of orgkg.

Every error carries what the edges need: the command line's exit code, the
HTTP status and a stable machine-readable code.

    OrgkgError                     exit 2
    ├── DataError                  bad input data (file, line, column)   422
    ├── SettingError               an option / ORGKG_* value is unusable 400
    ├── StoreError                 the store cannot answer               503
    │   ├── ServiceBusyError       every worker stayed busy              503
    │   └── WorkerCrashError       a worker died while answering         503
    ├── QueryError                 a question or query is wrong          400
    │   ├── UnknownQuestion        no such question id                   404
    │   ├── ParameterError         missing / unknown / malformed param   400
    │   │   └── UnresolvedParameter an asked text names no one entity      422
    │   ├── NotUnderstood          an asked text matches no question     422
    │   ├── ForbiddenQuery         update, SERVICE, FROM, LOAD ...       400
    │   ├── QueryTooLongError      the query text passes the limit       413
    │   └── UnsupportedMediaTypeError  a body type no route reads       415
    ├── NotAcceptableError         no format the client accepts          406
    ├── TooManyRequestsError       a client passed its concurrent cap    429
    ├── QueryTimeout               the query ran past its time limit     503
    ├── QueryOutOfMemory           the query passed its memory limit     503
    ├── NotFound                   no such entity / format               404
    ├── JobError                   a worker's job failed unexpectedly    500
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


class UnresolvedParameter(ParameterError):
    """A question asked in words needs a parameter its words do not name (or name ambiguously).

    ``candidates`` are ``{"iri": ..., "label": ...}`` the person may choose from.
    """

    http_status = 422
    code = "unresolved-parameter"

    def __init__(
        self,
        message: str,
        *,
        parameter: str | None = None,
        question: str | None = None,
        candidates: tuple[dict[str, str], ...] = (),
    ) -> None:
        super().__init__(message, parameter=parameter)
        self.question = question
        self.candidates = candidates

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword arguments survive the pipe from a query worker.
        return (_rebuild, (type(self), self.message, self.__dict__))


class NotUnderstood(QueryError):
    """An asked text matches no catalogue question well; ``candidates`` are the closest ids."""

    http_status = 422
    code = "not-understood"

    def __init__(self, message: str, *, candidates: tuple[dict[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.__dict__))


def _rebuild(cls: type[OrgkgError], message: str, state: dict[str, object]) -> OrgkgError:
    error = cls.__new__(cls)
    OrgkgError.__init__(error, message)
    error.__dict__.update(state)
    return error


class ForbiddenQuery(QueryError):
    code = "forbidden-query"


class QueryTimeout(OrgkgError):
    http_status = 503
    code = "query-timeout"


class QueryOutOfMemory(OrgkgError):
    http_status = 503
    code = "query-out-of-memory"


class NotFound(OrgkgError):
    http_status = 404
    code = "not-found"


class OutputError(OrgkgError):
    http_status = 500
    code = "output-error"


class SettingError(OrgkgError):
    """A setting (option or environment variable) has a value orgkg cannot use."""

    code = "bad-setting"


class ServiceBusyError(StoreError):
    """Every query worker stayed busy for the whole time limit."""

    code = "busy"


class WorkerCrashError(StoreError):
    """A worker died while answering (out of memory, killed from outside)."""

    code = "worker-crashed"


class JobError(OrgkgError):
    """A job raised something that is not an OrgkgError: a bug, logged in the worker."""

    http_status = 500
    code = "internal-error"


class QueryTooLongError(QueryError):
    """The query text is longer than the service accepts."""

    http_status = 413
    code = "query-too-long"


class UnsupportedMediaTypeError(QueryError):
    """A request body of a type the route does not read."""

    http_status = 415
    code = "unsupported-media-type"


class NotAcceptableError(OrgkgError):
    """None of the media types the client accepts can be produced."""

    http_status = 406
    code = "not-acceptable"


class BrowserError(OrgkgError):
    """An image of the chart needs a headless Chromium that is missing or failed."""

    http_status = 503
    code = "browser-unavailable"


class TooManyRequestsError(OrgkgError):
    """A client already has as many queries in flight as one client may (``Retry-After``)."""

    http_status = 429
    code = "too-many-requests"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
