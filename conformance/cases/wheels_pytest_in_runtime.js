// loadPackage with real wheels from PyPI (pytest 9.2 and its dependencies,
// fetched by `cargo xtask build` into target/test-wheels/ and served on
// 127.0.0.1): checked, installed into site-packages with their .dist-info,
// then pytest runs inside the runtime on a file with a passing and a failing
// test and reports both. pytest needs `--capture=sys` and no faulthandler
// plugin here: WASI has no os.dup. (A second round finds them installed.)
// timeout: 90000
// expect: [1, "1 failed, 1 passed", "9.2.0", true, true]
const base = ctx.serverURL + "target/test-wheels/";
const names = ["pytest-9.2.0", "iniconfig-2.3.1", "packaging-26.4", "pluggy-1.7.0", "pygments-2.21.0"];
const messages = [];
await py.loadPackage(names.map((n) => `${base}${n}-py3-none-any.whl`), { messageCallback: (m) => messages.push(m) });
py.FS.mkdirTree("/tmp/conf_pytest");
py.FS.writeFile("/tmp/conf_pytest/test_conf.py", "def test_ok():\n    assert 1 + 1 == 2\n\ndef test_bad():\n    assert 1 + 1 == 3\n");
const r = py.runPython(`
import contextlib, importlib.metadata, io, re
import pytest
_buf = io.StringIO()
with contextlib.redirect_stdout(_buf):
    _code = pytest.main(["-q", "-p", "no:cacheprovider", "-p", "no:faulthandler", "--capture=sys", "/tmp/conf_pytest/test_conf.py"])
_summary = re.search(r"\\d+ failed, \\d+ passed", _buf.getvalue())
[int(_code), _summary and _summary.group(0), importlib.metadata.version("pytest"),
 "test_bad" in _buf.getvalue() and "assert (1 + 1) == 3" in _buf.getvalue(),
 importlib.metadata.distribution("pluggy").read_text("INSTALLER").strip() == "pybridge"]
`);
try {
  return r.toJs();
} finally {
  r.destroy();
}
