/* orgkg org-chart page: the chart as an image for reports (PNG and SVG).
 *
 * window.orgkgExport.png({whole}) gives a PNG data URL of what the canvas
 * shows (or of the whole chart, fitted first); .svg({whole}) an SVG text of
 * the nodes and edges shown, with a legend. Labels reach the SVG through DOM
 * text nodes (XMLSerializer escapes them), never as markup. `orgkg view
 * --format png|svg` calls the same functions in headless Chromium.
 */
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const view = window.orgkgView;
  const network = view.network;
  const data = view.data;

  function svgElement(name, attributes, text) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {})) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function afterDrawing() {
    return new Promise((resolve) => {
      network.once("afterDrawing", () => resolve());
      network.redraw();
    });
  }

  /** Run `capture` with the whole chart in view, then put the view back. */
  async function withWholeChart(capture) {
    const position = network.getViewPosition();
    const scale = network.getScale();
    network.fit({ animation: false });
    await afterDrawing();
    try {
      return await capture();
    } finally {
      network.moveTo({ position, scale, animation: false });
    }
  }

  async function png(options) {
    const capture = async () => {
      await afterDrawing();
      const source = network.canvas.frame.canvas;
      const canvas = document.createElement("canvas");
      canvas.width = source.width;
      canvas.height = source.height;
      const context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(source, 0, 0);
      return canvas.toDataURL("image/png");
    };
    return options && options.whole ? withWholeChart(capture) : capture();
  }

  function groupStyle(kind) {
    const group = data.options.org.groups[kind] || {};
    const color = group.color || {};
    return {
      fill: color.background || "#ffffff",
      stroke: color.border || "#333333",
      text: (group.font && group.font.color) || "#1c2430",
      size: Math.min((group.font && group.font.size) || 14, 16),
      round: group.shape === "ellipse" ? 999 : (group.shapeProperties && group.shapeProperties.borderRadius) || 0,
    };
  }

  function legend(svg, x, y) {
    const shownKinds = new Set(view.visibleIds().map((id) => view.byId.get(id) && view.byId.get(id).kind));
    let row = y;
    svg.append(svgElement("text", { x, y: row, "font-size": 14, "font-weight": "bold", fill: "#1c2430" }, view.t("kinds")));
    row += 8;
    for (const kind of data.kinds) {
      if (!shownKinds.has(kind)) continue;
      const style = groupStyle(kind);
      row += 20;
      svg.append(svgElement("rect", { x, y: row - 11, width: 18, height: 12, rx: 3, fill: style.fill, stroke: style.stroke }));
      svg.append(svgElement("text", { x: x + 26, y: row, "font-size": 13, fill: "#1c2430" }, data.kindNames[kind][view.state.lang]));
    }
    row += 30;
    svg.append(svgElement("text", { x, y: row, "font-size": 14, "font-weight": "bold", fill: "#1c2430" }, view.t("relations")));
    row += 8;
    const shownRelations = new Set(network.body.data.edges.get().map((edge) => edge.relation));
    for (const relation of data.relations) {
      if (!shownRelations.has(relation)) continue;
      const style = data.edgeStyles[relation] || {};
      row += 20;
      svg.append(svgElement("line", { x1: x, y1: row - 4, x2: x + 18, y2: row - 4, stroke: style.color || "#555", "stroke-width": 2, "stroke-dasharray": style.dashes ? "4 3" : "none" }));
      svg.append(svgElement("text", { x: x + 26, y: row, "font-size": 13, fill: "#1c2430" }, data.relationNames[relation][view.state.lang]));
    }
    return row;
  }

  const measure = document.createElement("canvas").getContext("2d");

  /** Break a label into lines that fit `width` at `size` px, as the canvas does. */
  function wrap(label, width, size) {
    measure.font = size + "px system-ui, sans-serif";
    const lines = [];
    for (const paragraph of label.split("\n")) {
      let line = "";
      for (const word of paragraph.split(" ")) {
        const candidate = line ? line + " " + word : word;
        if (line && measure.measureText(candidate).width > width) {
          lines.push(line);
          line = word;
        } else {
          line = candidate;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** The SVG text of the chart: the nodes and edges shown, with a legend. */
  function svg(options) {
    const ids = view.visibleIds();
    const positions = network.getPositions(ids);
    const boxes = new Map(ids.map((id) => [id, network.getBoundingBox(id)]));
    let area;
    if (options && options.whole) {
      area = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
      for (const box of boxes.values()) {
        area = { left: Math.min(area.left, box.left), top: Math.min(area.top, box.top), right: Math.max(area.right, box.right), bottom: Math.max(area.bottom, box.bottom) };
      }
    } else {
      const frame = network.canvas.frame.canvas.getBoundingClientRect();
      const topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
      const bottomRight = network.DOMtoCanvas({ x: frame.width, y: frame.height });
      area = { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y };
    }
    const margin = 40;
    const legendWidth = 260;
    const width = area.right - area.left + 2 * margin + legendWidth;
    const height = Math.max(area.bottom - area.top + 2 * margin, 520);
    const root = svgElement("svg", { xmlns: SVG, viewBox: `${area.left - margin} ${area.top - margin} ${width} ${height}`, width: Math.round(width), height: Math.round(height), "font-family": "system-ui, sans-serif" });
    root.append(svgElement("title", {}, document.getElementById("heading").textContent));
    root.append(svgElement("rect", { x: area.left - margin, y: area.top - margin, width, height, fill: "#ffffff" }));
    const defs = svgElement("defs");
    const marker = svgElement("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    marker.append(svgElement("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555" }));
    defs.append(marker);
    root.append(defs);
    for (const edge of network.body.data.edges.get()) {
      const from = positions[edge.from];
      const to = positions[edge.to];
      if (!from || !to) continue;
      const box = boxes.get(edge.to);
      const end = { x: to.x, y: from.y > to.y ? box.bottom : box.top };
      const style = (edge.color && edge.color.color) || "#555";
      root.append(svgElement("line", { x1: from.x, y1: from.y, x2: end.x, y2: end.y, stroke: style, "stroke-width": edge.width || 1, "stroke-dasharray": edge.dashes ? "5 4" : "none", "marker-end": "url(#arrow)", opacity: 0.85 }));
      if (edge.label) {
        root.append(svgElement("text", { x: (from.x + end.x) / 2, y: (from.y + end.y) / 2, "font-size": 12, "text-anchor": "middle", fill: style, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }, edge.label));
      }
    }
    for (const id of ids) {
      const node = network.body.data.nodes.get(id);
      const box = boxes.get(id);
      const style = groupStyle(view.byId.get(id).kind);
      const group = svgElement("g");
      group.append(svgElement("rect", { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top, rx: Math.min(style.round, (box.bottom - box.top) / 2), fill: style.fill, stroke: style.stroke, "stroke-width": node.borderWidth || 1.2 }));
      const lines = wrap(String(node.label || ""), box.right - box.left - 8, style.size);
      const lineHeight = style.size * 1.15;
      const top = positions[id].y - ((lines.length - 1) * lineHeight) / 2 + style.size * 0.35;
      const text = svgElement("text", { x: positions[id].x, y: top, "font-size": style.size, fill: style.text, "text-anchor": "middle" });
      lines.forEach((line, index) => text.append(svgElement("tspan", { x: positions[id].x, y: top + index * lineHeight }, line)));
      group.append(text);
      root.append(group);
    }
    legend(root, area.right + margin, area.top + 10);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root) + "\n";
  }

  function download(name, href) {
    const link = document.createElement("a");
    link.href = href;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  }

  async function save(kind, whole) {
    const name = "orgkg-chart" + (whole ? "" : "-view") + "." + kind;
    if (kind === "png") {
      download(name, await png({ whole }));
    } else {
      const url = URL.createObjectURL(new Blob([svg({ whole })], { type: "image/svg+xml" }));
      download(name, url);
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
  }

  const menu = document.getElementById("export");
  if (menu) {
    menu.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-export]");
      if (button) save(button.dataset.export, button.dataset.whole === "true");
    });
  }
  const outline = document.getElementById("outline-link");
  if (outline) {
    if (window.location.protocol === "file:") outline.hidden = true;
    // The list shows what the chart shows: its language and its unit filter.
    outline.addEventListener("click", () => {
      const query = new URLSearchParams({ lang: view.state.lang });
      if (view.state.unit) query.set("unit", view.state.unit);
      outline.href = "/outline?" + query;
    });
  }
  // The canvas keeps its screen size unless told: fit the chart to the page.
  window.addEventListener("beforeprint", () => { network.redraw(); network.fit({ animation: false }); });
  window.addEventListener("afterprint", () => { network.redraw(); network.fit({ animation: false }); });
  window.orgkgExport = { png, svg };
})();
