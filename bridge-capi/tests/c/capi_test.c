/* The C ABI's unit test, from C: compiled natively (tests/c_abi.rs) and for
 * wasm32-wasi (`cargo xtask test`, run in node:wasi). One line per check; the
 * exit status is the number of failures (0: all passed). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bridge.h"

static int checks = 0;
static int failures = 0;

#define CHECK(cond, what)                                                  \
  do {                                                                     \
    checks++;                                                              \
    if (cond) {                                                            \
      printf("ok   %s\n", what);                                           \
    } else {                                                               \
      failures++;                                                          \
      printf("FAIL %s (line %d: %s)\n", what, __LINE__, #cond);            \
    }                                                                      \
  } while (0)

static char last_msg[512];
static const char *last_error(void) {
  bridge_last_error_message((uint8_t *)last_msg, sizeof last_msg);
  return last_msg;
}

/* ---- tables ---------------------------------------------------------------- */

static int released = 0;
static uint64_t released_payload = 0;
static void on_release(void *ctx, uint32_t table, uint64_t key, uint64_t payload) {
  (void)table;
  (void)key;
  released++;
  released_payload = payload;
  if (ctx != NULL) (*(int *)ctx)++;
}

static void test_tables(void) {
  int ctx_count = 0;
  uint32_t t = 0, u = 0;
  CHECK(bridge_table_new(on_release, &ctx_count, 0, &t) == BRIDGE_OK && t >= 1 && t <= 255, "table_new gives an id in 1..255");
  CHECK(bridge_table_new(NULL, NULL, 0, &u) == BRIDGE_OK && u != t, "a second table has its own id");
  CHECK(bridge_table_new(NULL, NULL, 0, NULL) == BRIDGE_ERR_NULL_POINTER, "table_new with a NULL out pointer is refused");

  uint64_t k = 0;
  CHECK(bridge_table_insert(t, 77, &k) == BRIDGE_OK, "insert");
  CHECK(k != 0 && k < BRIDGE_KEY_LIMIT, "a key is nonzero and below 2^53");
  bridge_key_parts_t parts;
  CHECK(bridge_key_parts(k, &parts) == BRIDGE_OK && parts.table == t && parts.generation == 1 && parts.index >= 1,
        "key_parts splits table id, generation 1, index");
  CHECK((k >> BRIDGE_KEY_TABLE_SHIFT) == t, "the table id is bits 45..52");

  uint64_t payload = 0;
  CHECK(bridge_table_get(t, k, &payload) == BRIDGE_OK && payload == 77, "get returns the payload");
  uint32_t rc = 0;
  CHECK(bridge_table_incref(t, k, &rc) == BRIDGE_OK && rc == 2, "incref to 2");
  CHECK(bridge_table_decref(t, k, &rc) == BRIDGE_OK && rc == 1 && released == 0, "decref to 1 releases nothing");
  CHECK(bridge_table_decref(t, k, &rc) == BRIDGE_OK && released == 1 && released_payload == 77 && ctx_count == 1,
        "decref to 0 calls the release callback once, with the payload and ctx");
  CHECK(bridge_table_get(t, k, &payload) == BRIDGE_ERR_STALE_KEY, "a released key is stale");
  CHECK(strstr(last_error(), "stale") != NULL, "the last error says stale");
  CHECK(bridge_last_error_status() == BRIDGE_ERR_STALE_KEY, "last_error_status is the stale code");
  CHECK(bridge_table_decref(t, k, &rc) == BRIDGE_ERR_STALE_KEY && released == 1, "a second release is refused, no second callback");

  uint64_t d = 0;
  bridge_table_insert(t, 5, &d);
  CHECK(bridge_table_destroy(t, d) == BRIDGE_OK && released == 2, "destroy calls the release callback");
  CHECK(bridge_table_incref(t, d, NULL) == BRIDGE_ERR_DESTROYED_KEY, "a destroyed key says destroyed");

  uint64_t w = 0;
  bridge_table_insert(u, 9, &w);
  CHECK(bridge_table_get(t, w, &payload) == BRIDGE_ERR_WRONG_TABLE, "a key of another table is WRONG_TABLE");
  CHECK(bridge_table_get(t, k | (1ull << 60), &payload) == BRIDGE_ERR_KEY_OUT_OF_RANGE, "bits 53+ set: out of range");
  CHECK(bridge_table_get(t, 0, &payload) != BRIDGE_OK, "key 0 is never valid");
  uint64_t forged = ((uint64_t)t << BRIDGE_KEY_TABLE_SHIFT) | (1ull << BRIDGE_KEY_GENERATION_SHIFT) | 999999;
  CHECK(bridge_table_get(t, forged, &payload) == BRIDGE_ERR_FORGED_KEY, "an index never issued is forged");
  uint64_t no_table = (200ull << BRIDGE_KEY_TABLE_SHIFT) | (1ull << BRIDGE_KEY_GENERATION_SHIFT) | 1;
  CHECK(bridge_table_get(200, no_table, &payload) == BRIDGE_ERR_NO_SUCH_TABLE, "an id that is not a live table");
  CHECK(bridge_table_get(t, k, NULL) == BRIDGE_ERR_NULL_POINTER, "get with a NULL out pointer");

  uint32_t state = 99;
  CHECK(bridge_table_classify(u, w, &state) == BRIDGE_OK && state == BRIDGE_KEY_LIVE, "classify: live");
  CHECK(bridge_table_classify(t, k, &state) == BRIDGE_OK && state == BRIDGE_KEY_STALE, "classify: stale");
  CHECK(bridge_table_classify(t, d, &state) == BRIDGE_OK && state == BRIDGE_KEY_DESTROYED, "classify: destroyed");
  CHECK(bridge_table_classify(t, w, &state) == BRIDGE_OK && state == BRIDGE_KEY_WRONG_TABLE, "classify: wrong table");

  bridge_table_stats_t st;
  CHECK(bridge_table_stats(u, &st) == BRIDGE_OK && st.live == 1, "stats: one live entry");
  uint64_t freed = 0;
  CHECK(bridge_table_free(u, &freed) == BRIDGE_OK && freed == 1, "free releases the live entries");
  CHECK(bridge_table_get(u, w, &payload) == BRIDGE_ERR_NO_SUCH_TABLE, "a freed table's key: no such table");
  CHECK(bridge_table_free(t, NULL) == BRIDGE_OK, "free the first table");
}

/* ---- values ---------------------------------------------------------------- */

static void test_values(void) {
  uint32_t layout[BRIDGE_VALUE_LAYOUT_LEN];
  CHECK(bridge_value_layout(layout) == BRIDGE_OK, "value_layout");
  CHECK(layout[0] == sizeof(bridge_value_t), "layout: sizeof(bridge_value_t) agrees with C");
  CHECK(layout[1] == offsetof(bridge_value_t, as), "layout: offsetof(payload) agrees with C");
  CHECK(layout[2] == sizeof(bridge_value_payload_t), "layout: sizeof(payload) agrees with C");
  CHECK(layout[3] == offsetof(bridge_value_t, as) + offsetof(bridge_handle_t, key), "layout: offsetof(handle.key) agrees with C");

  bridge_value_t v;
  uint8_t storage[8];
  const int64_t safe = 9007199254740991LL;
  CHECK(bridge_value_set_int(&v, safe, storage) == BRIDGE_OK && v.tag == BRIDGE_VALUE_INT && v.as.integer == safe, "2^53-1 is INT");
  CHECK(bridge_value_set_int(&v, -safe, storage) == BRIDGE_OK && v.tag == BRIDGE_VALUE_INT, "-(2^53-1) is INT");
  CHECK(bridge_value_set_int(&v, safe + 1, storage) == BRIDGE_OK && v.tag == BRIDGE_VALUE_BIGINT, "2^53 is BIGINT");
  int64_t back = 0;
  CHECK(bridge_bigint_to_i64(v.as.bigint.ptr, v.as.bigint.len, &back) == BRIDGE_OK && back == safe + 1, "the BIGINT bytes read back as 2^53");
  CHECK(bridge_value_set_int(&v, INT64_MIN, storage) == BRIDGE_OK && v.tag == BRIDGE_VALUE_BIGINT &&
            bridge_bigint_to_i64(v.as.bigint.ptr, v.as.bigint.len, &back) == BRIDGE_OK && back == INT64_MIN,
        "INT64_MIN round-trips as BIGINT");
  CHECK(!bridge_int_crosses_as_number(safe + 1) && bridge_int_crosses_as_number(-safe), "int_crosses_as_number at the boundary");
  CHECK(bridge_value_set_number(&v, 3.0) == BRIDGE_OK && v.tag == BRIDGE_VALUE_INT && v.as.integer == 3, "the Number 3.0 is INT");
  CHECK(bridge_value_set_number(&v, -0.0) == BRIDGE_OK && v.tag == BRIDGE_VALUE_FLOAT, "-0 stays FLOAT");
  CHECK(bridge_value_set_number(&v, 9007199254740992.0) == BRIDGE_OK && v.tag == BRIDGE_VALUE_FLOAT, "the Number 2^53 is FLOAT");

  const char *dec = "-123456789012345678901234567890";
  uint8_t big[32];
  size_t big_len = 0;
  CHECK(bridge_bigint_from_decimal((const uint8_t *)dec, strlen(dec), big, sizeof big, &big_len) == BRIDGE_OK, "bigint_from_decimal");
  char text[64];
  size_t text_len = 0;
  CHECK(bridge_bigint_to_decimal(big, big_len, (uint8_t *)text, sizeof text, &text_len) == BRIDGE_OK && text_len == strlen(dec) &&
            memcmp(text, dec, text_len) == 0,
        "bigint decimal round trip");
  CHECK(bridge_bigint_to_i64(big, big_len, &back) == BRIDGE_ERR_INTEGER_OVERFLOW, "a 97-bit integer does not fit i64");
  CHECK(bridge_bigint_from_decimal((const uint8_t *)"12x", 3, big, sizeof big, &big_len) == BRIDGE_ERR_MALFORMED_BIGINT, "malformed decimal");

  memset(&v, 0, sizeof v);
  v.tag = 42;
  CHECK(bridge_value_check(&v) == BRIDGE_ERR_BAD_ARGUMENT, "value_check: unknown tag");
  v.tag = BRIDGE_VALUE_STRING;
  v.as.string.ptr = (const uint8_t *)"\xff";
  v.as.string.len = 1;
  CHECK(bridge_value_check(&v) == BRIDGE_ERR_INVALID_UTF8, "value_check: a string that is not WTF-8");
  CHECK(bridge_value_check(NULL) == BRIDGE_ERR_NULL_POINTER, "value_check(NULL)");
  CHECK(strcmp(bridge_value_type_name(BRIDGE_VALUE_BIGINT), "bigint") == 0, "value_type_name");
}

/* ---- strings --------------------------------------------------------------- */

static void test_strings(void) {
  const uint8_t astral[] = "a\xf0\x9f\x98\x80" "b"; /* a😀b */
  size_t n16 = 0;
  CHECK(bridge_wtf8_check(astral, 6, &n16) == BRIDGE_OK && n16 == 4, "wtf8_check: a😀b is 4 UTF-16 units");
  uint16_t units[8];
  size_t n = 0;
  CHECK(bridge_wtf8_to_utf16(astral, 6, units, 8, &n) == BRIDGE_OK && n == 4 && units[1] == 0xD83D && units[2] == 0xDE00,
        "wtf8_to_utf16: the surrogate pair");
  CHECK(bridge_wtf8_to_utf16(astral, 6, NULL, 0, &n) == BRIDGE_ERR_OUTPUT_TOO_SMALL && n == 4, "size query: 4 units needed");
  const uint16_t lone[] = {0x78, 0xD800, 0x79};
  uint8_t bytes[16];
  size_t nb = 0;
  CHECK(bridge_utf16_to_wtf8(lone, 3, bytes, sizeof bytes, &nb) == BRIDGE_OK && nb == 5 && bytes[1] == 0xED && bytes[2] == 0xA0,
        "utf16_to_wtf8 keeps a lone surrogate (ED A0 80)");
  uint16_t again[8];
  CHECK(bridge_wtf8_to_utf16(bytes, nb, again, 8, &n) == BRIDGE_OK && n == 3 && again[1] == 0xD800, "and it round-trips");
  CHECK(bridge_utf16_to_utf8(lone, 3, bytes, sizeof bytes, &nb) == BRIDGE_ERR_LONE_SURROGATE, "strict utf16_to_utf8 refuses it");
  CHECK(strstr(last_error(), "offset 1") != NULL || strstr(last_error(), "1") != NULL, "the message names the offset");
  CHECK(bridge_wtf8_check((const uint8_t *)"\xc3", 1, NULL) == BRIDGE_ERR_INVALID_UTF8, "a truncated sequence is invalid");
  CHECK(bridge_wtf8_check(NULL, 0, &n16) == BRIDGE_OK && n16 == 0, "NULL with length 0 is empty");
  CHECK(bridge_wtf8_check(NULL, 3, &n16) == BRIDGE_ERR_NULL_POINTER && strstr(last_error(), "NULL") != NULL, "NULL with a length is refused, naming it");
  CHECK(bridge_wtf8_check((const uint8_t *)"a", (size_t)PTRDIFF_MAX + 1, &n16) == BRIDGE_ERR_BAD_LENGTH, "a length beyond PTRDIFF_MAX is refused");
  CHECK(bridge_utf16_to_wtf8((const uint16_t *)((const uint8_t *)lone + 1), 1, bytes, sizeof bytes, &nb) == BRIDGE_ERR_BAD_ARGUMENT,
        "a misaligned uint16_t pointer is refused");
}

/* ---- buffers --------------------------------------------------------------- */

static void test_buffers(void) {
  bridge_buffer_format_t f;
  CHECK(bridge_buffer_format_parse((const uint8_t *)"<i", 2, &f) == BRIDGE_OK && f.kind == BRIDGE_ELEMENT_KIND_INT32 && f.itemsize == 4 &&
            f.byte_order == BRIDGE_BYTE_ORDER_LITTLE && f.native_order && strcmp(f.typed_array, "Int32Array") == 0,
        "format <i is a little-endian Int32Array");
  CHECK(bridge_buffer_format_parse((const uint8_t *)"d", 1, &f) == BRIDGE_OK && f.kind == BRIDGE_ELEMENT_KIND_FLOAT64 && f.itemsize == 8,
        "format d is Float64Array");
  CHECK(bridge_buffer_format_parse((const uint8_t *)">H", 2, &f) == BRIDGE_OK && !f.native_order, "format >H is not native order");
  CHECK(bridge_buffer_format_parse((const uint8_t *)"P", 1, &f) == BRIDGE_ERR_UNSUPPORTED_FORMAT, "format P has no typed array");
  CHECK(bridge_buffer_format_parse((const uint8_t *)"<<", 2, &f) == BRIDGE_ERR_MALFORMED_FORMAT, "format << is malformed");
  uint32_t kind = 99;
  CHECK(bridge_element_kind_from_typed_array((const uint8_t *)"Float32Array", 12, &kind) == BRIDGE_OK && kind == BRIDGE_ELEMENT_KIND_FLOAT32,
        "kind from a typed-array name");
  CHECK(bridge_element_kind_typed_array(999) == NULL, "an unknown kind has no name");

  /* A 3x4 int32 matrix, and its transpose as strides. */
  int32_t m[12];
  for (int i = 0; i < 12; i++) m[i] = i;
  int64_t shape[2] = {3, 4};
  bridge_buffer_t b = {(const uint8_t *)m, sizeof m, 0, (const uint8_t *)"i", 1, 2, shape, NULL, false};
  bridge_buffer_info_t info;
  CHECK(bridge_buffer_check(&b, &info) == BRIDGE_OK && info.len == 12 && info.c_contiguous && info.view_len == 12,
        "a 3x4 C-contiguous layout");
  int64_t tshape[2] = {4, 3};
  int64_t tstrides[2] = {4, 16};
  bridge_buffer_t tb = {(const uint8_t *)m, sizeof m, 0, (const uint8_t *)"i", 1, 2, tshape, tstrides, true};
  CHECK(bridge_buffer_check(&tb, &info) == BRIDGE_OK && !info.c_contiguous && info.f_contiguous, "its transpose is F-contiguous");
  int64_t too_far[2] = {4, 4};
  bridge_buffer_t bad = {(const uint8_t *)m, sizeof m, 0, (const uint8_t *)"i", 1, 2, too_far, NULL, false};
  CHECK(bridge_buffer_check(&bad, &info) == BRIDGE_ERR_INVALID_BUFFER, "a shape past the bytes is refused");
  int64_t neg[2] = {-1, 4};
  bad.shape = neg;
  CHECK(bridge_buffer_check(&bad, &info) == BRIDGE_ERR_INVALID_BUFFER, "a negative extent is refused");
  bad.shape = NULL;
  CHECK(bridge_buffer_check(&bad, &info) == BRIDGE_ERR_NULL_POINTER, "shape NULL with ndim 2");
}

/* ---- status strings -------------------------------------------------------- */

static void test_status(void) {
  CHECK(bridge_abi_version() == BRIDGE_ABI_VERSION, "abi_version");
  CHECK(strcmp(bridge_status_name(BRIDGE_ERR_FORGED_KEY), "BRIDGE_ERR_FORGED_KEY") == 0, "status_name");
  CHECK(strcmp(bridge_status_python_class(BRIDGE_ERR_FORGED_KEY), "ValueError") == 0, "forged key is a ValueError in Python");
  CHECK(strcmp(bridge_status_js_class(BRIDGE_ERR_FORGED_KEY), "TypeError") == 0, "and a TypeError in JS");
  CHECK(strcmp(bridge_status_python_class(BRIDGE_ERR_LONE_SURROGATE), "UnicodeEncodeError") == 0, "lone surrogate: UnicodeEncodeError");
  CHECK(strcmp(bridge_status_name(12345), "BRIDGE_ERR_UNKNOWN") == 0, "an unknown status has a name too");
  size_t need = bridge_last_error_message(NULL, 0);
  CHECK(need > 0, "last_error_message(NULL, 0) gives the length");
  char small[4];
  bridge_last_error_message((uint8_t *)small, sizeof small);
  CHECK(small[3] == '\0', "a short buffer gets a NUL-terminated prefix");
}

int main(void) {
  test_tables();
  test_values();
  test_strings();
  test_buffers();
  test_status();
  if (failures == 0) {
    printf("all %d checks passed\n", checks);
  } else {
    printf("%d of %d checks FAILED\n", failures, checks);
  }
  return failures;
}
