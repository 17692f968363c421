// The error a destroyed PyProxy raises when it is used: shared by the proxy's
// own members and traps (pyproxy.js) and by the members its Python type's
// capabilities give it (pyproxy_members.js), which also check when they are
// called, not only when read: `const next = g.next; g.destroy(); next()`.

/** `s` (a proxy's state) if its proxy is not destroyed; else throws the "destroyed" Error. */
export function alive(s) {
  if (s.destroyed) {
    const where = destroyedAt(s);
    const how = where
      ? `It was destroyed ${where}.`
      : s.runtime.traceDestroy
        ? ""
        : "Load with loadPython({traceDestroy: true}) to see where it was destroyed.";
    const first = s.destroyedMessage ?? "Object has already been destroyed";
    throw new Error(`${first}\nThe proxy was of a Python ${s.typeName ?? "object"}, destroyed by destroy(). ${how}`.trimEnd());
  }
  return s;
}

/** "at file:line" of the code that called destroy() (formatted only when needed). */
function destroyedAt(s) {
  const lines = String(s.destroyedBy?.stack ?? "").split("\n");
  return lines.find((l, i) => i > 0 && l.includes("at ") && !/pyproxy(_members|_alive)?\.js/.test(l))?.trim();
}
