// One Lua runtime: its module instance, the JS objects Lua holds, and the
// crossings both ways.
import { Memory, TAG, OFF, bigintBytes, bytesBigint } from "./values.js";
import { Wrappers, LUA_KEY, luaKey } from "./wrappers.js";

const KEY_INDEX = 2 ** 24;
// Nested JS <-> Lua crossings allowed before a RangeError, well inside the
// JS engine's stack and Lua's own C-call limit (200).
export const MAX_DEPTH = 120;

/** A Lua error that reached JS. `luaStack` is Lua's traceback. */
export class LuaError extends Error {
  constructor(message, luaStack) {
    super(message);
    this.luaStack = luaStack;
  }
  get name() {
    return "LuaError";
  }
}

const OK = 0;
const THROWN = 1;
const OK_CALLABLE = 3;

export class LuaRuntime {
  constructor() {
    this.objects = []; // slot index -> JS object held by Lua
    this.keyOf = new Map(); // JS object -> its key while Lua holds it
    this.thrownValue = undefined;
    this.depth = 0;
    this.wrappers = new Wrappers(this);
  }

  /** Called once the instance exists. */
  attach(instance) {
    this.ex = instance.exports;
    this.mem = new Memory(this.ex.memory, this.ex);
    this.slot = this.ex.ljs_slot_size();
    this.checkLayout();
    const st = this.ex.ljs_init();
    if (st !== 0) throw new Error(`loadLua: the Lua state could not be created (status ${st}; see stderr)`);
  }

  // The tables are made inside ljs_init, which already sends globalThis to Lua.
  get jsTable() {
    return (this._jsTable ||= this.ex.ljs_js_table_id());
  }

  get luaTable() {
    return (this._luaTable ||= this.ex.ljs_lua_table_id());
  }

  checkLayout() {
    const p = this.mem.alloc(32);
    try {
      this.ex.bridge_value_layout(p);
      const dv = this.mem.refresh().dv;
      const got = Array.from({ length: 8 }, (_, i) => dv.getUint32(p + 4 * i, true));
      // sizeof(value), offsetof(payload), sizeof(payload), offsetof(handle.key)
      if (got[1] !== OFF.payload || got[3] !== OFF.key) {
        throw new Error(`loadLua: bridge_value_t layout ${got.join(",")} is not the one this glue reads`);
      }
    } finally {
      this.mem.free(p);
    }
  }

  // ---- the JS-object table ------------------------------------------------

  /** A key for `v` with one reference the caller owns. */
  jsRef(v) {
    let key = this.keyOf.get(v);
    if (key !== undefined) {
      const st = this.ex.ljs_js_incref(key);
      if (st !== 0) throw this.mem.bridgeError("a JS object crossing into Lua", st);
      return key;
    }
    key = this.ex.ljs_js_insert();
    if (key === 0) throw this.mem.bridgeError("a JS object crossing into Lua", this.ex.bridge_last_error_status());
    this.objects[key % KEY_INDEX] = v;
    this.keyOf.set(v, key);
    return key;
  }

  jsObject(key) {
    return this.objects[key % KEY_INDEX];
  }

  released(key) {
    const i = key % KEY_INDEX;
    const v = this.objects[i];
    this.objects[i] = undefined;
    if (this.keyOf.get(v) === key) this.keyOf.delete(v);
  }

  // ---- values -------------------------------------------------------------

  /**
   * Write `v` at `p`. Strings and BigInt bytes are fresh allocations and JS
   * object references are new: with `scope`, they are recorded there and
   * released after the call (the value is borrowed); without it they pass
   * to the C side (an import's result).
   */
  write(p, v, scope) {
    const mem = this.mem;
    let dv = mem.refresh().dv;
    dv.setUint32(p + OFF.flags, 0, true);
    switch (typeof v) {
      case "undefined":
        dv.setUint32(p, TAG.UNDEFINED, true);
        return;
      case "boolean":
        dv.setUint32(p, TAG.BOOL, true);
        dv.setUint8(p + OFF.payload, v ? 1 : 0);
        return;
      case "number":
        dv.setUint32(p, TAG.FLOAT, true);
        dv.setFloat64(p + OFF.payload, v, true);
        return;
      case "bigint": {
        const bytes = bigintBytes(v);
        const q = mem.alloc(bytes.length);
        mem.refresh().u8.set(bytes, q);
        scope?.frees.push(q);
        dv = mem.dv;
        dv.setUint32(p, TAG.BIGINT, true);
        dv.setUint32(p + OFF.ptr, q, true);
        dv.setUint32(p + OFF.len, bytes.length, true);
        return;
      }
      case "string": {
        const [q, n] = mem.encodeString(v);
        scope?.frees.push(q);
        dv = mem.refresh().dv;
        dv.setUint32(p, TAG.STRING, true);
        dv.setUint32(p + OFF.ptr, q, true);
        dv.setUint32(p + OFF.len, n, true);
        return;
      }
      default:
        break;
    }
    if (v === null) {
      dv.setUint32(p, TAG.NULL, true);
      return;
    }
    const luaKeyOf = typeof v === "function" || typeof v === "object" ? v[LUA_KEY] : undefined;
    if (typeof luaKeyOf === "number" && this.wrappers.live.get(luaKeyOf)?.deref() === v) {
      // One of our wrappers: the Lua value itself (the wrapper keeps its reference).
      dv.setUint32(p, TAG.HANDLE, true);
      dv.setUint32(p + OFF.table, this.luaTable, true);
      mem.writeU64(p + OFF.key, luaKeyOf);
      return;
    }
    const key = this.jsRef(v);
    scope?.keys.push(key);
    dv = mem.refresh().dv;
    dv.setUint32(p, TAG.HANDLE, true);
    dv.setUint32(p + OFF.flags, typeof v === "function" ? 1 : 0, true);
    dv.setUint32(p + OFF.table, this.jsTable, true);
    mem.writeU64(p + OFF.key, key);
  }

  /** Read the value at `p` (written by C; Lua references in it pass to JS). */
  read(p) {
    const mem = this.mem;
    const dv = mem.refresh().dv;
    const tag = dv.getUint32(p, true);
    switch (tag) {
      case TAG.UNDEFINED:
        return undefined;
      case TAG.NULL:
        return null;
      case TAG.BOOL:
        return dv.getUint8(p + OFF.payload) !== 0;
      case TAG.INT:
        return Number(dv.getBigInt64(p + OFF.payload, true));
      case TAG.FLOAT:
        return dv.getFloat64(p + OFF.payload, true);
      case TAG.BIGINT: {
        const q = dv.getUint32(p + OFF.ptr, true);
        const n = dv.getUint32(p + OFF.len, true);
        return bytesBigint(mem.u8.subarray(q, q + n));
      }
      case TAG.STRING:
        return mem.decodeString(dv.getUint32(p + OFF.ptr, true), dv.getUint32(p + OFF.len, true));
      case TAG.BUFFER: {
        const q = dv.getUint32(p + OFF.ptr, true);
        const n = dv.getUint32(p + OFF.len, true);
        return mem.u8.slice(q, q + n);
      }
      case TAG.HANDLE: {
        const table = dv.getUint32(p + OFF.table, true);
        const key = mem.readU64(p + OFF.key);
        if (table === this.jsTable) return this.jsObject(key);
        if (table === this.luaTable) return this.wrappers.adopt(key, dv.getUint32(p + OFF.flags, true));
        throw new TypeError(`a value of handle table ${table} came from Lua (not one of this runtime's tables)`);
      }
      default:
        throw new TypeError(`a value with unknown tag ${tag} came from Lua`);
    }
  }

  // ---- JS calling Lua ------------------------------------------------------

  enter() {
    if (this.depth >= MAX_DEPTH) {
      throw new RangeError(`maximum JS/Lua crossing depth exceeded (${MAX_DEPTH} nested crossings)`);
    }
    this.depth++;
  }

  /**
   * Run `fn(argv, out)` with `args` written at `argv` and a result slot,
   * then release what the arguments held, on every path.
   */
  crossing(args, fn) {
    this.enter();
    const scope = { keys: [], frees: [] };
    const n = args.length;
    const block = this.mem.alloc(this.slot * (n + 1));
    const out = block + this.slot * n;
    try {
      for (let i = 0; i < n; i++) this.write(block + this.slot * i, args[i], scope);
      const status = fn(block, out);
      return this.result(status, out);
    } finally {
      for (const k of scope.keys) this.ex.ljs_js_decref(k);
      for (const q of scope.frees) this.mem.free(q);
      this.mem.free(block);
      this.depth--;
    }
  }

  result(status, out) {
    if (status === 0) return this.read(out);
    if (status === 1) {
      const e = this.read(out);
      if (typeof e !== "string") throw e; // a JS value thrown through Lua: the same value
      const cut = e.indexOf("\nstack traceback:");
      throw new LuaError(cut < 0 ? e : e.slice(0, cut), cut < 0 ? "" : e.slice(cut + 1));
    }
    throw new Error(`the Lua runtime refused the call (status ${status})`);
  }

  /** A destroyed wrapper says so, instead of the table's "stale key". */
  alive(key, w, what) {
    if (w !== undefined && this.wrappers.live.get(key)?.deref() !== w) throw new Error(`this Lua ${what} was destroyed`);
  }

  callLua(key, args, keepAlive) {
    this.alive(key, keepAlive, "function");
    return this.crossing(args, (argv, out) => this.ex.ljs_call(key, argv, args.length, out));
  }

  luaIndex(key, k, keepAlive) {
    this.alive(key, keepAlive, "value");
    return this.crossing([k], (argv, out) => this.ex.ljs_index(key, argv, out));
  }

  luaNewIndex(key, k, v, keepAlive) {
    this.alive(key, keepAlive, "value");
    this.crossing([k, v], (argv, out) => this.ex.ljs_newindex(key, argv, argv + this.slot, out));
  }

  luaToString(key, keepAlive) {
    this.alive(key, keepAlive, "value");
    return this.crossing([], (_, out) => this.ex.ljs_tostring(key, out));
  }

  luaLen(key, keepAlive) {
    this.alive(key, keepAlive, "value");
    return this.crossing([], (_, out) => this.ex.ljs_len(key, out));
  }

  run(code, name) {
    if (typeof code !== "string") throw new TypeError(`lua.run: code must be a string, got ${typeof code}`);
    const chunk = name === undefined ? "=lua" : `=${name}`;
    return this.crossing([code, chunk], (argv, out) => {
      const dv = this.mem.refresh().dv;
      const cp = dv.getUint32(argv + OFF.ptr, true);
      const cl = dv.getUint32(argv + OFF.len, true);
      const np = dv.getUint32(argv + this.slot + OFF.ptr, true);
      const nl = dv.getUint32(argv + this.slot + OFF.len, true);
      return this.ex.ljs_run(cp, cl, np, nl, out);
    });
  }

  // ---- the imports: Lua calling JS -----------------------------------------

  imports() {
    const rt = this;
    const guard = (f) =>
      function (...a) {
        if (rt.depth >= MAX_DEPTH) {
          rt.thrownValue = new RangeError(`maximum JS/Lua crossing depth exceeded (${MAX_DEPTH} nested crossings)`);
          return THROWN;
        }
        rt.depth++;
        try {
          return f(...a);
        } catch (e) {
          rt.thrownValue = e;
          return THROWN;
        } finally {
          rt.depth--;
        }
      };
    const readArgs = (argv, argc) => {
      const args = new Array(argc);
      for (let i = 0; i < argc; i++) args[i] = rt.read(argv + rt.slot * i);
      return args;
    };
    return {
      global: guard((out) => {
        rt.write(out, globalThis);
        return OK;
      }),
      get: guard((obj, name, out) => {
        const o = rt.jsObject(obj);
        const k = rt.read(name);
        const v = o[k];
        rt.write(out, v);
        return typeof v === "function" ? OK_CALLABLE : OK;
      }),
      set: guard((obj, name, value) => {
        const o = rt.jsObject(obj);
        const k = rt.read(name);
        const v = rt.read(value);
        if (!Reflect.set(o, k, v)) throw new TypeError(`cannot set property ${String(k)} of ${describe(o)}`);
        return OK;
      }),
      call: guard((fn, self, argv, argc, out) => {
        const f = rt.jsObject(fn);
        const args = readArgs(argv, argc);
        if (typeof f !== "function") throw new TypeError(`${describe(f)} is not a function`);
        rt.write(out, Reflect.apply(f, self === 0 ? undefined : rt.jsObject(self), args));
        return OK;
      }),
      construct: guard((ctor, argv, argc, out) => {
        const f = rt.jsObject(ctor);
        const args = readArgs(argv, argc);
        if (typeof f !== "function") throw new TypeError(`${describe(f)} is not a constructor`);
        rt.write(out, Reflect.construct(f, args));
        return OK;
      }),
      op: guard((which, a, b, out) => {
        const o = rt.jsObject(a);
        let v;
        switch (which) {
          case 1:
            v = typeof o;
            break;
          case 2:
            v = String(o);
            break;
          case 3:
            v = o instanceof rt.jsObject(b);
            break;
          case 4:
            v = o.length;
            break;
          case 5:
            v = Object.keys(o);
            break;
          case 6: {
            let u8;
            if (o instanceof ArrayBuffer) u8 = new Uint8Array(o);
            else if (ArrayBuffer.isView(o)) u8 = new Uint8Array(o.buffer, o.byteOffset, o.byteLength);
            else throw new TypeError(`js.frombytes: ${describe(o)} is not a typed array, ArrayBuffer or DataView`);
            // Owned by C, which copies it into a Lua string and frees it.
            const q = rt.mem.alloc(u8.length);
            rt.mem.refresh().u8.set(u8, q);
            const dv = rt.mem.dv;
            dv.setUint32(out, TAG.BUFFER, true);
            dv.setUint32(out + OFF.flags, 0, true);
            dv.setUint32(out + 8, q, true); // data
            dv.setUint32(out + 12, u8.length, true); // byte_len
            dv.setUint32(out + 16, 0, true); // offset
            return OK;
          }
          default:
            throw new TypeError(`unknown host operation ${which}`);
        }
        rt.write(out, v);
        return OK;
      }),
      bytes: guard((ptr, len, out) => {
        rt.write(out, rt.mem.refresh().u8.slice(ptr, ptr + len));
        return OK;
      }),
      thrown: (out) => {
        const v = rt.thrownValue;
        rt.thrownValue = undefined;
        try {
          rt.write(out, v);
        } catch {
          rt.write(out, String(v));
        }
      },
      release: (key) => rt.released(key),
    };
  }

  liveHandles() {
    return { js: this.ex.ljs_live(0), lua: this.ex.ljs_live(1) };
  }

  collectGarbage() {
    this.ex.ljs_gc();
  }
}

function describe(v) {
  try {
    if (v === null) return "null";
    if (typeof v === "function") return `function ${v.name || "(anonymous)"}`;
    if (typeof v === "object") return `[object ${v.constructor?.name ?? "Object"}]`;
    return `${typeof v} ${String(v)}`;
  } catch {
    return typeof v;
  }
}

export { luaKey };
