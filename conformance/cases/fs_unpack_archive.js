// unpackArchive(buffer, format, {extractDir}), as in Pyodide: a zip and a
// gzipped tar made in Python are unpacked from JS bytes and their files read
// back through FS; a tar member that climbs out of the target is refused
// (tar's "data" filter), an unknown format and a buffer that is no archive
// are clear errors (Pyodide raises the same kinds with its own messages:
// "Unrecognized format rar", shutil.ReadError "... is not a zip file").
// expect: ["zip says hi", "tar says hi", "refused", "unknown archive format", "not a valid zip archive"]
const mk = py.runPython(`
import io, tarfile, zipfile
def _conf_archives():
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("pkg/a.txt", "zip says hi")
    t = io.BytesIO()
    with tarfile.open(fileobj=t, mode="w:gz") as f:
        data = b"tar says hi"
        info = tarfile.TarInfo("pkg/b.txt"); info.size = len(data)
        f.addfile(info, io.BytesIO(data))
    evil = io.BytesIO()
    with tarfile.open(fileobj=evil, mode="w") as f:
        info = tarfile.TarInfo("../../conf_escaped.txt"); info.size = 1
        f.addfile(info, io.BytesIO(b"x"))
    return [z.getvalue(), t.getvalue(), evil.getvalue()]
_conf_archives
`);
const [zip, tgz, evil] = mk().toJs();
mk.destroy();
py.unpackArchive(zip, "zip", { extractDir: "/tmp/conf_unpack" });
py.unpackArchive(tgz.buffer.slice(tgz.byteOffset, tgz.byteOffset + tgz.byteLength), "gztar", { extractDir: "/tmp/conf_unpack" });
const out = [
  py.FS.readFile("/tmp/conf_unpack/pkg/a.txt", { encoding: "utf8" }),
  py.FS.readFile("/tmp/conf_unpack/pkg/b.txt", { encoding: "utf8" }),
];
const msg = (f) => {
  try {
    f();
    return "accepted";
  } catch (e) {
    return e.message;
  }
};
const escaped = msg(() => py.unpackArchive(evil, "tar", { extractDir: "/tmp/conf_unpack/inner" }));
out.push(escaped !== "accepted" && !py.FS.analyzePath("/tmp/conf_escaped.txt").exists ? "refused" : escaped);
const m1 = msg(() => py.unpackArchive(zip, "rar"));
out.push(m1.includes("unknown archive format") ? "unknown archive format" : m1);
const m2 = msg(() => py.unpackArchive(new Uint8Array([1, 2, 3]), "zip"));
out.push(m2.includes("not a valid zip archive") ? "not a valid zip archive" : m2);
return out;
