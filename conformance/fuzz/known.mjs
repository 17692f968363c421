// Known bridge bugs the fuzzer finds, each pinned by a conformance case.
// Unless `--strict`, a failure matching one is counted as "known", not as a
// failure (so the CI run stays green while the fix waits for a Rust build);
// `tolerate` names a comparator rule that is then let through so that the
// comparison goes on past it (the rest of the input still gets checked).
// Remove an entry when its fix lands: `--strict` shows whether it still fires.
// Empty: the six bugs the fuzzer found are fixed (README.md, "Bugs found");
// an entry is {id, title, case, where, match(diff, ctx), tolerate?}.
export const KNOWN = [];

/**
 * The known bug a difference is an instance of, or undefined. `ctx` is
 * {dir, mode, depth, recipe} of the failing input.
 */
export function knownBug(diff, ctx) {
  return KNOWN.find((k) => k.match(diff, ctx));
}
