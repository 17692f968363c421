// getBuffer() lifetime (Pyodide 314): `data` is live memory, so a write
// through it into a bytearray is seen by Python at once; while the view is
// held, resizing the bytearray is PythonError BufferError "Existing exports of
// data: object cannot be re-sized"; after release() it can be resized;
// release() twice is silent and after it `data` is no longer a typed array;
// [Symbol.dispose] releases too. Objects without the buffer protocol (list,
// plain instances) have no getBuffer member: calling it is a JS TypeError
// ("... is not a function").
// expect: [99, ["PythonError", "BufferError", "BufferError: Existing exports of data: object cannot be re-sized"], 7, [false, undefined], "function", 4, ["undefined", "undefined", "TypeError"]]
py.runPython("conf_gbw = bytearray(b'\\x01\\x02\\x03\\x04\\x05\\x06')");
const p = py.globals.get("conf_gbw");
const r = [];
const b = p.getBuffer();
b.data[0] = 99;
r.push(py.runPython("conf_gbw[0]"));
try {
  py.runPython("conf_gbw.append(1)");
  r.push("no error");
} catch (e) {
  r.push([e.name, e.type, e.message.trim().split("\n").pop()]);
}
b.release();
py.runPython("conf_gbw.append(7)");
r.push(py.runPython("len(conf_gbw)"));
r.push([ArrayBuffer.isView(b.data), b.release()]);
const b2 = p.getBuffer();
r.push(typeof b2[Symbol.dispose]);
b2[Symbol.dispose]();
py.runPython("conf_gbw.extend(b'\\x00' * 4)");
r.push(py.runPython("len(conf_gbw)") - 7);
p.destroy();
const l = py.runPython("[1]");
const o = py.runPython("object()");
const got = [typeof l.getBuffer, typeof o.getBuffer];
try {
  o.getBuffer();
  got.push("no error");
} catch (e) {
  got.push(e.name);
}
l.destroy();
o.destroy();
r.push(got);
return r;
