// A getBuffer() view stays correct across a growth of the wasm memory of at
// least 256 MB: growing detaches every typed array over the old memory, and
// `view.data` is rebuilt over the new one (an array taken out of the view
// earlier is detached: read `view.data` again). Writes through the new `data`
// still reach the Python bytearray. Pyodide's `data` would be detached.
// Python allocates the current memory size plus 256 MB, so the memory must
// grow by at least that much (also on a second round, after earlier growth).
// expect: [[1, 2, 3, 4], 0, true, [1, 2, 3, 4], "0a020304"]
py.runPython("conf_mg = bytearray(b'\\x01\\x02\\x03\\x04')");
const p = py.globals.get("conf_mg");
const view = p.getBuffer();
const before = Array.from(view.data);
const early = view.data;
const size0 = early.buffer.byteLength;
py.runPython(`conf_mg_big = bytearray(${size0} + (256 << 20))`);
const grown = view.data.buffer.byteLength - size0 >= 256 << 20;
const r = [before, early.length, grown, Array.from(view.data)];
view.data[0] = 10;
r.push(py.runPython("conf_mg.hex()"));
view.release();
p.destroy();
py.runPython("del conf_mg, conf_mg_big");
return r;
