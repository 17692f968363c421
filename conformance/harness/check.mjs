// Compares a case outcome (from exec.mjs) with the case's expectation.
import { sameEncoded, show } from "./values.mjs";

/** @returns {string[]} reasons for failure; empty means pass. */
export function check(c, out) {
  const reasons = [];
  const exp = c.expect;
  if (exp.value !== undefined) {
    if (!out.ok) {
      const e = out.error;
      reasons.push(`expected ${show(exp.value)}, but it threw ${e.name}${e.type ? ` (${e.type})` : ""}: ${firstLines(e.message)}`);
    } else if (!sameEncoded(exp.value, out.value)) {
      reasons.push(`expected ${show(exp.value)}`);
      reasons.push(`actual   ${show(out.value)}`);
    }
  } else {
    const want = exp.error;
    if (out.ok) {
      reasons.push(`expected a thrown ${want.name}${want.type ? ` (${want.type})` : ""}, but it returned ${show(out.value)}`);
    } else {
      const e = out.error;
      if (want.name !== "any") {
        if (e.name !== want.name) reasons.push(`error name: expected ${want.name}, actual ${e.name}`);
        if (want.name === "PythonError" && !e.isPythonError) {
          reasons.push("error is not an instance of the package's PythonError");
        }
        if (want.type !== undefined && e.type !== want.type) {
          reasons.push(`error type: expected ${want.type}, actual ${e.type}`);
        }
      }
      for (const m of c.messages) {
        if (!e.message.includes(m)) reasons.push(`error message lacks ${JSON.stringify(m)}`);
      }
      if (reasons.length) reasons.push(`actual message: ${firstLines(e.message, 12)}`);
    }
  }
  for (const s of c.stdout) {
    if (!out.stdout.includes(s)) reasons.push(`stdout lacks ${JSON.stringify(s)}; stdout was ${JSON.stringify(out.stdout)}`);
  }
  for (const s of c.stderr) {
    if (!out.stderr.includes(s)) reasons.push(`stderr lacks ${JSON.stringify(s)}; stderr was ${JSON.stringify(out.stderr)}`);
  }
  if (out.healthy === false) reasons.push(`runtime unusable after this case: ${out.healthError}`);
  if (out.leak && !c.leaksOk) reasons.push(out.leak);
  if (out.depthError) reasons.push(`${out.depthError}; runtime reloaded`);
  return reasons;
}

export function firstLines(text, n = 6) {
  const lines = String(text).split("\n");
  return lines.length <= n ? lines.join("\n      ") : lines.slice(0, n).join("\n      ") + "\n      …";
}
