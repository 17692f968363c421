"""Installing pure-Python wheels into the interpreter's site-packages (what
`loadPackage` and `micropip.install` run).

A wheel is checked before anything is written: its file name must name a
pure-Python wheel (ABI `none`, platform `any`), every file must be listed in
its RECORD with the right sha256 and size, and its declared dependencies
(`Requires-Dist`, markers evaluated for this interpreter) must be installed
already or among the wheels of the same call, which are then installed in
dependency order. Version specifiers of dependencies are checked too.
"""

import base64
import hashlib
import io
import os
import re
import sys
import zipfile

__all__ = ["install", "installed", "WheelError", "site_packages"]


class WheelError(ValueError):
    """A wheel that cannot be installed here; the message names the wheel and why."""


def site_packages():
    """Where wheels go: the first site-packages directory, created and put on
    `sys.path` on first use (site skips directories that did not exist at
    start-up)."""
    import site

    path = site.getsitepackages()[0]
    os.makedirs(path, exist_ok=True)
    if path not in sys.path:
        site.addsitedir(path)
    return path


def canonical(name):
    """PEP 503's normalized project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


_WHEEL_NAME = re.compile(
    r"^(?P<name>[^-]+)-(?P<version>[^-]+)(-(?P<build>\d[^-]*))?-(?P<py>[^-]+)-(?P<abi>[^-]+)-(?P<plat>[^-]+)\.whl$"
)


def parse_filename(filename):
    """`(name, version, python_tag, abi_tag, platform_tag)` of a wheel file name."""
    base = os.path.basename(filename)
    m = _WHEEL_NAME.match(base)
    if not m:
        raise WheelError(f"{base!r} is not a wheel file name (name-version[-build]-python-abi-platform.whl)")
    return m["name"], m["version"], m["py"], m["abi"], m["plat"]


def check_pure(filename):
    name, version, py, abi, plat = parse_filename(filename)
    if abi != "none" or plat != "any":
        raise WheelError(
            f"{os.path.basename(filename)} is a platform wheel (ABI {abi}, platform {plat}): "
            "only pure-Python wheels (…-none-any.whl) can be installed in this interpreter"
        )
    tags = py.split(".")
    ok = any(t.startswith("py3") or t == f"cp{sys.version_info[0]}{sys.version_info[1]}" or t == "py2.py3" for t in tags)
    if not ok:
        raise WheelError(f"{os.path.basename(filename)} is for Python {py}, not Python 3")
    return name, version


# -- versions and specifiers (PEP 440, the common subset) -------------------

_VERSION = re.compile(r"^v?(\d+(?:\.\d+)*)(?:(a|b|rc|alpha|beta|c|pre|preview)\.?(\d*))?(?:[-_.]?(post|rev|r)\.?(\d*))?(?:[-_.]?(dev)\.?(\d*))?(?:\+.*)?$", re.I)


def version_key(text):
    """A sortable key for a PEP 440 version (release, pre, post, dev)."""
    m = _VERSION.match(text.strip())
    if not m:
        raise WheelError(f"cannot read the version {text!r}")
    release = tuple(int(x) for x in m[1].split("."))
    while len(release) > 1 and release[-1] == 0:
        release = release[:-1]
    pre_kind = {"alpha": "a", "beta": "b", "c": "rc", "pre": "rc", "preview": "rc"}.get((m[2] or "").lower(), (m[2] or "").lower())
    pre = (0, {"a": 1, "b": 2, "rc": 3}[pre_kind], int(m[3] or 0)) if m[2] else (1,)
    post = int(m[5] or 0) if m[4] else -1
    dev = int(m[7] or 0) if m[6] else float("inf")
    if m[6] and not m[2] and not m[4]:
        pre = (-1,)  # 1.0.dev1 sorts before 1.0a1
    return (release, pre, post, dev)


def _release(text):
    return [int(x) for x in _VERSION.match(text.strip())[1].split(".")]


def satisfies(version, spec):
    """Whether `version` meets a specifier set like `>=1.6,<2` (empty: any)."""
    for clause in filter(None, (c.strip() for c in spec.split(","))):
        m = re.match(r"^(~=|===|==|!=|<=|>=|<|>)\s*(.+)$", clause)
        if not m:
            raise WheelError(f"cannot read the version specifier {clause!r}")
        op, want = m[1], m[2].strip()
        if op in ("==", "!=") and want.endswith(".*"):
            prefix = _release(want[:-2])
            hit = _release(version)[: len(prefix)] == prefix
            if hit != (op == "=="):
                return False
            continue
        if op == "===":
            if version != want:
                return False
            continue
        v, w = version_key(version), version_key(want)
        if op == "~=":
            parts = _release(want)
            if len(parts) < 2 or v < w or _release(version)[: len(parts) - 1] != parts[:-1]:
                return False
            continue
        ok = {"==": v == w, "!=": v != w, "<=": v <= w, ">=": v >= w, "<": v < w, ">": v > w}[op]
        if not ok:
            return False
    return True


# -- environment markers (PEP 508) -------------------------------------------


def _environment():
    import platform

    info = sys.implementation
    return {
        "python_version": "%d.%d" % sys.version_info[:2],
        "python_full_version": platform.python_version(),
        "os_name": os.name,
        "sys_platform": sys.platform,
        "platform_system": platform.system(),
        "platform_machine": platform.machine(),
        "platform_release": platform.release(),
        "platform_version": platform.version(),
        "platform_python_implementation": platform.python_implementation(),
        "implementation_name": info.name,
        "implementation_version": "%d.%d.%d" % info.version[:3],
        "extra": "",
    }


_MARKER_TOKEN = re.compile(r"""\s*(?:(?P<str>'[^']*'|"[^"]*")|(?P<op>===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b)|(?P<paren>[()])|(?P<word>[A-Za-z_][A-Za-z0-9_.]*))""")


def marker_true(marker, env=None):
    """Evaluate a PEP 508 environment marker for this interpreter."""
    env = dict(_environment() if env is None else env)
    tokens = []
    pos = 0
    text = marker.strip()
    while pos < len(text):
        m = _MARKER_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise WheelError(f"cannot read the environment marker {marker!r}")
        pos = m.end()
        kind = m.lastgroup
        value = m[kind]
        tokens.append((kind, re.sub(r"\s+", " ", value) if kind == "op" else value))
    i = 0

    def peek():
        return tokens[i] if i < len(tokens) else (None, None)

    def take():
        nonlocal i
        i += 1
        return tokens[i - 1]

    def value():
        kind, v = take()
        if kind == "str":
            return v[1:-1]
        if kind == "word" and v in env:
            return env[v]
        raise WheelError(f"unknown name {v!r} in the environment marker {marker!r}")

    def compare():
        if peek() == ("paren", "("):
            take()
            r = disjunction()
            if take() != ("paren", ")"):
                raise WheelError(f"unbalanced parentheses in the environment marker {marker!r}")
            return r
        left = value()
        kind, op = take()
        if kind != "op":
            raise WheelError(f"expected a comparison in the environment marker {marker!r}")
        right = value()
        if op == "in":
            return left in right
        if op == "not in":
            return left not in right
        try:
            return satisfies(left, op + right)
        except WheelError:
            return {"==": left == right, "!=": left != right, "===": left == right}.get(op, False)

    def conjunction():
        r = compare()
        while peek() == ("word", "and"):
            take()
            r = compare() and r
        return r

    def disjunction():
        r = conjunction()
        while peek() == ("word", "or"):
            take()
            r = conjunction() or r
        return r

    result = disjunction()
    if i != len(tokens):
        raise WheelError(f"cannot read the environment marker {marker!r}")
    return result


_REQUIREMENT = re.compile(r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[(?P<extras>[^\]]*)\])?\s*(\(?(?P<spec>[^;()]*)\)?)?\s*(;(?P<marker>.*))?$")


def parse_requirement(text):
    """`(canonical name, specifier, marker or None)` of a `Requires-Dist` value."""
    m = _REQUIREMENT.match(text)
    if not m:
        raise WheelError(f"cannot read the requirement {text!r}")
    return canonical(m["name"]), (m["spec"] or "").strip(), (m["marker"] or "").strip() or None


# -- one wheel ---------------------------------------------------------------


class Wheel:
    """A wheel read and checked in memory (nothing written yet)."""

    def __init__(self, filename, data):
        self.filename = os.path.basename(filename)
        self.name, self.version = check_pure(self.filename)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as e:
            raise WheelError(f"{self.filename} is not a zip archive: {e}") from None
        names = self.zip.namelist()
        infos = sorted({n.split("/", 1)[0] for n in names if n.split("/", 1)[0].endswith(".dist-info")})
        if len(infos) != 1:
            raise WheelError(f"{self.filename} has {len(infos)} .dist-info directories, not one")
        self.dist_info = infos[0]
        self.metadata = self._read_metadata()
        self.project = self.metadata.get("Name", [self.name])[0]
        self._check_wheel_file()
        self._check_record(names)

    def _text(self, member):
        try:
            return self.zip.read(f"{self.dist_info}/{member}").decode("utf-8")
        except KeyError:
            raise WheelError(f"{self.filename} has no {self.dist_info}/{member}") from None

    def _read_metadata(self):
        import email.parser

        msg = email.parser.Parser().parsestr(self._text("METADATA"))
        out = {}
        for key, value in msg.items():
            out.setdefault(key, []).append(value)
        return out

    def _check_wheel_file(self):
        fields = dict(line.split(":", 1) for line in self._text("WHEEL").splitlines() if ":" in line)
        version = fields.get("Wheel-Version", "").strip()
        if not version.startswith("1."):
            raise WheelError(f"{self.filename} has Wheel-Version {version!r}; only 1.x is understood")
        if fields.get("Root-Is-Purelib", "").strip().lower() != "true":
            raise WheelError(f"{self.filename} is not a purelib wheel (Root-Is-Purelib is not true)")

    def _check_record(self, names):
        import csv

        record_name = f"{self.dist_info}/RECORD"
        rows = list(csv.reader(io.StringIO(self._text("RECORD"))))
        listed = {}
        for row in rows:
            if not row or not row[0]:
                continue
            path = row[0]
            if path.startswith("/") or ".." in path.split("/"):
                raise WheelError(f"{self.filename}: RECORD names a path outside the install directory: {path!r}")
            listed[path] = row
        unsigned = {record_name, record_name + ".jws", record_name + ".p7s"}
        for name in names:
            if name.endswith("/") or name in unsigned:
                continue
            row = listed.get(name)
            if row is None:
                raise WheelError(f"{self.filename}: {name} is not listed in RECORD")
            data = self.zip.read(name)
            if len(row) < 2 or not row[1]:
                raise WheelError(f"{self.filename}: RECORD has no hash for {name}")
            algo, _, want = row[1].partition("=")
            if algo not in ("sha256", "sha384", "sha512"):
                raise WheelError(f"{self.filename}: RECORD hashes {name} with {algo!r}; sha256 or stronger is required")
            got = base64.urlsafe_b64encode(hashlib.new(algo, data).digest()).rstrip(b"=").decode()
            if got != want:
                raise WheelError(f"{self.filename}: {name} does not match its RECORD hash ({algo}={want}, file has {got})")
            if len(row) > 2 and row[2] and int(row[2]) != len(data):
                raise WheelError(f"{self.filename}: {name} is {len(data)} bytes, RECORD says {row[2]}")
        missing = [p for p in listed if p not in names and p not in unsigned]
        if missing:
            raise WheelError(f"{self.filename}: RECORD lists {missing[0]}, which the archive does not hold")

    def requirements(self):
        """The canonical names and specifiers this wheel needs here (markers
        evaluated, extras not requested)."""
        out = []
        for text in self.metadata.get("Requires-Dist", []):
            name, spec, marker = parse_requirement(text)
            if marker is None or marker_true(marker):
                out.append((name, spec, text))
        return out

    def requires_python(self):
        spec = self.metadata.get("Requires-Python", [""])[0]
        here = "%d.%d.%d" % sys.version_info[:3]
        if spec and not satisfies(here, spec):
            raise WheelError(f"{self.filename} requires Python {spec}; this is Python {here}")

    def install(self, target):
        """Write the files (`.data/purelib` and `platlib` into `target` too);
        the dist-info gets an INSTALLER file."""
        data_dir = f"{self.name}-{self.version}.data/"
        written = []
        for info in self.zip.infolist():
            name = info.filename
            if name.endswith("/"):
                continue
            dest_root, rel = target, name
            if name.startswith(data_dir):
                kind, _, rel = name[len(data_dir):].partition("/")
                if kind in ("purelib", "platlib"):
                    dest_root = target
                elif kind == "data":
                    dest_root = sys.prefix
                elif kind == "scripts":
                    dest_root = os.path.join(sys.prefix, "bin")
                elif kind == "headers":
                    dest_root = os.path.join(sys.prefix, "include", self.project)
                else:
                    raise WheelError(f"{self.filename}: unknown .data directory {kind!r}")
            dest = os.path.join(dest_root, *rel.split("/"))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as f:
                f.write(self.zip.read(info))
            written.append(dest)
        with open(os.path.join(target, self.dist_info, "INSTALLER"), "w") as f:
            f.write("pybridge\n")
        return written

    def describe(self):
        return {"name": self.project, "version": self.version, "fileName": self.filename, "packageType": "package"}


def installed():
    """`{canonical name: version}` of every installed distribution."""
    import importlib.metadata

    out = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            out.setdefault(canonical(name), dist.version)
    return out


def install(wheels, deps=True):
    """Install `wheels`, a list of `(file name, bytes)`: each checked, then
    installed after the wheels it depends on. Returns one dict per wheel
    installed (`name`, `version`, `fileName`, `packageType`), in install
    order. With `deps=False` dependencies are not checked."""
    import importlib

    checked = {}
    have = installed()
    skipped = []
    for filename, data in wheels:
        if hasattr(data, "to_bytes"):  # a JS Uint8Array or ArrayBuffer
            data = data.to_bytes()
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"install: the contents of {filename!r} must be bytes, not {type(data).__name__}")
        w = Wheel(filename, bytes(data))
        w.requires_python()
        key = canonical(w.project)
        if key in checked and checked[key].version != w.version:
            raise WheelError(f"two versions of {w.project} given: {checked[key].filename} and {w.filename}")
        if key in have:
            if version_key(have[key]) != version_key(w.version):
                raise WheelError(
                    f"{w.project} {have[key]} is installed already; {w.filename} would replace it, and uninstalling is not supported"
                )
            skipped.append(key)
            continue
        checked[key] = w
    order = []
    state = {}

    def visit(key, chain):
        if state.get(key) == "done":
            return
        if state.get(key) == "visiting":
            return  # a dependency cycle: either order works for pure Python
        state[key] = "visiting"
        w = checked[key]
        if deps:
            for dep, spec, text in w.requirements():
                if dep in checked:
                    if not satisfies(checked[dep].version, spec):
                        raise WheelError(f"{w.filename} requires {text.split(';')[0].strip()}, but {checked[dep].filename} was given")
                    visit(dep, chain + [key])
                elif dep in have:
                    if spec and not satisfies(have[dep], spec):
                        raise WheelError(f"{w.filename} requires {text.split(';')[0].strip()}, but {dep} {have[dep]} is installed")
                else:
                    raise WheelError(
                        f"{w.filename} requires {text.split(';')[0].strip()}, which is neither installed nor among the wheels given"
                    )
        state[key] = "done"
        order.append(w)

    for key in checked:
        visit(key, [])
    target = site_packages()
    done = []
    for w in order:
        w.install(target)
        done.append(w.describe())
    importlib.invalidate_caches()
    return done
