// Types of the Lua guest package (bridge-lua/package).

/** A Lua function in JS: callable, with `destroy()` to give its reference back now. */
export interface LuaFunction {
  (...args: unknown[]): unknown;
  readonly type: "function";
  destroy(): void;
  toString(): string;
}

/**
 * A Lua table (or userdata, coroutine) in JS: property reads and writes index
 * it (canonical integer names are integer keys), `length` is `#t`; `get`/`set`
 * reach keys that collide with these members.
 */
export interface LuaTable {
  readonly type: "table" | "userdata" | "thread";
  readonly length: unknown;
  get(key: unknown): unknown;
  set(key: unknown, value: unknown): void;
  destroy(): void;
  toString(): string;
  [key: string]: unknown;
}

/** A Lua error that reached JS. */
export class LuaError extends Error {
  readonly name: "LuaError";
  /** Lua's traceback ("stack traceback:\n..."), or "" when there is none. */
  readonly luaStack: string;
}

export interface LuaRuntime {
  /** Run a chunk; returns its first result, converted (functions and tables as wrappers). */
  run(code: string, options?: { name?: string }): unknown;
  /** Lua's global table. */
  readonly globals: { get(name: string): unknown; set(name: string, value: unknown): void };
  /** Live entries: JS objects held by Lua (`js`), Lua values held by JS (`lua`). */
  liveHandles(): { js: number; lua: number };
  /** A full Lua garbage collection. */
  collectGarbage(): void;
  readonly LuaError: typeof LuaError;
}

/** Nested JS <-> Lua crossings allowed before a RangeError. */
export const MAX_DEPTH: number;

export function loadLua(options?: {
  /** Folder holding lua.wasm (default: ./dist/ beside the package). */
  indexURL?: string | URL;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}): Promise<LuaRuntime>;
