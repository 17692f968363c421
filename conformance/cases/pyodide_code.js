// pyodide.code (as in Pyodide): run_js evaluates JS in the global scope;
// eval_code returns the last expression (return_mode "last_expr",
// "last_expr_or_assign", "none"; a trailing semicolon quiets it); eval_code_async
// allows top-level await; find_imports lists the imported modules and their
// parent packages, sorted;
// relaxed_call drops surplus arguments. pyodide.ffi.can_run_sync() is False
// here (and in Pyodide under Node) and run_sync an error naming stack
// switching (ours a NotImplementedError, Pyodide's a RuntimeError).
// expect: [3, 7, [null, 5, null], 9, ["js", "js.foo", "numpy", "os"], 3, [false, true]]
const r = JSON.parse(await py.runPythonAsync(`
import json
from pyodide.code import run_js, eval_code, eval_code_async, find_imports, relaxed_call
from pyodide.ffi import can_run_sync, run_sync
conf_ns = {}
res = [run_js("1 + 2"), eval_code("x = 3\\nx + 4", conf_ns)]
res.append([eval_code("y = 5", conf_ns), eval_code("y = 5", conf_ns, return_mode="last_expr_or_assign"), eval_code("y + 1;", conf_ns)])
res.append(await eval_code_async("import asyncio\\nawait asyncio.sleep(0)\\ny + 4", conf_ns))
res.append(find_imports("import numpy as np\\nfrom os import path\\nimport js.foo"))
res.append(relaxed_call(lambda a, b: a + b, 1, 2, 99))
async def conf_c():
    return 1
conf_co = conf_c()
try:
    run_sync(conf_co)
    res.append([can_run_sync(), False])
except (NotImplementedError, RuntimeError) as e:
    res.append([can_run_sync(), "stack switching" in str(e)])
conf_co.close()
json.dumps(res)
`));
py.runPython("del conf_ns, res, conf_c, conf_co, run_js, eval_code, eval_code_async, find_imports, relaxed_call, can_run_sync, run_sync");
return r;
