// Bad input: runPython with a non-string is a clean thrown error, not a crash.
// expect: [true, true]
const results = [];
for (const bad of [123, undefined]) {
  try {
    py.runPython(bad);
    results.push(false);
  } catch (e) {
    results.push(e instanceof Error && String(e.message).length > 0);
  }
}
return results;
