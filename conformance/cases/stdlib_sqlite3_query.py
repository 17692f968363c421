# sqlite3 works (SQLite built from Debian's source for wasm32-wasi): an
# in-memory database, a table, parameters, an aggregate, JSON functions, FTS5,
# a Python function registered as SQL, and a file database that is written,
# closed and read back, leaving no lock or journal file (the unix-dotfile VFS: wasm32-wasi has no fcntl locks).
# expect: "3.46; 3; 6.5; [2, 3]; alpha; hello 42; 2 rows from file; ['f.db']"
import sqlite3, os, tempfile
_out = [".".join(sqlite3.sqlite_version.split(".")[:2])]
_db = sqlite3.connect(":memory:")
_db.execute("create table t(name text, x real)")
_db.executemany("insert into t values (?, ?)", [("a", 1.5), ("b", 2), ("c", 3)])
_out.append(_db.execute("select count(*) from t").fetchone()[0])
_out.append(_db.execute("select sum(x) from t").fetchone()[0])
_out.append(_db.execute("select json_extract('{\"v\": [1, 2, 3]}', '$.v[1]')").fetchone()[0] and
            [r[0] for r in _db.execute("select value from json_each('[1, 2, 3]') where value > 1")])
_db.execute("create virtual table docs using fts5(body)")
_db.executemany("insert into docs values (?)", [("alpha beta",), ("gamma delta",)])
_out.append(_db.execute("select body from docs where docs match 'beta'").fetchone()[0].split()[0])
_db.create_function("greet", 2, lambda s, n: f"{s} {n}")
_out.append(_db.execute("select greet('hello', 42)").fetchone()[0])
_db.close()
_dir = tempfile.mkdtemp()
_path = os.path.join(_dir, "f.db")
with sqlite3.connect(_path) as _c:
    _c.execute("create table k(v)")
    _c.executemany("insert into k values (?)", [(1,), (2,)])
_c.close()
_c = sqlite3.connect(_path)
_out.append(f"{_c.execute('select count(*) from k').fetchone()[0]} rows from file")
_c.close()
_out.append(sorted(os.listdir(_dir)))  # no lock file or journal left behind
os.remove(_path)
os.rmdir(_dir)
"; ".join(map(str, _out))
