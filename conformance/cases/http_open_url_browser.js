// pyodide.http.open_url in a browser page: a synchronous XMLHttpRequest, the
// body as a StringIO.
// hosts: chromium
// expect: ["GET", "/__test/echo?q=1"]
globalThis.confHttpBase3 = ctx.serverURL;
try {
  const r = py.runPython(`
import json
from js import confHttpBase3 as base
from pyodide.http import open_url
d = json.load(open_url(base + "__test/echo?q=1"))
[d["method"], d["url"]]
`);
  const v = r.toJs();
  r.destroy();
  return v;
} finally {
  delete globalThis.confHttpBase3;
}
