/*
 * capi_test.c: the bridge C ABI exercised from C (C11, the header and libc only).
 *
 * Prints one line per check ("ok N - what" or "FAIL N - what: detail") and ends with
 * "all N checks passed" (exit 0) or "F of N checks failed" (exit 1).
 *
 * Both builds are run by `cargo xtask test` (xtask/src/lua.rs): natively with the
 * host `cc`, and for wasm32-wasi with clang-19, in Node through tests/c/run-wasi.mjs.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bridge.h"

static int checks = 0;
static int failures = 0;

static void check(int ok, const char *what, const char *detail) {
    checks++;
    if (ok) {
        printf("ok %d - %s\n", checks, what);
    } else {
        failures++;
        printf("FAIL %d - %s: %s\n", checks, what, detail ? detail : "");
    }
}

/* The last error message, for details and exact-message checks. */
static const char *last_message(void) {
    static uint8_t buf[512];
    bridge_last_error_message(buf, sizeof buf);
    return (const char *)buf;
}

static void check_status(bridge_status_t got, bridge_status_t want, const char *what) {
    char detail[700];
    snprintf(detail, sizeof detail, "got %s (%d), want %s; last error: %s", bridge_status_name(got),
             (int)got, bridge_status_name(want), last_message());
    check(got == want, what, detail);
}

static void check_u64(uint64_t got, uint64_t want, const char *what) {
    char detail[128];
    snprintf(detail, sizeof detail, "got %llu (0x%llx), want %llu (0x%llx)", (unsigned long long)got,
             (unsigned long long)got, (unsigned long long)want, (unsigned long long)want);
    check(got == want, what, detail);
}

static void check_str(const char *got, const char *want, const char *what) {
    char detail[1200];
    snprintf(detail, sizeof detail, "got \"%s\", want \"%s\"", got ? got : "(null)", want);
    check(got != NULL && strcmp(got, want) == 0, what, detail);
}

static void check_last_error(const char *want, const char *what) { check_str(last_message(), want, what); }

/* ---- release callbacks ------------------------------------------------------------------- */

typedef struct {
    int calls;
    uint32_t table;
    uint64_t key;
    uint64_t payload;
    uint64_t payload_sum;
    int reenter;                     /* call bridge_table_free on the own table from inside */
    bridge_status_t reentrant_status; /* what that inner call returned */
} release_log_t;

static void on_release(void *ctx, uint32_t table, uint64_t key, uint64_t payload) {
    release_log_t *log = ctx;
    log->calls++;
    log->table = table;
    log->key = key;
    log->payload = payload;
    log->payload_sum += payload;
    if (log->reenter) {
        log->reentrant_status = bridge_table_free(table, NULL);
    }
}

static uint64_t make_key(uint64_t table, uint64_t generation, uint64_t index) {
    return table << BRIDGE_KEY_TABLE_SHIFT | generation << BRIDGE_KEY_GENERATION_SHIFT | index;
}

static void test_status_names(void) {
    check_u64(bridge_abi_version(), 1, "bridge_abi_version() == 1");
    check_str(bridge_status_name(BRIDGE_ERR_FORGED_KEY), "BRIDGE_ERR_FORGED_KEY", "status name");
    check_str(bridge_status_name(BRIDGE_OK), "BRIDGE_OK", "status name of OK");
    check_str(bridge_status_name(999), "BRIDGE_ERR_UNKNOWN", "unknown status name");
    check_str(bridge_status_python_class(BRIDGE_ERR_FORGED_KEY), "ValueError", "python class");
    check_str(bridge_status_js_class(BRIDGE_ERR_FORGED_KEY), "TypeError", "js class");
    check_str(bridge_status_python_class(BRIDGE_OK), "", "python class of OK is empty");
    check_str(bridge_status_python_class(-1), "SystemError", "python class of unknown");
    check_str(bridge_status_js_class(-1), "Error", "js class of unknown");
    check_str(bridge_status_python_class(BRIDGE_ERR_LONE_SURROGATE), "UnicodeEncodeError",
              "lone surrogate is UnicodeEncodeError");
}

static void test_table_lifecycle(void) {
    release_log_t log = {0};
    uint32_t t = 0;
    check_status(bridge_table_new(on_release, &log, 0, &t), BRIDGE_OK, "table_new");
    check(t >= 1 && t <= BRIDGE_MAX_TABLES, "table id in 1..=255", NULL);

    uint64_t a = 0, b = 0, payload = 0;
    check_status(bridge_table_insert(t, 0x1234, &a), BRIDGE_OK, "insert a");
    check_status(bridge_table_insert(t, UINT64_MAX, &b), BRIDGE_OK, "insert b");
    check_u64(a, make_key(t, 1, 1), "first key is table|gen 1|index 1");
    check(a < BRIDGE_KEY_LIMIT && (uint64_t)(double)a == a, "key is exact as a double (< 2^53)", NULL);
    check_status(bridge_table_get(t, b, &payload), BRIDGE_OK, "get b");
    check_u64(payload, UINT64_MAX, "payload UINT64_MAX kept");

    uint32_t rc = 0;
    check_status(bridge_table_incref(t, a, &rc), BRIDGE_OK, "incref");
    check_u64(rc, 2, "refcount 2");
    check_status(bridge_table_decref(t, a, &rc), BRIDGE_OK, "decref to 1");
    check_u64((uint64_t)log.calls, 0, "no release at refcount 1");
    check_status(bridge_table_decref(t, a, &rc), BRIDGE_OK, "decref to 0");
    check_u64(rc, 0, "refcount 0");
    check_u64((uint64_t)log.calls, 1, "release callback called once");
    check(log.table == t && log.key == a && log.payload == 0x1234, "callback got table, key, payload",
          NULL);
    check_status(bridge_table_decref(t, a, &rc), BRIDGE_ERR_STALE_KEY, "decref of a released key");
    check_u64((uint64_t)log.calls, 1, "still one release after a stale decref");

    char want[256];
    snprintf(want, sizeof want,
             "bridge_table_decref: stale key 0x%llx: its entry was released (reference count reached 0)",
             (unsigned long long)a);
    check_last_error(want, "stale-key message");
    check_status(bridge_last_error_status(), BRIDGE_ERR_STALE_KEY, "last error status");

    check_status(bridge_table_destroy(t, b), BRIDGE_OK, "destroy b");
    check_u64((uint64_t)log.calls, 2, "destroy released b");
    check_status(bridge_table_get(t, b, &payload), BRIDGE_ERR_DESTROYED_KEY, "get after destroy");
    snprintf(want, sizeof want, "bridge_table_get: key 0x%llx was used after its entry was destroyed",
             (unsigned long long)b);
    check_last_error(want, "destroyed-key message");

    /* Success leaves the last error alone. */
    check_status(bridge_table_insert(t, 7, &a), BRIDGE_OK, "insert again");
    check_status(bridge_last_error_status(), BRIDGE_ERR_DESTROYED_KEY, "success keeps the last error");
    bridge_clear_error();
    check_status(bridge_last_error_status(), BRIDGE_OK, "clear_error");
    check(bridge_last_error_message(NULL, 0) == 0, "cleared message is empty", NULL);

    bridge_table_stats_t st = {0};
    check_status(bridge_table_stats(t, &st), BRIDGE_OK, "stats");
    check(st.live == 1 && st.retired == 0 && st.capacity == BRIDGE_KEY_MAX_INDEX, "stats values",
          NULL);

    /* Re-entrancy: freeing the own table from the release callback. */
    log.reenter = 1;
    uint64_t released = 0;
    check_status(bridge_table_free(t, &released), BRIDGE_OK, "table_free");
    check_u64(released, 1, "table_free released 1 entry");
    check_u64((uint64_t)log.calls, 3, "three releases in all, one per entry");
    check_status(log.reentrant_status, BRIDGE_ERR_REENTRANT, "free from inside its own release");
    check_status(bridge_table_get(t, a, &payload), BRIDGE_ERR_NO_SUCH_TABLE, "key of a freed table");
    check_status(bridge_table_stats(t, &st), BRIDGE_ERR_NO_SUCH_TABLE, "stats of a freed table");
}

static void test_keys(void) {
    bridge_key_parts_t p = {0};
    uint64_t max = make_key(255, BRIDGE_KEY_MAX_GENERATION, BRIDGE_KEY_MAX_INDEX);
    check_u64(max, BRIDGE_KEY_LIMIT - 1, "largest key is 2^53 - 1");
    check_status(bridge_key_parts(max, &p), BRIDGE_OK, "parts of the largest key");
    check(p.table == 255 && p.generation == 2097151 && p.index == 16777215, "largest key's parts",
          NULL);
    check_status(bridge_key_parts(make_key(1, 1, 1), &p), BRIDGE_OK, "parts of the smallest key");
    check(p.table == 1 && p.generation == 1 && p.index == 1, "smallest key's parts", NULL);
    check_status(bridge_key_parts(BRIDGE_KEY_LIMIT, &p), BRIDGE_ERR_KEY_OUT_OF_RANGE, "bit 53 set");
    check_last_error("bridge_key_parts: key 0x20000000000000 is out of range: bits 53..63 must be 0 "
                     "(keys are below 2^53)",
                     "out-of-range message");
    check_status(bridge_key_parts(UINT64_MAX, &p), BRIDGE_ERR_KEY_OUT_OF_RANGE, "all bits set");
    check_status(bridge_key_parts(make_key(0, 1, 1), &p), BRIDGE_ERR_NO_SUCH_TABLE, "table id 0");
    check_status(bridge_key_parts(make_key(1, 1, 0), &p), BRIDGE_ERR_FORGED_KEY, "index 0");
    check_status(bridge_key_parts(make_key(1, 0, 1), &p), BRIDGE_ERR_FORGED_KEY, "generation 0");
    check_status(bridge_key_parts(1, NULL), BRIDGE_ERR_NULL_POINTER, "parts into NULL");

    /* Forged, wrong-table and classified keys against live tables. */
    uint32_t t = 0, u = 0, state = 99;
    uint64_t k = 0, ku = 0, payload = 0;
    check_status(bridge_table_new(NULL, NULL, 4, &t), BRIDGE_OK, "table t (capacity 4)");
    check_status(bridge_table_new(NULL, NULL, 0, &u), BRIDGE_OK, "table u");
    check_status(bridge_table_insert(t, 1, &k), BRIDGE_OK, "insert into t");
    check_status(bridge_table_insert(u, 2, &ku), BRIDGE_OK, "insert into u");
    uint64_t forged = make_key(t, 1, 999);
    check_status(bridge_table_get(t, forged, &payload), BRIDGE_ERR_FORGED_KEY, "never-issued index");
    char want[256];
    snprintf(want, sizeof want,
             "bridge_table_get: forged key 0x%llx: its slot index or generation was never issued",
             (unsigned long long)forged);
    check_last_error(want, "forged-key message");
    check_status(bridge_table_get(t, make_key(t, 2, 1), &payload), BRIDGE_ERR_FORGED_KEY,
                 "never-reached generation");
    check_status(bridge_table_get(t, ku, &payload), BRIDGE_ERR_WRONG_TABLE, "key of another table");
    snprintf(want, sizeof want, "bridge_table_get: key 0x%llx belongs to table %u, not to table %u",
             (unsigned long long)ku, u, t);
    check_last_error(want, "wrong-table message");
    check_status(bridge_table_get(0, k, &payload), BRIDGE_ERR_NO_SUCH_TABLE, "table 0");
    check_status(bridge_table_get(t, k, NULL), BRIDGE_ERR_NULL_POINTER, "get into NULL");
    check_last_error("bridge_table_get: out_payload is NULL", "null-pointer message");

    bridge_clear_error();
    struct {
        uint64_t key;
        uint32_t want;
        const char *what;
    } cases[] = {
        {k, BRIDGE_KEY_LIVE, "classify live"},
        {k | (1ull << 53), BRIDGE_KEY_OUT_OF_RANGE, "classify out of range"},
        {make_key(0, 1, 1), BRIDGE_KEY_NO_SUCH_TABLE, "classify table 0"},
        {ku, BRIDGE_KEY_WRONG_TABLE, "classify wrong table"},
        {forged, BRIDGE_KEY_FORGED, "classify forged"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        state = 99;
        check_status(bridge_table_classify(t, cases[i].key, &state), BRIDGE_OK, "classify returns OK");
        check_u64(state, cases[i].want, cases[i].what);
    }
    check_status(bridge_last_error_status(), BRIDGE_OK, "classify leaves the last error alone");

    /* Capacity. */
    uint64_t tmp = 0;
    for (int i = 0; i < 3; i++) bridge_table_insert(t, 10 + (uint64_t)i, &tmp);
    check_status(bridge_table_insert(t, 99, &tmp), BRIDGE_ERR_CAPACITY, "fifth insert into capacity 4");
    uint64_t released = 0;
    check_status(bridge_table_free(t, &released), BRIDGE_OK, "free t");
    check_u64(released, 4, "t released 4");
    check_status(bridge_table_free(u, NULL), BRIDGE_OK, "free u");
}

static void test_value_layout(void) {
    uint32_t l[BRIDGE_VALUE_LAYOUT_LEN] = {0};
    check_status(bridge_value_layout(l), BRIDGE_OK, "value_layout");
    check_u64(l[0], sizeof(bridge_value_t), "sizeof(bridge_value_t)");
    check_u64(l[1], offsetof(bridge_value_t, as), "offsetof(bridge_value_t, as)");
    check_u64(l[2], sizeof(bridge_value_payload_t), "sizeof(bridge_value_payload_t)");
    check_u64(l[3], offsetof(bridge_value_t, as.handle.key), "offsetof(as.handle.key)");
    check_u64(l[4], offsetof(bridge_value_t, as.string.len), "offsetof(as.string.len)");
    check_u64(l[5], sizeof(bridge_buffer_t), "sizeof(bridge_buffer_t)");
    check_u64(l[6], alignof(bridge_value_t), "alignof(bridge_value_t)");
    check_u64(l[7], sizeof(void *), "sizeof(void *)");
    check_u64(offsetof(bridge_value_t, tag), 0, "tag @0");
    check_u64(offsetof(bridge_value_t, _reserved), 4, "_reserved @4");
    check_u64(offsetof(bridge_value_t, as.boolean), 8, "bool @8");
    check_u64(offsetof(bridge_value_t, as.integer), 8, "integer @8");
    check_u64(offsetof(bridge_value_t, as.handle.table), 8, "handle.table @8");
    if (sizeof(void *) == 4) {
        check_u64(sizeof(bridge_value_t), 48, "wasm32: value is 48 bytes");
        check_u64(offsetof(bridge_value_t, as.bigint.len), 12, "wasm32: bytes.len @12");
    }
}

static void test_integers(void) {
    const int64_t max = 9007199254740991; /* 2^53 - 1 */
    struct {
        int64_t n;
        uint32_t tag;
        size_t len;
    } cases[] = {
        {0, BRIDGE_VALUE_INT, 0},
        {max, BRIDGE_VALUE_INT, 0},
        {-max, BRIDGE_VALUE_INT, 0},
        {max + 1, BRIDGE_VALUE_BIGINT, 7},
        {-max - 1, BRIDGE_VALUE_BIGINT, 7},
        {INT64_MAX, BRIDGE_VALUE_BIGINT, 8},
        {INT64_MIN, BRIDGE_VALUE_BIGINT, 8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bridge_value_t v;
        uint8_t storage[8];
        char what[96];
        snprintf(what, sizeof what, "set_int(%lld)", (long long)cases[i].n);
        check_status(bridge_value_set_int(&v, cases[i].n, storage), BRIDGE_OK, what);
        check(v.tag == cases[i].tag, what, bridge_value_type_name(v.tag));
        check(bridge_int_crosses_as_number(cases[i].n) == (cases[i].tag == BRIDGE_VALUE_INT),
              "int_crosses_as_number agrees", NULL);
        if (v.tag == BRIDGE_VALUE_INT) {
            check(v.as.integer == cases[i].n, "INT payload", NULL);
        } else {
            int64_t back = 0;
            check(v.as.bigint.ptr == storage && v.as.bigint.len == cases[i].len, "BIGINT bytes in storage",
                  NULL);
            check_status(bridge_bigint_to_i64(v.as.bigint.ptr, v.as.bigint.len, &back), BRIDGE_OK,
                         "bigint_to_i64");
            check(back == cases[i].n, "bigint bytes round trip", NULL);
        }
        check_status(bridge_value_check(&v), BRIDGE_OK, "value_check of set_int");
    }
    bridge_value_t v;
    check_status(bridge_value_set_number(&v, -0.0), BRIDGE_OK, "set_number(-0.0)");
    check(v.tag == BRIDGE_VALUE_FLOAT, "-0.0 stays a float", bridge_value_type_name(v.tag));
    check_status(bridge_value_set_number(&v, 9007199254740992.0), BRIDGE_OK, "set_number(2^53)");
    check(v.tag == BRIDGE_VALUE_FLOAT, "2^53 is a float", bridge_value_type_name(v.tag));
    check_status(bridge_value_set_number(&v, 9007199254740991.0), BRIDGE_OK, "set_number(2^53-1)");
    check(v.tag == BRIDGE_VALUE_INT && v.as.integer == max, "2^53 - 1 is an int", NULL);

    /* A bool byte of 2 (as C can store it) is refused. */
    memset(&v, 0, sizeof v);
    v.tag = BRIDGE_VALUE_BOOL;
    memset(&v.as, 2, 1);
    check_status(bridge_value_check(&v), BRIDGE_ERR_BAD_ARGUMENT, "bool byte 2");
    check_last_error("bridge_value_check: as.boolean: a bool must be 0 or 1, not 2", "bool message");
    v.tag = 42;
    check_status(bridge_value_check(&v), BRIDGE_ERR_BAD_ARGUMENT, "unknown tag");
    check_str(bridge_value_type_name(BRIDGE_VALUE_STRING), "str", "type name of STRING");
    check_str(bridge_value_type_name(42), "unknown", "type name of an unknown tag");

    /* Decimal round trips. */
    const char *big = "-123456789012345678901234567890123456789";
    uint8_t bytes[32];
    size_t n = 0;
    check_status(bridge_bigint_from_decimal((const uint8_t *)big, strlen(big), NULL, 0, &n),
                 BRIDGE_ERR_OUTPUT_TOO_SMALL, "from_decimal size query");
    check_u64(n, 16, "from_decimal needs 16 bytes (-1.2e38 > -2^127)");
    check_status(bridge_bigint_from_decimal((const uint8_t *)big, strlen(big), bytes, sizeof bytes, &n),
                 BRIDGE_OK, "from_decimal");
    char text[64];
    size_t tn = 0;
    check_status(bridge_bigint_to_decimal(bytes, n, (uint8_t *)text, sizeof text, &tn), BRIDGE_OK,
                 "to_decimal");
    text[tn] = 0;
    check_str(text, big, "decimal round trip");
    check_status(bridge_bigint_to_i64(bytes, n, &(int64_t){0}), BRIDGE_ERR_INTEGER_OVERFLOW,
                 "too big for int64");
    check_status(bridge_bigint_from_decimal((const uint8_t *)"+1", 2, bytes, sizeof bytes, &n),
                 BRIDGE_ERR_MALFORMED_BIGINT, "'+1' is malformed");
    check_last_error("bridge_bigint_from_decimal: malformed big integer \"+1\": not a decimal digit",
                     "malformed-bigint message");
}

static void test_strings(void) {
    const uint8_t astral[] = "a\xf0\x9f\x98\x80" "b"; /* a😀b */
    const size_t astral_len = sizeof astral - 1;
    uint16_t units[8] = {0};
    size_t n = 0;
    check_status(bridge_wtf8_check(astral, astral_len, &n), BRIDGE_OK, "wtf8_check a😀b");
    check_u64(n, 4, "a😀b is 4 UTF-16 units");
    check_status(bridge_wtf8_to_utf16(astral, astral_len, NULL, 0, &n), BRIDGE_ERR_OUTPUT_TOO_SMALL,
                 "utf16 size query");
    check_u64(n, 4, "size query says 4");
    check_status(bridge_wtf8_to_utf16(astral, astral_len, units, 3, &n), BRIDGE_ERR_OUTPUT_TOO_SMALL,
                 "cap 3 too small");
    check_last_error("bridge_wtf8_to_utf16: the output needs 4 UTF-16 units but cap is 3",
                     "output-too-small message");
    check_status(bridge_wtf8_to_utf16(astral, astral_len, units, 8, &n), BRIDGE_OK, "to utf16");
    check(n == 4 && units[0] == 0x61 && units[1] == 0xd83d && units[2] == 0xde00 && units[3] == 0x62,
          "a😀b units", NULL);
    uint8_t back[16];
    check_status(bridge_utf16_to_utf8(units, 4, back, sizeof back, &n), BRIDGE_OK, "utf16 to utf8");
    check(n == astral_len && memcmp(back, astral, n) == 0, "a😀b round trip", NULL);

    const uint16_t lone[] = {0x61, 0xd800, 0x62};
    check_status(bridge_utf16_to_wtf8(lone, 3, back, sizeof back, &n), BRIDGE_OK, "lone to wtf8");
    check(n == 5 && memcmp(back, "a\xed\xa0\x80" "b", 5) == 0, "lone surrogate is ED A0 80", NULL);
    check_status(bridge_wtf8_to_utf16(back, n, units, 8, &n), BRIDGE_OK, "wtf8 back to utf16");
    check(n == 3 && units[1] == 0xd800, "lone surrogate round trip", NULL);
    check_status(bridge_utf16_to_utf8(lone, 3, back, sizeof back, &n), BRIDGE_ERR_LONE_SURROGATE,
                 "strict utf8 refuses a lone surrogate");
    check_last_error("bridge_utf16_to_utf8: lone surrogate 0xd800 at UTF-16 offset 1 cannot become a "
                     "Rust string",
                     "lone-surrogate message");
    check_status(bridge_wtf8_check((const uint8_t *)"ab\x80", 3, NULL), BRIDGE_ERR_INVALID_UTF8,
                 "invalid utf8");
    check_last_error("bridge_wtf8_check: invalid UTF-8 at byte 2: unexpected continuation byte",
                     "invalid-utf8 message");
    check_status(bridge_wtf8_check(NULL, 0, NULL), BRIDGE_OK, "NULL with len 0 is empty");
    check_status(bridge_wtf8_check(NULL, 1, NULL), BRIDGE_ERR_NULL_POINTER, "NULL with len 1");
    const uint16_t *odd = (const uint16_t *)((const uint8_t *)units + 1);
    check_status(bridge_utf16_to_wtf8(odd, 1, back, sizeof back, &n), BRIDGE_ERR_BAD_ARGUMENT,
                 "misaligned utf16");
    check_status(bridge_utf16_to_wtf8(lone, SIZE_MAX, back, sizeof back, &n), BRIDGE_ERR_BAD_LENGTH,
                 "len > isize::MAX");
}

static void test_buffers(void) {
    bridge_buffer_format_t f;
    check_status(bridge_buffer_format_parse((const uint8_t *)"<i", 2, &f), BRIDGE_OK, "parse <i");
    check(f.kind == BRIDGE_ELEMENT_KIND_INT32 && f.itemsize == 4 &&
              f.byte_order == BRIDGE_BYTE_ORDER_LITTLE && f.native_order,
          "<i is little-endian Int32", NULL);
    check_str(f.typed_array, "Int32Array", "<i typed array");
    check_status(bridge_buffer_format_parse((const uint8_t *)"d", 1, &f), BRIDGE_OK, "parse d");
    check(f.kind == BRIDGE_ELEMENT_KIND_FLOAT64 && f.itemsize == 8 &&
              f.byte_order == BRIDGE_BYTE_ORDER_NATIVE,
          "d is native Float64", NULL);
    check_status(bridge_buffer_format_parse((const uint8_t *)">d", 2, &f), BRIDGE_OK, "parse >d");
    check(!f.native_order && f.byte_order == BRIDGE_BYTE_ORDER_BIG, ">d needs a byte swap", NULL);
    check_status(bridge_buffer_format_parse((const uint8_t *)"l", 1, &f), BRIDGE_OK, "parse l");
    check(f.itemsize == 4, "l is 4 bytes (wasm32 ABI on every host)", NULL);
    check_status(bridge_buffer_format_parse((const uint8_t *)"ii", 2, &f), BRIDGE_ERR_UNSUPPORTED_FORMAT,
                 "ii unsupported");
    check_status(bridge_buffer_format_parse((const uint8_t *)"y", 1, &f), BRIDGE_ERR_MALFORMED_FORMAT,
                 "y malformed");
    check_str(bridge_element_kind_typed_array(BRIDGE_ELEMENT_KIND_UINT8_CLAMPED), "Uint8ClampedArray",
              "kind name");
    check(bridge_element_kind_typed_array(12) == NULL, "unknown kind is NULL", NULL);
    uint32_t kind = 99;
    check_status(bridge_element_kind_from_typed_array((const uint8_t *)"BigInt64Array", 13, &kind),
                 BRIDGE_OK, "kind from name");
    check_u64(kind, BRIDGE_ELEMENT_KIND_BIGINT64, "BigInt64Array kind");

    /* A 2x3 int32 matrix viewed every other column of a 2x6 one: strided, not contiguous. */
    static const int32_t data[12] = {0};
    const int64_t shape[2] = {2, 3};
    const int64_t strides[2] = {24, 8};
    bridge_buffer_t b = {
        .data = (const uint8_t *)data,
        .byte_len = sizeof data,
        .offset = 0,
        .format = (const uint8_t *)"<i",
        .format_len = 2,
        .ndim = 2,
        .shape = shape,
        .strides = strides,
        .readonly = true,
    };
    bridge_buffer_info_t info;
    check_status(bridge_buffer_check(&b, &info), BRIDGE_OK, "2-D strided buffer");
    check(info.len == 6 && !info.c_contiguous && !info.f_contiguous && info.view_len == 0,
          "strided: 6 elements, no typed-array view", NULL);
    b.strides = NULL;
    check_status(bridge_buffer_check(&b, &info), BRIDGE_OK, "2-D C-contiguous buffer");
    check(info.c_contiguous && info.view_offset == 0 && info.view_len == 6, "contiguous view", NULL);
    b.offset = 28;
    check_status(bridge_buffer_check(&b, &info), BRIDGE_ERR_INVALID_BUFFER, "offset past the end");
    check_last_error("bridge_buffer_check: buffer layout needs 52 bytes but the buffer has 48",
                     "out-of-bounds message");
    b.offset = 0;
    b.shape = NULL;
    check_status(bridge_buffer_check(&b, &info), BRIDGE_ERR_NULL_POINTER, "shape NULL with ndim 2");
    b.shape = shape;
    b.ndim = 65;
    check_status(bridge_buffer_check(&b, &info), BRIDGE_ERR_INVALID_BUFFER, "ndim 65");

    bridge_value_t v = {.tag = BRIDGE_VALUE_BUFFER};
    b.ndim = 2;
    v.as.buffer = b;
    check_status(bridge_value_check(&v), BRIDGE_OK, "value_check of a buffer value");
}

static void test_last_error_copy(void) {
    bridge_key_parts(0, NULL);
    size_t full = bridge_last_error_message(NULL, 0);
    check_u64(full, strlen("bridge_key_parts: out is NULL"), "message length query");
    char small[8];
    memset(small, 'x', sizeof small);
    size_t n = bridge_last_error_message((uint8_t *)small, sizeof small);
    check(n == full && memcmp(small, "bridge_", 7) == 0 && small[7] == 0,
          "truncated copy is NUL-terminated", small);
}

int main(void) {
    test_status_names();
    test_table_lifecycle();
    test_keys();
    test_value_layout();
    test_integers();
    test_strings();
    test_buffers();
    test_last_error_copy();
    if (failures == 0) {
        printf("all %d checks passed\n", checks);
        return 0;
    }
    printf("%d of %d checks failed\n", failures, checks);
    return 1;
}
