/* `JsObject`: a JS object held by Lua, and the `js` module.
 *
 *   local js = require("js")
 *   js.global.console.log("hi")          -- property reads and method calls
 *   local d = js.new(js.global.Date, 0)  -- construction
 *   obj.x = 1                             -- property writes
 *   #arr, tostring(obj), obj == other     -- length, String(obj), identity
 *
 * A function read as a property (`obj.m`) remembers `obj` as its receiver,
 * so `obj.m(x)` and `obj:m(x)` both call it with `this = obj`; for the colon
 * form the leading argument is dropped when it is that very receiver.
 * The same JS object is the same userdata while Lua holds it (a weak cache
 * keyed by the JS-table key), so it works as a table key and with rawequal. */
#include <stdlib.h>
#include <string.h>

#include "ljs.h"

static const char *const CACHE = "ljs.objects"; /* key -> JsObject (weak values) */
static const char *const NULL_KEY = "ljs.null";
/* Lua's own limit on a call's arguments is below this. */
#define LJS_MAX_ARGS 250

ljs_object *ljs_test_object(lua_State *L, int idx) {
  return luaL_testudata(L, idx, LJS_OBJECT_MT);
}

static ljs_object *check_object(lua_State *L, int idx) {
  ljs_object *o = luaL_checkudata(L, idx, LJS_OBJECT_MT);
  if (o->key == 0) luaL_error(L, "this JsObject was released");
  return o;
}

static ljs_object *new_object(lua_State *L) {
  ljs_object *o = lua_newuserdatauv(L, sizeof *o, 0);
  o->key = 0;
  o->self = 0;
  luaL_setmetatable(L, LJS_OBJECT_MT);
  return o;
}

void ljs_push_js_owned(lua_State *L, uint64_t key) {
  if (!lua_checkstack(L, 4)) {
    bridge_table_decref(ljs_js_table, key, NULL);
    luaL_error(L, "stack overflow (a JS object crossing into Lua)");
  }
  lua_getfield(L, LUA_REGISTRYINDEX, CACHE);
  if (lua_rawgeti(L, -1, (lua_Integer)key) == LUA_TUSERDATA) {
    /* Lua already holds this object: one reference is enough. */
    bridge_table_decref(ljs_js_table, key, NULL);
    lua_remove(L, -2);
    return;
  }
  lua_pop(L, 1);
  /* A memory error here would lose the reference: take it once the
   * userdata exists (new_object only raises before that). */
  ljs_object *o = new_object(L);
  o->key = key;
  lua_pushvalue(L, -1);
  lua_rawseti(L, -3, (lua_Integer)key);
  lua_remove(L, -2);
}

void ljs_push_js_method(lua_State *L, uint64_t fn, uint64_t self) {
  ljs_object *o = NULL;
  if (!lua_checkstack(L, 2)) goto fail;
  o = new_object(L);
  o->key = fn;
  if (bridge_table_incref(ljs_js_table, self, NULL) == BRIDGE_OK) o->self = self;
  return;
fail:
  bridge_table_decref(ljs_js_table, fn, NULL);
  luaL_error(L, "stack overflow (a JS method crossing into Lua)");
}

void ljs_push_null(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, NULL_KEY);
}

int ljs_is_null(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TLIGHTUSERDATA && lua_type(L, idx) != LUA_TUSERDATA) return 0;
  idx = lua_absindex(L, idx);
  ljs_push_null(L);
  int same = lua_rawequal(L, idx, -1);
  lua_pop(L, 1);
  return same;
}

int ljs_raise_host(lua_State *L, int32_t status, bridge_value_t *out) {
  if (status == LJS_REFUSED) {
    /* The glue's message, as a Lua string error. */
    ljs_push_value(L, out, 1);
    lua_pushliteral(L, "js: ");
    lua_insert(L, -2);
    lua_concat(L, 2);
    return lua_error(L);
  }
  /* JS threw: the thrown value itself is the Lua error (a JsObject for an
   * Error), so it can be inspected, and re-thrown to JS as the same object. */
  bridge_value_t thrown;
  memset(&thrown, 0, sizeof thrown);
  ljs_host_thrown(&thrown);
  ljs_push_value(L, &thrown, 1);
  return lua_error(L);
}

/* ---- metamethods ---------------------------------------------------------- */

/* obj[k] / obj.k */
static int object_index(lua_State *L) {
  ljs_object *o = check_object(L, 1);
  ljs_slot name;
  ljs_to_value(L, 2, &name);
  bridge_value_t out;
  memset(&out, 0, sizeof out);
  int32_t s = ljs_host_get((double)o->key, &name.v, &out);
  if (s == LJS_OK_CALLABLE && out.tag == BRIDGE_VALUE_HANDLE) {
    ljs_push_js_method(L, out.as.handle.key, o->key);
    return 1;
  }
  if (s != LJS_OK && s != LJS_OK_CALLABLE) return ljs_raise_host(L, s, &out);
  ljs_push_value(L, &out, 1);
  return 1;
}

/* obj[k] = v */
static int object_newindex(lua_State *L) {
  ljs_object *o = check_object(L, 1);
  ljs_slot name, value;
  ljs_to_value(L, 2, &name);
  ljs_to_value(L, 3, &value);
  int32_t s = ljs_host_set((double)o->key, &name.v, &value.v);
  if (s != LJS_OK) {
    bridge_value_t out;
    memset(&out, 0, sizeof out);
    if (s == LJS_REFUSED) {
      /* set reports its message through thrown(). */
      s = LJS_THROWN;
    }
    return ljs_raise_host(L, s, &out);
  }
  return 0;
}

/* Arguments first..top as values for JS. */
static ljs_slot *collect_args(lua_State *L, int first, uint32_t *argc) {
  int top = lua_gettop(L);
  int n = top >= first ? top - first + 1 : 0;
  if (n > LJS_MAX_ARGS) luaL_error(L, "too many arguments for a JS call (%d, at most %d)", n, LJS_MAX_ARGS);
  ljs_slot *args = lua_newuserdatauv(L, sizeof(ljs_slot) * (size_t)(n > 0 ? n : 1), 0);
  for (int i = 0; i < n; i++) ljs_to_value(L, first + i, &args[i]);
  *argc = (uint32_t)n;
  return args;
}

/* The values are ljs_slot records; the host reads them as bridge_value_t
 * with a stride of sizeof(ljs_slot), which it learns from ljs_slot_size. */
LJS_EXPORT(ljs_slot_size) uint32_t ljs_slot_size(void) { return (uint32_t)sizeof(ljs_slot); }

/* obj(...) / obj:m(...) */
static int object_call(lua_State *L) {
  ljs_object *o = check_object(L, 1);
  int first = 2;
  if (o->self != 0) {
    ljs_object *a = ljs_test_object(L, 2);
    if (a != NULL && a->key == o->self) first = 3;
  }
  uint32_t argc = 0;
  ljs_slot *args = collect_args(L, first, &argc);
  bridge_value_t out;
  memset(&out, 0, sizeof out);
  int32_t s = ljs_host_call((double)o->key, (double)o->self, &args[0].v, argc, &out);
  if (s != LJS_OK) return ljs_raise_host(L, s, &out);
  ljs_push_value(L, &out, 1);
  return 1;
}

static int op(lua_State *L, uint32_t which, uint64_t a, uint64_t b) {
  bridge_value_t out;
  memset(&out, 0, sizeof out);
  int32_t s = ljs_host_op(which, (double)a, (double)b, &out);
  if (s != LJS_OK) return ljs_raise_host(L, s, &out);
  ljs_push_value(L, &out, 1);
  return 1;
}

static int object_tostring(lua_State *L) {
  ljs_object *o = luaL_checkudata(L, 1, LJS_OBJECT_MT);
  if (o->key == 0) {
    lua_pushliteral(L, "JsObject (released)");
    return 1;
  }
  return op(L, LJS_OP_TOSTRING, o->key, 0);
}

static int object_len(lua_State *L) {
  return op(L, LJS_OP_LENGTH, check_object(L, 1)->key, 0);
}

/* Two userdata for the same JS object (bound methods are their own userdata). */
static int object_eq(lua_State *L) {
  ljs_object *a = ljs_test_object(L, 1);
  ljs_object *b = ljs_test_object(L, 2);
  lua_pushboolean(L, a != NULL && b != NULL && a->key != 0 && a->key == b->key && a->self == b->self);
  return 1;
}

static int object_gc(lua_State *L) {
  ljs_object *o = luaL_checkudata(L, 1, LJS_OBJECT_MT);
  if (o->key != 0) bridge_table_decref(ljs_js_table, o->key, NULL);
  if (o->self != 0) bridge_table_decref(ljs_js_table, o->self, NULL);
  o->key = 0;
  o->self = 0;
  return 0;
}

/* for k, v in pairs(obj): the own enumerable string keys, as Object.keys. */
static int pairs_next(lua_State *L) {
  /* upvalues: 1 the object, 2 the keys array (a JsObject), 3 the index, 4 the length */
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(4));
  if (i >= n) return 0;
  lua_pushinteger(L, i + 1);
  lua_replace(L, lua_upvalueindex(3));
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_pushinteger(L, i);
  lua_gettable(L, -2); /* keys[i] */
  lua_remove(L, -2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, -2);
  lua_gettable(L, -2); /* obj[key] */
  lua_remove(L, -2);
  return 2;
}

static int object_pairs(lua_State *L) {
  ljs_object *o = check_object(L, 1);
  lua_pushvalue(L, 1);
  op(L, LJS_OP_KEYS, o->key, 0);
  lua_pushinteger(L, 0);
  lua_len(L, -2);
  lua_pushcclosure(L, pairs_next, 4);
  return 1;
}

/* ---- the js module -------------------------------------------------------- */

/* js.new(ctor, ...) */
static int js_new(lua_State *L) {
  ljs_object *o = check_object(L, 1);
  uint32_t argc = 0;
  ljs_slot *args = collect_args(L, 2, &argc);
  bridge_value_t out;
  memset(&out, 0, sizeof out);
  int32_t s = ljs_host_construct((double)o->key, &args[0].v, argc, &out);
  if (s != LJS_OK) return ljs_raise_host(L, s, &out);
  ljs_push_value(L, &out, 1);
  return 1;
}

/* js.typeof(v): JS's typeof for any Lua value as it would cross. */
static int js_typeof(lua_State *L) {
  ljs_object *o = ljs_test_object(L, 1);
  if (o != NULL && o->key != 0) return op(L, LJS_OP_TYPEOF, o->key, 0);
  if (ljs_is_null(L, 1)) {
    lua_pushliteral(L, "object");
    return 1;
  }
  switch (lua_type(L, 1)) {
    case LUA_TNONE:
    case LUA_TNIL: lua_pushliteral(L, "undefined"); break;
    case LUA_TBOOLEAN: lua_pushliteral(L, "boolean"); break;
    case LUA_TNUMBER:
      if (lua_isinteger(L, 1) && !bridge_int_crosses_as_number((int64_t)lua_tointeger(L, 1))) {
        lua_pushliteral(L, "bigint");
      } else {
        lua_pushliteral(L, "number");
      }
      break;
    case LUA_TSTRING: lua_pushliteral(L, "string"); break;
    case LUA_TFUNCTION: lua_pushliteral(L, "function"); break;
    default: lua_pushliteral(L, "object"); break;
  }
  return 1;
}

/* js.instanceof(obj, ctor) */
static int js_instanceof(lua_State *L) {
  ljs_object *o = ljs_test_object(L, 1);
  ljs_object *c = check_object(L, 2);
  if (o == NULL || o->key == 0) {
    lua_pushboolean(L, 0);
    return 1;
  }
  return op(L, LJS_OP_INSTANCEOF, o->key, c->key);
}

/* js.bytes(s): a Uint8Array with a copy of the bytes of a Lua string (any bytes). */
static int js_bytes(lua_State *L) {
  size_t len = 0;
  const char *s = luaL_checklstring(L, 1, &len);
  if (len > 0x7fffffff) luaL_error(L, "js.bytes: string of %d bytes is too long", (int)len);
  bridge_value_t out;
  memset(&out, 0, sizeof out);
  int32_t st = ljs_host_bytes((const uint8_t *)s, (uint32_t)len, &out);
  if (st != LJS_OK) return ljs_raise_host(L, st, &out);
  ljs_push_value(L, &out, 1);
  return 1;
}

/* js.tostring(u8): the bytes of a typed array, ArrayBuffer or DataView as a Lua string. */
static int js_frombytes(lua_State *L) {
  return op(L, LJS_OP_BYTES, check_object(L, 1)->key, 0);
}

/* js.release(obj): give the reference back now instead of at collection. */
static int js_release(lua_State *L) {
  luaL_checkudata(L, 1, LJS_OBJECT_MT);
  return object_gc(L);
}

static int null_tostring(lua_State *L) {
  lua_pushliteral(L, "null");
  return 1;
}

int luaopen_js(lua_State *L) {
  static const luaL_Reg meta[] = {
      {"__index", object_index}, {"__newindex", object_newindex}, {"__call", object_call},
      {"__tostring", object_tostring}, {"__len", object_len}, {"__eq", object_eq},
      {"__gc", object_gc}, {"__pairs", object_pairs}, {NULL, NULL},
  };
  static const luaL_Reg funcs[] = {
      {"new", js_new}, {"typeof", js_typeof}, {"instanceof", js_instanceof},
      {"bytes", js_bytes}, {"frombytes", js_frombytes}, {"release", js_release}, {NULL, NULL},
  };
  if (luaL_newmetatable(L, LJS_OBJECT_MT)) {
    luaL_setfuncs(L, meta, 0);
    lua_pushliteral(L, "JsObject");
    lua_setfield(L, -2, "__name");
  }
  lua_pop(L, 1);

  lua_getfield(L, LUA_REGISTRYINDEX, CACHE);
  if (lua_isnil(L, -1)) {
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, CACHE);
  }
  lua_pop(L, 1);

  lua_getfield(L, LUA_REGISTRYINDEX, NULL_KEY);
  if (lua_isnil(L, -1)) {
    /* js.null: a userdata of its own, printed as "null". */
    lua_newuserdatauv(L, 1, 0);
    lua_newtable(L);
    lua_pushliteral(L, "null");
    lua_setfield(L, -2, "__name");
    lua_pushcfunction(L, null_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, NULL_KEY);
  }
  lua_pop(L, 1);

  luaL_newlib(L, funcs);
  bridge_value_t out;
  memset(&out, 0, sizeof out);
  int32_t s = ljs_host_global(&out);
  if (s != LJS_OK) return ljs_raise_host(L, s, &out);
  ljs_push_value(L, &out, 1);
  lua_setfield(L, -2, "global");
  ljs_push_null(L);
  lua_setfield(L, -2, "null");
  return 1;
}
