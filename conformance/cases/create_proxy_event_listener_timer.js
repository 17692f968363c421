// Callbacks kept by JS (Pyodide 314): a create_proxy'd handler added with
// addEventListener runs on every dispatch until removeEventListener, then is
// destroyed by Python; create_once_callable(f) given to setTimeout runs once
// when the timer fires, while runPythonAsync awaits a JS Promise (a Python
// function passed to setTimeout directly would be destroyed when
// setTimeout returns: Pyodide's borrowed-proxy rule, not tested here).
// expect: [["ev", "conf"], ["ev", "conf"], ["timer", 0], ["after", 3]]
globalThis.confElTarget = new EventTarget();
const out = await py.runPythonAsync(`
import js, json
from pyodide.ffi import create_once_callable, create_proxy
conf_el_log = []
def conf_el_handler(ev):
    conf_el_log.append(["ev", ev.type])
h = create_proxy(conf_el_handler)
js.confElTarget.addEventListener("conf", h)
js.confElTarget.dispatchEvent(js.Event.new("conf"))
js.confElTarget.dispatchEvent(js.Event.new("conf"))
js.confElTarget.removeEventListener("conf", h)
js.confElTarget.dispatchEvent(js.Event.new("conf"))
h.destroy()
def conf_el_timer(*a):
    conf_el_log.append(["timer", len(a)])
js.setTimeout(create_once_callable(conf_el_timer), 0)
await js.Promise.new(lambda resolve, reject: js.setTimeout(resolve, 20))
conf_el_log.append(["after", len(conf_el_log)])
del h
json.dumps(conf_el_log)
`);
delete globalThis.confElTarget;
return JSON.parse(out);
