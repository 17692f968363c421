// Long strings with lone surrogates cross both ways unchanged, at 200000 and at
// 1000000 UTF-16 code units (more than any spread call's argument limit): the
// length, the lone surrogate in front and the last unit are kept, Python -> JS
// and JS -> Python.
// expect: [[200000, 55296, 97, 200000, 55296, 98], [1000000, 55296, 97, 1000000, 55296, 98]]
const roundTrip = (n) => {
  globalThis.confLongLone = "\ud800" + "b".repeat(n - 1);
  const s = py.runPython(`'\\ud800' + 'a' * ${n - 1}`);
  const fromPy = [s.length, s.charCodeAt(0), s.charCodeAt(n - 1)];
  const toPy = JSON.parse(
    py.runPython(`
import json
from js import confLongLone
json.dumps([len(confLongLone), ord(confLongLone[0]), ord(confLongLone[-1])])
`),
  );
  return [...fromPy, ...toPy];
};
try {
  return [roundTrip(200000), roundTrip(1000000)];
} finally {
  delete globalThis.confLongLone;
}
