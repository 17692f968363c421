/* setjmp/longjmp for wasm32-wasi with clang's `-mllvm -wasm-enable-sjlj`.
 *
 * Debian's wasi-libc (2022) has no setjmp. With -wasm-enable-sjlj, clang turns
 * setjmp/longjmp into wasm exception-handling code that calls the three
 * runtime functions in wasm_sjlj.c; a jmp_buf only has to be big enough for
 * their record. Lua raises its errors with longjmp (ldo.c). */
#ifndef BRIDGE_LUA_SETJMP_H
#define BRIDGE_LUA_SETJMP_H

typedef struct {
  void *func_invocation_id;
  unsigned int label;
  struct { void *env; int val; } arg;
} jmp_buf[1];

int setjmp(jmp_buf env);
_Noreturn void longjmp(jmp_buf env, int val);
#define _setjmp setjmp
#define _longjmp longjmp

#endif
