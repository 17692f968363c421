// Runs a wasm32-wasi command module (the C ABI's C test) in Node's WASI and
// exits with its status: node bridge-capi/tests/c/run-wasi.mjs capi_test.wasm
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";

const file = process.argv[2];
if (!file) {
  console.error("usage: node run-wasi.mjs MODULE.wasm");
  process.exit(2);
}
const wasi = new WASI({ version: "preview1", args: [file], returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const status = wasi.start(instance);
process.exit(status);
