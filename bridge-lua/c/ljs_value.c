/* Lua values <-> bridge_value_t, by the bridge's conversion rules:
 *
 *   Lua                         JS
 *   nil                    <->  undefined
 *   js.null                <->  null
 *   boolean                <->  boolean
 *   integer in +-(2^53-1)  <->  Number (integral, not -0)
 *   other integer           ->  BigInt
 *   float                  <->  Number (not integral, -0, NaN, +-Infinity, beyond 2^53)
 *   integer                <-   BigInt that fits 64 bits (else an error, never a rounded float)
 *   string (WTF-8)         <->  string (UTF-16, lone surrogates kept)
 *   JsObject               <->  the same JS object
 *   function, table...     <->  a JS wrapper (the same wrapper while it lives)
 */
#include <stdlib.h>
#include <string.h>

#include "ljs.h"

void ljs_to_value(lua_State *L, int idx, ljs_slot *out) {
  bridge_value_t *v = &out->v;
  memset(v, 0, sizeof *v);
  switch (lua_type(L, idx)) {
    case LUA_TNONE:
    case LUA_TNIL:
      v->tag = BRIDGE_VALUE_UNDEFINED;
      return;
    case LUA_TBOOLEAN:
      v->tag = BRIDGE_VALUE_BOOL;
      v->as.boolean = lua_toboolean(L, idx);
      return;
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx)) {
        bridge_value_set_int(v, (int64_t)lua_tointeger(L, idx), out->storage);
      } else {
        v->tag = BRIDGE_VALUE_FLOAT;
        v->as.number = (double)lua_tonumber(L, idx);
      }
      return;
    case LUA_TSTRING: {
      size_t len = 0;
      const char *s = lua_tolstring(L, idx, &len);
      bridge_status_t st = bridge_wtf8_check((const uint8_t *)s, len, NULL);
      if (st != BRIDGE_OK) {
        ljs_bridge_error(L, "a Lua string crossing to JS is not UTF-8 (use js.bytes(s) for binary data)", st);
      }
      v->tag = BRIDGE_VALUE_STRING;
      v->as.string.ptr = (const uint8_t *)s;
      v->as.string.len = len;
      return;
    }
    default:
      break;
  }
  ljs_object *o = ljs_test_object(L, idx);
  if (o != NULL) {
    if (o->key == 0) luaL_error(L, "a released JsObject cannot cross to JS");
    v->tag = BRIDGE_VALUE_HANDLE;
    v->as.handle.table = ljs_js_table;
    v->as.handle.key = o->key;
    return;
  }
  if (ljs_is_null(L, idx)) {
    v->tag = BRIDGE_VALUE_NULL;
    return;
  }
  uint64_t key = 0;
  bridge_status_t st = ljs_lua_ref(L, idx, &key);
  if (st != BRIDGE_OK) ljs_bridge_error(L, "a Lua value crossing to JS", st);
  v->tag = BRIDGE_VALUE_HANDLE;
  v->_reserved = (uint32_t)lua_type(L, idx); /* LJS flags: the Lua type */
  v->as.handle.table = ljs_lua_table;
  v->as.handle.key = key;
}

void ljs_drop_value(const bridge_value_t *v) {
  if (v->tag == BRIDGE_VALUE_HANDLE && v->as.handle.table == ljs_js_table) {
    bridge_table_decref(ljs_js_table, v->as.handle.key, NULL);
  } else if (v->tag == BRIDGE_VALUE_STRING) {
    free((void *)v->as.string.ptr);
  } else if (v->tag == BRIDGE_VALUE_BIGINT) {
    free((void *)v->as.bigint.ptr);
  } else if (v->tag == BRIDGE_VALUE_BUFFER) {
    free((void *)v->as.buffer.data);
  }
}

void ljs_push_value(lua_State *L, const bridge_value_t *v, int owned) {
  luaL_checkstack(L, 4, "ljs_push_value");
  switch (v->tag) {
    case BRIDGE_VALUE_UNDEFINED:
      lua_pushnil(L);
      return;
    case BRIDGE_VALUE_NULL:
      ljs_push_null(L);
      return;
    case BRIDGE_VALUE_BOOL:
      lua_pushboolean(L, v->as.boolean);
      return;
    case BRIDGE_VALUE_INT:
      lua_pushinteger(L, (lua_Integer)v->as.integer);
      return;
    case BRIDGE_VALUE_FLOAT: {
      /* A JS Number: the bridge's rule says whether it is an integer. */
      bridge_value_t n;
      bridge_value_set_number(&n, v->as.number);
      if (n.tag == BRIDGE_VALUE_INT) {
        lua_pushinteger(L, (lua_Integer)n.as.integer);
      } else {
        lua_pushnumber(L, (lua_Number)v->as.number);
      }
      return;
    }
    case BRIDGE_VALUE_BIGINT: {
      int64_t n = 0;
      bridge_status_t s = bridge_bigint_to_i64(v->as.bigint.ptr, v->as.bigint.len, &n);
      if (owned) free((void *)v->as.bigint.ptr);
      if (s != BRIDGE_OK) ljs_bridge_error(L, "a JS BigInt does not fit a Lua integer", s);
      lua_pushinteger(L, (lua_Integer)n);
      return;
    }
    case BRIDGE_VALUE_STRING:
      lua_pushlstring(L, (const char *)v->as.string.ptr, v->as.string.len);
      if (owned) free((void *)v->as.string.ptr);
      return;
    case BRIDGE_VALUE_BUFFER:
      lua_pushlstring(L, (const char *)v->as.buffer.data + v->as.buffer.offset, v->as.buffer.byte_len - v->as.buffer.offset);
      if (owned) free((void *)v->as.buffer.data);
      return;
    case BRIDGE_VALUE_HANDLE:
      if (v->as.handle.table == ljs_lua_table) {
        ljs_push_lua_ref(L, v->as.handle.key);
        return;
      }
      if (v->as.handle.table != ljs_js_table) {
        luaL_error(L, "a handle of table %d crossed into Lua (not one of this runtime's tables)", (int)v->as.handle.table);
      }
      if (!owned) {
        bridge_status_t s = bridge_table_incref(ljs_js_table, v->as.handle.key, NULL);
        if (s != BRIDGE_OK) ljs_bridge_error(L, "a JS object crossing into Lua", s);
      }
      ljs_push_js_owned(L, v->as.handle.key);
      return;
    default:
      luaL_error(L, "a value with unknown tag %d crossed into Lua", (int)v->tag);
  }
}
