// JS wrappers of Lua values: a Lua function is a JS function, a table (or
// userdata, coroutine) a Proxy whose property reads and writes index it.
// The same Lua value gives the same wrapper while the wrapper lives; each
// wrapper owns one reference in the Lua table, given back by `destroy()` or,
// failing that, when the wrapper is garbage collected.

export const LUA_KEY = Symbol("lua.key");

const LUA_TYPES = { 5: "table", 6: "function", 7: "userdata", 8: "thread" };

// A JS property name as a Lua key: canonical integer strings are integers,
// so `t[1]` in JS is `t[1]` in Lua.
export function luaKey(prop) {
  if (typeof prop === "string" && /^-?(0|[1-9][0-9]{0,15})$/.test(prop)) {
    const n = Number(prop);
    if (Number.isSafeInteger(n)) return n;
  }
  return prop;
}

export class Wrappers {
  constructor(rt) {
    this.rt = rt;
    this.live = new Map(); // key -> WeakRef(wrapper)
    this.finalizer = new FinalizationRegistry((key) => this.#finalized(key));
  }

  /** The wrapper for a Lua-table key whose reference passes to JS. */
  adopt(key, luaType) {
    const existing = this.live.get(key)?.deref();
    if (existing !== undefined) {
      this.rt.ex.ljs_lua_decref(key);
      return existing;
    }
    const w = luaType === 6 ? this.#function(key) : this.#object(key, LUA_TYPES[luaType] ?? "userdata");
    this.live.set(key, new WeakRef(w));
    this.finalizer.register(w, key, w);
    return w;
  }

  #finalized(key) {
    // A later wrapper for the same key may already be live: only drop ours.
    const w = this.live.get(key);
    if (w !== undefined && w.deref() === undefined) this.live.delete(key);
    this.rt.ex.ljs_lua_decref(key);
  }

  #destroy(key, w) {
    if (this.live.get(key)?.deref() !== w) return false;
    this.live.delete(key);
    this.finalizer.unregister(w);
    this.rt.ex.ljs_lua_decref(key);
    return true;
  }

  #function(key) {
    const rt = this;
    const f = function (...args) {
      return rt.rt.callLua(key, args, f);
    };
    Object.defineProperties(f, {
      [LUA_KEY]: { value: key },
      type: { value: "function" },
      destroy: { value: () => rt.#destroyed(key, f) },
      toString: { value: () => rt.rt.luaToString(key, f) },
    });
    return f;
  }

  #destroyed(key, w) {
    if (!this.#destroy(key, w)) throw new Error("this Lua value was already destroyed");
  }

  #object(key, type) {
    const rt = this.rt;
    const members = {
      [LUA_KEY]: key,
      type,
      destroy: () => this.#destroyed(key, proxy),
      toString: () => rt.luaToString(key, proxy),
      get: (k) => rt.luaIndex(key, k, proxy),
      set: (k, v) => rt.luaNewIndex(key, k, v, proxy),
    };
    const target = Object.create(null);
    const proxy = new Proxy(target, {
      get(_, prop) {
        if (Object.hasOwn(members, prop)) return members[prop];
        if (prop === "length") return rt.luaLen(key, proxy);
        if (typeof prop === "symbol") return undefined;
        return rt.luaIndex(key, luaKey(prop), proxy);
      },
      set(_, prop, value) {
        if (typeof prop === "symbol") return false;
        rt.luaNewIndex(key, luaKey(prop), value, proxy);
        return true;
      },
      has(_, prop) {
        if (Object.hasOwn(members, prop)) return true;
        if (typeof prop === "symbol") return false;
        return rt.luaIndex(key, luaKey(prop), proxy) !== undefined;
      },
      deleteProperty(_, prop) {
        if (typeof prop === "symbol") return false;
        rt.luaNewIndex(key, luaKey(prop), undefined, proxy);
        return true;
      },
    });
    return proxy;
  }
}
