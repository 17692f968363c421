// mountNodeFS(guestPath, hostPath), as in Pyodide (Node only): a host
// directory appears in the interpreter's file system; Python reads what the
// host wrote, and what Python writes, appends, renames, makes and removes
// under the mount happens on the host. A rename out of the mount is EXDEV
// (shutil.move then copies, so it still works); os.utime works on both sides.
// hosts: node
// expect: [["hello.txt", "sub"], "from host", 18, 75, "from host", true, ["d2", "sub"], ["moved.txt"], "from python, more"]
const fs = await import("node:fs");
const os = await import("node:os");
const path = await import("node:path");
const host = fs.mkdtempSync(path.join(os.tmpdir(), "pybridge-mount-"));
try {
  fs.mkdirSync(path.join(host, "sub"));
  fs.writeFileSync(path.join(host, "hello.txt"), "from host");
  py.mountNodeFS("/mnt/conf_host", host);
  globalThis.confMountOut = undefined;
  const r = py.runPython(`
import os, shutil
_r = [sorted(os.listdir("/mnt/conf_host")), open("/mnt/conf_host/hello.txt").read()]
with open("/mnt/conf_host/new.txt", "w") as f:
    f.write("from python")
with open("/mnt/conf_host/new.txt", "a") as f:
    f.write(", more!")
os.truncate("/mnt/conf_host/new.txt", 17)
_r.append(os.path.getsize("/mnt/conf_host/new.txt") + 1)
os.rename("/mnt/conf_host/new.txt", "/mnt/conf_host/sub/moved.txt")
os.mkdir("/mnt/conf_host/d2")
try:
    os.rename("/mnt/conf_host/hello.txt", "/tmp/conf_mount_x.txt")
except OSError as e:
    _r.append(e.errno)
shutil.move("/mnt/conf_host/hello.txt", "/tmp/conf_mount_x.txt")
_r.append(open("/tmp/conf_mount_x.txt").read())
os.remove("/tmp/conf_mount_x.txt")
_r.append(not os.path.exists("/mnt/conf_host/hello.txt"))
_r
`);
  const out = r.toJs();
  r.destroy();
  out.push(fs.readdirSync(host).sort(), fs.readdirSync(path.join(host, "sub")), fs.readFileSync(path.join(host, "sub/moved.txt"), "utf8"));
  return out;
} finally {
  fs.rmSync(host, { recursive: true, force: true });
}
