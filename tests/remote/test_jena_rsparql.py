"""Apache Jena's own SPARQL client, ``rsparql``, reads the served app as it reads Oxigraph's server.

``rsparql`` is the real one, from Debian's ``libapache-jena-java`` (4.5.0;
Maven Central is not reachable, and .ci/run installs the package). Each query
form is sent over GET (its default) and POST (``--post``) to ``orgkg serve``
and to ``oxigraph serve`` holding the same triples; both runs must succeed and
print the same answer (a graph is compared as a graph: the two servers may
send its triples in another order). What rsparql sends is written down in
docs/servers.md.

Debian's package moves Jena's bundled Xerces to the package ``xerces`` but
leaves its message bundles under ``org/apache/jena/ext/xerces``, so any
rsparql run fails at start-up with "internal error" in
``XSSimpleTypeDecl.applyFacets1``; the fixture puts a copy of the bundles
where the moved classes look, on the class path.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.remote.test_protocol_matrix import QUERIES
from tests.unavailable import unavailable

pytestmark = pytest.mark.server

JARS = Path("/usr/share/java")
# Jena's jars and what Debian's libapache-jena-java depends on, as it names them.
LIBRARIES = (
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpcore",
    "jackson-annotations",
    "jackson-core",
    "jackson-databind",
    "jakarta.json-api",
    "jsonld-java",
    "protobuf",
    "slf4j-api",
    "slf4j-nop",
    "thrift",
    "titanium-json-ld",
)
_BUNDLES = "org/apache/jena/ext/xerces/"
_RUN_TIMEOUT_S = 120


@pytest.fixture(scope="module")
def rsparql(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command line that runs Jena's ``arq.rsparql``."""
    java = shutil.which("java")
    jena = sorted(p for p in JARS.glob("jena-*.jar") if not re.search(r"-\d[\d.]*\.jar$", p.name))
    needed = [JARS / f"{name}.jar" for name in LIBRARIES]
    missing = [str(p) for p in needed if not p.exists()]
    if java is None or not (JARS / "jena-cmds.jar").exists() or missing:
        unavailable(
            "Jena's rsparql is missing (java, or jars: "
            f"{', '.join(missing) or 'jena-cmds.jar'}): "
            "apt-get install libapache-jena-java default-jre-headless (.ci/run does)"
        )
    bundles = tmp_path_factory.mktemp("jena-bundles")
    with zipfile.ZipFile(JARS / "jena-core.jar") as core:
        for name in core.namelist():
            if name.startswith(_BUNDLES) and name.endswith(".properties"):
                target = bundles / "xerces" / name.removeprefix(_BUNDLES)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(core.read(name))
    classpath = ":".join(str(p) for p in [*jena, *needed, bundles])
    return [str(java), "-cp", classpath, "arq.rsparql"]


@pytest.fixture(scope="module")
def endpoints(orgkg_base: str, loaded_server: str) -> dict[str, str]:
    return {"orgkg": f"{orgkg_base}/sparql", "oxigraph": loaded_server}


def run(command: list[str], endpoint: str, query: Path, *, post: bool) -> str:
    done = subprocess.run(
        [*command, "--service", endpoint, "--query", str(query), *(["--post"] if post else [])],
        capture_output=True,
        text=True,
        timeout=_RUN_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, f"{endpoint}: {done.stderr}"
    return done.stdout


@pytest.mark.parametrize("post", [False, True], ids=["GET", "POST"])
@pytest.mark.parametrize("form", list(QUERIES))
def test_rsparql_reads_the_app_as_it_reads_oxigraph(
    rsparql: list[str], endpoints: dict[str, str], tmp_path: Path, form: str, post: bool
) -> None:
    query = tmp_path / "query.rq"
    query.write_text(QUERIES[form], encoding="utf-8")
    ours, reference = (run(rsparql, endpoints[n], query, post=post) for n in ("orgkg", "oxigraph"))
    if form in ("CONSTRUCT", "DESCRIBE"):
        graphs = [Graph().parse(data=text, format="turtle") for text in (ours, reference)]
        assert len(graphs[0]) > 0
        assert isomorphic(*graphs)
    else:
        assert ours == reference
        assert "post" in ours if form == "SELECT" else "Yes" in ours
