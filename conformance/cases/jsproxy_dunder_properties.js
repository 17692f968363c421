// JS properties named with double underscores (__esModule, __foo__, __bar) are
// read from Python like any other property, while __class__ is still the
// Python class of the proxy.
// expect: [true, 3, 4, true]
globalThis.confDunder = { __esModule: true, __foo__: 3, __bar: 4 };
try {
  return JSON.parse(
    py.runPython(`
import json
from js import confDunder
def conf_try(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__
json.dumps([
    conf_try(lambda: confDunder.__esModule),
    conf_try(lambda: confDunder.__foo__),
    conf_try(lambda: confDunder.__bar),
    conf_try(lambda: confDunder.__class__.__name__.startswith("Js")),
])
`),
  );
} finally {
  delete globalThis.confDunder;
}
