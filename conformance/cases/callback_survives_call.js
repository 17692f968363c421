// A Python function passed to JS and stored there stays callable after the call
// returns (Pyodide destroys such "borrowed" proxies: its issue #2498).
// expect: [1, 2, true]
let stored;
globalThis.confStore = (f) => {
  stored = f;
};
py.runPython("from js import confStore\ncounter = [0]\ndef bump():\n    counter[0] += 1\n    return counter[0]\nconfStore(bump)\ndel bump");
const a = stored();
const b = stored();
return [a, b, py.runPython("counter[0] == 2")];
