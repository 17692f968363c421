// WASI for the interpreter, served from JS by @bjorn3/browser_wasi_shim, with
// the standard library zip in its in-memory file system.

import { WASI, File, OpenFile, ConsoleStdout, PreopenDirectory, Directory } from "@bjorn3/browser_wasi_shim";

/** Where the interpreter looks for its standard library (on the default sys.path). */
export const STDLIB_PATH = "/usr/local/lib/python313.zip";

function dir(entries) {
  return new Directory(new Map(entries));
}

export function createWasi({ stdlib, stdout, stderr, env = {} }) {
  const root = new PreopenDirectory(
    "/",
    new Map([
      ["usr", dir([["local", dir([["lib", dir([["python313.zip", new File(stdlib, { readonly: true })]])]])]])],
      ["tmp", dir([])],
      ["home", dir([])],
    ]),
  );
  const fds = [
    new OpenFile(new File(new Uint8Array(0))), // stdin: empty
    ConsoleStdout.lineBuffered(stdout),
    ConsoleStdout.lineBuffered(stderr),
    root,
  ];
  const vars = {
    PYTHONHOME: "/usr/local",
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    HOME: "/home",
    ...env,
  };
  const wasi = new WASI(["python"], Object.entries(vars).map(([k, v]) => `${k}=${v}`), fds, { debug: false });
  return wasi;
}
