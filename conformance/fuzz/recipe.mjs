// The recipe: how the fuzzer describes one input graph, in either direction.
// A recipe is {dir: "js" | "py", root, nodes}: every value is a node (an
// object with a kind `k`), containers name their children by index into
// `nodes`, so a child named twice is shared and a child naming an ancestor
// is a cycle. The generators (js_gen.mjs, py_gen.mjs) make recipes, the
// builders/renderers turn them into a JS value or Python source, and the
// shrinker (shrink.mjs) edits them. Nothing here knows what a kind means
// beyond where its children are.

/** An array item that is a hole (`[1, , 3]`), JS recipes only. */
export const HOLE = -1;

/** Kinds whose children sit in `items` / in `entries` ([key, value] pairs of ids). */
const ITEM_KINDS = new Set(["array", "list", "tuple", "set"]);
const ENTRY_KINDS = new Set(["map", "dict"]);

/**
 * The edges of `node`, each {id, set(newId), remove()} (remove drops the
 * item or the whole entry). Object entries have string keys: only their
 * values are edges.
 */
export function edges(node) {
  const out = [];
  if (ITEM_KINDS.has(node.k)) {
    node.items.forEach((id, i) => {
      if (id === HOLE) return;
      out.push({ id, set: (n) => (node.items[i] = n), remove: () => node.items.splice(i, 1) });
    });
  } else if (ENTRY_KINDS.has(node.k)) {
    node.entries.forEach((e, i) => {
      out.push({ id: e[0], set: (n) => (e[0] = n), remove: () => node.entries.splice(i, 1) });
      out.push({ id: e[1], set: (n) => (e[1] = n), remove: () => node.entries.splice(i, 1) });
    });
  } else if (node.k === "object") {
    node.entries.forEach((e, i) => {
      out.push({ id: e[1], set: (n) => (e[1] = n), remove: () => node.entries.splice(i, 1) });
    });
  }
  return out;
}

/** Child ids of `node`, in order (holes left out). */
export function children(node) {
  return edges(node).map((e) => e.id);
}

/** The number of items or entries of a container (0 for a leaf). */
export function size(node) {
  if (node.items) return node.items.length;
  if (node.entries) return node.entries.length;
  return 0;
}

export function isContainer(node) {
  return ITEM_KINDS.has(node.k) || ENTRY_KINDS.has(node.k) || node.k === "object";
}

/** A deep copy (BigInt, -0 and NaN survive structuredClone). */
export function clone(recipe) {
  return structuredClone(recipe);
}

/** The recipe with only the nodes reachable from the root, renumbered in preorder. */
export function compact(recipe) {
  const order = [];
  const index = new Map();
  const visit = (id) => {
    if (index.has(id)) return;
    index.set(id, order.length);
    order.push(id);
    for (const c of children(recipe.nodes[id])) visit(c);
  };
  visit(recipe.root);
  const nodes = order.map((id) => structuredClone(recipe.nodes[id]));
  for (const n of nodes) for (const e of edges(n)) e.set(index.get(e.id));
  return { ...recipe, root: 0, nodes };
}

/** How complex a node is on its own (its children aside): simpler leaves cost less. */
function cost(n) {
  const num = (v) => (v === 0 || v === 0n ? (Object.is(v, -0) ? 0.5 : 0) : v === 1 || v === 1n ? 0.25 : 0.5 + Math.min(0.4, String(v).length / 1000));
  let c = n.k === "null" || n.k === "none" ? 0.25 : 1;
  if (typeof n.v === "number" || typeof n.v === "bigint") c += num(n.v);
  if (typeof n.v === "string") c += n.v.length;
  if (n.cps) c += n.cps.length;
  if (n.values) c += n.values.length + (n.type && n.type !== "Uint8Array" ? 0.5 : 0);
  if (n.bytes) c += n.bytes.length;
  if (n.vals) c += n.vals.length;
  if (n.offset || n.extra) c += 0.5;
  if (n.cast) c += 0.5;
  if (n.nullProto) c += 0.5;
  if (n.sub || n.getters || n.hidden) c += 0.5;
  if (n.k === "function" || n.k === "jsobject") c += 0.5;
  if (n.k === "object") n.entries.forEach(([key], j) => (c += key === `k${j}` ? 0 : 0.1 + key.length / 1000));
  return c;
}

/**
 * The size of what the root reaches (nodes, edges, leaf complexity; an edge
 * to a node reached before, sharing or a cycle, costs extra): the
 * shrinker's measure.
 */
export function weight(recipe) {
  const seen = new Set();
  let w = 0;
  const visit = (id) => {
    if (seen.has(id)) {
      w += 0.5;
      return;
    }
    seen.add(id);
    const n = recipe.nodes[id];
    w += cost(n) + size(n);
    for (const c of children(n)) visit(c);
  };
  visit(recipe.root);
  return w;
}
