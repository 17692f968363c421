// The stdlib zip ships precompiled .pyc only for the modules the runtime
// imports while it starts (xtask/src/stdlib/startup_modules.txt, the zip's
// default "hybrid" mode) and sources for the rest: this case fails when
// start-up imports a zip module that came from source (someone added an
// import to start-up without listing the module, which would compile it on
// every load), and shows that a module imported later is a source file whose
// lines appear in tracebacks.
// expect: [[], true, true]
const fresh = await ctx.loadPython();
const fromSource = fresh.runPython(`
import sys
sorted(n for n, m in sys.modules.items()
       if ".zip/" in (getattr(m, "__file__", None) or "") and m.__file__.endswith(".py"))
`).toJs();
const later = fresh.runPython(`
import textwrap, traceback, sys
src = sys.modules["textwrap"].__file__.endswith(".py")
try:
    textwrap.dedent(None)
except Exception:
    line = "".join(traceback.format_exc())
src, "text.expandtabs" in line or "lines = " in line or ".join" in line or "_whitespace_only_re" in line
`).toJs();
return [fromSource, ...later];
