# Files in the in-memory file system have times (browser_wasi_shim reported
# 1970 for everything, so zipfile.write() of a file made here raised "ZIP does
# not support timestamps before 1980" and os.utime did nothing), the times
# reach the guest at WASI's offsets (the shim wrote them where the size's
# high bytes are: a file's size must survive a 2023 mtime), and writing a
# file moves its mtime.
# expect: "[5000, True, [1700000000.0, 1700000100.0, 5000], [2023, 11, 14], True, True]"
import io, os, tempfile, time, zipfile
d = tempfile.mkdtemp()
p = os.path.join(d, "a.txt")
with open(p, "w") as f:
    f.write("hello" * 1000)
st = os.stat(p)
out = [st.st_size, abs(st.st_mtime - time.time()) < 60]
os.utime(p, (1_700_000_000, 1_700_000_100))
st = os.stat(p)
out.append([st.st_atime, st.st_mtime, st.st_size])
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.write(p, "a.txt")
out.append(list(zipfile.ZipFile(buf).getinfo("a.txt").date_time[:3]))
with open(p, "a") as f:
    f.write("x")
out.append(os.stat(p).st_mtime > 1_700_000_100)
out.append(abs(os.stat(d).st_mtime - time.time()) < 60)
os.remove(p)
os.rmdir(d)
repr(out)
