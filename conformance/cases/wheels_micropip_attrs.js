// micropip.install with a wheel URL (attrs from PyPI, served on 127.0.0.1),
// then the package works and importlib.metadata sees it; a requirement by
// name that is installed already is satisfied; one that is not is a clear
// error (no package index here).
// expect: [true, "26.1.0", "P(x=1)", "ValueError", true]
globalThis.confWheelBase = ctx.serverURL + "target/test-wheels/";
try {
  const r = await py.runPythonAsync(`
import importlib.metadata
import micropip
from js import confWheelBase
await micropip.install(confWheelBase + "attrs-26.1.0-py3-none-any.whl")
await micropip.install("attrs>=20")
import attrs

@attrs.define
class P:
    x: int

out = [P(1) == P(1), importlib.metadata.version("attrs"), repr(P(1))]
try:
    await micropip.install("surely-not-installed-conf")
except ValueError as e:
    out += [type(e).__name__, "package index" in str(e)]
out
`);
  try {
    return r.toJs();
  } finally {
    r.destroy();
  }
} finally {
  delete globalThis.confWheelBase;
}
