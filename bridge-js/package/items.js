// Items and iteration of JS objects for Python's sequence, mapping and
// iterator protocols (bridge-js/src/host/items.rs). User code may run in all
// of these (getters, Proxy traps, a custom iterator): Rust calls them with
// `catch`.

const isMapLike = (obj) => typeof obj.get === "function" && typeof obj.has === "function";

export const items = {
  itemsLen(obj) {
    const n = typeof obj.length === "number" ? obj.length : obj.size;
    if (typeof n !== "number") throw new TypeError("object has no length or size");
    return n;
  },
  getItem(obj, map, key) {
    if (map) return obj.has(key) ? [true, obj.get(key)] : [false, undefined];
    return [true, obj[key]];
  },
  setItem(obj, map, key, value) {
    if (map) obj.set(key, value);
    else obj[key] = value; // strict: a frozen array throws
  },
  delItem(obj, map, key) {
    if (map) return obj.delete(key);
    if (!Array.isArray(obj)) throw new TypeError("only a real JS Array can have items deleted");
    obj.splice(key, 1);
    return true;
  },
  contains(obj, value) {
    if (typeof obj.has === "function" && (obj instanceof Map || obj instanceof Set || isMapLike(obj))) return obj.has(value);
    return Array.prototype.includes.call(obj, value);
  },
  getIter(obj) {
    const f = obj[Symbol.iterator];
    if (typeof f !== "function") throw new TypeError("object is not iterable (no Symbol.iterator)");
    return f.call(obj);
  },
  iterNext(it) {
    const r = it.next();
    if (r === null || typeof r !== "object") throw new TypeError(`iterator.next() returned a non-object: ${String(r)}`);
    return [Boolean(r.done), r.value];
  },
};
