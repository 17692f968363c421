// Awaiting a coroutine that raises rejects with a PythonError whose type is
// the Python exception's class (as in Pyodide).
// expect-error: PythonError KeyError
// expect-message: KeyError: 'co-key'
py.runPython("async def conf_awr(): raise KeyError('co-key')");
return await py.runPython("conf_awr()");
