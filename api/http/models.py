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


class WarmUp(BaseModel):
    state: Literal["off", "running", "done"] = Field(
        description="`running`: the service already answers; answers not yet prepared are "
        "computed on request."
    )
    done: int = Field(description="Parameter-free answers (question, language) prepared so far.")
    total: int = Field(description="Parameter-free answers the warm-up prepares.")


class Health(BaseModel):
    status: Literal["ok", "degraded", "unavailable"]
    engine: str
    version: str = Field(description="Changes whenever the loaded inputs change.")
    triples: int | None = Field(description="Triples in the store (None for a remote endpoint).")
    workers: WorkerStatus
    lanes: dict[str, WorkerStatus] = Field(
        default_factory=dict,
        description="Workers per lane: `default` (catalogue, entities, search), `sparql` "
        "(ad-hoc queries), `long` (check, exports, viewer); a lane never waits for another.",
    )
    query_timeout: float = Field(description="Time limit of one query, seconds.")
    network_isolated: bool = Field(
        description="Whether the query workers run without any network access."
    )
    warm_up: WarmUp | None = Field(
        default=None, description="How far the warm-up of the catalogue's answers is."
    )


class EntityType(BaseModel):
    iri: str
    label: str | None = None


class OutgoingRelation(BaseModel):
    model_config = ConfigDict(extra="allow")

    predicate: str
    predicateLabel: str | None = None  # noqa: N815 - the JSON field name
    object: str
    objectKind: str = Field(description="`iri` or `literal`.")  # noqa: N815
    objectLabel: str | None = None  # noqa: N815


class IncomingRelation(BaseModel):
    model_config = ConfigDict(extra="allow")

    subject: str
    subjectLabel: str | None = None  # noqa: N815
    predicate: str
    predicateLabel: str | None = None  # noqa: N815


class SourceSentence(BaseModel):
    model_config = ConfigDict(extra="allow")

    sentence: str = Field(description="IRI of the sentence.")
    id: str = Field(description="Sentence id, e.g. `para_5__sent_2`.")
    text: str = Field(description="The exact text of the sentence.")
    document: str | None = None
    documentLabel: str | None = None  # noqa: N815


class Entity(BaseModel):
    """One entity: labels, types, relations out and in, and the source sentences."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    iri: str
    id: str = Field(description="Short form, e.g. `id:tct-cpdt/post/to-truong`.")
    label: str | None = Field(default=None, description="The label in the language asked for.")
    labels: dict[str, str] = Field(default_factory=dict, description="Label by language.")
    altLabels: list[str] = Field(default_factory=list)  # noqa: N815
    types: list[EntityType] = Field(default_factory=list)
    out: list[OutgoingRelation] = Field(default_factory=list)
    incoming: list[IncomingRelation] = Field(default_factory=list, alias="in")
    sources: list[SourceSentence] = Field(default_factory=list)


class CheckReport(BaseModel):
    """The compliance report: whether the graph conforms, and each result."""

    model_config = ConfigDict(extra="allow")

    conforms: bool
    results: list[dict[str, Any]] = Field(default_factory=list)
