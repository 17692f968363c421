// The minimizer: given a failing recipe, try smaller ones (greedy, first
// improvement wins, then start over) and keep the smallest that still fails
// the same way (the same rule). Edits, biggest first: make a descendant the
// root; cut a container to half its items; drop one item or entry; put the
// simplest leaf in place of a child; simplify a leaf (shorter string, fewer
// elements, 0 for a number: `simpler(node)` of the direction's generator);
// for an object, a plainer key.
import { clone, compact, edges, isContainer, size, weight } from "./recipe.mjs";

function* candidates(recipe, simpler, simplest) {
  const ids = compact(recipe).nodes.map((_, i) => i);
  const base = compact(recipe);
  const edit = (f) => {
    const c = clone(base);
    return f(c) === false ? null : c;
  };
  // A descendant as the root.
  for (const id of ids) if (id !== base.root) yield { ...clone(base), root: id };
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
  for (const id of ids) {
    const n = base.nodes[id];
    for (let j = size(n) - 1; j >= 0; j--) {
      yield edit((c) => {
        const m = c.nodes[id];
        (m.items ?? m.entries).splice(j, 1);
      });
    }
  }
  for (const id of ids) {
    const es = edges(base.nodes[id]);
    for (let j = 0; j < es.length; j++) {
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
    for (let j = 0; j < es.length; j++) {
      for (const g of edges(base.nodes[es[j].id])) {
        yield edit((c) => edges(c.nodes[id])[j].set(g.id));
      }
    }
  }
  // An edge to another node that is there already (keeps a sharing, drops the rest).
  for (const id of ids) {
    const es = edges(base.nodes[id]);
    for (let j = 0; j < es.length; j++) {
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
    for (const s of simpler(n)) yield edit((c) => void (c.nodes[id] = structuredClone(s)));
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
  let start = 0;
  for (;;) {
    const w = weight(best);
    const cands = [...candidates(best, simpler, simplest)].filter(Boolean).map(compact).filter((c) => weight(c) < w);
    let accepted = -1;
    for (let j = 0; j < cands.length && runs < maxRuns; j++) {
      const i = (start + j) % cands.length;
      runs++;
      let d;
      try {
        d = await run(cands[i]);
      } catch (e) {
        d = { path: "$", rule: "crash", message: String(e?.message ?? e) };
      }
      if (d?.rule === bestDiff.rule) {
        accepted = i;
        best = cands[i];
        bestDiff = d;
        break;
      }
    }
    if (accepted < 0) break;
    start = accepted;
  }
  return { recipe: best, diff: bestDiff, runs };
}
