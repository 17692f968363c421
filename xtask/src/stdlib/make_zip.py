"""Writes the stdlib zip for the wasm interpreter (run by the native build python).

usage: make_zip.py <Lib dir> <sysconfigdata.py> <out.zip> <mode> <guest zip path> [<extra dir>...]
Each extra dir's files are added at the zip's root as they are (the PEP 561
stub packages: js-stubs, pyodide-stubs, micropip-stubs).
mode: "pyc" (unchecked hash-based .pyc only), "py" (sources only), "both".
Entries are sorted and dated 1980-01-01 so the same inputs give the same bytes.
"""
import importlib.util
import os
import sys
import zipfile

EXCLUDED_TOP = {"test", "idlelib", "tkinter", "turtledemo", "ensurepip", "venv", "site-packages", "__pycache__"}
EXCLUDED_DIRS = {"__pycache__"}
DATE = (1980, 1, 1, 0, 0, 0)


def files(lib):
    for root, dirs, names in os.walk(lib):
        rel_root = os.path.relpath(root, lib)
        if rel_root == ".":
            dirs[:] = [d for d in dirs if d not in EXCLUDED_TOP]
        dirs[:] = [d for d in dirs if d not in EXCLUDED_DIRS]
        for n in names:
            rel = os.path.normpath(os.path.join(rel_root, n)).replace(os.sep, "/")
            yield rel, os.path.join(root, n)


def pyc(source, guest_path):
    code = compile(source, guest_path, "exec", dont_inherit=True, optimize=0)
    data = importlib._bootstrap_external._code_to_hash_pyc(
        code, importlib.util.source_hash(source), checked=False)
    return bytes(data)


def main():
    lib, sysconfig_py, out, mode, guest_zip = sys.argv[1:6]
    if mode not in ("pyc", "py", "both"):
        sys.exit(f"unknown mode {mode!r}: expected pyc, py or both")
    entries = {}
    items = list(files(lib)) + [(os.path.basename(sysconfig_py), sysconfig_py)]
    extra = []
    for d in sys.argv[6:]:
        extra += list(files(d))
    for rel, path in items:
        with open(path, "rb") as f:
            data = f.read()
        if rel.endswith(".py"):
            if mode in ("pyc", "both"):
                try:
                    entries[rel + "c"] = pyc(data, f"{guest_zip}/{rel}")
                except SyntaxError:
                    # A few files are test data on purpose (e.g. lib2to3-style fixtures): ship the source.
                    entries[rel] = data
                    continue
            if mode in ("py", "both"):
                entries[rel] = data
        else:
            entries[rel] = data
    for rel, path in extra:
        with open(path, "rb") as f:
            entries[rel] = f.read()
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, entries[name])
    os.replace(tmp, out)
    print(f"{len(entries)} entries, {os.path.getsize(out)} bytes")


main()
