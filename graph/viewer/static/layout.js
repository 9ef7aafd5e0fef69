/* orgkg org-chart layout: a tree of "who sits under whom", levels read from
 * the organisation's own relations, then x positions that keep each subtree
 * together and leave room for every box's real width.
 *
 * 1. Each node gets one parent, the node it is drawn under: a post under the
 *    post it reports to (org:reportsTo), else the unit it heads or is in, a person beside the post they hold, a seal under
 *    its body, a unit under the unit (or post) it reports to inside its own
 *    organisation, else under the unit it belongs to; a body under the post
 *    or body it reports to or assists.
 * 2. Levels follow that tree: a unit's leading posts (org:role head or deputy
 *    head) sit in the row just under it, together with the sub-units its
 *    leaders sit in (its leadership board); its other sub-units come next,
 *    and its ordinary posts (members, staff, experts) below them all.
 * 3. The largest tree is the main organisation, drawn first (left); every
 *    other tree (related bodies, their posts and seals) goes to its right,
 *    its top level with the main tree's, where the main tree is narrow.
 * 4. Rows are ordered by a depth-first walk of the tree, so tree edges never
 *    cross, and packed so that parents sit over their children.
 *
 * Nothing here knows a name or an IRI: only kinds, relations and roles.
 */
(function () {
  "use strict";

  const LEVEL_GAP = 175;
  const NODE_GAP = 16;
  const SWEEPS = 6;
  // A row of more nodes than this is staggered over sub-rows STAGGER apart
  // (two, or one per ROW_WIDTH nodes), node i on sub-row i mod k.
  const STAGGER_ABOVE = 11;
  const STAGGER = 80;
  const ROW_WIDTH = 14;
  const KIND_ORDER = { post: 0, unit: 1, body: 2 };

  function subRows(count) {
    return count > STAGGER_ABOVE ? Math.max(2, Math.ceil(count / ROW_WIDTH)) : 1;
  }

  /** Links of each node, both ways: {relation, other}. */
  function adjacency(nodes, links) {
    const out = new Map(nodes.map((n) => [n.id, []]));
    const into = new Map(nodes.map((n) => [n.id, []]));
    for (const edge of links) {
      if (edge.from === edge.to || !out.has(edge.from) || !out.has(edge.to)) continue;
      out.get(edge.from).push({ relation: edge.relation, other: edge.to });
      into.get(edge.to).push({ relation: edge.relation, other: edge.from });
    }
    return { out, into };
  }

  /**
   * The tree: parent of each node (absent for roots), how it hangs there
   * (the relation), and which nodes are drawn beside their parent.
   */
  function chooseParents(nodes, links, ranking) {
    const kind = new Map(nodes.map((n) => [n.id, n.kind]));
    const { out, into } = adjacency(nodes, links);
    const targets = (id, relations) => out.get(id).filter((l) => relations.includes(l.relation)).map((l) => l.other);
    const parent = new Map();
    const via = new Map();
    const beside = new Set();
    const structural = (id) => kind.get(id) === "body" || kind.get(id) === "unit";

    // The organisation a node is part of: the top of its unitOf chain.
    const homes = new Map();
    function home(id, seen = new Set()) {
      if (homes.has(id)) return homes.get(id);
      if (seen.has(id)) return id;
      seen.add(id);
      const up = kind.get(id) === "post" ? targets(id, ["heads", "postIn"]) : structural(id) ? targets(id, ["unitOf"]) : [];
      const found = up.length ? home(up[0], seen) : id;
      homes.set(id, found);
      return found;
    }

    function makesCycle(id, candidate) {
      for (let at = candidate; at !== undefined; at = parent.get(at)) if (at === id) return true;
      return false;
    }

    function candidates(id) {
      const k = kind.get(id);
      if (k === "person") {
        // Beside the held post with most links: the one the chart is about.
        const held = targets(id, ["holds"]).sort((a, b) => out.get(b).length + into.get(b).length - out.get(a).length - into.get(a).length);
        return held.map((p) => [p, "holds"]).concat(targets(id, ["heads", "memberOf"]).map((p) => [p, "memberOf"]));
      }
      if (k === "post") {
        // Under the post it reports to (an organogram's chain), else its unit.
        const bosses = targets(id, ["reportsTo"]).filter((p) => kind.get(p) === "post").map((p) => [p, "reportsTo"]);
        return bosses.concat(["heads", "postIn", "sitsIn", "memberOf"].flatMap((r) => targets(id, [r]).filter(structural).map((p) => [p, r])));
      }
      if (k === "seal") return targets(id, ["sealOf"]).map((p) => [p, "sealOf"]);
      if (structural(id)) {
        const belongs = targets(id, ["unitOf"]);
        const recipients = targets(id, ["reportsTo", "assists"])
          .filter((p) => kind.get(p) in KIND_ORDER)
          .filter((p) => !belongs.length || home(p) === home(id))
          .sort((a, b) => KIND_ORDER[kind.get(a)] - KIND_ORDER[kind.get(b)]);
        return recipients.map((p) => [p, "reportsTo"]).concat(belongs.map((p) => [p, "unitOf"]));
      }
      // Rules, reporting lines, sentences: under what they hang off.
      return into.get(id).filter((l) => ranking[l.relation] === "down").map((l) => [l.other, l.relation])
        .concat(out.get(id).filter((l) => ranking[l.relation] === "up").map((l) => [l.other, l.relation]))
        .concat(into.get(id).filter((l) => kind.get(l.other) !== "source").map((l) => [l.other, l.relation]));
    }

    for (const node of nodes) {
      for (const [candidate, relation] of candidates(node.id)) {
        if (makesCycle(node.id, candidate)) continue;
        parent.set(node.id, candidate);
        via.set(node.id, relation);
        if (relation === "holds") beside.add(node.id);
        break;
      }
    }
    const children = new Map(nodes.map((n) => [n.id, []]));
    for (const [child, up] of parent) children.get(up).push(child);
    return { parent, via, beside, children, out };
  }

  /** Levels within each tree, from its root at 0 (see the file's comment). */
  function levels(nodes, tree, isLead) {
    const { parent, via, beside, children, out } = tree;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const leads = (id) => children.get(id).filter((c) => isLead(c));
    const sitters = new Map();
    for (const node of nodes) {
      for (const link of out.get(node.id)) {
        if (link.relation !== "sitsIn") continue;
        if (!sitters.has(link.other)) sitters.set(link.other, []);
        sitters.get(link.other).push(node.id);
      }
    }
    // A sub-unit only the unit's own leaders sit in is its leadership board,
    // drawn on their row.
    const boards = (id) => {
      const own = new Set(leads(id));
      return new Set(children.get(id).filter((c) => (sitters.get(c) || []).length && sitters.get(c).every((s) => own.has(s))));
    };
    const ordinary = (id) => byId.get(id).kind === "post" && !isLead(id);
    const level = new Map();
    function levelOf(id) {
      if (level.has(id)) return level.get(id);
      const up = parent.get(id);
      let value = 0;
      if (up !== undefined) {
        const base = levelOf(up);
        const kindOf = byId.get(id).kind;
        const led = leads(up).length ? 1 : 0;
        if (beside.has(id)) value = base;
        else if (isLead(id)) value = base + 1;
        else if (ordinary(id) && (byId.get(up).kind === "unit" || byId.get(up).kind === "body")) {
          const units = children.get(up).filter((c) => byId.get(c).kind === "unit" && !ordinary(c));
          value = Math.max(base + 1 + led, ...units.map((c) => levelOf(c) + 1));
        } else if (kindOf === "unit" && via.get(id) === "unitOf") value = base + 1 + (boards(up).has(id) ? 0 : led);
        else value = base + 1;
      }
      level.set(id, value);
      return value;
    }
    for (const node of nodes) levelOf(node.id);
    return level;
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
   * ``options``: ranking (relation -> "up"/"down"/null, for kinds without
   * a rule of their own), isStructure, groups (vis groups, for widths) and
   * labels (id -> the text drawn).
   */
  function place(nodes, links, options) {
    const tree = chooseParents(nodes, links, options.ranking);
    const { parent, beside, children } = tree;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const isLead = (id) => byId.get(id).kind === "post" && (Boolean(byId.get(id).lead) || tree.via.get(id) === "heads");
    const local = levels(nodes, tree, isLead);
    const name = (id) => String(options.labels.get(id));
    const byName = (a, b) => name(a).localeCompare(name(b), undefined, { numeric: true });

    // Trees: the largest is the main organisation; the rest go to its right.
    const rootOf = new Map();
    const find = (id) => { if (!rootOf.has(id)) rootOf.set(id, parent.has(id) ? find(parent.get(id)) : id); return rootOf.get(id); };
    const size = new Map();
    for (const node of nodes) size.set(find(node.id), (size.get(find(node.id)) || 0) + 1);
    const roots = [...size.keys()].sort((a, b) => size.get(b) - size.get(a) || byName(a, b));
    const main = roots[0];
    const level = new Map(local);
    // A lone detail (a post or person tied to nothing) waits in the bottom row.
    const bottom = Math.max(0, ...level.values());
    for (const root of roots) {
      if (size.get(root) === 1 && !options.isStructure(byId.get(root))) level.set(root, bottom);
    }

    // Depth-first order: a person beside their post, then the leadership
    // board (its units under it come first in the next row), the head, the
    // deputies, the other units, seals and ordinary posts.
    const rankOf = (id) => {
      const node = byId.get(id);
      if (beside.has(id)) return 0;
      const structure = node.kind === "unit" || node.kind === "body";
      if (structure && level.get(id) === level.get(parent.get(id)) + 1) return 1;
      if (isLead(id)) return node.lead === "deputy" ? 3 : 2;
      if (structure) return 4;
      return node.kind === "seal" ? 5 : 6;
    };
    const order = new Map();
    const walk = (id) => {
      order.set(id, order.size);
      children.get(id).sort((a, b) => rankOf(a) - rankOf(b) || byName(a, b)).forEach(walk);
    };
    const trees = roots.filter((r) => r === main || size.get(r) > 1).concat(roots.filter((r) => r !== main && size.get(r) === 1));
    trees.forEach(walk);

    const rows = [];
    for (const node of nodes) {
      const at = level.get(node.id);
      while (rows.length <= at) rows.push([]);
      rows[at].push(node.id);
    }
    for (const row of rows) row.sort((a, b) => order.get(a) - order.get(b));

    const width = new Map(nodes.map((n) => [n.id, widthOf(n, options.labels.get(n.id), options.groups)]));
    const x = new Map();
    const settle = (row, wish) => { for (const [id, value] of pack(row, wish, width)) x.set(id, value); };
    const besideAt = (id) => x.get(parent.get(id)) + (width.get(parent.get(id)) + width.get(id)) / 2 + NODE_GAP;
    const below = (id) => children.get(id).filter((c) => !beside.has(c) && x.has(c)).map((c) => x.get(c));
    const downWish = (id) => {
      if (!parent.has(id) || !x.has(parent.get(id))) return x.has(id) ? x.get(id) : 0;
      return beside.has(id) ? besideAt(id) : x.get(parent.get(id));
    };
    const upWish = (id) => (beside.has(id) && x.has(parent.get(id)) ? besideAt(id) : mean(below(id)) ?? x.get(id));
    for (const row of rows) settle(row, downWish);
    for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
      const up = sweep % 2 === 0;
      for (const row of up ? [...rows].reverse() : rows) settle(row, up ? upWish : downWish);
    }
    for (const row of [...rows].reverse()) settle(row, upWish);
    // Lone nodes (nothing shown links them) close their row on the right.
    for (const row of rows) {
      row.forEach((id, i) => {
        if (i && size.get(find(id)) === 1 && id !== main) {
          x.set(id, x.get(row[i - 1]) + (width.get(row[i - 1]) + width.get(id)) / 2 + NODE_GAP);
        }
      });
    }

    const positions = {};
    let top = 0;
    for (const row of rows) {
      const k = subRows(row.length);
      row.forEach((id, i) => { positions[id] = { x: x.get(id), y: top + (i % k) * STAGGER }; });
      top += LEVEL_GAP + (k - 1) * STAGGER;
    }
    return positions;
  }

  window.orgkgLayout = { chooseParents, place };
})();
