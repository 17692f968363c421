// to_py(depth=1) converts the top level only; class instances and functions
// stay JsProxy unless default_converter converts them. Same as Pyodide.
// expect: [true, true, true, "converted:7"]
class ConfK {
  constructor() {
    this.v = 7;
  }
}
globalThis.confToPyD = { inner: { x: 1 }, inst: new ConfK() };
const r = py.runPython(`
import json
from js import confToPyD
from pyodide.ffi import JsProxy
shallow = confToPyD.to_py(depth=1)
full = confToPyD.to_py()
conv = confToPyD.to_py(default_converter=lambda value, convert, cache: f"converted:{value.v}")
json.dumps([isinstance(shallow["inner"], JsProxy), full["inner"] == {"x": 1}, isinstance(full["inst"], JsProxy), conv["inst"]])
`);
delete globalThis.confToPyD;
return JSON.parse(r);
