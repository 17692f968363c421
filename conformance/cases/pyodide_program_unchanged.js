// A Pyodide program that runs unchanged but for its loader: loadPyodide,
// runPython, globals, pyimport, registerJsModule, FS.writeFile, setStdout
// and pyodide.ffi.create_proxy (the program below is written for Pyodide;
// `loadPyodide` is ours, or Pyodide's own under --package pyodide).
// expect: [["hello from Python", "sum=6"], 6, "data.txt: 1,2,3", 42, "clicked 2", [2, "pyodide"]]
const loadPyodide = ctx.loadPyodide;
const pyodide = await loadPyodide();
const lines = [];
pyodide.setStdout({ batched: (line) => lines.push(line) });
pyodide.FS.writeFile("/home/data.txt", "1,2,3");
pyodide.registerJsModule("conf_helpers", { answer: () => 42 });
pyodide.runPython(`
print("hello from Python")
with open("/home/data.txt") as f:
    nums = [int(x) for x in f.read().split(",")]
print(f"sum={sum(nums)}")
`);
const r = [lines.slice(), pyodide.globals.get("nums").toJs().reduce((a, b) => a + b, 0)];
r.push(pyodide.runPython(`"data.txt: " + open("/home/data.txt").read()`));
r.push(pyodide.runPython("from conf_helpers import answer\nanswer()"));
const target = new EventTarget();
globalThis.confTarget = target;
pyodide.runPython(`
from pyodide.ffi import create_proxy
import js
clicks = []
def on_click(event):
    clicks.append(event.type)
handler = create_proxy(on_click)
js.confTarget.addEventListener("click", handler)
`);
target.dispatchEvent(new Event("click"));
target.dispatchEvent(new Event("click"));
r.push(`clicked ${pyodide.globals.get("clicks").length}`);
const sys = pyodide.pyimport("sys");
r.push([pyodide.runPython("len(clicks)"), sys.modules.get("pyodide.ffi") ? "pyodide" : "none"]);
delete globalThis.confTarget;
return r;
