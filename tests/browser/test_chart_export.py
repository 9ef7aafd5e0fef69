"""The chart for reports: PNG and SVG from the page and from ``orgkg view``,
print on A4 landscape, and the fixes to the first view (edge labels readable,
tooltip closing and following the language, title and placeholder whole,
people's names with their diacritics in English)."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .served import ORGKG, Visit, open_visit, serve

pytestmark = [pytest.mark.browser, pytest.mark.server]

SVG = "{http://www.w3.org/2000/svg}"
PERSON = "https://w3id.org/orgkg/id/person/nguyen-manh-hung"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.fixture
def chart(base: str, browser_context: Any) -> Iterator[Visit]:
    run = open_visit(browser_context, f"{base}/?lang=en")
    run.page.wait_for_function("() => window.orgkgExport !== undefined")
    yield run
    run.assert_clean()
    run.page.close()


def svg_texts(document: str) -> str:
    root = ET.fromstring(document.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    return " ".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("whole", ["true", "false"])
def test_the_page_downloads_svg_and_png(chart: Visit, whole: str, tmp_path: Path) -> None:
    for kind, magic in (("svg", b"<?xml"), ("png", b"\x89PNG")):
        button = chart.page.locator(f"#export button[data-export={kind}][data-whole={whole}]")
        with chart.page.expect_download() as download:
            button.click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        assert path.read_bytes().startswith(magic), kind
        if kind == "svg":
            texts = svg_texts(path.read_text(encoding="utf-8"))
            assert "Node kinds" in texts and "reports to" in texts, "the legend is drawn"


@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG\r\n\x1a\n")])
def test_orgkg_view_writes_the_image_without_a_window(
    browser_context: Any, tmp_path: Path, fmt: str, magic: bytes
) -> None:
    """``browser_context`` only to skip (or fail under CI) where there is no chromium."""
    output = tmp_path / f"chart.{fmt}"
    result = subprocess.run(
        [str(ORGKG), "--lang", "en", "view", "--format", fmt, "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = output.read_bytes()
    assert data.startswith(magic)
    if fmt == "svg":
        texts = svg_texts(data.decode("utf-8"))
        assert "Working Group" in texts and "Nguyễn Mạnh" in texts
    assert not list(tmp_path.glob(".*.tmp")), "written through a temporary file"


def test_people_keep_their_diacritics_in_english(chart: Visit) -> None:
    label = chart.page.evaluate(f"() => orgkgView.labelOf(orgkgView.byId.get('{PERSON}'))")
    assert label == "Nguyễn Mạnh Hùng"


def test_edge_labels_are_readable_at_the_first_view(chart: Visit) -> None:
    sizes = chart.page.evaluate(
        """() => {
            const network = orgkgView.network;
            const scale = network.getScale();
            return network.body.data.edges.get({ filter: (e) => Boolean(e.label) })
                .map((e) => (e.font && e.font.size ? e.font.size : 14) * scale);
        }"""
    )
    assert sizes and min(sizes) >= 11, sizes


def test_the_tooltip_closes_on_click_and_follows_the_language(chart: Visit) -> None:
    page = chart.page
    point = chart.page.evaluate(f"() => orgkgView.domPosition('{PERSON}')")
    page.mouse.move(point["x"], point["y"])
    page.locator("#tooltip").wait_for()
    assert "Person" in page.locator("#tooltip").inner_text()
    page.mouse.click(point["x"], point["y"])
    assert page.locator("#tooltip").is_hidden()
    empty = page.locator("#network").bounding_box()
    assert empty is not None
    # Off the node (an empty corner of the chart), then back: the panel moved it.
    page.mouse.move(empty["x"] + 10, empty["y"] + empty["height"] - 10)
    point = page.evaluate(f"() => orgkgView.domPosition('{PERSON}')")
    page.mouse.move(point["x"], point["y"])
    page.locator("#tooltip").wait_for()
    page.locator("#lang-toggle button[data-lang=vi]").click()
    assert page.locator("#tooltip").is_hidden(), "no English tooltip left on a Vietnamese page"


def test_title_and_placeholder_are_whole(base: str, browser_context: Any) -> None:
    run = open_visit(browser_context, f"{base}/?lang=en")
    page = run.page
    page.set_viewport_size({"width": 1280, "height": 900})
    heading_fits = "() => { const h = document.getElementById('heading'); "
    heading_fits += "return h.scrollWidth <= h.clientWidth; }"
    assert page.evaluate(heading_fits), "the title is cut"
    fits = page.evaluate(
        """() => {
            const input = document.getElementById('search');
            const style = getComputedStyle(input);
            const context = document.createElement('canvas').getContext('2d');
            context.font = style.fontSize + ' ' + style.fontFamily;
            const room = input.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            return context.measureText(input.placeholder).width <= room;
        }"""
    )
    assert fits, "the English placeholder is cut"
    run.assert_clean()
    page.close()


def test_it_prints_on_one_a4_landscape_page_with_its_legend(chart: Visit) -> None:
    page = chart.page
    page.emulate_media(media="print")
    assert page.locator("#legend-kinds").is_visible()
    assert page.locator("#export").is_hidden() and page.locator("#search").is_hidden()
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "one sheet"
    page.emulate_media(media="screen")
