// Known bridge bugs the fuzzer finds, each pinned by a conformance case.
// Unless `--strict`, a failure matching one is counted as "known", not as a
// failure (so the CI run stays green while the fix waits for a Rust build);
// `tolerate` names a comparator rule that is then let through so that the
// comparison goes on past it (the rest of the input still gets checked).
// Remove an entry when its fix lands: `--strict` shows whether it still fires.
export const KNOWN = [
  {
    id: "tojs-buffer-sharing",
    title: "to_js converts a buffer (bytes, bytearray, memoryview, array.array; a typed array's memoryview) once per occurrence: a shared buffer becomes several typed arrays",
    case: "conformance/cases/tojs_shared_buffer.js",
    where: "bridge-py/src/convert/to_js.rs, PyWalk::identity (only list, tuple, dict and set are memoized)",
    tolerate: "buffer-sharing",
    match: (d) => d.rule === "buffer-sharing",
  },
  {
    id: "tojs-jsnull-key",
    title: "to_js with the default dict conversion refuses a jsnull key (ConversionError \"Cannot use jsnull as a key\") instead of naming it \"null\"",
    case: "conformance/cases/tojs_jsnull_key.js",
    where: "bridge-py/src/convert/to_js.rs, PyWalk::property_name (no jsnull arm; is_primitive_key accepts it)",
    match: (d) => d.rule === "error" && d.message.includes("Cannot use jsnull as a key for a Javascript Map"),
  },
  {
    id: "tojs-key-names",
    title: "to_js's key-collision check spells keys its own way, not as JS String(key): lone surrogates become U+FFFD (false collisions), floats are Rust's Display (1e21 → \"1000000000000000000000\", inf → \"inf\"), so real collisions pass (an entry silently lost) and false ones are raised",
    case: "conformance/cases/tojs_key_names_as_js_spells_them.js",
    where: "bridge-py/src/convert/to_js.rs, PyWalk::property_name (to_string_lossy for str; format! for floats)",
    match: (d) => d.rule === "error" && d.message.includes("Key collision"),
  },
  {
    id: "tojs-depth-checks",
    title: "to_js(x, depth=d) checks the keys of dicts and the members of sets it leaves as PyProxies (at or beyond depth; even the root at depth=0), raising ConversionError for containers it must not examine",
    case: "conformance/cases/tojs_depth_leaves_keys_unchecked.js",
    where: "bridge-core/src/convert/plan.rs, Planner::visit (calls Walk::shape, where bridge-py's PyWalk checks keys, before the depth test)",
    match: (d) => d.rule === "depth-checks",
  },
  {
    id: "tojs-memo-address-reuse",
    title: "to_js memoizes containers by address without keeping them alive: a fresh list a subclass's __iter__/items() made is freed after its visit, a later fresh list gets its address and is taken for it (wrong, silently shared data)",
    case: "conformance/cases/tojs_subclass_fresh_items.js",
    where: "bridge-core/src/convert/plan.rs, Planner::plan (memo keyed by Walk::identity, an address, while the node is dropped after its visit)",
    // Any wrong result in an input with a FuzzFresh* container (a missed
    // cycle error too: the fresh list closing a cycle is taken for another).
    match: (d, ctx) => d.rule !== "leak" && d.rule !== "crash" && ctx?.recipe?.nodes.some((n) => String(n.sub).startsWith("FuzzFresh")),
  },
];

/**
 * The known bug a difference is an instance of, or undefined. `ctx` is
 * {dir, mode, depth, recipe} of the failing input.
 */
export function knownBug(diff, ctx) {
  return KNOWN.find((k) => k.match(diff, ctx));
}
