// Stack headroom before entering wasm.
//
// The bridge counts nested crossings (bridge-core's boundary::depth) and
// refuses them well before a typical JS stack is full. That count cannot see
// how much stack the user's own JS frames take, so a JS→Python entry that is
// itself nested inside a Python→JS call (a callback) also checks, by a short
// probe, that some stack is left, and throws a RangeError in JS if not,
// before any wasm frame is entered. A stack overflow inside wasm frames would
// abandon Python frames and leak handles; one thrown here unwinds cleanly.

/** Probe frames: 8 arguments each, so the probe covers a few dozen KB. */
const HEADROOM_FRAMES = 400;

function probe(n, a, b, c, d, e, f, g) {
  return n <= 0 ? a : probe(n - 1, b, c, d, e, f, g, a) + 1;
}

export class StackOverflowGuard {
  constructor() {
    /** Python→JS calls in progress (a JS→Python entry inside one is a callback). */
    this.nested = 0;
  }

  /** Throw a RangeError if entering wasm now could overflow the JS stack. */
  check() {
    if (this.nested < 8) return;
    try {
      probe(HEADROOM_FRAMES, 0, 1, 2, 3, 4, 5, 6);
    } catch {
      throw new RangeError(
        "Maximum JS/Python crossing depth exceeded: the JS stack is nearly full (nested JS and Python calls)",
      );
    }
  }
}
