/* The two handle tables of the Lua guest, made with the bridge's C ABI. */
#include <stdio.h>
#include <string.h>

#include "ljs.h"

lua_State *ljs_L;
uint32_t ljs_js_table;
uint32_t ljs_lua_table;

/* Registry fields. */
static const char *const LUA_KEYS = "ljs.lua_keys"; /* Lua value -> key (weak keys) */

/* A JS-table entry went: the glue drops the object. */
static void release_js(void *ctx, uint32_t table, uint64_t key, uint64_t payload) {
  (void)ctx;
  (void)table;
  (void)payload;
  ljs_host_release((double)key);
}

/* A Lua-table entry went: give the registry reference back and forget the
 * value's key. Runs when JS drops its last wrapper, never inside a Lua
 * error (the tables are only touched from C, between Lua calls). */
static void release_lua(void *ctx, uint32_t table, uint64_t key, uint64_t payload) {
  (void)table;
  (void)key;
  lua_State *L = ctx;
  if (!lua_checkstack(L, 3)) return; /* cannot happen short of a broken state; the registry slot stays */
  int ref = (int)payload;
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_KEYS);
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
  lua_pushnil(L);
  lua_rawset(L, -3); /* lua_keys[value] = nil: never allocates */
  lua_pop(L, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, ref);
}

int ljs_refs_init(lua_State *L) {
  bridge_status_t s = bridge_table_new(release_js, NULL, 0, &ljs_js_table);
  if (s != BRIDGE_OK) return s;
  s = bridge_table_new(release_lua, L, 0, &ljs_lua_table);
  if (s != BRIDGE_OK) return s;
  lua_newtable(L);
  lua_newtable(L);
  lua_pushliteral(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, LUA_KEYS);
  return BRIDGE_OK;
}

bridge_status_t ljs_lua_ref(lua_State *L, int idx, uint64_t *out_key) {
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 3, "ljs_lua_ref");
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_KEYS);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, -2) == LUA_TNUMBER) {
    uint64_t key = (uint64_t)lua_tointeger(L, -1);
    lua_pop(L, 2);
    bridge_status_t s = bridge_table_incref(ljs_lua_table, key, NULL);
    if (s == BRIDGE_OK) *out_key = key;
    return s;
  }
  lua_pop(L, 1);
  lua_pushvalue(L, idx);
  int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  uint64_t key = 0;
  bridge_status_t s = bridge_table_insert(ljs_lua_table, (uint64_t)(uint32_t)ref, &key);
  if (s != BRIDGE_OK) {
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
    lua_pop(L, 1);
    return s;
  }
  lua_pushvalue(L, idx);
  lua_pushinteger(L, (lua_Integer)key);
  lua_rawset(L, -3); /* may raise (memory): the entry then lives until JS drops it */
  lua_pop(L, 1);
  *out_key = key;
  return BRIDGE_OK;
}

void ljs_push_lua_ref(lua_State *L, uint64_t key) {
  uint64_t payload = 0;
  bridge_status_t s = bridge_table_get(ljs_lua_table, key, &payload);
  if (s != BRIDGE_OK) {
    ljs_bridge_error(L, "a Lua object crossing back from JS", s);
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, (lua_Integer)payload);
}

int ljs_bridge_error(lua_State *L, const char *what, bridge_status_t s) {
  char msg[512];
  size_t n = bridge_last_error_message((uint8_t *)msg, sizeof msg);
  (void)n;
  return luaL_error(L, "%s: %s (%s)", what, msg, bridge_status_js_class(s));
}

/* Keys are stored as Lua integers: they need all 53 bits. */
_Static_assert(sizeof(lua_Integer) == 8, "lua_Integer must be 64-bit (do not build Lua with LUA_USE_C89)");
