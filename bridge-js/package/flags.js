// GENERATED from bridge-core/src/boundary (js_source.rs) (`BRIDGE_REGEN=1 cargo test -p bridge-core checked_in_flags_js`): do not edit.
// What a JS value is (low bits of a tag word) and what objects can do (the bits above).

export const TAG_BITS = 4;

export const TAG = Object.freeze({
  undefined: 0,
  number: 1,
  string: 2,
  false: 3,
  true: 4,
  bigint: 5,
  null: 6,
  object: 7,
  python: 8,
  returned: 9,
  absent: 10,
  thrown: 11,
});

export const JS_FLAGS = Object.freeze({
  callable: 0x1,
  iterable: 0x2,
  iterator: 0x4,
  asyncIterable: 0x8,
  array: 0x10,
  typedArray: 0x20,
  arrayLike: 0x40,
  map: 0x80,
  set: 0x100,
  thenable: 0x200,
  error: 0x400,
  hasLength: 0x800,
  hasGet: 0x1000,
  hasSet: 0x2000,
  hasHas: 0x4000,
  buffer: 0x8000,
  generator: 0x10000,
  asyncGenerator: 0x20000,
  constructor: 0x40000,
  symbol: 0x80000,
  domElement: 0x100000,
  doubleProxy: 0x200000,
});

export const PY_FLAGS = Object.freeze({
  call: 0x1,
  len: 0x2,
  getitem: 0x4,
  setitem: 0x8,
  contains: 0x10,
  iter: 0x20,
  next: 0x40,
  await: 0x80,
  buffer: 0x100,
  dict: 0x200,
  sequence: 0x400,
  generator: 0x800,
  asyncIter: 0x1000,
  exception: 0x2000,
  asyncNext: 0x4000,
  asyncGenerator: 0x8000,
});

export const SCRATCH = Object.freeze({ result: 0, resultWord: 3, args: 4, argStride: 4, maxArgs: 3, done: 16, f64Slots: 17, bytes: 4096 });
