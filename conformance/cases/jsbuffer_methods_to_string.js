// JsBuffer.to_string(encoding=None) (as in Pyodide): decodes the bytes
// (utf-8 by default; any WHATWG TextDecoder label otherwise, e.g. "utf-16le",
// "latin1"; "ascii" is windows-1252 there, so 0xff is "ÿ"); works on typed
// arrays of any element type (their bytes), DataView and ArrayBuffer; a BOM
// is kept (U+FEFF). Invalid input is ValueError "Failed to decode Javascript
// TypedArray as utf8" (the label given, or "utf8" by default), not
// replacement characters; an unknown label is a JsException (RangeError);
// None as the encoding is a TypeError.
// expect: ["h\u00e9llo", "hi", "hi", "\u00e9", "h\u00ff", "hi", "ab", "ab", "\ufeffh", "", ["ValueError", "Failed to decode Javascript TypedArray as utf8"], ["ValueError", "Failed to decode Javascript TypedArray as utf-16le"], ["JsException", "RangeError"], ["TypeError", null]]
globalThis.confTs = {
  utf8: new TextEncoder().encode("h\u00e9llo"),
  u16le: new Uint8Array([104, 0, 105, 0]),
  e9: new Uint8Array([0xe9]),
  ff: new Uint8Array([104, 0xff]),
  u16: new Uint16Array([0x6968]),
  ab: new TextEncoder().encode("ab").buffer,
  dv: new DataView(new TextEncoder().encode("ab").buffer),
  bom: new Uint8Array([0xef, 0xbb, 0xbf, 104]),
  empty: new Uint8Array(0),
  bad: new Uint8Array([104, 0xff, 105]),
  odd: new Uint8Array([104, 0, 105]),
};
const r = py.runPython(`
import json
from js import confTs as t
def conf_err(f):
    try:
        f()
        return "no error"
    except Exception as e:
        return [type(e).__name__, getattr(e, "name", None) if type(e).__name__ == "JsException" else (str(e) if isinstance(e, ValueError) else None)]
out = json.dumps([
    t.utf8.to_string(),
    t.u16le.to_string("utf-16le"),
    t.u16le.to_string(encoding="utf-16le"),
    t.e9.to_string("latin1"),
    t.ff.to_string("ascii"),
    t.u16.to_string(),
    t.ab.to_string(),
    t.dv.to_string(),
    t.bom.to_string(),
    t.empty.to_string(),
    conf_err(lambda: t.bad.to_string()),
    conf_err(lambda: t.odd.to_string("utf-16le")),
    conf_err(lambda: t.utf8.to_string("bogus-enc")),
    conf_err(lambda: t.utf8.to_string(None)),
])
del t
out
`);
delete globalThis.confTs;
return JSON.parse(r);
