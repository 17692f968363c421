# POSIX answers from the in-memory file system where browser_wasi_shim gave
# none: mkdir of an existing directory is FileExistsError (the shim reported
# success), open(dir, "w") is IsADirectoryError (the shim opened it), and so
# SQLite's dot-file locks work: a second connection cannot write while the
# first holds a write transaction (both writes succeeded before; CPython's
# test_sqlite3 test_locking / test_raise_timeout).
# expect: "FileExistsError; exist_ok; IsADirectoryError; database is locked; committed 2"
import os, sqlite3, tempfile
out = []
d = tempfile.mkdtemp()
os.mkdir(d + "/x")
try:
    os.mkdir(d + "/x")
    out.append("mkdir twice succeeded")
except FileExistsError:
    out.append("FileExistsError")
os.makedirs(d + "/x", exist_ok=True)
out.append("exist_ok")
try:
    open(d + "/x", "w")
    out.append("opened a directory for writing")
except IsADirectoryError:
    out.append("IsADirectoryError")
path = d + "/t.db"
a = sqlite3.connect(path, timeout=0)
b = sqlite3.connect(path, timeout=0)
a.execute("create table t(v)")
a.commit()
a.execute("insert into t values (1)")  # opens a write transaction in a
try:
    b.execute("insert into t values (2)")
    out.append("second writer succeeded")
except sqlite3.OperationalError as e:
    out.append(str(e))
a.commit()
b.execute("insert into t values (2)")
b.commit()
out.append(f"committed {a.execute('select count(*) from t').fetchone()[0]}")
a.close(); b.close()
os.remove(path); os.rmdir(d + "/x"); os.rmdir(d)
"; ".join(out)
