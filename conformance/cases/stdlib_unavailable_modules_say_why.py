# A C module this runtime lacks fails to import with a message saying why
# (docs/stdlib.md), not a bare "No module named '_ctypes'"; it is still a
# ModuleNotFoundError (an ImportError), so `try: import x except ImportError`
# fallbacks keep working, and modules with pure-Python fallbacks (uuid) import.
# expect: "_ctypes: libffi; _ssl: OpenSSL; _posixsubprocess: processes; termios: terminals; mmap: memory-mapped; True; ok"
_out = []
for _mod, _word in [("ctypes", "libffi"), ("ssl", "OpenSSL"), ("_posixsubprocess", "processes"), ("tty", "terminals"), ("mmap", "memory-mapped")]:
    try:
        __import__(_mod)
        _out.append(f"{_mod} imported")
    except ModuleNotFoundError as _e:
        _out.append(f"{_e.name}: {_word}" if _word in str(_e) else str(_e))
try:
    import fcntl
except ImportError:
    _out.append(True)
import uuid
_out.append("ok" if uuid.uuid4().version == 4 else "bad")
"; ".join(map(str, _out))
