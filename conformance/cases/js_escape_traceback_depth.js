// An error that goes wrong while crossing (here: a JS error whose `name` getter
// throws) must not leave Python frames behind: after three of them in a row,
// caught in Python or not, the stack seen by top-level code is as deep as before.
// expect: [0, 0, 0]
globalThis.confDepthThrow = () => {
  const err = new Error("inner message");
  Object.defineProperty(err, "name", {
    get() {
      throw new Error("the name getter threw");
    },
  });
  throw err;
};
const depth = () => py.runPython("len(__import__('traceback').extract_stack())");
try {
  py.runPython("from js import confDepthThrow");
  const d0 = depth();
  const deltas = [];
  const attempts = [
    "try:\n    confDepthThrow()\nexcept Exception:\n    pass", // caught in Python
    "confDepthThrow()", // not caught in Python: runPython throws
    "confDepthThrow()",
  ];
  for (const code of attempts) {
    try {
      py.runPython(code);
    } catch {
      // Whatever runPython throws here, only the depth afterwards matters.
    }
    deltas.push(depth() - d0);
  }
  return deltas;
} finally {
  delete globalThis.confDepthThrow;
}
