// The leak check of every fuzz iteration: `py.liveHandles()` must be back to
// what it was before the iteration. Most iterations are back at once (proxies
// are destroyed or freed by reference counting); otherwise garbage is
// collected on both sides (Python gc.collect(), then the host's full JS GC,
// then a few ticks for FinalizationRegistry callbacks), as the conformance
// harness does (conformance/harness/exec.mjs), until the counts are back or
// `settleMs` passed.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const same = (a, b) => a.js === b.js && a.py === b.py;

/**
 * Wait for the tables to be back at `base`; returns null, or a difference
 * {rule: "leak", ...} naming the counts.
 */
export async function settle(py, collectJs, base, settleMs = 2000) {
  let now = py.liveHandles();
  if (same(now, base)) return null;
  const deadline = performance.now() + settleMs;
  for (let i = 0; ; i++) {
    py.runPython("__import__('gc').collect() and None");
    await collectJs();
    for (let t = 0; t < 3; t++) await sleep(0);
    if (i >= 3) await sleep(10);
    now = py.liveHandles();
    if (same(now, base)) return null;
    if (performance.now() > deadline) break;
  }
  return { path: "$", rule: "leak", message: `live handles not back to baseline: js ${base.js} -> ${now.js}, py ${base.py} -> ${now.py}` };
}
