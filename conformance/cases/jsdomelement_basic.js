// hosts: chromium
// A DOM element from Python is a pyodide.ffi.JsDomElement: tagName, id,
// appendChild (the child is then in children and in the JS DOM), style.
// Written from Pyodide's docs, not run against Pyodide in Chromium. (In
// Pyodide, JsDomElement has no type flags, so isinstance(x, JsDomElement)
// is True for every JsProxy; this case only checks elements.)
// expect: [true, true, "DIV", "SPAN", "confDomX", 1, true, "red"]
const r = py.runPython(`
import json
from pyodide.ffi import JsDomElement
from js import document
div = document.createElement("div")
span = document.createElement("span")
div.id = "confDomX"
div.appendChild(span)
div.style.color = "red"
out = json.dumps([
    isinstance(div, JsDomElement),
    isinstance(span, JsDomElement),
    div.tagName,
    span.tagName,
    div.id,
    div.children.length,
    span.parentNode == div,
    div.style.color,
])
del div, span
out
`);
return JSON.parse(r);
