"""Writes the stdlib zip for the wasm interpreter (run by the native build python).

usage: make_zip.py <Lib dir> <sysconfigdata.py> <out.zip> <mode> <guest zip path> [<extra dir>...]
Each extra dir's files are added at the zip's root as they are (the PEP 561
stub packages: js-stubs, pyodide-stubs, micropip-stubs).
mode: "pyc" (unchecked hash-based .pyc only), "py" (sources only), "both",
or "hybrid": .pyc for the modules named (comma-separated) in the environment
variable BRIDGE_STARTUP_MODULES (those the runtime imports while it starts),
sources for the rest (compiled when first imported; 40% smaller zipped).
Entries are sorted and dated 1980-01-01 so the same inputs give the same bytes.
"""
import importlib.util
import os
import sys
import zipfile

EXCLUDED_TOP = {"test", "idlelib", "tkinter", "turtledemo", "ensurepip", "venv", "site-packages", "__pycache__"}
# Moved to the optional archive (BRIDGE_EXTRA_OUT, loaded with
# loadPython({ fullStdLib: true })): help()'s topic texts, pure-Python
# twins of C modules that are built in, and turtle (needs Tk).
EXTRA_TOP = {"pydoc_data", "_pydecimal.py", "_pyio.py", "_pydatetime.py", "turtle.py"}
EXCLUDED_DIRS = {"__pycache__"}
DATE = (1980, 1, 1, 0, 0, 0)


def files(lib, skip=EXCLUDED_TOP):
    for root, dirs, names in os.walk(lib):
        rel_root = os.path.relpath(root, lib)
        if rel_root == ".":
            dirs[:] = [d for d in dirs if d not in skip]
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
    if mode not in ("pyc", "py", "both", "hybrid"):
        sys.exit(f"unknown mode {mode!r}: expected pyc, py, both or hybrid")
    startup = set()
    startup_names = {}
    for name in filter(None, os.environ.get("BRIDGE_STARTUP_MODULES", "").split(",")):
        base = name.replace(".", "/")
        startup_names[name] = (base + ".py", base + "/__init__.py")
        startup.update(startup_names[name])
    if mode == "hybrid" and not startup:
        sys.exit("mode hybrid needs BRIDGE_STARTUP_MODULES")
    found = set()
    entries = {}
    items = list(files(lib)) + [(os.path.basename(sysconfig_py), sysconfig_py)]
    extra = []
    for d in sys.argv[6:]:
        extra += list(files(d))
    for rel, path in items:
        with open(path, "rb") as f:
            data = f.read()
        if rel.endswith(".py"):
            want_pyc = mode in ("pyc", "both") or (mode == "hybrid" and rel in startup)
            want_py = mode in ("py", "both") or (mode == "hybrid" and rel not in startup)
            found.update({rel} & startup)
            if want_pyc:
                try:
                    entries[rel + "c"] = pyc(data, f"{guest_zip}/{rel}")
                except SyntaxError:
                    # A few files are test data on purpose (e.g. lib2to3-style fixtures): ship the source.
                    entries[rel] = data
                    continue
            if want_py:
                entries[rel] = data
        else:
            entries[rel] = data
    missing = sorted(n for n, paths in startup_names.items() if not found & set(paths))
    if missing:
        sys.exit(f"BRIDGE_STARTUP_MODULES names modules that are not in Lib/: {missing}")
    for rel, path in extra:
        with open(path, "rb") as f:
            entries[rel] = f.read()
    extra_out = os.environ.get("BRIDGE_EXTRA_OUT")
    if extra_out:
        # The optional archive: the EXTRA_TOP modules (in the form the main zip
        # would have held them: sources in hybrid mode), plus each
        # BRIDGE_EXTRA_DIRS folder's files at its root (the tzdata package).
        moved = {}
        for rel in list(entries):
            top = rel.split("/")[0]
            if top in EXTRA_TOP or (top.endswith(".pyc") and top[:-1] in EXTRA_TOP):
                moved[rel] = entries.pop(rel)
        missing = sorted(t for t in EXTRA_TOP if not any(r.split("/")[0] in (t, t + "c") for r in moved))
        if missing:
            sys.exit(f"EXTRA_TOP names what is not in Lib/: {missing}")
        for d in filter(None, os.environ.get("BRIDGE_EXTRA_DIRS", "").split(os.pathsep)):
            for rel, path in files(d, skip=set()):
                with open(path, "rb") as f:
                    moved[rel] = f.read()
        write_zip(extra_out, moved)
    write_zip(out, entries)


def write_zip(out, entries):
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, entries[name])
    os.replace(tmp, out)
    print(f"{os.path.basename(out)}: {len(entries)} entries, {os.path.getsize(out)} bytes")


main()
