/* libc functions Lua's io/os libraries call that wasm32-wasi does not have. */
#include <errno.h>
#include <stdio.h>

/* io.tmpfile(): returns nil plus the reason ("Not supported"). */
FILE *tmpfile(void) {
  errno = ENOTSUP;
  return NULL;
}
