/* Included before every Lua source file (clang -include): what wasm32-wasi
 * lacks, turned into Lua's own "not supported" answers. */
#ifndef BRIDGE_LUA_WASI_H
#define BRIDGE_LUA_WASI_H
/* os.tmpname: no temporary-name facility; Lua reports "unable to generate a unique filename". */
#define LUA_TMPNAMBUFSIZE 32
#define lua_tmpnam(b, e) { (void)(b); e = 1; }
/* os.execute: no processes; os.execute() says no shell is available. */
#define l_system(cmd) ((cmd) == NULL ? 0 : -1)
#endif
