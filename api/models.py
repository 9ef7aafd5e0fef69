"""Response schemas, for the OpenAPI document and for the small JSON bodies.

Big answers are sent pre-serialised (bytes made in a worker); these models
still describe them, so every status of every route has a documented schema.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. `unknown-question`.")
    message: str = Field(description="What went wrong, for people.")


class ErrorBody(BaseModel):
    """Every error response of the API."""

    error: ErrorDetail


class SparqlTerm(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    type: Literal["uri", "literal", "bnode"]
    value: str
    xml_lang: str | None = Field(default=None, alias="xml:lang")
    datatype: str | None = None


class SparqlHead(BaseModel):
    vars: list[str] = Field(default_factory=list)


class SparqlBindings(BaseModel):
    bindings: list[dict[str, SparqlTerm]]


class SparqlResults(BaseModel):
    """W3C SPARQL 1.1 Query Results JSON: ``results`` for SELECT, ``boolean`` for ASK."""

    head: SparqlHead
    results: SparqlBindings | None = None
    boolean: bool | None = None


class ParameterInfo(BaseModel):
    name: str
    kind: Literal["iri", "text", "date", "integer"]
    required: bool
    description: str = ""


class QuestionInfo(BaseModel):
    """One question of the catalogue."""

    id: str
    kind: Literal["sparql", "graph"]
    title: dict[str, str] = Field(description="Title by language (vi, en).")
    description: dict[str, str] = Field(description="Description by language (vi, en).")
    parameters: list[ParameterInfo]
    tags: list[str]
    href: str = Field(description="Where to ask it: /queries/{id}.")


class WorkerStatus(BaseModel):
    size: int = Field(description="Worker processes configured.")
    alive: int = Field(description="Worker processes running.")
    idle: int = Field(description="Worker processes free right now.")


class Health(BaseModel):
    status: Literal["ok", "degraded", "unavailable"]
    engine: str
    version: str = Field(description="Changes whenever the loaded inputs change.")
    triples: int | None = Field(description="Triples in the store (None for a remote endpoint).")
    workers: WorkerStatus
    query_timeout: float = Field(description="Time limit of one query, seconds.")


class Entity(BaseModel):
    """One entity: labels, types, relations out and in, and the source sentences."""

    model_config = ConfigDict(extra="allow")

    iri: str


class CheckReport(BaseModel):
    """The compliance report: whether the graph conforms, and each result."""

    model_config = ConfigDict(extra="allow")

    conforms: bool
    results: list[dict[str, Any]] = Field(default_factory=list)
