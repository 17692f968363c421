// pyodide.http.open_url in Node, which has no synchronous XMLHttpRequest: a
// NotImplementedError saying so and naming pyfetch (Pyodide fails with a
// NameError for XMLHttpRequest; deliberate difference, docs/porting-from-pyodide.md).
// hosts: node
// expect-error: PythonError NotImplementedError
// expect-message: open_url needs a synchronous XMLHttpRequest
// expect-message: pyfetch
py.runPython("from pyodide.http import open_url\nopen_url('http://127.0.0.1:9/')");
