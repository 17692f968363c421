// The fuzz loop, the same on every host: given a loaded runtime, run
// `iterations` seeded iterations (even ones JS → Python → JS, odd ones
// Python → JS → Python; dicts as plain Objects or as Maps at random), check
// each result and the handle tables, minimize every failure, and return the
// figures. Hosts (roundtrip.mjs for Node, chromium.mjs) only load the runtime
// and print.
import { Rng } from "./prng.mjs";
import { generateJs, renderJs, simplerJsLeaves, SIMPLEST_JS } from "./js_gen.mjs";
import { generatePy, renderPy, simplerPyLeaves, SIMPLEST_PY } from "./py_gen.mjs";
import { jsTrip, pyTrip } from "./trips.mjs";
import { settle } from "./handles.mjs";
import { shrink } from "./shrink.mjs";
import { KNOWN, knownBug } from "./known.mjs";

/** Load py_equal.py (its source text) as a module; returns its `trip` as a PyProxy. */
export function loadComparator(py, pySource) {
  const load = py.runPython("lambda src: (lambda m: (exec(src, m.__dict__), m.trip)[1])(__import__('types').ModuleType('fuzz_equal'))");
  try {
    return load(pySource);
  } finally {
    load.destroy();
  }
}

const DIRS = { js: "JS→Py→JS", py: "Py→JS→Py" };

/** How to run a recipe by hand: the literal and the calls. */
export function reproduction(dir, recipe, mode, depth) {
  if (dir === "js") {
    const opts = mode === "map" ? "{ create_pyproxies: false, dict_converter: (e) => new Map(e) }" : "{ create_pyproxies: false }";
    return `const v = ${renderJs(recipe)};\nconst p = py.toPy(v${depth >= 0 ? `, { depth: ${depth} }` : ""});\nconst r = py.isPyProxy(p) ? p.toJs(${opts}) : p;`;
  }
  const opts = (depth >= 0 ? `, depth=${depth}` : "") + (mode === "map" ? ", dict_converter=js.Map.new" : "");
  return `${renderPy(recipe)}\nr = to_js(root, pyproxies=proxies${opts})\nout = r.to_py() if isinstance(r, JsProxy) else r`;
}

/**
 * Run the fuzzer. Options: py (a runtime), collectJs (async full JS GC),
 * pySource (py_equal.py's text), seed, iterations, maxDepth, iteration (run
 * only this one), strict, directions ("both" | "js" | "py"), log(line).
 * Returns {seed, inputs, byDir, failures: [...], known: {id: count}}.
 */
export async function runFuzz(o) {
  const { py, collectJs, pySource, seed, iterations, maxDepth = 4, iteration, strict = false, directions = "both", log = () => {}, shrinkRuns = 1000 } = o;
  const tripFn = loadComparator(py, pySource);
  const tolerate = new Set(strict ? [] : KNOWN.filter((k) => k.tolerate).map((k) => k.tolerate));
  const runOne = async (dir, recipe, mode, depth, settleMs = 2000) => {
    const base = py.liveHandles();
    let d;
    try {
      const t = dir === "js" ? jsTrip(py, recipe, mode, depth, tolerate) : pyTrip(tripFn, recipe, mode, depth, tolerate);
      d = t.diff;
      runOne.outcome = t.outcome;
    } catch (e) {
      d = { path: "$", rule: "crash", message: `the trip threw ${e?.name}: ${String(e?.message ?? e).trim().split("\n").pop()}` };
    }
    const leak = await settle(py, collectJs, base, settleMs);
    if (d?.rule) return d;
    return leak ? { ...leak, known: d?.known ?? [] } : d;
  };
  // Warm-up: whatever the runtime makes once (cached helpers) is made now.
  for (const mode of ["object", "map"]) {
    await runOne("js", { dir: "js", root: 0, nodes: [{ k: "array", items: [] }] }, mode, -1);
    await runOne("py", { dir: "py", root: 0, nodes: [{ k: "list", items: [] }] }, mode, -1);
  }
  const byDir = { js: 0, py: 0 };
  const failures = [];
  const known = {};
  const signatures = new Map();
  const outcomes = {};
  const indices = iteration !== undefined ? [iteration] : Array.from({ length: iterations }, (_, i) => i);
  const t0 = performance.now();
  for (const i of indices) {
    const rng = Rng.forIteration(seed, i);
    const dir = directions === "both" ? (i % 2 === 0 ? "js" : "py") : directions;
    const mode = rng.chance(0.5) ? "object" : "map";
    // toPy's depth (JS → Python) or to_js's (Python → JS); the way back converts all.
    const depth = rng.weighted([[6, -1], [1, 0], [2, 1], [2, 2], [1, 3]]);
    const recipe = dir === "js" ? generateJs(rng, { maxDepth }) : generatePy(rng, { maxDepth });
    byDir[dir]++;
    const d = await runOne(dir, recipe, mode, depth);
    const label = `${DIRS[dir]} ${runOne.outcome}`;
    outcomes[label] = (outcomes[label] ?? 0) + 1;
    if (depth >= 0) outcomes[`${DIRS[dir]} with depth ${depth}`] = (outcomes[`${DIRS[dir]} with depth ${depth}`] ?? 0) + 1;
    for (const rule of d?.known ?? []) {
      const k = KNOWN.find((x) => x.tolerate === rule);
      known[k.id] = (known[k.id] ?? 0) + 1;
    }
    if (d?.rule) {
      const bug = strict ? undefined : knownBug(d, { dir, mode, depth, recipe });
      if (bug) {
        known[bug.id] = (known[bug.id] ?? 0) + 1;
      } else {
        const f = { iteration: i, dir, mode, depth, diff: d, recipe };
        // Minimize the first failure of each kind (rule and direction); count the rest.
        const sig = `${dir}:${d.rule}` + (d.rule === "error" || d.rule === "crash" ? `:${d.message.replace(/[0-9]+/g, "N").slice(0, 48)}` : "");
        if (!signatures.has(sig)) {
          signatures.set(sig, f);
          const s = await shrink(recipe, d, (r) => runOne(dir, r, mode, depth, 300), {
            simpler: dir === "js" ? simplerJsLeaves : simplerPyLeaves,
            simplest: dir === "js" ? SIMPLEST_JS : SIMPLEST_PY,
            maxRuns: shrinkRuns,
          });
          f.minimized = s;
          log(formatFailure(seed, f));
        } else {
          log(`FAIL iteration ${i} (${DIRS[dir]}, dicts as ${mode === "map" ? "Map" : "Object"}, depth ${depth}): ${d.rule} at ${clip(d.path)}: ${clip(d.message)} [same kind as iteration ${signatures.get(sig).iteration}]`);
        }
        failures.push(f);
      }
    }
    if (indices.length > 1 && (byDir.js + byDir.py) % 1000 === 0) log(`… ${byDir.js + byDir.py} inputs, ${failures.length} failures, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  tripFn.destroy();
  return { seed, inputs: byDir.js + byDir.py, byDir, failures, known, kinds: signatures.size, outcomes };
}

const clip = (text, n = 400) => (text.length > n ? `${text.slice(0, n)}… (${text.length} characters)` : text);

export function formatFailure(seed, f) {
  const m = f.minimized;
  const d = m?.diff ?? f.diff;
  const lines = [
    `FAIL seed ${seed} iteration ${f.iteration} (${DIRS[f.dir]}, dicts as ${f.mode === "map" ? "Map" : "Object"}, depth ${f.depth})`,
    `  first difference: ${f.diff.rule} at ${clip(f.diff.path)}: ${clip(f.diff.message)}`,
  ];
  if (m) {
    lines.push(`  minimized (${m.runs} runs): ${d.rule} at ${clip(d.path)}: ${clip(d.message)}`);
    lines.push("  input:");
    for (const l of reproduction(f.dir, m.recipe, f.mode, f.depth).split("\n")) lines.push("    " + clip(l, 2000));
  }
  lines.push(`  reproduce: node --expose-gc conformance/fuzz/roundtrip.mjs --seed ${seed} --iteration ${f.iteration}`);
  return lines.join("\n");
}

/** The tally of predicted outcomes, one line per kind (what the inputs exercised). */
export function outcomeLines(r) {
  return Object.entries(r.outcomes ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `  ${k}: ${n}`);
}

export function summary(r) {
  const knownText = Object.keys(r.known).length ? ` (known bugs, not counted: ${Object.entries(r.known).map(([k, n]) => `${k} ${n}`).join(", ")})` : "";
  return `roundtrip fuzz: ${r.inputs} inputs (JS→Py→JS ${r.byDir.js}, Py→JS→Py ${r.byDir.py}), ${r.failures.length} failures, seed ${r.seed}${knownText}`;
}
