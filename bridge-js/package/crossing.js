// Values through the scratch area (layout: bridge-core/src/boundary/scratch.rs):
// how one call carries its arguments and result without making JS values one
// transition at a time.
//
//  - Rust -> JS (arguments of a Python->JS call, results of a JS->Python call):
//    `valueIn` reads a tag word and its value slot.
//  - JS -> Rust (arguments of a JS->Python call): `argOut` classifies a value
//    into argument slot i; the result of a Python->JS call is classified by
//    the hook itself (hooks.js).

import { TAG, SCRATCH } from "./flags.js";
import { makePyProxy } from "./pyproxy.js";
import { alive } from "./pyproxy_alive.js";

export class Crossing {
  constructor(runtime, classify) {
    this.runtime = runtime;
    this.classify = classify;
  }

  /** The value Rust left with tag word `word` and value slot `base`; `o` is the passed JS value. */
  valueIn(f, word, base, o) {
    switch (word) {
      case TAG.undefined:
        return undefined;
      case TAG.number:
        return f[base];
      case TAG.string:
        return this.runtime.mem.utf8(f[base], f[base + 1]);
      case TAG.true:
        return true;
      case TAG.false:
        return false;
      case TAG.null:
        return null;
      case TAG.python:
        return makePyProxy(this.runtime, f[base], f[base + 1]);
      default:
        return o; // TAG.returned
    }
  }

  /** Argument i of a Python->JS call. */
  argIn(i, o) {
    const f = this.runtime.mem.f64();
    const w = SCRATCH.args + i * SCRATCH.argStride;
    return this.valueIn(f, f[w], w + 1, o);
  }

  /** The result of a fast JS->Python call, whose tag word is `word`. */
  result(word) {
    if (word === TAG.returned) return this.runtime.glue.take_result_object();
    if (word === TAG.thrown) throw this.runtime.glue.take_result_object();
    if (word === TAG.absent) return undefined;
    return this.valueIn(this.runtime.mem.f64(), word, SCRATCH.result, undefined);
  }

  /**
   * Put argument i of a JS->Python call in the scratch slots, its string
   * bytes from `offset`; returns the bytes used.
   */
  argOut(i, v, offset) {
    const w = SCRATCH.args + i * SCRATCH.argStride;
    const word = this.classify(v, w + 1, offset);
    if (word === TAG.python) {
      const s = this.runtime.proxies.get(v);
      if (s?.destroyed) alive(s); // throws the "destroyed" error naming the type
    }
    const f = this.runtime.mem.f64();
    f[w] = word;
    return word === TAG.string && f[w + 1] >= 0 ? f[w + 1] : 0;
  }
}
