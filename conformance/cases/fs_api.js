// py.FS (the part of Emscripten's FS Pyodide users call) over the
// interpreter's file system: what JS writes Python reads and back; mkdir,
// mkdirTree, readdir (with "." and ".."), stat, rename, unlink, rmdir,
// analyzePath; errors are FSError with the errno name (ENOENT, EEXIST,
// ENOTDIR…); `..` cannot climb above the root.
// expect: ["from js", "from py", [".", "..", "a.txt", "sub"], [true, false, 7], true, ["ENOENT", "EEXIST", "ENOTEMPTY"], [false, "x.txt"], [104, 105], "/etc"]
const FS = py.FS;
const r = [];
FS.mkdirTree("/home/conf_fs/sub/deeper");
FS.writeFile("/home/conf_fs/a.txt", "from js");
r.push(py.runPython("open('/home/conf_fs/a.txt').read()"));
py.runPython("open('/home/conf_fs/b.txt', 'w').write('from py')");
r.push(FS.readFile("/home/conf_fs/b.txt", { encoding: "utf8" }));
FS.unlink("/home/conf_fs/b.txt");
r.push(FS.readdir("/home/conf_fs"));
const st = FS.stat("/home/conf_fs/a.txt");
r.push([FS.isFile(st.mode), FS.isDir(st.mode), st.size]);
FS.rename("/home/conf_fs/a.txt", "/home/conf_fs/c.txt");
r.push(FS.analyzePath("/home/conf_fs/c.txt").exists);
const codes = [];
for (const f of [() => FS.readFile("/home/conf_fs/nope"), () => FS.mkdir("/home/conf_fs/sub"), () => FS.rmdir("/home/conf_fs/sub")]) {
  try {
    f();
    codes.push("no error");
  } catch (e) {
    codes.push(e.code);
  }
}
r.push(codes);
const ap = FS.analyzePath("/home/conf_fs/x.txt");
r.push([ap.exists, ap.name]);
FS.writeFile("/home/conf_fs/bin", new Uint8Array([104, 105]));
r.push(Array.from(FS.readFile("/home/conf_fs/bin")));
r.push(FS.analyzePath("/../../etc").path);
py.runPython("import shutil; shutil.rmtree('/home/conf_fs')");
return r;
