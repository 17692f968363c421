// The wheel installer's checks (bridge-py/src/python/bridge_wheels.py), on
// wheels made in memory: two wheels where one requires the other install in
// dependency order and import; a missing dependency, a file whose bytes do
// not match RECORD, a file RECORD does not list, a platform wheel and a
// Requires-Python this interpreter fails are each refused before anything is
// written, with a message naming the wheel and the reason; loadPackage with
// a name instead of a wheel says there is no package index.
// expect: [["b", "a"], 42, "neither installed nor among the wheels given", "does not match its RECORD hash", "is not listed in RECORD", "is a platform wheel", "requires Python >=4", false, "no package index"]
const r = py.runPython(`
import base64, hashlib, io, os, zipfile, importlib, itertools
import _bridge_wheels as W

_n = next(i for i in itertools.count() if not os.path.exists(os.path.join(W.site_packages(), f"confwa{i}")))

def _wheel(name, files, requires=(), tamper=None, unlisted=None, python=None):
    di = f"{name}-1.0.dist-info"
    meta = f"Metadata-Version: 2.1\\nName: {name}\\nVersion: 1.0\\n" + "".join(f"Requires-Dist: {r}\\n" for r in requires)
    if python:
        meta += f"Requires-Python: {python}\\n"
    entries = dict(files)
    entries[f"{di}/METADATA"] = meta
    entries[f"{di}/WHEEL"] = "Wheel-Version: 1.0\\nGenerator: conf\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"
    buf = io.BytesIO()
    rec = []
    with zipfile.ZipFile(buf, "w") as z:
        for p, t in entries.items():
            d = t.encode()
            h = base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode()
            rec.append(f"{p},sha256={h},{len(d)}")
            z.writestr(p, d + (b"#" if p == tamper else b""))
        if unlisted:
            z.writestr(unlisted, "x = 1\\n")
        rec.append(f"{di}/RECORD,,")
        z.writestr(f"{di}/RECORD", "\\n".join(rec) + "\\n")
    return (f"{name}-1.0-py3-none-any.whl", buf.getvalue())

a, b = f"confwa{_n}", f"confwb{_n}"
done = W.install([_wheel(a, {f"{a}/__init__.py": f"from {b} import V\\n"}, [f"{b}>=1.0"]),
                  _wheel(b, {f"{b}/__init__.py": "V = 42\\n"})])
out = [[d["name"][5] for d in done], importlib.import_module(a).V]

def refused(*wheels):
    try:
        W.install(list(wheels))
    except W.WheelError as e:
        return str(e)
    return "installed"

c = f"confwc{_n}"
msgs = [
    refused(_wheel(c, {f"{c}/__init__.py": ""}, ["conf-missing-dependency>=1"])),
    refused(_wheel(c, {f"{c}/__init__.py": "x = 1\\n"}, tamper=f"{c}/__init__.py")),
    refused(_wheel(c, {f"{c}/__init__.py": ""}, unlisted=f"{c}/extra.py")),
    refused((f"{c}-1.0-cp313-cp313-manylinux_2_17_x86_64.whl", b"")),
    refused(_wheel(c, {f"{c}/__init__.py": ""}, python=">=4")),
]
keys = ["neither installed nor among the wheels given", "does not match its RECORD hash", "is not listed in RECORD",
        "is a platform wheel", "requires Python >=4"]
out += [k if k in m else m for k, m in zip(keys, msgs)]
out.append(os.path.exists(os.path.join(W.site_packages(), c)))
out
`);
let v;
try {
  v = r.toJs();
} finally {
  r.destroy();
}
try {
  await py.loadPackage("attrs", { messageCallback: () => {} });
  v.push("loaded");
} catch (e) {
  v.push(/no package index/.test(e.message) ? "no package index" : e.message);
}
return v;
