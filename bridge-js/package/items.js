// Items and iteration of JS objects for Python's sequence, mapping and
// iterator protocols (bridge-js/src/host/items.rs). User code may run in all
// of these (getters, Proxy traps, a custom iterator): Rust calls them with
// `catch`.

/** `i` as an index into `obj` (negative counts from the end), or -1 when out of range. */
function index(obj, i) {
  const n = obj.length;
  const j = i < 0 ? i + n : i;
  return j >= 0 && j < n ? j : -1;
}

const isMapLike = (obj) => typeof obj.get === "function" && typeof obj.has === "function";

export const items = {
  itemsLen(obj) {
    const n = typeof obj.length === "number" ? obj.length : obj.size;
    if (typeof n !== "number") throw new TypeError("object has no length or size");
    return n;
  },
  // An index may be negative (from the end); out of range answers "not found".
  getItem(obj, map, key) {
    if (map) {
      if (typeof obj.has === "function") return obj.has(key) ? [true, obj.get(key)] : [false, undefined];
      const v = obj.get(key); // a map-like without has(): undefined means missing
      return [v !== undefined, v];
    }
    const i = index(obj, key);
    return i < 0 ? [false, undefined] : [true, obj[i]];
  },
  setItem(obj, map, key, value) {
    if (map) {
      obj.set(key, value);
      return true;
    }
    const i = index(obj, key);
    if (i < 0) return false;
    obj[i] = value; // strict: a frozen array throws
    return true;
  },
  delItem(obj, map, key) {
    if (map) return obj.delete(key);
    if (!Array.isArray(obj)) throw new TypeError("only a real JS Array can have items deleted");
    const i = index(obj, key);
    if (i < 0) return false;
    obj.splice(i, 1);
    return true;
  },
  contains(obj, value) {
    // A map-like without has(): found when get() gives something.
    if (typeof obj.has !== "function" && typeof obj.get === "function" && !Array.isArray(obj)) return obj.get(value) !== undefined;
    if (typeof obj.has === "function" && (obj instanceof Map || obj instanceof Set || isMapLike(obj))) return obj.has(value);
    return Array.prototype.includes.call(obj, value);
  },
  getIter(obj) {
    const f = obj[Symbol.iterator];
    if (typeof f !== "function") throw new TypeError("object is not iterable (no Symbol.iterator)");
    return f.call(obj);
  },
};
