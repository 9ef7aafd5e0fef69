"""The viewer's projection and page, without a browser: what goes into the
page, and that nothing in the data can come out of it as markup."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph import render_html
from graph.viewer import SCRIPTS, csp_hash, legend, render_view, static_text, to_script_json
from graph.viewer.orgchart import KINDS, RANKING, RELATIONS, Source, local_name, project_view
from ontology import Store, load_regulation
from ontology.namespaces import ID

DATA = Path(__file__).resolve().parent / "data"
MINI = f"{ID}mini-tct"
HEAD = f"{ID}mini-tct/post/to-truong"
CHAIR = f"{ID}mini-ub/post/chu-tich"
WEEKLY = f"{ID}mini-tct/reporting/nhom-hang-tuan"
GROUP = f"{ID}mini-tct/unit/nhom-truyen-thong"
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="orgkg-data">(.*?)</script>', re.DOTALL
)


@pytest.fixture(scope="module")
def mini() -> Store:
    return load_regulation([DATA / "viewer-mini.ttl"])


@pytest.fixture(scope="module")
def view(mini: Store) -> nx.DiGraph:
    return project_view(mini)


def payload_of(html: str) -> Any:
    blocks = DATA_BLOCK.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


# -- the projection --------------------------------------------------------


def test_every_kind_is_projected_with_both_labels(view: nx.DiGraph) -> None:
    kinds = {kind for _, kind in view.nodes(data="kind")}
    assert kinds == set(KINDS)
    assert view.nodes[HEAD]["label_vi"] == "Tổ trưởng"
    assert view.nodes[HEAD]["label_en"] == "Head of the Working Group"
    assert "to truong" in view.nodes[HEAD]["fold"]
    assert view.nodes[f"{ID}mini-ub"]["alt"] == ("UBM",)


def test_sources_carry_the_sentence_id_and_exact_text(view: nx.DiGraph) -> None:
    (source,) = view.nodes[HEAD]["sources"]
    assert source == Source(
        f"{ID}doc/mini/para_1__sent_2",
        "para_1__sent_2",
        "Tổ công tác Mẫu giúp việc Chủ tịch Ủy ban; Tổ trưởng Tổ công tác là ông Nguyễn Văn Mẫu.",
    )
    assert view.nodes[source.iri]["kind"] == "source"
    assert view.edges[HEAD, source.iri]["relation"] == "derivedFrom"


def test_relations_read_as_the_org_chart_reads_them(view: nx.DiGraph) -> None:
    relation = nx.get_edge_attributes(view, "relation")
    assert relation[HEAD, MINI] == "heads"  # a head's post, not just a post in
    assert relation[f"{ID}mini-tct/post/thanh-vien", MINI] == "postIn"
    assert relation[f"{ID}person/nguyen-van-mau", HEAD] == "holds"  # from org:heldBy
    assert relation[GROUP, WEEKLY] == relation[WEEKLY, HEAD] == "reportsTo"
    assert (GROUP, HEAD) not in relation  # the qualified line already draws it
    permission = f"{ID}mini-tct/permission/dau-vp-to-truong"
    assert relation[HEAD, permission] == relation[permission, f"{ID}mini-vp/seal"] == "mayUseSeal"
    assert relation[MINI, f"{ID}mini-tct/duty/bao-cao-thang"] == "bears"
    assert set(relation.values()) <= set(RELATIONS)


def test_details_and_units(view: nx.DiGraph) -> None:
    assert ("frequency", "Hàng tuần", "Weekly") in view.nodes[WEEKLY]["details"]
    assert view.nodes[HEAD]["unit"] == MINI
    assert view.nodes[f"{ID}person/nguyen-van-mau"]["unit"] == MINI
    assert view.nodes[f"{ID}mini-tct/post/truong-nhom-truyen-thong"]["unit"] == GROUP
    assert view.nodes[f"{ID}mini-tct/duty/khong-nguoi"]["unit"] is None  # no bearer


def test_bundled_regulation_has_sources_for_every_node() -> None:
    view = project_view(load_regulation())
    unsourced = [
        n for n, data in view.nodes(data=True) if data["kind"] != "source" and not data["sources"]
    ]
    assert unsourced == []
    assert view.graph["title"]["vi"].startswith("Quy chế")


def test_every_engine_projects_the_same_view(view: nx.DiGraph) -> None:
    memory = project_view(load_regulation([DATA / "viewer-mini.ttl"], engine="memory"))
    assert dict(memory.nodes(data=True)) == dict(view.nodes(data=True))
    assert set(memory.edges(data="relation")) == set(view.edges(data="relation"))


def test_an_empty_view_still_renders() -> None:
    payload = payload_of(render_view(nx.DiGraph()))
    assert (payload["nodes"], payload["edges"], payload["title"]) == ([], [], None)


def test_tables_cover_every_kind_and_relation() -> None:
    assert set(legend.KIND_STYLES) == set(KINDS)
    assert set(legend.RELATION_STYLES) == set(RELATIONS) == set(RANKING)
    assert set(legend.BRIDGED_KINDS) <= set(legend.HIDDEN_KINDS)
    assert local_name(f"{ID}tct-cpdt/post/to-truong") == "tct-cpdt/post/to-truong"


# -- the page ----------------------------------------------------------------


def test_page_holds_the_projection_and_loads_nothing(mini: Store, view: nx.DiGraph) -> None:
    html = render_html(mini, lang="en", focus="mini-tct", depth=99)
    payload = payload_of(html)
    assert len(payload["nodes"]) == view.number_of_nodes()
    assert len(payload["edges"]) == view.number_of_edges()
    assert (payload["lang"], payload["focus"], payload["depth"]) == ("en", "mini-tct", 10)
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(link|iframe|img|object|embed)\b", html)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?[a-z]+:""", html)
    assert "cdn" not in html.lower().replace("cdnjs", "")


def test_only_the_pages_own_scripts_may_run(mini: Store) -> None:
    html = render_html(mini)
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found is not None
    policy = unescape(found.group(1))
    allowed = set(re.findall(r"'sha256-[^']+'", policy))
    assert allowed == {csp_hash(static_text(name)) for name in SCRIPTS}
    script_policy = policy.split("script-src")[1].split(";")[0]
    assert "default-src 'none'" in policy and "unsafe" not in script_policy


def test_hostile_labels_stay_inside_the_json_block() -> None:
    store = load_regulation([DATA / "viewer-hostile.ttl"])
    html = render_html(store)
    outside = DATA_BLOCK.sub("", html)
    # The heading names the hostile organisation (no legal resource here):
    # as escaped text, with no markup inside the title or the h1.
    headings = re.findall(r"<title>(.*?)</title>|<h1 id=\"heading\">(.*?)</h1>", outside)
    assert headings and all("<" not in a + b and '"' not in a + b for a, b in headings)
    outside = re.sub(r"<title>.*?</title>|<h1 id=\"heading\">.*?</h1>", "", outside)
    for needle in ("window.__pwned", "<img", "<svg", "href=javascript", "onerror=\\"):
        assert needle not in outside
    markup = re.sub(r"<script>.*?</script>", "", outside, flags=re.DOTALL)
    assert "onerror" not in markup
    block = DATA_BLOCK.findall(html)[0]
    assert "</" not in block and "<!--" not in block and "<" not in block
    labels = {node["id"]: node["label_vi"] for node in payload_of(html)["nodes"]}
    assert labels[f"{ID}hostile"] == project_view(store).nodes[f"{ID}hostile"]["label_vi"]


def test_script_json_escapes_what_could_end_the_block() -> None:
    text = to_script_json({"a": "</script><!-- & \u2028"})
    assert "</" not in text and "<!--" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_static_files_refuse_to_break_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.js").write_text("let a = '</script>';", encoding="utf-8")
    monkeypatch.setattr("graph.viewer.page.STATIC", tmp_path)
    static_text.cache_clear()
    try:
        with pytest.raises(ValueError, match="cannot be inlined"):
            static_text("bad.js")
    finally:
        static_text.cache_clear()


def test_a_large_view_opens_collapsed() -> None:
    big: nx.DiGraph = nx.DiGraph()
    big.add_node("b", kind="body", label_vi="Bộ", label_en="Ministry", unit="b")
    for u in range(100):
        unit = f"b/u{u}"
        big.add_node(unit, kind="unit", label_vi=f"Vụ {u}", label_en=f"Dept {u}", unit=unit)
        big.add_edge(unit, "b", relation="unitOf")
        for p in range(49):
            post = f"{unit}/p{p}"
            big.add_node(
                post, kind="post", label_vi=f"Chức vụ {p}", label_en=f"Post {p}", unit=unit
            )
            big.add_edge(post, unit, relation="postIn")
    payload = payload_of(render_view(big))
    assert payload["collapsed"] is True
    assert len(payload["nodes"]) == 5_001
