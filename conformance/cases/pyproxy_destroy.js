// Using a PyProxy after destroy() throws an error that says it was destroyed.
// expect-error: any
// expect-message: destroyed
py.runPython("class ConfD:\n    v = 3\nconf_dd = ConfD()");
const p = py.globals.get("conf_dd");
if (p.v !== 3) return "proxy did not work before destroy";
p.destroy();
return p.v;
