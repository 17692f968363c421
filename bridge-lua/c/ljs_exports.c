/* What the JS glue calls: run code, call Lua values, read and write Lua
 * tables and globals, and the reference bookkeeping of both tables.
 *
 * Every entry point that runs Lua does so under lua_pcall, so a Lua error
 * never unwinds into JS: it comes back as status 1 with the error in `out`
 * (the JsObject's JS object when the error is a JS value that crossed, else
 * the message with Lua's traceback). Values in `argv` are borrowed (the glue
 * keeps its references until the call returns); a value written to `out` is
 * anchored in the registry until the next call, so its string bytes stay
 * valid while the glue reads them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ljs.h"
#include "lualib.h"

static const char *const ANCHOR = "ljs.anchor";

enum { CALL_OK = 0, CALL_ERROR = 1, CALL_NOT_READY = 2 };

/* ---- protected execution -------------------------------------------------- */

typedef struct {
  int (*body)(lua_State *L, void *arg); /* pushes one result */
  void *arg;
  ljs_slot *out;
} protected_call;

static void anchor(lua_State *L, int idx) {
  lua_pushvalue(L, idx);
  lua_setfield(L, LUA_REGISTRYINDEX, ANCHOR);
}

static int protected_body(lua_State *L) {
  protected_call *pc = lua_touserdata(L, 1);
  lua_settop(L, 0);
  pc->body(L, pc->arg);
  /* The result, converted while still protected (a string that is not
   * UTF-8 raises here, as a Lua error). */
  anchor(L, -1);
  ljs_to_value(L, -1, pc->out);
  return 0;
}

/* Message handler: a JsObject error stays itself; anything else becomes its
 * text plus Lua's traceback. */
static int message_handler(lua_State *L) {
  if (ljs_test_object(L, 1) != NULL) return 1;
  const char *msg = NULL;
  if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
    msg = lua_tostring(L, 1);
  } else if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
    msg = lua_tostring(L, -1);
  } else {
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* The error at the top of the stack, as `out`. Never raises: a message that
 * is not UTF-8 is replaced by one saying so. */
static void error_to_value(lua_State *L, ljs_slot *out) {
  memset(out, 0, sizeof *out);
  ljs_object *o = ljs_test_object(L, -1);
  if (o != NULL && o->key != 0) {
    anchor(L, -1);
    out->v.tag = BRIDGE_VALUE_HANDLE;
    out->v.as.handle.table = ljs_js_table;
    out->v.as.handle.key = o->key;
    return;
  }
  size_t len = 0;
  const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
  if (s == NULL || bridge_wtf8_check((const uint8_t *)s, len, NULL) != BRIDGE_OK) {
    lua_pushliteral(L, "(a Lua error whose message is not UTF-8)");
    s = lua_tolstring(L, -1, &len);
  }
  anchor(L, -1);
  out->v.tag = BRIDGE_VALUE_STRING;
  out->v.as.string.ptr = (const uint8_t *)s;
  out->v.as.string.len = len;
}

static int32_t run_protected(int (*body)(lua_State *, void *), void *arg, ljs_slot *out) {
  lua_State *L = ljs_L;
  if (L == NULL) return CALL_NOT_READY;
  if (out == NULL) return CALL_NOT_READY;
  int base = lua_gettop(L);
  if (!lua_checkstack(L, 8)) return CALL_NOT_READY;
  protected_call pc = {body, arg, out};
  lua_pushcfunction(L, message_handler);
  lua_pushcfunction(L, protected_body);
  lua_pushlightuserdata(L, &pc);
  int status = lua_pcall(L, 1, 0, base + 1);
  int32_t result = CALL_OK;
  if (status != LUA_OK) {
    error_to_value(L, out);
    result = CALL_ERROR;
  }
  lua_settop(L, base);
  return result;
}

/* ---- the entry points ----------------------------------------------------- */

LJS_EXPORT(ljs_alloc) void *ljs_alloc(uint32_t n) { return malloc(n > 0 ? n : 1); }
LJS_EXPORT(ljs_free) void ljs_free(void *p) { free(p); }

static int open_libs(lua_State *L) {
  luaL_openlibs(L);
  if (ljs_refs_init(L) != BRIDGE_OK) luaL_error(L, "could not create the bridge's handle tables");
  luaL_requiref(L, "js", luaopen_js, 0);
  lua_pop(L, 1);
  return 0;
}

static void *l_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

/* 0 ok; 1 the libraries failed to open (message through the last error of
 * the glue: the Lua error text is printed to stderr); 2 no memory. */
LJS_EXPORT(ljs_init) int32_t ljs_init(void) {
  if (ljs_L != NULL) return 0;
  lua_State *L = lua_newstate(l_alloc, NULL);
  if (L == NULL) return 2;
  lua_pushcfunction(L, open_libs);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
    const char *m = lua_tostring(L, -1);
    fprintf(stderr, "lua init: %s\n", m ? m : "(no message)");
    lua_close(L);
    return 1;
  }
  ljs_L = L;
  return 0;
}

LJS_EXPORT(ljs_js_table_id) uint32_t ljs_js_table_id(void) { return ljs_js_table; }
LJS_EXPORT(ljs_lua_table_id) uint32_t ljs_lua_table_id(void) { return ljs_lua_table; }

/* A new JS-table entry (refcount 1) for an object the glue is about to send. 0 on failure. */
LJS_EXPORT(ljs_js_insert) double ljs_js_insert(void) {
  uint64_t key = 0;
  if (bridge_table_insert(ljs_js_table, 0, &key) != BRIDGE_OK) return 0;
  return (double)key;
}

LJS_EXPORT(ljs_js_incref) int32_t ljs_js_incref(double key) {
  return bridge_table_incref(ljs_js_table, (uint64_t)key, NULL);
}

LJS_EXPORT(ljs_js_decref) int32_t ljs_js_decref(double key) {
  return bridge_table_decref(ljs_js_table, (uint64_t)key, NULL);
}

/* A JS wrapper of a Lua value went (destroy() or its finalizer). */
LJS_EXPORT(ljs_lua_decref) int32_t ljs_lua_decref(double key) {
  return bridge_table_decref(ljs_lua_table, (uint64_t)key, NULL);
}

/* Live entries: which 0 = JS objects held by Lua, 1 = Lua values held by JS. */
LJS_EXPORT(ljs_live) uint32_t ljs_live(uint32_t which) {
  bridge_table_stats_t st;
  if (bridge_table_stats(which == 0 ? ljs_js_table : ljs_lua_table, &st) != BRIDGE_OK) return 0;
  return st.live;
}

LJS_EXPORT(ljs_gc) void ljs_gc(void) {
  if (ljs_L != NULL) lua_gc(ljs_L, LUA_GCCOLLECT);
}

typedef struct {
  const char *code;
  size_t len;
  const char *name;
} run_args;

static int run_body(lua_State *L, void *arg) {
  run_args *a = arg;
  if (luaL_loadbufferx(L, a->code, a->len, a->name, "t") != LUA_OK) lua_error(L);
  lua_call(L, 0, 1);
  return 1;
}

/* Run a chunk; its first result is `out`. `name` is the chunk name (e.g. "=cell"). */
LJS_EXPORT(ljs_run)
int32_t ljs_run(const uint8_t *code, uint32_t len, const uint8_t *name, uint32_t nlen, ljs_slot *out) {
  char chunkname[128];
  size_t n = nlen < sizeof chunkname - 1 ? nlen : sizeof chunkname - 1;
  if (name != NULL && n > 0) memcpy(chunkname, name, n);
  chunkname[n] = '\0';
  run_args a = {(const char *)code, code == NULL ? 0 : len, n > 0 ? chunkname : "=lua"};
  return run_protected(run_body, &a, out);
}

typedef struct {
  uint64_t key;
  const ljs_slot *argv;
  uint32_t argc;
  const ljs_slot *k;
  const ljs_slot *v;
} value_args;

static int call_body(lua_State *L, void *arg) {
  value_args *a = arg;
  luaL_checkstack(L, (int)a->argc + 4, "too many arguments from JS");
  ljs_push_lua_ref(L, a->key);
  for (uint32_t i = 0; i < a->argc; i++) ljs_push_value(L, &a->argv[i].v, 0);
  lua_call(L, (int)a->argc, 1);
  return 1;
}

/* Call the Lua value `key` names with `argc` arguments. */
LJS_EXPORT(ljs_call) int32_t ljs_call(double key, const ljs_slot *argv, uint32_t argc, ljs_slot *out) {
  if (argc > 0 && argv == NULL) return CALL_NOT_READY;
  value_args a = {(uint64_t)key, argv, argc, NULL, NULL};
  return run_protected(call_body, &a, out);
}

/* The table a key names; key 0 = the global table. */
static void push_target(lua_State *L, uint64_t key) {
  if (key == 0) {
    lua_pushglobaltable(L);
  } else {
    ljs_push_lua_ref(L, key);
  }
}

static int index_body(lua_State *L, void *arg) {
  value_args *a = arg;
  push_target(L, a->key);
  ljs_push_value(L, &a->k->v, 0);
  lua_gettable(L, -2);
  return 1;
}

/* value[k] (metamethods apply); key 0 = the global table. */
LJS_EXPORT(ljs_index) int32_t ljs_index(double key, const ljs_slot *k, ljs_slot *out) {
  if (k == NULL) return CALL_NOT_READY;
  value_args a = {(uint64_t)key, NULL, 0, k, NULL};
  return run_protected(index_body, &a, out);
}

static int newindex_body(lua_State *L, void *arg) {
  value_args *a = arg;
  push_target(L, a->key);
  ljs_push_value(L, &a->k->v, 0);
  ljs_push_value(L, &a->v->v, 0);
  lua_settable(L, -3);
  lua_pushnil(L);
  return 1;
}

/* value[k] = v (metamethods apply); key 0 = the global table. */
LJS_EXPORT(ljs_newindex)
int32_t ljs_newindex(double key, const ljs_slot *k, const ljs_slot *v, ljs_slot *out) {
  if (k == NULL || v == NULL) return CALL_NOT_READY;
  value_args a = {(uint64_t)key, NULL, 0, k, v};
  return run_protected(newindex_body, &a, out);
}

static int tostring_body(lua_State *L, void *arg) {
  value_args *a = arg;
  ljs_push_lua_ref(L, a->key);
  luaL_tolstring(L, -1, NULL);
  return 1;
}

/* tostring(value) */
LJS_EXPORT(ljs_tostring) int32_t ljs_tostring(double key, ljs_slot *out) {
  value_args a = {(uint64_t)key, NULL, 0, NULL, NULL};
  return run_protected(tostring_body, &a, out);
}

static int len_body(lua_State *L, void *arg) {
  value_args *a = arg;
  ljs_push_lua_ref(L, a->key);
  lua_len(L, -1);
  return 1;
}

/* #value (metamethods apply) */
LJS_EXPORT(ljs_len) int32_t ljs_len(double key, ljs_slot *out) {
  value_args a = {(uint64_t)key, NULL, 0, NULL, NULL};
  return run_protected(len_body, &a, out);
}
