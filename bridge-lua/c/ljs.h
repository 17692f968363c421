/* The Lua 5.4 guest of the bridge: shared declarations.
 *
 * Lua reaches JavaScript through `require("js")`; JavaScript reaches Lua
 * through the exports in ljs_exports.c, driven by bridge-lua/package. Both
 * directions keep their references in bridge-core handle tables, reached
 * through the C ABI (bridge-capi/include/bridge.h):
 *
 *   - the JS table: JS objects held by Lua. The JS glue keeps the objects in
 *     an array indexed by the key's slot index; an entry's release callback
 *     asks the glue to drop its object. A Lua `JsObject` userdata owns one
 *     reference and gives it back in __gc.
 *   - the Lua table: Lua values held by JS. The payload is a reference in
 *     the Lua registry (luaL_ref); a JS wrapper owns one reference and gives
 *     it back when it is destroyed or collected.
 *
 * Values travel through bridge_value_t records in linear memory (see
 * docs/c-abi.md for the layout the JS glue reads). */
#ifndef BRIDGE_LUA_LJS_H
#define BRIDGE_LUA_LJS_H

#include <stdint.h>

#include "bridge.h"
#include "lauxlib.h"
#include "lua.h"

#define LJS_IMPORT(name) __attribute__((import_module("ljs"), import_name(#name)))
#define LJS_EXPORT(name) __attribute__((export_name(#name)))

/* What a host import returns. */
enum {
  LJS_OK = 0,
  LJS_THROWN = 1,   /* JS threw: the thrown value is fetched with ljs_host_thrown */
  LJS_REFUSED = 2,  /* the glue refused (a conversion): out holds the message string */
  LJS_OK_CALLABLE = 3, /* (get) ok, and the value is a function */
};

/* Flags of a HANDLE value. JS -> Lua: bit 0 = the JS object is callable.
 * Lua -> JS: the Lua type (LUA_TFUNCTION, LUA_TTABLE...). */
#define LJS_FLAG_CALLABLE 1u

/* Host operations of ljs_host_op. */
enum {
  LJS_OP_TYPEOF = 1,     /* a: object -> string */
  LJS_OP_TOSTRING = 2,   /* a: object -> String(a) */
  LJS_OP_INSTANCEOF = 3, /* a instanceof b -> bool */
  LJS_OP_LENGTH = 4,     /* a.length -> value */
  LJS_OP_KEYS = 5,       /* Object.keys(a) -> array */
  LJS_OP_BYTES = 6,      /* a (typed array / ArrayBuffer / DataView) -> a copy of its bytes (BUFFER, owned by C) */
};

/* ---- imports (bridge-lua/package/imports.js) ---------------------------- */
LJS_IMPORT(global) int32_t ljs_host_global(bridge_value_t *out);
LJS_IMPORT(get) int32_t ljs_host_get(double obj, const bridge_value_t *name, bridge_value_t *out);
LJS_IMPORT(set) int32_t ljs_host_set(double obj, const bridge_value_t *name, const bridge_value_t *value);
LJS_IMPORT(call)
int32_t ljs_host_call(double fn, double self, const bridge_value_t *argv, uint32_t argc, bridge_value_t *out);
LJS_IMPORT(construct)
int32_t ljs_host_construct(double ctor, const bridge_value_t *argv, uint32_t argc, bridge_value_t *out);
LJS_IMPORT(op) int32_t ljs_host_op(uint32_t op, double a, double b, bridge_value_t *out);
LJS_IMPORT(bytes) int32_t ljs_host_bytes(const uint8_t *ptr, uint32_t len, bridge_value_t *out);
LJS_IMPORT(thrown) void ljs_host_thrown(bridge_value_t *out);
LJS_IMPORT(release) void ljs_host_release(double key);

/* ---- state (ljs_refs.c) -------------------------------------------------- */
extern lua_State *ljs_L;
extern uint32_t ljs_js_table;
extern uint32_t ljs_lua_table;

int ljs_refs_init(lua_State *L);
/* A reference to the Lua value at idx for JS: the same key for the same
 * value while JS holds it, one more reference each time. */
bridge_status_t ljs_lua_ref(lua_State *L, int idx, uint64_t *out_key);
/* Push the Lua value a Lua-table key names; raises on a bad key. */
void ljs_push_lua_ref(lua_State *L, uint64_t key);
/* Raise a Lua error describing the last bridge error. */
int ljs_bridge_error(lua_State *L, const char *what, bridge_status_t s);

/* ---- JsObject userdata (ljs_object.c) ------------------------------------ */
#define LJS_OBJECT_MT "js.object"
typedef struct {
  uint64_t key;  /* in the JS table; 0 once released */
  uint64_t self; /* the receiver a method was read from (`obj.m`), or 0 */
} ljs_object;

/* Push the JsObject for an owned reference `key` (the reference passes to
 * Lua): the cached userdata when there is one, else a new one. */
void ljs_push_js_owned(lua_State *L, uint64_t key);
/* A bound method: `fn` (owned) read from `self` (borrowed). */
void ljs_push_js_method(lua_State *L, uint64_t fn, uint64_t self);
ljs_object *ljs_test_object(lua_State *L, int idx);
void ljs_push_null(lua_State *L);
int ljs_is_null(lua_State *L, int idx);
int luaopen_js(lua_State *L);
/* Raise the error the last import reported (LJS_THROWN or LJS_REFUSED). */
int ljs_raise_host(lua_State *L, int32_t status, bridge_value_t *out);

/* ---- values (ljs_value.c) ------------------------------------------------ */
/* Room for a BIGINT's bytes next to each value written from Lua. */
typedef struct {
  bridge_value_t v;
  uint8_t storage[8];
} ljs_slot;

/* The Lua value at idx as a value for JS. Lua objects get a Lua-table
 * reference (owned by the JS side from then on); strings point into Lua
 * memory and stay valid while the value is on the stack. Raises on a Lua
 * string that is not WTF-8. */
void ljs_to_value(lua_State *L, int idx, ljs_slot *out);
/* Push a value written by JS. `owned`: a JS HANDLE carries a reference that
 * passes to Lua (results of imports); otherwise it is borrowed (arguments
 * of exports) and Lua takes its own. */
void ljs_push_value(lua_State *L, const bridge_value_t *v, int owned);
/* Release what a value written by JS owns when it will not be pushed. */
void ljs_drop_value(const bridge_value_t *v);

#endif
