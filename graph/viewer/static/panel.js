/* orgkg org-chart page: everything around the canvas. The legend (which is
 * also the kind and relation filter), the unit filter, the search box, the
 * vi/en and layout toggles, the focus notice and the side panel. Runs after
 * viewer.js and works through window.orgkgView. Every text from the data is
 * set with textContent.
 */
(function () {
  "use strict";

  const view = window.orgkgView;
  const { data, state, byId } = view;
  const KIND_RANK = new Map(data.kinds.map((kind, index) => [kind, index]));
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else node.setAttribute(name, value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function kindColour(kind) {
    const colour = data.options.org.groups[kind].color;
    return { fill: colour.background, stroke: colour.border };
  }

  /** A small coloured label naming a kind (the border colour: dark enough for white text). */
  function chip(text, colour) {
    const node = el("span", { className: "chip", text });
    node.style.background = colour;
    return node;
  }

  // -- legend: one toggle per kind and per relation -----------------------

  function kindSwatch(kind) {
    const { fill, stroke } = kindColour(kind);
    const shape = data.options.org.groups[kind].shape;
    const box = svg("svg", { width: 22, height: 16, viewBox: "0 0 22 16", "aria-hidden": "true" });
    const paint = { fill, stroke, "stroke-width": 1.2 };
    const shapes = {
      box: () => svg("rect", { x: 2, y: 3, width: 18, height: 10, rx: shape === "box" ? 2.5 : 5, ...paint }),
      ellipse: () => svg("ellipse", { cx: 11, cy: 8, rx: 9, ry: 5.5, ...paint }),
      hexagon: () => svg("polygon", { points: "6,2 16,2 20,8 16,14 6,14 2,8", ...paint }),
      diamond: () => svg("polygon", { points: "11,1 18,8 11,15 4,8", ...paint }),
      square: () => svg("rect", { x: 5, y: 2, width: 12, height: 12, ...paint }),
      triangle: () => svg("polygon", { points: "11,2 19,14 3,14", ...paint }),
      dot: () => svg("circle", { cx: 11, cy: 8, r: 5, ...paint }),
    };
    box.append((shapes[shape] || shapes.dot)());
    return box;
  }

  function relationSwatch(relation) {
    const style = data.edgeStyles[relation];
    const box = svg("svg", { width: 30, height: 12, viewBox: "0 0 30 12", "aria-hidden": "true" });
    const line = svg("line", {
      x1: 1, y1: 6, x2: 23, y2: 6, stroke: style.color, "stroke-width": Math.max(style.width, 1.2),
    });
    if (style.dashes) line.setAttribute("stroke-dasharray", style.dashes.join(" "));
    box.append(line, svg("polygon", { points: "22,2 29,6 22,10", fill: style.color }));
    return box;
  }

  function countBy(items, key) {
    const counts = new Map();
    for (const item of items) counts.set(item[key], (counts.get(item[key]) || 0) + 1);
    return counts;
  }

  const kindCounts = countBy(data.nodes, "kind");
  const relationCounts = countBy(view.edges, "relation");

  function buildLegend(listId, keys, counts, hidden, names, swatch) {
    const list = document.getElementById(listId);
    list.replaceChildren();
    for (const key of keys) {
      if (!counts.get(key)) continue;
      const button = el("button", { type: "button", "data-key": key, "aria-pressed": String(!hidden.has(key)) },
        swatch(key), el("span", { className: "name", text: names[key][state.lang] }),
        el("span", { className: "count", text: String(counts.get(key)) }));
      button.addEventListener("click", () => {
        if (hidden.has(key)) hidden.delete(key);
        else hidden.add(key);
        view.redraw();
      });
      list.append(el("li", {}, button));
    }
  }

  function refreshLegend() {
    buildLegend("legend-kinds", data.kinds, kindCounts, state.hiddenKinds, data.kindNames, kindSwatch);
    buildLegend("legend-relations", data.relations, relationCounts, state.hiddenRelations,
      data.relationNames, relationSwatch);
  }

  // -- unit filter --------------------------------------------------------

  const unitSelect = document.getElementById("unit-filter");
  function refreshUnits() {
    unitSelect.replaceChildren(el("option", { value: "", text: view.t("all_units") }));
    const units = data.nodes.filter((n) => n.kind === "body" || n.kind === "unit")
      .sort((a, b) => a.level - b.level || view.labelOf(a).localeCompare(view.labelOf(b)));
    for (const unit of units) {
      unitSelect.append(el("option", { value: unit.id, text: view.labelOf(unit) }));
    }
    unitSelect.value = state.unit;
  }
  unitSelect.addEventListener("change", () => {
    state.unit = unitSelect.value;
    view.redraw();
    view.network.fit();
  });

  // -- search -------------------------------------------------------------

  const input = document.getElementById("search");
  const results = document.getElementById("results");
  let matches = [];
  let active = 0;

  /** Best first: whole label, then label start, then word start, then anywhere. */
  function search(query) {
    const wanted = view.fold(query);
    if (!wanted) return [];
    const found = [];
    for (const node of data.nodes) {
      const names = node.fold.split(" | ");
      let score = 4;
      for (const name of names) {
        if (name === wanted) score = Math.min(score, 0);
        else if (name.startsWith(wanted)) score = Math.min(score, 1);
        else if ((" " + name).includes(" " + wanted)) score = Math.min(score, 2);
        else if (name.includes(wanted)) score = Math.min(score, 3);
      }
      if (score < 4) found.push({ node, score });
    }
    found.sort((a, b) => a.score - b.score
      || KIND_RANK.get(a.node.kind) - KIND_RANK.get(b.node.kind)
      || view.labelOf(a.node).length - view.labelOf(b.node).length);
    return found.slice(0, 12).map((item) => item.node);
  }

  function showResults() {
    results.replaceChildren();
    if (!input.value.trim()) {
      results.hidden = true;
      return;
    }
    if (!matches.length) {
      results.append(el("li", { className: "empty", text: view.t("no_match") }));
    }
    matches.forEach((node, index) => {
      const button = el("button", { type: "button", tabindex: "-1" },
        chip(data.kindNames[node.kind][state.lang], kindColour(node.kind).stroke),
        el("span", { text: view.labelOf(node) }));
      button.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(index);
      });
      results.append(el("li", { role: "option", "aria-selected": String(index === active) }, button));
    });
    results.hidden = false;
  }

  function choose(index) {
    const node = matches[index];
    if (!node) return;
    results.hidden = true;
    input.value = view.labelOf(node);
    view.focusNode(node.id);
  }

  input.placeholder = view.t("search");
  input.addEventListener("input", () => {
    matches = search(input.value);
    active = 0;
    showResults();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + matches.length) % Math.max(matches.length, 1);
      showResults();
    } else if (event.key === "Enter") {
      event.preventDefault();
      matches = search(input.value);
      choose(Math.min(active, matches.length - 1));
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  input.addEventListener("blur", () => { results.hidden = true; });

  // -- side panel ---------------------------------------------------------

  const panel = document.getElementById("panel");

  function linkTo(id) {
    const node = byId.get(id);
    const button = el("button", { type: "button", text: view.labelOf(node) });
    button.addEventListener("click", () => view.focusNode(id));
    return button;
  }

  function quotes(sources) {
    if (!sources.length) return [el("p", { className: "none", text: view.t("no_source") })];
    return sources.map((iri) => {
      const sentence = data.sentences[iri];
      return el("figure", { className: "quote", "data-sentence": sentence.id },
        el("blockquote", { text: sentence.text }), el("figcaption", { text: sentence.id }));
    });
  }

  function panelHeader(title, chipText, chipColour) {
    const close = el("button", { type: "button", className: "close", "aria-label": view.t("close"), text: "×" });
    close.addEventListener("click", () => {
      state.selected = null;
      view.network.unselectAll();
      view.hidePanel();
    });
    return el("header", {}, el("div", {}, chip(chipText, chipColour), el("h2", { id: "panel-title", text: title })), close);
  }

  /** Every relation of a node but its sources, which the quotes below show. */
  function relationList(id) {
    const rows = [];
    for (const edge of (view.outgoing.get(id) || []).filter((e) => e.relation !== "derivedFrom")) {
      rows.push(el("li", {}, el("span", { className: "rel", text: "→ " + data.relationNames[edge.relation][state.lang] }),
        linkTo(edge.to)));
    }
    for (const edge of view.incoming.get(id) || []) {
      rows.push(el("li", {}, el("span", { className: "rel", text: "← " + data.relationNames[edge.relation][state.lang] }),
        linkTo(edge.from)));
    }
    return el("ul", { className: "links" }, ...rows);
  }

  view.showPanel = (id) => {
    const node = byId.get(id);
    if (!node) return;
    const facts = el("dl", {},
      el("dt", { text: view.t("label_vi") }), el("dd", { lang: "vi", text: node.label_vi }),
      el("dt", { text: view.t("label_en") }), el("dd", { lang: "en", text: node.label_en }));
    if (node.alt.length) facts.append(el("dt", { text: view.t("alt") }), el("dd", { text: node.alt.join(" · ") }));
    facts.append(el("dt", { text: view.t("iri") }), el("dd", {}, el("code", { text: node.id })));
    for (const [property, vi, en] of node.details) {
      facts.append(el("dt", { text: view.t("detail_" + property) }), el("dd", { text: state.lang === "en" ? en : vi }));
    }
    panel.replaceChildren(
      panelHeader(view.labelOf(node), data.kindNames[node.kind][state.lang], kindColour(node.kind).stroke),
      facts,
      el("h3", { text: view.t("links") }), relationList(id),
      el("h3", { text: view.t("sources") }), ...quotes(node.sources));
    panel.dataset.node = id;
    panel.hidden = false;
  };

  view.showEdge = (edge) => {
    if (!edge) return;
    const style = data.edgeStyles[edge.relation];
    const facts = el("dl", {},
      el("dt", { text: "→" }), el("dd", {}, linkTo(edge.from)),
      el("dt", { text: "⇥" }), el("dd", {}, linkTo(edge.to)));
    // A relation drawn through (or instead of) a qualified node quotes that
    // node's sources: the reporting line, the duty or the permission.
    let owners = (edge.via || []).map((id) => byId.get(id));
    for (const owner of owners) facts.append(el("dt", { text: "≡" }), el("dd", {}, linkTo(owner.id)));
    if (!owners.length) {
      const ends = [byId.get(edge.from), byId.get(edge.to)];
      owners = [ends.find((n) => data.bridgedKinds.includes(n.kind) || n.kind === "duty") || ends[0]];
    }
    const sources = [...new Set(owners.flatMap((owner) => owner.sources))];
    panel.replaceChildren(panelHeader(data.relationNames[edge.relation][state.lang], view.t("links"), style.color),
      facts, el("h3", { text: view.t("sources") }), ...quotes(sources));
    delete panel.dataset.node;
    panel.hidden = false;
  };

  view.hidePanel = () => {
    panel.hidden = true;
    delete panel.dataset.node;
  };

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.activeElement !== input && !panel.hidden) {
      state.selected = null;
      view.network.unselectAll();
      view.hidePanel();
    }
  });

  // -- bar, notice, toggles -----------------------------------------------

  const notice = document.getElementById("notice");
  function refreshNotice() {
    notice.replaceChildren();
    let message = null;
    if (state.missingFocus) message = view.t("not_found") + ": " + state.missingFocus;
    else if (state.focus) {
      message = view.t("focus_on") + ": " + view.labelOf(byId.get(state.focus)) + " (" + view.t("depth") + " " + state.depth + ")";
    } else if (state.collapsed) message = view.t("collapsed");
    if (!message) {
      notice.hidden = true;
      return;
    }
    const action = el("button", { type: "button", text: view.t(state.collapsed && !state.focus && !state.missingFocus ? "expand_all" : "show_all") });
    action.addEventListener("click", () => {
      if (state.focus || state.missingFocus) view.clearFocus();
      else {
        state.collapsed = false;
        view.redraw();
      }
    });
    notice.append(el("span", { text: message }), action);
    notice.hidden = false;
  }

  function refreshStats() {
    const shown = view.visible();
    const all = view.counts();
    const under = data.title ? data.title["sub_" + state.lang] : "";
    document.getElementById("stats").textContent = (under ? under + " · " : "")
      + shown.nodes + "/" + all.nodes + " " + view.t("nodes")
      + " · " + shown.edges + "/" + all.edges + " " + view.t("edges");
  }

  function refreshToggles() {
    for (const button of document.querySelectorAll("#lang-toggle button")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
    }
    for (const button of document.querySelectorAll("#layout-toggle button")) {
      button.textContent = view.t("layout_" + button.dataset.layout);
      button.setAttribute("aria-pressed", String(button.dataset.layout === state.layout));
    }
  }

  function refreshWords() {
    document.documentElement.lang = state.lang;
    const heading = document.getElementById("heading");
    heading.textContent = data.title ? data.title[state.lang] : view.t("title");
    heading.title = heading.textContent;
    for (const node of document.querySelectorAll("[data-text]")) node.textContent = view.t(node.dataset.text);
    input.placeholder = view.t("search");
  }

  document.getElementById("lang-toggle").addEventListener("click", (event) => {
    const lang = event.target.dataset && event.target.dataset.lang;
    if (!lang || lang === state.lang) return;
    state.lang = lang;
    refreshWords();
    refreshUnits();
    view.redraw();
    if (panel.dataset.node) view.showPanel(panel.dataset.node);
  });
  document.getElementById("layout-toggle").addEventListener("click", (event) => {
    const layout = event.target.dataset && event.target.dataset.layout;
    if (!layout || layout === state.layout) return;
    state.layout = layout;
    view.redraw();
  });

  view.onRedraw = () => {
    refreshLegend();
    refreshToggles();
    refreshNotice();
    refreshStats();
  };

  // -- start ----------------------------------------------------------------

  refreshWords();
  refreshUnits();
  const params = new URLSearchParams(window.location.search);
  const wanted = params.get("focus") || data.focus;
  const focused = wanted ? view.setFocus(wanted, state.depth) : null;
  if (focused) state.hiddenKinds.delete(byId.get(focused).kind);
  view.redraw();
  if (focused) view.focusNode(focused, { animate: false });
  document.body.dataset.ready = "true";
})();
