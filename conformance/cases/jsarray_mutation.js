// Item assignment and deletion on a JsArray mutate the JS array (deletion
// splices), and append/extend/pop work as on a Python list.
// expect: [[5, 30], [5, 30, 7, 8, 9], 9, [5, 30, 7, 8]]
globalThis.confMutA = [10, 20, 30];
py.runPython("from js import confMutA as a\na[0] = 5\ndel a[1]");
const first = [...globalThis.confMutA];
const hasAppend = py.runPython("hasattr(a, 'append')");
if (hasAppend) py.runPython("a.append(7)\na.extend([8, 9])");
else globalThis.confMutA.push(7, 8, 9);
const second = [...globalThis.confMutA];
const popped = py.runPython("a.pop()");
const third = [...globalThis.confMutA];
py.runPython("del a");
delete globalThis.confMutA;
return [first, second, popped, third];
