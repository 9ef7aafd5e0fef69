"""The org-chart page in a real chromium: what a reader sees and can do.

Each test opens the page that ``graph.render_html`` writes, served from
127.0.0.1 (as ``orgkg serve`` serves ``/``) or opened as a file (as
``orgkg view --output FILE`` leaves it), and checks it the way a person
would: counts, search, clicks, the language toggle, links, a hostile label,
a big graph. ``ORGKG_UPDATE_SCREENSHOT=1`` rewrites docs/viewer.png.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graph import render_html
from graph.viewer.legend import BRIDGED_KINDS, HIDDEN_KINDS, HIDDEN_RELATIONS
from graph.viewer.orgchart import project_view
from ontology import Store, load_regulation
from ontology.namespaces import ID

from .conftest import OpenPage, PageRun
from .synthetic import synthetic_turtle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "graph" / "data"
HEAD_POST = f"{ID}tct-cpdt/post/to-truong"
CHAIRMAN = f"{ID}ubqg-cpdt/post/chu-tich"
WORKING_GROUP = f"{ID}tct-cpdt"
LEADERSHIP = f"{ID}tct-cpdt/unit/lanh-dao"
GROUP = f"{ID}tct-cpdt/unit/nhom-truyen-thong"


@pytest.fixture(scope="module")
def bundled() -> Store:
    return load_regulation()


@pytest.fixture(scope="module")
def view(bundled: Store) -> nx.DiGraph:
    return project_view(bundled)


@pytest.fixture(scope="module")
def page_html(bundled: Store) -> str:
    return render_html(bundled)


@pytest.fixture
def default_page(open_page: OpenPage, page_html: str) -> Iterator[PageRun]:
    run = open_page(page_html)
    yield run
    assert run.errors == [], "the page logged errors"
    assert run.blocked == [], "the page tried to reach another host"


def show_everything(run: PageRun) -> None:
    """Turn every kind and relation on (the legend is rebuilt after each click)."""
    hidden = run.page.locator(".legend button[aria-pressed=false]")
    while hidden.count():
        hidden.first.click()


def click_node(run: PageRun, node: str) -> None:
    point = run.js("(id) => orgkgView.domPosition(id)", node)
    assert point is not None, f"{node} is not drawn"
    run.page.mouse.click(point["x"], point["y"])


def one_step_from(view: nx.DiGraph, start: str) -> set[str]:
    """What the page shows one step around ``start``: hidden reporting lines and
    permissions are passed through, as the page draws them as plain edges."""
    seen, queue = {start}, [start]
    while queue:
        node = queue.pop()
        edges = [*view.out_edges(node, data="relation"), *view.in_edges(node, data="relation")]
        for source, target, relation in edges:
            other = target if source == node else source
            if relation in HIDDEN_RELATIONS or other in seen:
                continue
            seen.add(other)
            if view.nodes[other]["kind"] in BRIDGED_KINDS:
                queue.append(other)
    return {node for node in seen if view.nodes[node]["kind"] not in HIDDEN_KINDS}


def test_counts_equal_the_projection(default_page: PageRun, view: nx.DiGraph) -> None:
    assert default_page.js("orgkgView.counts()") == {
        "nodes": view.number_of_nodes(),
        "edges": view.number_of_edges(),
    }
    shown = default_page.js("orgkgView.visible()")["nodes"]
    assert shown == sum(1 for _, kind in view.nodes(data="kind") if kind not in HIDDEN_KINDS)
    show_everything(default_page)
    assert default_page.js("orgkgView.visible()") == {
        "nodes": view.number_of_nodes(),
        "edges": view.number_of_edges(),
    }


def test_no_request_leaves_the_machine(default_page: PageRun) -> None:
    show_everything(default_page)
    default_page.page.locator("#layout-toggle button[data-layout=force]").click()
    default_page.page.wait_for_timeout(300)
    assert default_page.blocked == []
    local = "http://127.0.0.1:"
    assert all(url.startswith(local) for url in default_page.requests), default_page.requests
    policy = default_page.page.locator("meta[http-equiv=Content-Security-Policy]")
    csp = policy.get_attribute("content")
    assert csp is not None and "default-src 'none'" in csp


def test_org_chart_puts_the_chairman_above_the_working_group(default_page: PageRun) -> None:
    where = {
        node: default_page.js("(id) => orgkgView.domPosition(id)", node)
        for node in (CHAIRMAN, WORKING_GROUP, LEADERSHIP, GROUP)
    }
    heights = [where[node]["y"] for node in (CHAIRMAN, WORKING_GROUP, LEADERSHIP, GROUP)]
    assert heights == sorted(heights) and len(set(heights)) == 4


def test_filters_by_relation_and_by_unit(default_page: PageRun, view: nx.DiGraph) -> None:
    page = default_page.page
    before = default_page.js("orgkgView.visible()")
    page.locator("#legend-relations button[data-key=postIn]").click()
    after = default_page.js("orgkgView.visible()")
    posts_in = sum(1 for *_, relation in view.edges(data="relation") if relation == "postIn")
    assert after == {"nodes": before["nodes"], "edges": before["edges"] - posts_in}
    page.locator("#unit-filter").select_option(GROUP)
    shown = set(default_page.js("orgkgView.visibleIds()"))
    belongs = {node for node, unit in view.nodes(data="unit") if unit == GROUP}
    # A unit inside the group (its own leadership) is shown with it.
    inside = {
        n for n, kind in view.nodes(data="kind") if kind == "unit" and view.has_edge(n, GROUP)
    }
    assert GROUP in shown
    assert shown == {
        node for node in belongs | inside if view.nodes[node]["kind"] not in HIDDEN_KINDS
    }


def test_search_without_accents_focuses_the_heads_post(default_page: PageRun) -> None:
    search = default_page.page.locator("#search")
    search.fill("to truong")
    default_page.page.locator("#results li").first.wait_for()
    assert "Tổ trưởng" in default_page.page.locator("#results li").first.inner_text()
    search.press("Enter")
    default_page.page.wait_for_function("(id) => orgkgView.selected() === id", arg=HEAD_POST)
    assert default_page.page.locator("#panel-title").inner_text() == "Tổ trưởng Tổ công tác"
    assert default_page.js("orgkgView.network.getSelectedNodes()") == [HEAD_POST]
    assert default_page.js("orgkgView.fold('Chính phủ ĐIỆN TỬ')") == "chinh phu dien tu"
    default_page.js("document.activeElement.blur()")
    assert default_page.page.locator("#panel").is_visible()
    default_page.page.keyboard.press("Escape")
    assert default_page.page.locator("#panel").is_hidden()


def test_clicking_a_post_shows_its_source_quote(default_page: PageRun, view: nx.DiGraph) -> None:
    click_node(default_page, HEAD_POST)
    panel = default_page.page.locator("#panel")
    panel.wait_for()
    assert default_page.page.locator("#panel-title").inner_text() == "Tổ trưởng Tổ công tác"
    quotes = panel.locator("figure.quote")
    sources = view.nodes[HEAD_POST]["sources"]
    assert quotes.count() == len(sources) > 0
    for index, source in enumerate(sources):
        assert quotes.nth(index).locator("blockquote").text_content() == source.text
        assert quotes.nth(index).locator("figcaption").text_content() == source.identifier
    assert panel.locator("dd[lang=en]").text_content() == view.nodes[HEAD_POST]["label_en"]


def test_language_toggle_changes_the_labels(default_page: PageRun, view: nx.DiGraph) -> None:
    label = "(id) => orgkgView.labelShown(id)"
    assert default_page.js(label, WORKING_GROUP) == view.nodes[WORKING_GROUP]["label_vi"]
    default_page.page.locator("#lang-toggle button[data-lang=en]").click()
    assert default_page.js(label, WORKING_GROUP) == view.nodes[WORKING_GROUP]["label_en"]
    assert default_page.page.locator("html").get_attribute("lang") == "en"
    assert default_page.page.locator("#legend-kinds").inner_text().count("Post") == 1


def test_focus_link_opens_on_a_neighbourhood(
    open_page: OpenPage, page_html: str, view: nx.DiGraph
) -> None:
    run = open_page(page_html, "?focus=tct-cpdt/unit/nhom-truyen-thong&depth=1")
    shown = set(run.js("orgkgView.visibleIds()"))
    assert shown == one_step_from(view, GROUP)
    assert LEADERSHIP in shown  # through the weekly reporting line, drawn as one edge
    assert run.js("orgkgView.selected()") == GROUP
    assert run.page.locator("#notice").is_visible()
    run.page.locator("#notice button").click()
    assert len(run.js("orgkgView.visibleIds()")) > len(shown)
    assert run.errors == []


def test_hostile_labels_show_as_text_and_run_nothing(open_page: OpenPage) -> None:
    store = load_regulation([DATA / "viewer-hostile.ttl"])
    run = open_page(render_html(store))
    body = f"{ID}hostile"
    page = run.page
    point = run.js("(id) => orgkgView.domPosition(id)", body)
    page.mouse.move(point["x"], point["y"])
    page.locator("#tooltip").wait_for()
    assert "<img src=x" in page.locator("#tooltip").text_content()
    click_node(run, body)
    page.locator("#panel").wait_for()
    label = project_view(store).nodes[body]["label_vi"]
    assert page.locator("#panel-title").text_content() == label
    assert "</script><script>" in page.locator("#panel blockquote").first.text_content()
    page.locator("#search").fill("script")
    page.locator("#results li").first.wait_for()
    page.locator("#lang-toggle button[data-lang=en]").click()
    show_everything(run)
    page.wait_for_timeout(200)
    assert run.js("typeof window.__pwned") == "undefined"
    # One style element; the only links are the page's own (skip link, list view).
    injected = "img, svg foreignObject, a[href]:not(.skip):not(#outline-link), style"
    assert run.js(f"document.querySelectorAll('{injected}').length") == 1
    assert run.errors == []
    assert run.blocked == []


def test_file_written_by_view_works_offline(
    open_page: OpenPage, page_html: str, view: nx.DiGraph
) -> None:
    run = open_page(page_html, via_file=True)
    assert run.js("orgkgView.counts()")["nodes"] == view.number_of_nodes()
    assert run.requests == [run.url]
    assert run.errors == []


def test_a_large_graph_opens_collapsed_and_expands_on_click(
    open_page: OpenPage, tmp_path: Path
) -> None:
    data = tmp_path / "big.ttl"
    data.write_text(synthetic_turtle(units=100, posts=30, persons=15), encoding="utf-8")
    store = load_regulation([data])
    html = render_html(store)
    big = project_view(store)
    assert big.number_of_nodes() > 4_500
    run = open_page(html)
    structure = sum(1 for _, kind in big.nodes(data="kind") if kind in ("body", "unit"))
    assert run.js("orgkgView.visible()")["nodes"] == structure
    unit = f"{ID}big/unit/u7"
    click_node(run, unit)
    run.page.wait_for_function("(n) => orgkgView.visible().nodes > n", arg=structure)
    members = sum(
        1
        for _, data in big.nodes(data=True)
        if data["unit"] == unit and data["kind"] not in ("unit", *HIDDEN_KINDS)
    )
    assert run.js("orgkgView.visible()")["nodes"] == structure + members
    assert run.errors == []


def test_screenshot_of_the_default_view(default_page: PageRun, tmp_path: Path) -> None:
    """Regenerate the README's picture with ORGKG_UPDATE_SCREENSHOT=1."""
    default_page.page.wait_for_timeout(300)
    target = (
        ROOT / "docs" / "viewer.png"
        if os.environ.get("ORGKG_UPDATE_SCREENSHOT") == "1"
        else tmp_path / "viewer.png"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    default_page.page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000
