/* orgkg org-chart page: state, filters, layout and the vis-network canvas.
 *
 * Reads the JSON block #orgkg-data written by graph/viewer/page.py. Text from the
 * data only ever reaches the page through textContent (never innerHTML), and
 * vis-network is given no `title`, so no label can become markup.
 * The org-chart positions come from layout.js (window.orgkgLayout); the
 * panel, the legend and the search live in panel.js, which this file
 * exposes its state and actions to through window.orgkgView.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("orgkg-data").textContent);
  const params = new URLSearchParams(window.location.search);
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const byKey = new Map(data.nodes.map((node) => [node.key, node]));
  const edges = data.edges.map((edge, index) => Object.assign({ id: "e" + index }, edge));
  const outgoing = new Map();
  const incoming = new Map();
  for (const edge of edges) {
    if (!outgoing.has(edge.from)) outgoing.set(edge.from, []);
    if (!incoming.has(edge.to)) incoming.set(edge.to, []);
    outgoing.get(edge.from).push(edge);
    incoming.get(edge.to).push(edge);
  }

  const state = {
    lang: oneOf(params.get("lang"), ["vi", "en"], data.lang),
    layout: oneOf(params.get("layout"), ["org", "force"], data.layout),
    hiddenKinds: new Set(data.hiddenKinds),
    hiddenRelations: new Set(data.hiddenRelations),
    unit: "",
    focus: null,
    focusSet: null,
    depth: clampDepth(params.get("depth"), data.depth),
    collapsed: data.collapsed && params.get("collapsed") !== "0",
    expanded: new Set(),
    selected: null,
    missingFocus: null,
  };

  function oneOf(value, allowed, fallback) {
    return allowed.includes(value) ? value : fallback;
  }

  function clampDepth(value, fallback) {
    const number = Number.parseInt(value, 10);
    return Number.isFinite(number) ? Math.max(0, Math.min(number, 10)) : fallback;
  }

  /** Accent- and case-insensitive form, as ontology.fold makes it (đ -> d). */
  function fold(text) {
    return String(text)
      .replace(/[đĐðł]/g, (ch) => ({ "đ": "d", "Đ": "d", "ð": "d", "ł": "l" })[ch])
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .join(" ");
  }

  function t(key) {
    const entry = data.text[key];
    return entry ? entry[state.lang] : key;
  }

  /** A node's label in the page's language; a person's name is never translated. */
  function labelOf(node) {
    if (node.kind === "person") return node.label_vi || node.label_en;
    return state.lang === "en" ? node.label_en : node.label_vi;
  }

  // -- which nodes a unit holds ------------------------------------------

  const subUnits = new Map();
  for (const edge of edges) {
    if (edge.relation === "unitOf") {
      if (!subUnits.has(edge.to)) subUnits.set(edge.to, []);
      subUnits.get(edge.to).push(edge.from);
    }
  }

  function unitTree(root) {
    const seen = new Set([root]);
    const queue = [root];
    while (queue.length) {
      for (const child of subUnits.get(queue.shift()) || []) {
        if (!seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
      }
    }
    return seen;
  }

  /** How many nodes of each unit a click would open (those of shown kinds). */
  function closedMembers() {
    const counts = new Map();
    for (const node of data.nodes) {
      if (node.unit && node.unit !== node.id && !isStructure(node) && !state.hiddenKinds.has(node.kind)) {
        counts.set(node.unit, (counts.get(node.unit) || 0) + 1);
      }
    }
    return counts;
  }

  function isStructure(node) {
    return node.kind === "body" || node.kind === "unit";
  }

  // -- visibility ---------------------------------------------------------

  /**
   * Nodes within ``depth`` steps of ``start`` along the relations shown. A
   * hidden reporting line or permission is passed through without a step,
   * as it is drawn: a group is one step from the leadership it reports to.
   */
  function neighbourhood(start, depth) {
    const seen = new Set([start]);
    let frontier = [start];
    const bridged = (id) => data.bridgedKinds.includes(byId.get(id).kind)
      && state.hiddenKinds.has(byId.get(id).kind);
    for (let step = 0; step < depth; step += 1) {
      const next = [];
      const queue = [...frontier];
      while (queue.length) {
        const id = queue.shift();
        const around = (outgoing.get(id) || []).filter((e) => !state.hiddenRelations.has(e.relation)).map((e) => e.to)
          .concat((incoming.get(id) || []).filter((e) => !state.hiddenRelations.has(e.relation)).map((e) => e.from));
        for (const other of around) {
          if (seen.has(other)) continue;
          seen.add(other);
          (bridged(other) ? queue : next).push(other);
        }
      }
      frontier = next;
    }
    return seen;
  }

  function nodeVisible(node, units) {
    if (state.hiddenKinds.has(node.kind)) return false;
    if (state.focus) return state.focusSet.has(node.id);
    if (units && !units.has(node.unit) && !units.has(node.id)) return false;
    if (state.collapsed && !isStructure(node) && !state.expanded.has(node.unit)) return false;
    return true;
  }

  function visibleItems() {
    if (state.focus) state.focusSet = neighbourhood(state.focus, state.depth);
    const units = state.unit ? unitTree(state.unit) : null;
    const shown = new Set();
    const nodes = [];
    for (const node of data.nodes) {
      if (!nodeVisible(node, units)) continue;
      shown.add(node.id);
      nodes.push(node);
    }
    const links = [];
    for (const edge of edges) {
      if (!state.hiddenRelations.has(edge.relation) && shown.has(edge.from) && shown.has(edge.to)) {
        links.push(edge);
      }
    }
    links.push(...bridges(shown));
    const closed = state.collapsed ? closedMembers() : new Map();
    const items = nodes.map((node) => visNode(node, closed));
    let positions = null;
    if (state.layout === "org") {
      positions = window.orgkgLayout.place(nodes, links, {
        ranking: data.ranking,
        isStructure,
        groups: data.options.org.groups,
        labels: new Map(items.map((item) => [item.id, item.label])),
      });
      for (const item of items) Object.assign(item, positions[item.id]);
    }
    return { nodes: items, links, positions };
  }

  /**
   * Edges standing in for hidden qualified nodes: while reporting lines are
   * hidden, a reporter -> line -> recipient path is drawn as one edge from
   * the reporter to the recipient, remembering the line(s) it stands for.
   */
  function bridges(shown) {
    const merged = new Map();
    for (const node of data.nodes) {
      if (shown.has(node.id) || !data.bridgedKinds.includes(node.kind) || !state.hiddenKinds.has(node.kind)) continue;
      for (const into of incoming.get(node.id) || []) {
        for (const out of outgoing.get(node.id) || []) {
          if (into.relation !== out.relation || state.hiddenRelations.has(out.relation)) continue;
          if (!shown.has(into.from) || !shown.has(out.to) || into.from === out.to) continue;
          const id = "b:" + into.from + " " + out.relation + " " + out.to;
          if (!merged.has(id)) {
            merged.set(id, { id, from: into.from, to: out.to, relation: out.relation, via: [] });
          }
          merged.get(id).via.push(node.id);
        }
      }
    }
    return [...merged.values()];
  }

  function visNode(node, closed) {
    let label = labelOf(node);
    const hidden = state.expanded.has(node.id) ? 0 : closed.get(node.id) || 0;
    if (hidden) label += "\n(+" + hidden + ")";
    const item = { id: node.id, label, group: node.group, shape: node.shape };
    // Heads stand out at a glance: the chart is read from them down.
    if (node.details.some(([property, , en]) => property === "role" && en.toLowerCase() === "head")) {
      item.borderWidth = 3;
    }
    return item;
  }

  function visEdge(edge, positions) {
    const style = data.edgeStyles[edge.relation] || {};
    const item = {
      id: edge.id,
      from: edge.from,
      to: edge.to,
      relation: edge.relation, // for the chart's exported legend
      width: style.width || 1,
      dashes: style.dashes || false,
      color: { color: style.color, highlight: style.color, hover: style.color, opacity: style.opacity || 0.9 },
    };
    const [from, to] = positions ? [positions[edge.from], positions[edge.to]] : [null, null];
    if (from && to && Math.abs(from.y - to.y) < 1) {
      // Along a row: arc over the boxes in between instead of through them.
      const far = Math.abs(from.x - to.x) > 320;
      item.smooth = far ? { enabled: true, type: from.x < to.x ? "curvedCCW" : "curvedCW", roundness: 0.18 } : { enabled: false };
    }
    if (edge.via) {
      // A bridged reporting line says how often, when the text says it.
      const often = new Set();
      for (const id of edge.via) {
        for (const [property, vi, en] of byId.get(id).details) {
          if (property === "frequency") often.add(state.lang === "en" ? en : vi);
        }
      }
      if (often.size) {
        item.label = [...often].join(", ");
        item.font = { size: 11, color: style.color, strokeWidth: 3, strokeColor: "#f7f8fb", align: "middle" };
      }
    }
    return item;
  }

  // -- the canvas ---------------------------------------------------------

  const container = document.getElementById("network");
  const tooltip = document.getElementById("tooltip");
  const network = new vis.Network(container, { nodes: [], edges: [] }, data.options[state.layout]);
  let drawn = { nodes: [], links: [] };

  /** Redraw after any change of filters, focus, language or layout. */
  function redraw() {
    drawn = visibleItems();
    network.setOptions(data.options[state.layout]);
    network.setData({ nodes: new vis.DataSet(drawn.nodes), edges: new vis.DataSet(drawn.links.map((link) => visEdge(link, drawn.positions))) });
    tooltip.hidden = true; // its text was in the language or view just left
    if (state.layout === "force") {
      network.once("stabilizationIterationsDone", () => network.setOptions({ physics: { enabled: false } }));
    } else {
      network.fit();
      readableEdgeLabels();
    }
    if (state.selected && drawn.nodes.some((n) => n.id === state.selected)) {
      network.selectNodes([state.selected]);
    }
    view.onRedraw();
  }

  /**
   * Edge labels (how often a line reports) drawn at a size that stays about
   * 12 px on screen at the fitted scale, so they read at the first view.
   */
  function readableEdgeLabels() {
    const scale = network.getScale();
    if (!(scale > 0) || scale >= 1) return;
    const size = Math.min(12 / scale, 40);
    const labelled = network.body.data.edges.get({ filter: (edge) => Boolean(edge.label) });
    network.body.data.edges.update(labelled.map((edge) => ({ id: edge.id, font: Object.assign({}, edge.font, { size }) })));
  }

  /** Make a node visible whatever the filters say, select it and centre on it. */
  function focusNode(id, options) {
    const node = byId.get(id);
    if (!node) return false;
    let changed = false;
    if (state.hiddenKinds.has(node.kind)) {
      state.hiddenKinds.delete(node.kind);
      changed = true;
    }
    if (state.focusSet && !state.focusSet.has(id)) {
      state.focus = null;
      state.focusSet = null;
      changed = true;
    }
    if (state.unit && !unitTree(state.unit).has(node.unit) && node.id !== state.unit) {
      state.unit = "";
      changed = true;
    }
    if (state.collapsed && !isStructure(node) && !state.expanded.has(node.unit)) {
      state.expanded.add(node.unit);
      changed = true;
    }
    state.selected = id;
    if (changed) redraw();
    network.selectNodes([id]);
    const scale = Math.max(network.getScale(), 0.9);
    network.focus(id, { scale, animation: options && options.animate === false ? false : { duration: 350 } });
    view.showPanel(id);
    return true;
  }

  function setFocus(id, depth) {
    const node = byId.get(id) || byKey.get(id);
    if (!node) {
      state.missingFocus = id;
      return null;
    }
    state.focus = node.id;
    state.depth = depth;
    state.focusSet = neighbourhood(node.id, depth);
    return node.id;
  }

  function clearFocus() {
    state.focus = null;
    state.focusSet = null;
    state.missingFocus = null;
    const url = new URL(window.location.href);
    url.searchParams.delete("focus");
    url.searchParams.delete("depth");
    if (url.protocol !== "file:") window.history.replaceState(null, "", url);
    redraw();
    network.fit();
  }

  network.on("click", (event) => {
    tooltip.hidden = true;
    if (event.nodes.length) {
      const id = event.nodes[0];
      const node = byId.get(id);
      if (state.collapsed && isStructure(node) && !state.focusSet) {
        if (state.expanded.has(id)) state.expanded.delete(id);
        else state.expanded.add(id);
        state.selected = id;
        redraw();
      }
      state.selected = id;
      view.showPanel(id);
    } else if (event.edges.length) {
      view.showEdge(drawn.links.find((link) => link.id === event.edges[0]));
    } else {
      state.selected = null;
      view.hidePanel();
    }
  });

  network.on("hoverNode", (event) => {
    const node = byId.get(event.node);
    tooltip.replaceChildren();
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = data.kindNames[node.kind][state.lang];
    tooltip.append(kind, document.createTextNode(labelOf(node)));
    tooltip.style.left = event.pointer.DOM.x + 14 + "px";
    tooltip.style.top = event.pointer.DOM.y + 14 + "px";
    tooltip.hidden = false;
  });
  network.on("blurNode", () => { tooltip.hidden = true; });
  network.on("dragStart", () => { tooltip.hidden = true; });
  network.on("zoom", () => { tooltip.hidden = true; });

  // The public surface panel.js and the browser tests use.
  const view = {
    data, state, network, byId, edges, outgoing, incoming, fold, t, labelOf,
    redraw, focusNode, setFocus, clearFocus,
    onRedraw() {},
    showPanel() {},
    showEdge() {},
    hidePanel() {},
    counts: () => ({ nodes: data.nodes.length, edges: data.edges.length }),
    visible: () => ({ nodes: network.body.data.nodes.length, edges: network.body.data.edges.length }),
    visibleIds: () => network.body.data.nodes.getIds(),
    selected: () => state.selected,
    labelShown: (id) => {
      const item = network.body.data.nodes.get(id);
      return item ? item.label : null;
    },
    domPosition(id) {
      const position = network.getPositions([id])[id];
      if (!position) return null;
      const point = network.canvasToDOM(position);
      const box = container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
  };
  window.orgkgView = view;
})();
