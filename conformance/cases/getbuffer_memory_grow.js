// A getBuffer() view stays correct across a growth of the wasm memory of more
// than 256 MB: growing detaches every typed array over the old memory, and
// `view.data` is rebuilt over the new one (an array taken out of the view
// earlier is detached: read `view.data` again). Writes through the new `data`
// still reach the Python bytearray. Pyodide's `data` would be detached.
// expect: [[1, 2, 3, 4], 0, [1, 2, 3, 4], true, "0a020304"]
py.runPython("conf_mg = bytearray(b'\\x01\\x02\\x03\\x04')");
const p = py.globals.get("conf_mg");
const view = p.getBuffer();
const before = Array.from(view.data);
const early = view.data;
const pages = py.runPython("conf_mg_big = bytearray(300 << 20); len(conf_mg_big) >> 20");
const r = [before, early.length, Array.from(view.data), pages === 300];
view.data[0] = 10;
r.push(py.runPython("conf_mg.hex()"));
view.release();
p.destroy();
py.runPython("del conf_mg, conf_mg_big");
return r;
