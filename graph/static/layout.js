/* orgkg org-chart layout: levels, order within a level, and x positions.
 *
 * vis-network's own hierarchical layout spaces nodes by a fixed distance
 * whatever their width, so long Vietnamese labels overlap, and it orders a
 * level poorly when posts sit in several units. This is a small layered
 * ("Sugiyama") layout instead: longest-path levels from the ranking
 * relations, barycentre sweeps to order each level, then x positions that
 * keep that order, leave room for each box's real width and centre parents
 * over their children. vis-network then draws the fixed positions.
 */
(function () {
  "use strict";

  const LEVEL_GAP = 185;
  const NODE_GAP = 24;
  const SWEEPS = 6;
  // A row of more nodes than this is staggered over sub-rows STAGGER apart
  // (two, or one per ROW_WIDTH nodes), node i on sub-row i mod k, so
  // neighbours may overlap sideways and the chart stays narrow enough to
  // read when it fits the screen.
  const STAGGER_ABOVE = 6;
  const STAGGER = 92;
  const ROW_WIDTH = 12;

  function subRows(count) {
    return count > STAGGER_ABOVE ? Math.max(2, Math.ceil(count / ROW_WIDTH)) : 1;
  }

  /**
   * Levels along the ranking relations: a node sits below everything that
   * ranks above it. A cycle is broken at its least constrained node; a top
   * node is pulled down to just above its highest child; a loose node that
   * is not a body or unit goes to the bottom row.
   */
  function rank(nodes, links, ranking, isStructure) {
    const below = new Map(nodes.map((n) => [n.id, []]));
    const above = new Map(nodes.map((n) => [n.id, []]));
    for (const edge of links) {
      const direction = ranking[edge.relation];
      if (!direction || edge.from === edge.to) continue;
      const [upper, lower] = direction === "down" ? [edge.from, edge.to] : [edge.to, edge.from];
      below.get(upper).push(lower);
      above.get(lower).push(upper);
    }
    const level = new Map(nodes.map((n) => [n.id, 0]));
    const waiting = new Map(nodes.map((n) => [n.id, above.get(n.id).length]));
    const done = new Set();
    const ready = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id).reverse();
    while (done.size < nodes.length) {
      if (!ready.length) {
        let pick = null;
        for (const node of nodes) {
          if (!done.has(node.id) && (pick === null || waiting.get(node.id) < waiting.get(pick))) pick = node.id;
        }
        ready.push(pick);
      }
      const id = ready.pop();
      if (done.has(id)) continue;
      done.add(id);
      for (const lower of below.get(id)) {
        if (done.has(lower)) continue;
        level.set(lower, Math.max(level.get(lower), level.get(id) + 1));
        waiting.set(lower, waiting.get(lower) - 1);
        if (waiting.get(lower) === 0) ready.push(lower);
      }
    }
    let bottom = 0;
    for (const value of level.values()) bottom = Math.max(bottom, value);
    for (const node of nodes) {
      if (above.get(node.id).length) continue;
      const children = below.get(node.id);
      if (children.length) level.set(node.id, Math.min(...children.map((c) => level.get(c))) - 1);
      else if (!isStructure(node)) level.set(node.id, bottom);
    }
    return { level, below, above };
  }

  const measure = document.createElement("canvas").getContext("2d");

  /** Drawn width of a node: its label at its group's font, wrapped at the maximum. */
  function widthOf(node, label, groups) {
    const group = groups[node.group] || {};
    const maxWidth = (group.widthConstraint || {}).maximum || 130;
    const font = group.font || {};
    measure.font = (font.bold ? "bold " : "") + (font.size || 14) + "px " + (font.face || "sans-serif");
    const longest = Math.max(...String(label).split("\n").map((line) => measure.measureText(line).width));
    const labelInside = group.shape === "box" || group.shape === "ellipse";
    const text = Math.min(longest, maxWidth);
    return labelInside ? text + 2 * (group.margin || 6) + 8 : Math.max(text, 2 * (group.size || 10));
  }

  function mean(values) {
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  }

  /** Least distance between the centres of row[i] and the node ``step`` places left of it. */
  function spacing(row, i, step, width, k) {
    const full = (width.get(row[i - step]) + width.get(row[i])) / 2 + NODE_GAP;
    if (step === k) return full;
    return step === 1 ? full / k : -Infinity;
  }

  /** x positions keeping the order of ``row``, each as near its wish as the widths allow. */
  function pack(row, wish, width) {
    const n = row.length;
    const k = subRows(n);
    const steps = k === 1 ? [1] : [1, k];
    const left = new Array(n);
    const right = new Array(n);
    for (let i = 0; i < n; i += 1) {
      left[i] = wish(row[i]);
      for (const step of steps) {
        if (i >= step) left[i] = Math.max(left[i], left[i - step] + spacing(row, i, step, width, k));
      }
    }
    for (let i = n - 1; i >= 0; i -= 1) {
      right[i] = wish(row[i]);
      for (const step of steps) {
        if (i + step < n) right[i] = Math.min(right[i], right[i + step] - spacing(row, i + step, step, width, k));
      }
    }
    return row.map((id, i) => [id, (left[i] + right[i]) / 2]);
  }

  /**
   * Positions {id: {x, y}} for an org chart of ``nodes`` and ``links``.
   * ``labels`` maps id to the text drawn, so widths match what is shown.
   */
  function place(nodes, links, options) {
    const { level, below, above } = rank(nodes, links, options.ranking, options.isStructure);
    const width = new Map(nodes.map((n) => [n.id, widthOf(n, options.labels.get(n.id), options.groups)]));
    const rows = [];
    for (const node of nodes) {
      const at = level.get(node.id);
      while (rows.length <= at) rows.push([]);
      rows[at].push(node.id);
    }
    const x = new Map();
    const byName = (a, b) => String(options.labels.get(a)).localeCompare(String(options.labels.get(b)), undefined, { numeric: true });
    const settle = (row, wish) => { for (const [id, value] of pack(row, wish, width)) x.set(id, value); };
    // First pass: each row in the order its parents suggest, packed from 0.
    let cursor = 0;
    for (const row of rows) {
      for (const id of row) x.set(id, mean(above.get(id).filter((u) => x.has(u)).map((u) => x.get(u))) ?? cursor++ * 1e-3);
      row.sort((a, b) => x.get(a) - x.get(b) || byName(a, b));
      settle(row, (id) => x.get(id));
    }
    // Sweeps: order by the mean x of parents (down) or children (up), then
    // pull each node toward that mean; the last sweep centres parents.
    for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
      const down = sweep % 2 === 0;
      const order = down ? rows : [...rows].reverse();
      for (const row of order) {
        const wished = new Map(row.map((id) => {
          const near = (down ? above : below).get(id).filter((other) => x.has(other)).map((other) => x.get(other));
          return [id, mean(near) ?? x.get(id)];
        }));
        if (sweep < SWEEPS - 2) row.sort((a, b) => wished.get(a) - wished.get(b) || x.get(a) - x.get(b));
        settle(row, (id) => wished.get(id));
      }
    }
    const positions = {};
    let top = 0;
    for (const row of rows) {
      row.sort((a, b) => x.get(a) - x.get(b));
      const k = subRows(row.length);
      row.forEach((id, i) => { positions[id] = { x: x.get(id), y: top + (i % k) * STAGGER }; });
      top += LEVEL_GAP + Math.max(0, k - 2) * STAGGER; // two sub-rows fit in one level
    }
    return positions;
  }

  window.orgkgLayout = { rank, place };
})();
