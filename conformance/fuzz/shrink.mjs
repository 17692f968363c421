// The minimizer: given a failing recipe, try smaller ones (greedy: the first
// candidate that still fails the same way, the same rule, wins, and the next
// round resumes from its place) and keep the smallest. Edits, biggest first:
// make a descendant the root; cut a container to half its items; drop one
// item or entry; put the simplest leaf in place of a child; point an edge at
// a grandchild, or at another node already there; drop a variant flag;
// simplify a leaf (shorter string, fewer elements, 0 for a number:
// `simpler(node)` of the direction's generator); for an object, a plainer key.
import { clone, compact, edges, isContainer, size, weight } from "./recipe.mjs";

/**
 * The candidate edits of `base` (a compacted recipe), as thunks: each makes
 * its copy only when called (a big recipe has thousands of candidates).
 */
// Per-item and per-edge edits look at this many items of a node at most (a
// wide container shrinks by halving first).
const EDGES = 64;

function* candidates(base, simpler, simplest, coarse) {
  const ids = base.nodes.map((_, i) => i);
  const edit = (f) => () => {
    const c = clone(base);
    return f(c) === false ? null : c;
  };
  // A descendant as the root.
  for (const id of ids) if (id !== base.root) yield () => ({ ...clone(base), root: id });
  for (const id of ids) {
    const n = base.nodes[id];
    const len = size(n);
    if (len > 1) {
      yield edit((c) => {
        const m = c.nodes[id];
        if (m.items) m.items.length = len >> 1;
        else m.entries.length = len >> 1;
      });
    }
  }
  if (coarse) {
    // A whole child subgraph (a container) becomes the simplest leaf.
    for (const id of ids) {
      const es = edges(base.nodes[id]);
      for (let j = 0; j < es.length && j < EDGES; j++) {
        if (!isContainer(base.nodes[es[j].id])) continue;
        yield edit((c) => {
          const leaf = c.nodes.push(structuredClone(simplest)) - 1;
          edges(c.nodes[id])[j].set(leaf);
        });
      }
    }
    return;
  }
  for (const id of ids) {
    const n = base.nodes[id];
    for (let j = size(n) - 1; j >= Math.max(0, size(n) - EDGES); j--) {
      yield edit((c) => {
        const m = c.nodes[id];
        (m.items ?? m.entries).splice(j, 1);
      });
    }
  }
  for (const id of ids) {
    const es = edges(base.nodes[id]);
    for (let j = 0; j < es.length && j < EDGES; j++) {
      const target = base.nodes[es[j].id];
      if (target.k === simplest.k) continue;
      yield edit((c) => {
        const leaf = c.nodes.push(structuredClone(simplest)) - 1;
        edges(c.nodes[id])[j].set(leaf);
      });
    }
  }
  // An edge to a grandchild instead of its child (shortens chains).
  for (const id of ids) {
    const es = edges(base.nodes[id]);
    for (let j = 0; j < es.length && j < EDGES; j++) {
      for (const g of edges(base.nodes[es[j].id]).slice(0, EDGES)) {
        yield edit((c) => edges(c.nodes[id])[j].set(g.id));
      }
    }
  }
  // An edge to another node that is there already (keeps a sharing, drops the rest).
  for (const id of ids) {
    const es = edges(base.nodes[id]);
    for (let j = 0; j < es.length && j < EDGES; j++) {
      for (const other of ids) {
        if (other === es[j].id || !isContainer(base.nodes[other]) && !base.nodes[other].bytes && !base.nodes[other].values) continue;
        yield edit((c) => edges(c.nodes[id])[j].set(other));
      }
    }
  }
  for (const id of ids) {
    const n = base.nodes[id];
    if (isContainer(n)) {
      if (n.k === "object") {
        for (let j = 0; j < n.entries.length; j++) {
          if (n.entries[j][0] === "a" || n.entries[j][0] === `k${j}`) continue;
          yield edit((c) => {
            c.nodes[id].entries[j][0] = `k${j}`;
          });
        }
      }
      for (const flag of ["nullProto", "getters", "hidden", "sub"]) if (n[flag]) yield edit((c) => void delete c.nodes[id][flag]);
      continue;
    }
    for (const s of simpler(n)) yield edit((c) => void (c.nodes[id] = s));
  }
}

/**
 * Shrink `recipe`. `run(recipe)` is async and returns the difference (or
 * null) for a recipe; `first` is the original difference. The candidates of
 * the current best are tried in a circle starting where the last accepted
 * one stood (edits of one kind sit together), until a whole circle fails.
 * Returns {recipe, diff, runs}.
 */
export async function shrink(recipe, first, run, { simpler, simplest, maxRuns = 1000 }) {
  let best = compact(recipe);
  let bestDiff = first;
  let runs = 0;
  // Try the thunks from `start` round the circle; the index accepted, or -1.
  const round = async (thunks, start) => {
    const w = weight(best);
    for (let j = 0; j < thunks.length && runs < maxRuns; j++) {
      const i = (start + j) % thunks.length;
      const made = thunks[i]();
      if (!made) continue;
      const cand = compact(made);
      if (weight(cand) >= w) continue;
      runs++;
      let d;
      try {
        d = await run(cand);
      } catch (e) {
        d = { path: "$", rule: "crash", message: String(e?.message ?? e) };
      }
      if (d?.rule === bestDiff.rule) {
        best = cand;
        bestDiff = d;
        return i;
      }
    }
    return -1;
  };
  for (let progress = true; progress && runs < maxRuns; ) {
    progress = false;
    // Coarse edits first, from the top each time (they cut the most).
    while ((await round([...candidates(best, simpler, simplest, true)], 0)) >= 0) progress = true;
    // Then every edit, each round resuming where the last accepted one stood.
    for (let start = 0, i; (i = await round([...candidates(best, simpler, simplest, false)], start)) >= 0; start = i) {
      progress = true;
      if (runs >= maxRuns) break;
      // Back to the coarse edits once in a while: an accepted small edit may open a big one.
      if (i % 8 === 0) break;
    }
  }
  return { recipe: best, diff: bestDiff, runs };
}
