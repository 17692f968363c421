// pyodide.http.pyfetch against the harness's 127.0.0.1 server (its /__test/
// endpoints, conformance/serve.mjs), as in Pyodide: status, ok, status_text,
// headers (a dict), json(), a POST with headers and a body, bytes(), a body
// read twice (BodyUsedError, an OSError), clone() before reading, and
// raise_for_status() on a 404 (HttpStatusError with status and Pyodide's
// message).
// expect: [200, true, "yes", "GET", "POST", "x-a=1", "hello", 256, 255, "BodyUsedError", true, "{\"me", 404, false, "Not Found", "HttpStatusError", 404, "404 Client Error: Not Found for url: /__test/status/404"]
globalThis.confHttpBase = ctx.serverURL;
try {
  const r = await py.runPythonAsync(`
from js import confHttpBase as base
from pyodide.http import pyfetch, HttpStatusError, BodyUsedError
out = []
r = await pyfetch(base + "__test/echo")
out += [r.status, r.ok, r.headers["x-echo"], (await r.json())["method"]]
p = await pyfetch(base + "__test/echo", method="POST", headers={"x-a": "1"}, body="hello")
e = await p.json()
out += [e["method"], "x-a=" + e["headers"]["x-a"], e["body"]]
b = await (await pyfetch(base + "__test/bytes")).bytes()
out += [len(b), b[-1]]
try:
    await r.text()
except BodyUsedError as err:
    out.append(type(err).__name__)
    out.append(isinstance(err, OSError))
c = await pyfetch(base + "__test/echo")
c2 = c.clone()
await c.text()
out.append((await c2.text())[:4])
s = await pyfetch(base + "__test/status/404")
out += [s.status, s.ok, s.status_text]
try:
    s.raise_for_status()
except HttpStatusError as err:
    out += [type(err).__name__, err.status, str(err).replace(base[:-1], "")]
out
`);
  const v = r.toJs();
  r.destroy();
  return v;
} finally {
  delete globalThis.confHttpBase;
}
