// A seeded PRNG for the round-trip fuzzer: mulberry32 (Tommy Ettinger's
// 32-bit generator, public domain), written out here so that a seed means
// the same sequence on every host and every Node version. Iteration `i` of a
// run with seed `s` draws from its own stream, `Rng.forIteration(s, i)`, so
// one iteration can be re-run alone (`--seed s --iteration i`).

/** splitmix32-style mix of two 32-bit words into one seed. */
export function mixSeed(seed, index) {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  static forIteration(seed, index) {
    return new Rng(mixSeed(seed, index));
  }

  /** The next 32 random bits, as an unsigned integer (mulberry32). */
  u32() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    return this.u32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  chance(p) {
    return this.next() < p;
  }

  pick(items) {
    return items[this.int(items.length)];
  }

  /** Pick from [[weight, value], ...]. */
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }

  /** A non-negative BigInt of up to `bits` random bits. */
  bigBits(bits) {
    let n = 0n;
    for (let i = 0; i < bits; i += 32) n = (n << 32n) | BigInt(this.u32());
    return n & ((1n << BigInt(bits)) - 1n);
  }

  /** Any float64 bit pattern (NaNs, subnormals, ±∞ included). */
  float64Bits() {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setUint32(0, this.u32());
    dv.setUint32(4, this.u32());
    return dv.getFloat64(0);
  }
}
