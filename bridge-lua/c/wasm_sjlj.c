/* The runtime side of clang's wasm setjmp/longjmp lowering (LLVM 19,
 * `-mllvm -wasm-enable-sjlj`): setjmp records which function invocation and
 * which label to return to; longjmp throws the __c_longjmp tag (index 1) with
 * a pointer to {env, val}, which the lowered setjmp site catches and tests. */
#include <setjmp.h>

struct jmp_record {
  void *func_invocation_id;
  unsigned int label;
  struct { void *env; int val; } arg;
};

void __wasm_setjmp(void *env, unsigned int label, void *func_invocation_id) {
  struct jmp_record *r = env;
  r->func_invocation_id = func_invocation_id;
  r->label = label;
}

unsigned int __wasm_setjmp_test(void *env, void *func_invocation_id) {
  struct jmp_record *r = env;
  return r->func_invocation_id == func_invocation_id ? r->label : 0;
}

void __wasm_longjmp(void *env, int val) {
  struct jmp_record *r = env;
  r->arg.env = env;
  r->arg.val = val == 0 ? 1 : val;
  __builtin_wasm_throw(1, &r->arg);
}
